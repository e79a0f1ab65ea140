#pragma once
// A backlog seen as plain members, for the merge and the diff: every object a list of
// `key -> canonical value text` (RawObject), so each field, known or unknown, is compared the
// same way (by its canonical text, which is equal exactly when the values are equal). Only what
// differs is turned into members: equal entities are found equal typed.

#include "mbl/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace mbl::detail {

// The top level's own members (`$schema`, `format`, `name`, unknown keys) and the settings by
// key (`task_templates` is one member): a backlog without its entities.
struct TopMembers {
    RawObject top;
    RawObject settings;
};

// `backlog`'s top level and settings as members, each written by the canonical writer
// (save.hpp). The entities are left out: callers compare them typed first, and turn only those
// that differ into members (members_of), so a large backlog is never held twice.
TopMembers top_members_of(const Backlog& backlog);

// One entity's members in canonical order, each written by the canonical writer.
RawObject members_of(const Workload& workload);
RawObject members_of(const Asset& asset);
RawObject members_of(const Iteration& iteration);

// The backlog without entities that these members describe, read back with
// load_backlog_or_throw (Error(input), labelled `label`, when a value does not fit its field's
// type).
Backlog backlog_from_members(const TopMembers& members, std::string_view label);

// The entity these members describe (members in any order: known keys go back to their places,
// unknown ones keep theirs), read back like backlog_from_members.
Workload workload_from_members(const RawObject& members, std::string_view label);
Asset asset_from_members(const RawObject& members, std::string_view label);
Iteration iteration_from_members(const RawObject& members, std::string_view label);

// True when `a` and `b` hold entities with the same ids in the same order.
template <class Entity> bool same_ids(const std::vector<Entity>& a, const std::vector<Entity>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id) {
            return false;
        }
    }
    return true;
}

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
