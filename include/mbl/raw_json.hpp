#pragma once
// Free-form JSON values (RawJson, model.hpp) from and to text, written exactly as the loader
// keeps the file's own unknown values: numbers keep their spelling.

#include "mbl/model.hpp"

#include <optional>
#include <string_view>

namespace mbl {

// `text` as one canonical JSON value (any type). nullopt when `text` is not exactly one JSON
// value. Throws Error(usage) for JSON that mbl refuses in a file: duplicate keys, or nesting
// deeper than `max_depth` containers.
std::optional<RawJson> parse_raw_json(std::string_view text, int max_depth);

// `value` on one line (`{"size_gb": 512, "tier": [1, 2]}`), for messages and tables.
std::string one_line(const RawJson& value);

// one_line(`value`) cut to at most `limit` bytes (on a UTF-8 boundary) ending in `...` when
// longer, for one-line messages.
std::string one_line(const RawJson& value, std::size_t limit);

} // namespace mbl
