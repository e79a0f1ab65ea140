#include "mbl/merge.hpp"

#include "backlog_members.hpp"
#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/validate.hpp"
#include "merge_fields.hpp"
#include "merge_plan.hpp"

#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace mbl {
namespace {

template <class Entity> using Index = std::unordered_map<std::string_view, const Entity*>;

template <class Entity>
Index<Entity> index_by_id(const std::vector<Entity>& entities, std::string_view side,
                          std::string_view plural) {
    Index<Entity> index;
    index.reserve(entities.size());
    for (const Entity& entity : entities) {
        if (!index.emplace(entity.id, &entity).second) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} has two {} '{}'; give one of them another id, then merge "
                                    "again",
                                    side, plural, entity.id));
        }
    }
    return index;
}

template <class Entity> const Entity* find_in(const Index<Entity>& index, std::string_view id) {
    auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
}

Workload from_members(const RawObject& members, const std::string& label, const Workload*) {
    return detail::workload_from_members(members, "the merged " + label);
}
Asset from_members(const RawObject& members, const std::string& label, const Asset*) {
    return detail::asset_from_members(members, "the merged " + label);
}
Iteration from_members(const RawObject& members, const std::string& label, const Iteration*) {
    return detail::iteration_from_members(members, "the merged " + label);
}

// Merges entities of one kind, matched by id. Entities equal (typed) on two sides are taken as
// they are; only one changed on both sides is turned into members and merged field by field, so
// the merge holds no second copy of a large backlog.
class EntityMerger {
  public:
    explicit EntityMerger(detail::FieldMerger& fields) : fields_(fields) {}

    // `ours` becomes the merge, in place: ours' entities in ours' order (each merged with
    // theirs'), then those only theirs added, in theirs' order.
    template <class Entity>
    void merge(std::string_view singular, std::string_view plural, const std::vector<Entity>* base,
               std::vector<Entity>& ours, const std::vector<Entity>& theirs) {
        Index<Entity> base_index = base ? index_by_id(*base, "base", plural) : Index<Entity>{};
        Index<Entity> theirs_index = index_by_id(theirs, "theirs", plural);
        std::vector<const Entity*> added_by_theirs;
        std::vector<MergeConflict> removed_by_ours; // reported after ours' own entities
        {
            Index<Entity> ours_index = index_by_id(ours, "ours", plural);
            for (const Entity& their : theirs) {
                if (find_in(ours_index, their.id) != nullptr) {
                    continue;
                }
                const Entity* original = find_in(base_index, their.id);
                if (original == nullptr) {
                    added_by_theirs.push_back(&their);
                } else if (!(their == *original)) {
                    removed_by_ours.push_back(
                        removed_and_edited(label(singular, their.id), *original, their, true));
                } // else removed in ours, unchanged in theirs: removed
            }
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            Entity& our = ours[i];
            const Entity* their = find_in(theirs_index, our.id);
            const Entity* original = find_in(base_index, our.id);
            bool keep = true;
            if (their != nullptr) {
                if (our == *their || (original != nullptr && *their == *original)) {
                    // the same on both sides, or changed in ours only: ours
                } else if (original != nullptr && our == *original) {
                    our = *their; // changed in theirs only
                } else {
                    std::string name = label(singular, our.id);
                    std::optional<RawObject> base_members;
                    if (original != nullptr) {
                        base_members = detail::members_of(*original);
                    }
                    RawObject merged = fields_.merge_fields(
                        singular, name, base_members ? &*base_members : nullptr,
                        detail::members_of(our), detail::members_of(*their));
                    our = from_members(merged, name, &our);
                }
            } else if (original != nullptr) {
                keep = !(our == *original);
                if (keep) {
                    fields_.conflicts.push_back(
                        removed_and_edited(label(singular, our.id), *original, our, false));
                } // else removed in theirs, unchanged in ours: removed
            }     // else added in ours
            if (keep) {
                if (kept != i) {
                    ours[kept] = std::move(our);
                }
                ++kept;
            }
        }
        ours.erase(ours.begin() + static_cast<std::ptrdiff_t>(kept), ours.end());
        ours.reserve(ours.size() + added_by_theirs.size());
        for (const Entity* their : added_by_theirs) {
            ours.push_back(*their);
        }
        for (MergeConflict& conflict : removed_by_ours) {
            fields_.conflicts.push_back(std::move(conflict));
        }
    }

