// Field by field merges of one object's members (merge_fields.hpp).

#include "merge_fields.hpp"

#include "backlog_members.hpp"

#include <fmt/format.h>

namespace mbl::detail {
namespace {

bool same(const RawJson* a, const RawJson* b) {
    return a == nullptr ? b == nullptr : b != nullptr && a->text == b->text;
}

std::optional<RawJson> copy_of(const RawJson* value) {
    return value ? std::optional<RawJson>(*value) : std::nullopt;
}

bool is_object(const RawJson* value) {
    return value != nullptr && value->text.starts_with('{');
}

bool is_array(const RawJson* value) {
    return value != nullptr && value->text.starts_with('[');
}

} // namespace

std::vector<std::string> changed_keys(const RawObject& before, const RawObject& after) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : after) {
        if (!same(find_member(before, key), &value)) {
            keys.push_back(key);
        }
    }
    for (const auto& [key, value] : before) {
        if (find_member(after, key) == nullptr) {
            keys.push_back(key);
        }
    }
    return keys;
}

RawObject FieldMerger::merge_fields(std::string_view kind, const std::string& entity,
                                    const RawObject* base, const RawObject& ours,
                                    const RawObject& theirs, const std::string& field_prefix) {
    RawObject merged;
    auto merge_key = [&](const std::string& key) {
        const RawJson* base_value = base ? find_member(*base, key) : nullptr;
        const RawJson* ours_value = find_member(ours, key);
        const RawJson* theirs_value = find_member(theirs, key);
        const RawJson* chosen = ours_value;
        if (is_array(ours_value) && is_array(theirs_value) &&
            (base_value == nullptr || is_array(base_value)) && !same(ours_value, theirs_value) &&
            !same(ours_value, base_value) && !same(theirs_value, base_value)) {
            if (std::optional<RawJson> list = merge_list(list_rule(kind, key), entity, key,
                                                         base_value, *ours_value, *theirs_value)) {
                merged.emplace_back(key, std::move(*list));
                return;
            }
        }
        if (is_object(ours_value) && is_object(theirs_value) &&
            (base_value == nullptr || is_object(base_value)) && !same(ours_value, theirs_value)) {
            merged.emplace_back(key, merge_objects(entity, field_prefix + key, base_value,
                                                   *ours_value, *theirs_value));
            return;
        }
        if (!same(ours_value, theirs_value)) {
            if (same(ours_value, base_value)) {
                chosen = theirs_value;
            } else if (!same(theirs_value, base_value)) {
                conflicts.push_back({base ? MergeConflict::Kind::changed_both_ways
                                          : MergeConflict::Kind::added_differently,
                                     entity,
                                     field_prefix + key,
                                     copy_of(base_value),
                                     copy_of(ours_value),
                                     copy_of(theirs_value),
                                     {},
                                     {}});
            }
        }
        if (chosen != nullptr) {
            merged.emplace_back(key, *chosen);
        }
    };
    for (const auto& member : ours) {
        merge_key(member.first);
    }
    for (const auto& member : theirs) {
        if (find_member(ours, member.first) == nullptr) {
            merge_key(member.first);
        }
    }
    return merged;
}

std::optional<RawJson> FieldMerger::merge_list(ListRule rule, const std::string& entity,
                                               const std::string& key, const RawJson* base,
                                               const RawJson& ours, const RawJson& theirs) {
    if (rule == ListRule::whole) {
        return std::nullopt;
    }
    std::optional<std::vector<RawJson>> base_elements;
    if (base != nullptr) {
        base_elements = split_canonical_array(base->text);
    }
    const std::vector<RawJson>* before = base_elements ? &*base_elements : nullptr;
    std::vector<RawJson> our_elements = split_canonical_array(ours.text);
    std::vector<RawJson> their_elements = split_canonical_array(theirs.text);
    if (rule == ListRule::set) {
        return to_array_json(merge_sets(before, our_elements, their_elements));
    }
    if (rule == ListRule::append_only) {
        auto merged = merge_appended(before, our_elements, their_elements);
        return merged ? std::optional<RawJson>(to_array_json(*merged)) : std::nullopt;
    }
    auto merged = merge_by_position(before, our_elements, their_elements);
    if (!merged) {
        return std::nullopt;
    }
    for (std::size_t position : merged->conflicts) {
        conflicts.push_back({MergeConflict::Kind::changed_both_ways,
                             entity,
                             fmt::format("{} {}", key == "tasks" ? "task" : key, position + 1),
                             base_elements->at(position),
                             our_elements[position],
                             their_elements[position],
                             {},
                             {}});
    }
    return to_array_json(merged->merged);
}

RawJson FieldMerger::merge_objects(const std::string& entity, const std::string& field,
                                   const RawJson* base, const RawJson& ours,
                                   const RawJson& theirs) {
    std::optional<RawObject> base_members;
    if (base != nullptr) {
        base_members = split_canonical_object(base->text);
    }
    RawObject merged = merge_fields("", entity, base_members ? &*base_members : nullptr,
                                    split_canonical_object(ours.text),
                                    split_canonical_object(theirs.text), field + ".");
    return to_object_json(merged);
}

} // namespace mbl::detail
