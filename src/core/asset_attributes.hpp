#pragma once
// `attributes.KEY=VALUE` of `mbl asset set`: a command-line value to the canonical JSON text the
// file keeps (model.hpp, RawJson). Private to the core library.

#include "mbl/model.hpp"

#include <string>
#include <string_view>

namespace mbl {

// `value` as canonical JSON text: its own JSON when it parses as one JSON value (`8`, `true`,
// `[1, 2]`, `"text"`), else the JSON string holding it (`linux` -> `"linux"`). Error(usage) for
// invalid UTF-8 or nesting deeper than the loader accepts.
RawJson attribute_value(std::string_view value, std::string_view key);

// Sets `key` in `attributes` to attribute_value(`value`): in place when the key exists (its
// position kept), appended otherwise; an empty `value` removes the key. Returns the change,
// `attributes.cores: 4 -> 8`, values spelled as compact JSON (`none` when absent).
std::string set_attribute(RawObject& attributes, std::string_view key, std::string_view value);

} // namespace mbl
