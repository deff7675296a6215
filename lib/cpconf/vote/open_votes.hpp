#pragma once

#include <string>
#include <variant>

#include "cpconf/source/record_source.hpp"
#include "cpconf/vote/summary.hpp"

namespace cpconf {

// A record opened for `cpconf vote`, with the profile and settings its votes are judged under.
struct VoteRecord {
  OpenedRecord opened;

  const Record& record() const { return *opened.loaded.record; }
  RecordReview review(const RedactionOptions& redaction = {}) const {
    return review_votes(record(), *opened.profile, *opened.calendar, opened.config_rules, redaction);
  }
};

// Opens one input for its votes. A file that cannot be read, a record with a loader error, or
// one naming no known profile (its decision mode would be guessed) is a LoadFailure: its votes
// cannot be trusted.
// With redaction, a failure's findings and file name are redacted as the output would be.
std::variant<VoteRecord, LoadFailure> open_votes(RecordSource& source, const std::string& path,
                                                 const RedactionOptions& redaction = {});

}  // namespace cpconf
