#pragma once
// JSON documents put together from texts the canonical writer made (to_json_text), so that the
// file's spelling of numbers survives (`1.10`, `12345678901234567890`), as `asset show --format
// json` prints them; a round trip through nlohmann would respell them (`1.1`, `1.2345e+19`).
// Every text is laid out as to_json_text and nlohmann's dump(2) lay it out from depth 0: two
// spaces per level, one member or element per line.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::cli {

// A member to append: its key (escaped here) and its value as JSON text laid out from depth 0.
using JsonMember = std::pair<std::string, std::string>;

// The object `object_text` with `members` appended after its own members.
std::string json_object_with(std::string_view object_text, const std::vector<JsonMember>& members);

// The `elements` (each laid out from depth 0) as one array; `[]` when there are none.
std::string json_array_of(const std::vector<std::string>& elements);

} // namespace mbl::cli
