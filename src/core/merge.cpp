#include "mbl/merge.hpp"

#include "backlog_members.hpp"
#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/validate.hpp"
#include "merge_lists.hpp"
#include "merge_plan.hpp"

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

bool is_array(const RawJson* value) {
    return value != nullptr && value->text.starts_with('[');
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
    // both sides. `kind` names the entity's kind for its lists' rules (list_rule; empty: none).
    // Free-form objects inside (`attributes`, an unknown key's object) merge key by key too, their
    // fields named `<key>.<inner key>`.
    RawObject merge_fields(std::string_view kind, const std::string& entity, const RawObject* base,
                           const RawObject& ours, const RawObject& theirs,
                           const std::string& field_prefix = "") {
        RawObject merged;
        auto merge_key = [&](const std::string& key) {
            const RawJson* base_value = base ? find_member(*base, key) : nullptr;
            const RawJson* ours_value = find_member(ours, key);
            const RawJson* theirs_value = find_member(theirs, key);
            const RawJson* chosen = ours_value;
            if (is_array(ours_value) && is_array(theirs_value) &&
                (base_value == nullptr || is_array(base_value)) &&
                !same(ours_value, theirs_value) && !same(ours_value, base_value) &&
                !same(theirs_value, base_value)) {
                if (std::optional<RawJson> list =
                        merge_list(detail::list_rule(kind, key), entity, key, base_value,
                                   *ours_value, *theirs_value)) {
                    merged.emplace_back(key, std::move(*list));
                    return;
                }
            }
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
                    {our.id, merge_fields(singular, label, original ? &original->members : nullptr,
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
    // A list changed differently on both sides, merged by its rule; absent when the rule cannot
    // merge it (`whole`, or a side did more than the rule allows): then it is one value.
    std::optional<RawJson> merge_list(detail::ListRule rule, const std::string& entity,
                                      const std::string& key, const RawJson* base,
                                      const RawJson& ours, const RawJson& theirs) {
        using detail::ListRule;
        if (rule == ListRule::whole) {
            return std::nullopt;
        }
        std::optional<std::vector<RawJson>> base_elements;
        if (base != nullptr) {
            base_elements = detail::split_canonical_array(base->text);
        }
        const std::vector<RawJson>* before = base_elements ? &*base_elements : nullptr;
        std::vector<RawJson> our_elements = detail::split_canonical_array(ours.text);
        std::vector<RawJson> their_elements = detail::split_canonical_array(theirs.text);
        if (rule == ListRule::set) {
            return detail::to_array_json(detail::merge_sets(before, our_elements, their_elements));
        }
        if (rule == ListRule::append_only) {
            auto merged = detail::merge_appended(before, our_elements, their_elements);
            return merged ? std::optional<RawJson>(detail::to_array_json(*merged)) : std::nullopt;
        }
        auto merged = detail::merge_by_position(before, our_elements, their_elements);
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
        return detail::to_array_json(merged->merged);
    }

    RawJson merge_objects(const std::string& entity, const std::string& field, const RawJson* base,
                          const RawJson& ours, const RawJson& theirs) {
        std::optional<RawObject> base_members;
        if (base != nullptr) {
            base_members = detail::split_canonical_object(base->text);
        }
        RawObject merged = merge_fields("", entity, base_members ? &*base_members : nullptr,
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
        conflicts.push_back({MergeConflict::Kind::removed_and_edited,
                             entity,
                             "",
                             detail::to_object_json(base.members),
                             json_of(ours),
                             json_of(theirs),
                             changed_keys(base.members, edited.members),
                             {}});
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

// True for validate's double-commitment error about one of `assets` (`asset ID`, as its message
// starts: `asset ID is committed to open iterations ...`).
bool is_double_commitment_of(const Problem& problem, const std::set<std::string>& assets) {
    if (problem.code != "double-commitment") {
        return false;
    }
    std::size_t id_end = problem.message.find(' ', problem.message.find(' ') + 1);
    return assets.contains(problem.message.substr(0, id_end));
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
        merger.merge_fields("", "backlog", original ? &original->top : nullptr, our.top, their.top);
    merged.settings = merger.merge_fields("", "settings", original ? &original->settings : nullptr,
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
    std::set<std::string> committed_twice; // `asset ID`s reported as plan conflicts, not again
                                           // as broken rules
    for (MergeConflict& conflict : detail::plan_conflicts(base, ours, theirs, result.merged)) {
        if (conflict.kind == MergeConflict::Kind::committed_twice) {
            committed_twice.insert(conflict.entity);
        }
        result.conflicts.push_back(std::move(conflict));
    }
    std::set<ProblemKey> known = errors_of(ours);
    known.merge(errors_of(theirs));
    for (Problem& problem : validate_backlog(result.merged)) {
        if (problem.severity == Severity::error &&
            !known.contains(ProblemKey{problem.code, problem.message}) &&
            !is_double_commitment_of(problem, committed_twice)) {
            result.broken_rules.push_back(std::move(problem));
        }
    }
    return result;
}

std::string describe(const MergeConflict& conflict) {
    using Kind = MergeConflict::Kind;
    if (conflict.kind == Kind::over_committed || conflict.kind == Kind::committed_twice) {
        return fmt::format("{}: {}", conflict.entity, conflict.plan);
    }
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
