#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cpconf/derive/redact.hpp"
#include "cpconf/source/inputs.hpp"
#include "cpconf/source/record_source.hpp"

// Redaction across the records of one case, for every command that redacts (render, vote,
// timeline): a review may name in free text a relative who came only to the initial
// conference, so each record hides the names its case's other records hide too.
namespace cpconf {

// The names redaction hides in each case's records, pooled over every file given (standard
// input excepted). Empty when nothing is redacted or there is one file: nothing to pool.
// Files that cannot be read add nothing; the command reports them when it reads them.
using NamesByCase = std::map<std::string, std::vector<std::string>>;
NamesByCase names_by_case(Inputs& inputs, Redaction level, RecordSource& source, unsigned jobs);

// The options to redact one record with: these, and the names its case's records hide.
RedactionOptions with_case_names(RedactionOptions options, const NamesByCase& case_names, const Record& record);

// The redaction a command was asked for, over the inputs it was given: what each record is
// redacted with, its case's names included.
class CaseRedaction {
 public:
  CaseRedaction() = default;  // redacts nothing
  // Reads every input once more (on `jobs` threads) when redacting several records.
  CaseRedaction(RedactionOptions options, Inputs& inputs, RecordSource& source, unsigned jobs)
      : m_options(std::move(options)), m_case_names(names_by_case(inputs, m_options.level, source, jobs)) {}

  bool redacts() const { return m_options.level != Redaction::none; }
  const RedactionOptions& options() const { return m_options; }
  RedactionOptions options_for(const Record& record) const {
    return with_case_names(m_options, m_case_names, record);
  }
  Redactor redactor_for(const Record& record) const { return Redactor(record, options_for(record)); }

 private:
  RedactionOptions m_options;
  NamesByCase m_case_names;
};

}  // namespace cpconf
