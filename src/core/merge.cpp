#include "mbl/merge.hpp"

#include "backlog_members.hpp"
#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/validate.hpp"

#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace mbl {
namespace {

using detail::EntityMembers;
using detail::find_member;

bool same(const RawJson* a, const RawJson* b) {
    return a == nullptr ? b == nullptr : b != nullptr && a->text == b->text;
}

std::optional<RawJson> copy_of(const RawJson* value) {
    return value ? std::optional<RawJson>(*value) : std::nullopt;
}

// The keys whose values differ between `before` and `after` (added and removed ones too), in
// `after`'s order then `before`'s.
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

bool is_object(const RawJson* value) {
    return value != nullptr && value->text.starts_with('{');
}

using Index = std::unordered_map<std::string_view, const EntityMembers*>;

Index index_by_id(const std::vector<EntityMembers>& entities, std::string_view side,
                  std::string_view plural) {
    Index index;
    for (const EntityMembers& entity : entities) {
        if (!index.emplace(entity.id, &entity).second) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} has two {} '{}'; give one of them another id, then merge "
                                    "again",
                                    side, plural, entity.id));
        }
    }
    return index;
}

const EntityMembers* find_in(const Index& index, std::string_view id) {
    auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
}

class Merger {
  public:
    std::vector<MergeConflict> conflicts;

