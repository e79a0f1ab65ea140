#pragma once
// The JSON Schema of backlog.json, for editors: schema/backlog.schema.json, built into the library
// so `mbl schema` and `mbl init` give the schema of the running mbl.

#include <string_view>

namespace mbl {

// The file name `mbl init` gives the schema beside a new backlog.
inline constexpr std::string_view schema_file_name = "backlog.schema.json";
// The `"$schema"` value `mbl init` writes by default: that file, relative to the backlog's own
// folder, so it holds on every clone. The leading `./` matters: VS Code resolves a `$schema`
// against the document's folder only when it starts with `.`.
inline constexpr std::string_view default_schema_reference = "./backlog.schema.json";

// The exact bytes of schema/backlog.schema.json (JSON Schema draft 2020-12), as built.
std::string_view backlog_schema_text();

} // namespace mbl