  private:
    static std::string label(std::string_view singular, std::string_view id) {
        return fmt::format("{} {}", singular, id);
    }

    // `edited` is the side that kept the entity; the other (ours when `removed_in_ours`)
    // removed it.
    template <class Entity>
    static MergeConflict removed_and_edited(const std::string& entity, const Entity& base,
                                            const Entity& edited, bool removed_in_ours) {
        RawObject base_members = detail::members_of(base);
        RawObject edited_members = detail::members_of(edited);
        std::optional<RawJson> edited_json = detail::to_object_json(edited_members);
        return {MergeConflict::Kind::removed_and_edited,
                entity,
                "",
                detail::to_object_json(base_members),
                removed_in_ours ? std::nullopt : edited_json,
                removed_in_ours ? edited_json : std::nullopt,
                detail::changed_keys(base_members, edited_members),
                {}};
    }

    detail::FieldMerger& fields_;
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

MergeResult merge_backlogs(const Backlog* base, Backlog&& ours, const Backlog& theirs) {
    // What the checks of the merge need of each side, taken before ours becomes the merge.
    std::set<ProblemKey> known = errors_of(ours);
    known.merge(errors_of(theirs));
    std::optional<detail::PlanFacts> base_facts;
    if (base != nullptr) {
        base_facts = detail::plan_facts(*base);
    }
    detail::PlanFacts our_facts = detail::plan_facts(ours);
    detail::PlanFacts their_facts = detail::plan_facts(theirs);

    detail::FieldMerger fields;
    std::optional<detail::TopMembers> original;
    if (base != nullptr) {
        original = detail::top_members_of(*base);
    }
    detail::TopMembers our = detail::top_members_of(ours);
    detail::TopMembers their = detail::top_members_of(theirs);
    detail::TopMembers merged_top;
    merged_top.top =
        fields.merge_fields("", "backlog", original ? &original->top : nullptr, our.top, their.top);
    merged_top.settings = fields.merge_fields(
        "", "settings", original ? &original->settings : nullptr, our.settings, their.settings);

    EntityMerger entities(fields);
    entities.merge("workload", "workloads", base ? &base->workloads : nullptr, ours.workloads,
                   theirs.workloads);
    entities.merge("asset", "assets", base ? &base->assets : nullptr, ours.assets, theirs.assets);
    entities.merge("iteration", "iterations", base ? &base->iterations : nullptr, ours.iterations,
                   theirs.iterations);
    Backlog top = detail::backlog_from_members(merged_top, "the merged backlog");
    ours.schema = std::move(top.schema);
    ours.format = std::move(top.format);
    ours.name = std::move(top.name);
    ours.settings = std::move(top.settings);
    ours.extras = std::move(top.extras);

    MergeResult result{std::move(ours), std::move(fields.conflicts), {}};
    std::set<std::string> committed_twice; // `asset ID`s reported as plan conflicts, not again
                                           // as broken rules
    for (MergeConflict& conflict : detail::plan_conflicts(
             base_facts ? &*base_facts : nullptr, our_facts, their_facts,
             detail::plan_facts(result.merged), result.merged.settings.estimate_unit)) {
        if (conflict.kind == MergeConflict::Kind::committed_twice) {
            committed_twice.insert(conflict.entity);
        }
        result.conflicts.push_back(std::move(conflict));
    }
    for (Problem& problem : validate_backlog(result.merged)) {
        if (problem.severity == Severity::error &&
            !known.contains(ProblemKey{problem.code, problem.message}) &&
            !is_double_commitment_of(problem, committed_twice)) {
            result.broken_rules.push_back(std::move(problem));
        }
    }
    return result;
}

MergeResult merge_backlogs(const Backlog* base, const Backlog& ours, const Backlog& theirs) {
    return merge_backlogs(base, Backlog(ours), theirs);
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
