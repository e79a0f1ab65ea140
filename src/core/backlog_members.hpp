#pragma once
// A backlog seen as plain members, for the merge and the diff: every object a list of
// `key -> canonical value text` (RawObject), so each field, known or unknown, is compared the
// same way (by its canonical text, which is equal exactly when the values are equal).

#include "mbl/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mbl::detail {

// One workload, asset or iteration: its id and its members in canonical order.
struct EntityMembers {
    std::string id;
    RawObject members;
};

struct BacklogMembers {
    RawObject top;      // the top level's own members: `$schema`, `format`, `name`, unknown keys
    RawObject settings; // settings by key (`task_templates` is one member)
    std::vector<EntityMembers> workloads;
    std::vector<EntityMembers> assets;
    std::vector<EntityMembers> iterations;
};

// `backlog` as members, each written by the canonical writer (save.hpp).
BacklogMembers to_members(const Backlog& backlog);

// The backlog these members describe: written as one JSON document and read back with
// load_backlog_or_throw (Error(input) when a value does not fit its field's type). Members of an
// object may come in any order: known keys go back to their places, unknown ones keep theirs.
Backlog from_members(const BacklogMembers& members);

// The members of `object`, a JSON object in canonical text at depth 0 (RawJson's layout, as
// to_json_text and to_canonical_text write it), each value re-based to depth 0. Relies on that
// layout: a member starts on a line indented by exactly two spaces and a `"`; nested lines are
// indented deeper, except closing brackets. Not for text of any other shape.
RawObject split_canonical_object(std::string_view object);

// The elements of `array`, a JSON array in canonical text at depth 0 (`[]`, or one element per
// line indented by two spaces, as the canonical writer puts them), each re-based to depth 0. Not
// for text of any other shape.
std::vector<RawJson> split_canonical_array(std::string_view array);

// `elements` as one JSON array in canonical text at depth 0.
RawJson to_array_json(const std::vector<RawJson>& elements);

// `members` as one JSON object in canonical text at depth 0.
RawJson to_object_json(const RawObject& members);

// The text a canonical JSON string literal holds, escapes decoded; empty when `value` is not a
// string.
std::string string_value(std::string_view literal);

// The value of `key` in `members`, or null when absent.
const RawJson* find_member(const RawObject& members, std::string_view key);

} // namespace mbl::detail
