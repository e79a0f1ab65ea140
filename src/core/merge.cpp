#include "mbl/merge.hpp"

#include "backlog_members.hpp"
#include "entity_stream.hpp"
#include "flat_id_map.hpp"
#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/validate.hpp"
#include "merge_entities.hpp"
#include "merge_fields.hpp"
#include "merge_plan.hpp"

#include <fmt/format.h>
#include <set>

namespace mbl {
namespace {

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

// plan_facts of base, known by theirs and what theirs changed from it (base itself is no longer
// held): base's iterations and assets are theirs' unchanged ones, base's versions of those theirs
// changed, and those theirs removed, none with an id twice (the changes are refused then). Its
// iterations are not in base's order: base's facts are only looked up by id.
detail::PlanFacts base_plan_facts(const Backlog& theirs, const detail::KindChanges<Asset>& assets,
                                  const detail::KindChanges<Iteration>& iterations) {
    auto changed_ids = [](const auto& changes) {
        detail::FlatIdMap<bool> ids;
        ids.reserve(changes.changed.size());
        for (const auto& change : changes.changed) {
            ids.emplace(change.first.id, true);
        }
        return ids;
    };
    detail::FlatIdMap<bool> changed_iterations = changed_ids(iterations);
    std::vector<const Iteration*> base_iterations;
    for (const Iteration& iteration : theirs.iterations) {
        if (!changed_iterations.contains(iteration.id)) {
            base_iterations.push_back(&iteration);
        }
    }
    for (const auto& change : iterations.changed) {
        if (change.second) {
            base_iterations.push_back(&*change.second);
        }
    }
    for (const Iteration& iteration : iterations.removed) {
        base_iterations.push_back(&iteration);
    }
    detail::FlatIdMap<bool> changed_assets = changed_ids(assets);
    return detail::plan_facts(base_iterations, [&](const detail::AssetVisitor& visit) {
        for (const Asset& asset : theirs.assets) {
            if (!changed_assets.contains(asset.id)) {
                visit(asset);
            }
        }
        for (const auto& change : assets.changed) {
            if (change.second) {
                visit(*change.second);
            }
        }
        for (const Asset& asset : assets.removed) {
            visit(asset);
        }
    });
}

} // namespace

struct TheirChanges::Data {
    // `base` has been given every entity of base (none: no base, whose top level's members are
    // then none too).
    Data(detail::BaseChangesReader& base, std::optional<detail::TopMembers> base_members,
         const Backlog& theirs)
        : workloads(base.workloads.finish()), assets(base.assets.finish()),
          iterations(base.iterations.finish()), base_top(std::move(base_members)),
          their_top(detail::top_members_of(theirs)), their_errors(errors_of(theirs)),
          their_plan(detail::plan_facts(theirs)) {
        if (base_top) {
            base_plan = base_plan_facts(theirs, assets, iterations);
        }
    }
    detail::KindChanges<Workload> workloads;
    detail::KindChanges<Asset> assets;
    detail::KindChanges<Iteration> iterations;
    std::optional<detail::TopMembers> base_top;
    detail::TopMembers their_top;
    std::set<ProblemKey> their_errors;
    detail::PlanFacts their_plan;
    std::optional<detail::PlanFacts> base_plan;
};

TheirChanges::TheirChanges(const Backlog* base, const Backlog& theirs) {
    detail::BaseChangesReader reader(theirs);
    std::optional<detail::TopMembers> base_top;
    if (base != nullptr) {
        for (const Workload& workload : base->workloads) {
            reader.receive(workload);
        }
        for (const Asset& asset : base->assets) {
            reader.receive(asset);
        }
        for (const Iteration& iteration : base->iterations) {
            reader.receive(iteration);
        }
        base_top = detail::top_members_of(*base);
    }
    data_ = std::make_unique<Data>(reader, std::move(base_top), theirs);
}

TheirChanges::TheirChanges(ReleasableText& base, std::string_view base_label,
                           const Backlog& theirs) {
    detail::BaseChangesReader reader(theirs);
    Backlog base_top = detail::stream_backlog_or_throw(base, reader, base_label);
    data_ = std::make_unique<Data>(reader, detail::top_members_of(base_top), theirs);
}

TheirChanges::~TheirChanges() = default;
TheirChanges::TheirChanges(TheirChanges&&) noexcept = default;
TheirChanges& TheirChanges::operator=(TheirChanges&&) noexcept = default;

MergeResult merge_backlogs(const TheirChanges& theirs, Backlog&& ours) {
    const TheirChanges::Data& their = *theirs.data_;
    // What the checks of the merge need of ours, taken before ours becomes the merge.
    std::set<ProblemKey> known = errors_of(ours);
    known.insert(their.their_errors.begin(), their.their_errors.end());
    detail::PlanFacts our_plan = detail::plan_facts(ours);

    detail::FieldMerger fields;
    const detail::TopMembers* original = their.base_top ? &*their.base_top : nullptr;
    detail::TopMembers our = detail::top_members_of(ours);
    detail::TopMembers merged_top;
    merged_top.top = fields.merge_fields("", "backlog", original ? &original->top : nullptr,
                                         our.top, their.their_top.top);
    merged_top.settings =
        fields.merge_fields("", "settings", original ? &original->settings : nullptr, our.settings,
                            their.their_top.settings);

    detail::EntityMerger entities(fields);
    entities.merge("workload", "workloads", ours.workloads, their.workloads);
    entities.merge("asset", "assets", ours.assets, their.assets);
    entities.merge("iteration", "iterations", ours.iterations, their.iterations);
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
             their.base_plan ? &*their.base_plan : nullptr, our_plan, their.their_plan,
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
    return merge_backlogs(TheirChanges(base, theirs), Backlog(ours));
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