    // One object's members, merged field by field; `base` null when the object was added on
    // both sides.
    // Free-form objects inside (`attributes`, an unknown key's object) merge key by key too, their
    // fields named `<key>.<inner key>`.
    RawObject merge_fields(const std::string& entity, const RawObject* base, const RawObject& ours,
                           const RawObject& theirs, const std::string& field_prefix = "") {
        RawObject merged;
        auto merge_key = [&](const std::string& key) {
            const RawJson* base_value = base ? find_member(*base, key) : nullptr;
            const RawJson* ours_value = find_member(ours, key);
            const RawJson* theirs_value = find_member(theirs, key);
            const RawJson* chosen = ours_value;
            if (is_object(ours_value) && is_object(theirs_value) &&
                (base_value == nullptr || is_object(base_value)) &&
                !same(ours_value, theirs_value)) {
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

    std::vector<EntityMembers> merge_entities(std::string_view singular, std::string_view plural,
                                              const std::vector<EntityMembers>* base,
                                              const std::vector<EntityMembers>& ours,
                                              const std::vector<EntityMembers>& theirs) {
        Index base_index = base ? index_by_id(*base, "base", plural) : Index{};
        Index ours_index = index_by_id(ours, "ours", plural);
        Index theirs_index = index_by_id(theirs, "theirs", plural);
        std::vector<EntityMembers> merged;
        for (const EntityMembers& our : ours) {
            std::string label = fmt::format("{} {}", singular, our.id);
            const EntityMembers* their = find_in(theirs_index, our.id);
            const EntityMembers* original = find_in(base_index, our.id);
            if (their != nullptr) {
                merged.push_back(
                    {our.id, merge_fields(label, original ? &original->members : nullptr,
                                          our.members, their->members)});
            } else if (original == nullptr) {
                merged.push_back(our); // added in ours
            } else if (our.members != original->members) {
                removed_and_edited(label, *original, &our, nullptr);
                merged.push_back(our);
            } // else removed in theirs, unchanged in ours: removed
        }
        for (const EntityMembers& their : theirs) {
            if (find_in(ours_index, their.id) != nullptr) {
                continue;
            }
            const EntityMembers* original = find_in(base_index, their.id);
            if (original == nullptr) {
                merged.push_back(their); // added in theirs
            } else if (their.members != original->members) {
                removed_and_edited(fmt::format("{} {}", singular, their.id), *original, nullptr,
                                   &their);
            } // else removed in ours, unchanged in theirs: removed
        }
        return merged;
    }

  private:
    RawJson merge_objects(const std::string& entity, const std::string& field, const RawJson* base,
                          const RawJson& ours, const RawJson& theirs) {
        std::optional<RawObject> base_members;
        if (base != nullptr) {
            base_members = detail::split_canonical_object(base->text);
        }
        RawObject merged = merge_fields(entity, base_members ? &*base_members : nullptr,
                                        detail::split_canonical_object(ours.text),
                                        detail::split_canonical_object(theirs.text), field + ".");
        return detail::to_object_json(merged);
    }

    void removed_and_edited(const std::string& entity, const EntityMembers& base,
                            const EntityMembers* ours, const EntityMembers* theirs) {
        const EntityMembers& edited = ours ? *ours : *theirs;
        auto json_of = [](const EntityMembers* side) {
            return side ? std::optional<RawJson>(detail::to_object_json(side->members))
                        : std::nullopt;
        };
        conflicts.push_back({MergeConflict::Kind::removed_and_edited, entity, "",
                             detail::to_object_json(base.members), json_of(ours), json_of(theirs),
                             changed_keys(base.members, edited.members)});
    }
};

using ProblemKey = std::pair<std::string, std::string>; // code, message

std::set<ProblemKey> errors_of(const Backlog& backlog) {
    std::set<ProblemKey> errors;
    for (const Problem& problem : validate_backlog(backlog)) {
        if (problem.severity == Severity::error) {
            errors.emplace(problem.code, problem.message);
        }
    }
    return errors;
}

// `value` on one line, `none` when absent.
std::string shown(const std::optional<RawJson>& value) {
    constexpr std::size_t limit = 60;
    return value ? one_line(*value, limit) : "none";
}

} // namespace

MergeResult merge_backlogs(const Backlog* base, const Backlog& ours, const Backlog& theirs) {
    std::optional<detail::BacklogMembers> base_members;
    if (base != nullptr) {
        base_members = detail::to_members(*base);
    }
    detail::BacklogMembers our = detail::to_members(ours);
    detail::BacklogMembers their = detail::to_members(theirs);
    const detail::BacklogMembers* original = base_members ? &*base_members : nullptr;

    Merger merger;
    detail::BacklogMembers merged;
    merged.top =
        merger.merge_fields("backlog", original ? &original->top : nullptr, our.top, their.top);
    merged.settings = merger.merge_fields("settings", original ? &original->settings : nullptr,
                                          our.settings, their.settings);
    merged.workloads =
        merger.merge_entities("workload", "workloads", original ? &original->workloads : nullptr,
                              our.workloads, their.workloads);
    merged.assets = merger.merge_entities("asset", "assets", original ? &original->assets : nullptr,
                                          our.assets, their.assets);
    merged.iterations =
        merger.merge_entities("iteration", "iterations", original ? &original->iterations : nullptr,
                              our.iterations, their.iterations);

    MergeResult result{detail::from_members(merged), std::move(merger.conflicts), {}};
    std::set<ProblemKey> known = errors_of(ours);
    known.merge(errors_of(theirs));
    for (Problem& problem : validate_backlog(result.merged)) {
        if (problem.severity == Severity::error &&
            !known.contains(ProblemKey{problem.code, problem.message})) {
            result.broken_rules.push_back(std::move(problem));
        }
    }
    return result;
}

std::string describe(const MergeConflict& conflict) {
    using Kind = MergeConflict::Kind;
    if (conflict.kind == Kind::removed_and_edited) {
        bool removed_in_ours = !conflict.ours;
        std::string fields;
        for (const std::string& field : conflict.edited_fields) {
            fields += fields.empty() ? field : ", " + field;
        }
        return fmt::format("{}: removed in {}, edited in {} ({}); kept {}", conflict.entity,
                           removed_in_ours ? "ours" : "theirs", removed_in_ours ? "theirs" : "ours",
                           fields, removed_in_ours ? "removed" : "ours");
    }
    std::string origin = conflict.kind == Kind::added_differently ? "added on both sides"
                                                                  : "base " + shown(conflict.base);
    return fmt::format("{} field {}: ours {}, theirs {} ({})", conflict.entity, conflict.field,
                       shown(conflict.ours), shown(conflict.theirs), origin);
}

} // namespace mbl
