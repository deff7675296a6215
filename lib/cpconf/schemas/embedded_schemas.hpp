#pragma once

#include <span>
#include <string_view>

namespace cpconf {

// A JSON Schema from schemas/, compiled in so that `cpconf schema` needs no file at run time.
struct EmbeddedSchema {
  std::string_view name;  // what `cpconf schema` calls it
  std::string_view file;  // its file in schemas/ and in the installed share/cpconf/schemas/
  std::string_view text;  // the file's bytes, unchanged
};

// Every schema, the record's first.
std::span<const EmbeddedSchema> embedded_schemas();
const EmbeddedSchema* find_schema(std::string_view name);

}  // namespace cpconf
