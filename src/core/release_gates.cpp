// The stage gates and moving a workload along its stages (release.hpp).

#include "field_values.hpp"
#include "mbl/edit.hpp"
#include "mbl/enums.hpp"
#include "mbl/release.hpp"
#include "release_support.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

std::string stage_name(Stage stage) {
    return std::string(to_string(stage));
}

// What clears `blockers`, or how to pass them anyway.
std::string what_to_do(const std::vector<Blocker>& blockers) {
    auto has = [&](BlockerKind kind) {
        return std::any_of(blockers.begin(), blockers.end(),
                           [&](const Blocker& blocker) { return blocker.kind == kind; });
    };
    std::vector<std::string_view> steps;
    if (has(BlockerKind::stage_skipped)) {
        steps.push_back("advance one stage at a time");
    }
    if (has(BlockerKind::asset_not_done)) {
        steps.push_back("replicate the assets (or mark them retire/retain)");
    }
    if (has(BlockerKind::dependency_not_in_production)) {
        steps.push_back("release the workloads it depends on first");
    }
    return fmt::format("{}, or pass --force --reason TEXT to move it anyway (recorded in its "
                       "stage_history)",
                       join_alternatives(steps));
}

// The message of a refused move: what, then every blocker on its own line, then what to do.
Error refused_move(const Workload& workload, Stage target, const std::vector<Blocker>& blockers) {
    std::string message = fmt::format("cannot move workload {} from {} to {}: {} blocker{}",
                                      workload.id, to_string(workload.stage), to_string(target),
                                      blockers.size(), blockers.size() == 1 ? "" : "s");
    for (const Blocker& blocker : blockers) {
        message += "\n  " + describe_blocker(blocker);
    }
    message += "\n" + what_to_do(blockers);
    return {ExitStatus::check_failed, message};
}

// The reason to record: trimmed, valid UTF-8, not empty; none when not given.
std::optional<std::string> checked_reason(const StageMoveRequest& request) {
    if (!request.reason) {
        if (request.force) {
            throw usage_error("--force needs --reason TEXT: the reason is recorded in the "
                              "workload's stage_history");
        }
        return std::nullopt;
    }
    check_text(*request.reason, "reason");
    std::string_view reason = trim(*request.reason);
    if (reason.empty()) {
        throw usage_error("--reason must not be empty");
    }
    return std::string(reason);
}

} // namespace

std::string describe_blocker(const Blocker& blocker) {
    switch (blocker.kind) {
    case BlockerKind::asset_not_done:
        return fmt::format("{} is {}, not replicated", blocker.subject, blocker.detail);
    case BlockerKind::dependency_not_in_production:
        if (blocker.detail == "unknown") {
            return fmt::format("{} is not a workload (in depends_on)", blocker.subject);
        }
        return fmt::format("{} is at {}, not production", blocker.subject, blocker.detail);
    case BlockerKind::stage_skipped:
        return fmt::format("skips {}", blocker.subject);
    }
    return blocker.subject;
}

std::optional<Stage> next_stage(Stage stage) {
    if (stage == Stage::production) {
        return std::nullopt;
    }
    return static_cast<Stage>(static_cast<int>(stage) + 1);
}

ReleaseIndex::ReleaseIndex(const Backlog& backlog) {
    for (const Workload& workload : backlog.workloads) {
        workloads_.emplace(workload.id, &workload);
    }
    for (const Asset& asset : backlog.assets) {
        if (asset.workload) {
            assets_[*asset.workload].push_back(&asset);
        }
    }
}

const std::vector<const Asset*>& ReleaseIndex::assets_of(std::string_view workload_id) const {
    static const std::vector<const Asset*> none;
    auto found = assets_.find(workload_id);
    return found == assets_.end() ? none : found->second;
}

const Workload* ReleaseIndex::workload(std::string_view id) const {
    auto found = workloads_.find(id);
    return found == workloads_.end() ? nullptr : found->second;
}

std::vector<Blocker> staging_blockers(const ReleaseIndex& index, const Workload& workload) {
    std::vector<Blocker> blockers;
    for (const Asset* asset : index.assets_of(workload.id)) {
        if (!is_done_for_release(*asset)) {
            blockers.push_back(
                {BlockerKind::asset_not_done, asset->id, std::string(to_string(asset->status))});
        }
    }
    return blockers;
}

std::vector<Blocker> staging_blockers(const Backlog& backlog, const Workload& workload) {
    return staging_blockers(ReleaseIndex(backlog), workload);
}

std::vector<Blocker> production_blockers(const ReleaseIndex& index, const Workload& workload) {
    std::vector<Blocker> blockers;
    for (const std::string& id : workload.depends_on) {
        const Workload* dependency = index.workload(id);
        if (!dependency) {
            blockers.push_back({BlockerKind::dependency_not_in_production, id, "unknown"});
        } else if (dependency->stage != Stage::production) {
            blockers.push_back(
                {BlockerKind::dependency_not_in_production, id, stage_name(dependency->stage)});
        }
    }
    return blockers;
}

std::vector<Blocker> production_blockers(const Backlog& backlog, const Workload& workload) {
    return production_blockers(ReleaseIndex(backlog), workload);
}

std::vector<Blocker> stage_blockers(const ReleaseIndex& index, const Workload& workload,
                                    Stage target) {
    std::vector<Blocker> blockers;
    if (target <= workload.stage) {
        return blockers;
    }
    for (auto stage = next_stage(workload.stage); stage && *stage < target;
         stage = next_stage(*stage)) {
        if (*stage != Stage::migrating) { // no gate of its own: passed on the way
            blockers.push_back({BlockerKind::stage_skipped, stage_name(*stage), ""});
        }
    }
    if (target >= Stage::staging) {
        auto assets = staging_blockers(index, workload);
        blockers.insert(blockers.end(), assets.begin(), assets.end());
    }
    if (target == Stage::production) {
        auto dependencies = production_blockers(index, workload);
        blockers.insert(blockers.end(), dependencies.begin(), dependencies.end());
    }
    return blockers;
}

std::vector<Blocker> stage_blockers(const Backlog& backlog, const Workload& workload,
                                    Stage target) {
    if (target <= workload.stage) {
        return {};
    }
    return stage_blockers(ReleaseIndex(backlog), workload, target);
}

StageMove move_release(Backlog& backlog, std::string_view workload_id,
                       const StageMoveRequest& request, Date today) {
    std::optional<std::string> reason = checked_reason(request);
    Workload& workload = require_workload(backlog, workload_id);
    std::optional<Stage> target = request.to ? request.to : next_stage(workload.stage);
    if (!target) {
        throw usage_error(fmt::format("workload {} is at production, the last stage; to move it "
                                      "back, name the stage with --to",
                                      workload.id));
    }
    StageMove move;
    move.workload_id = workload.id;
    move.from = workload.stage;
    move.to = *target;
    if (*target == workload.stage) {
        return move;
    }
    std::vector<Blocker> blockers = stage_blockers(backlog, workload, *target);
    if (!blockers.empty() && !request.force) {
        throw refused_move(workload, *target, blockers);
    }
    if (workload.stage == Stage::production) {
        for (const Workload& other : backlog.workloads) {
            if (other.stage == Stage::production &&
                std::find(other.depends_on.begin(), other.depends_on.end(), workload.id) !=
                    other.depends_on.end()) {
                move.dependants_in_production.push_back(other.id);
            }
        }
    }
    if (workload.stage == Stage::planned && *target > Stage::migrating) {
        StageChange passed;
        passed.stage = Stage::migrating;
        passed.date = today;
        passed.reason = fmt::format("automatic: passed on the way to {}", to_string(*target));
        workload.stage_history.push_back(passed);
        move.passed_through = std::move(passed);
    }
    StageChange change;
    change.stage = *target;
    change.date = today;
    change.reason = std::move(reason);
    change.forced = !blockers.empty();
    workload.stage_history.push_back(change);
    workload.stage = *target;
    move.recorded = std::move(change);
    move.forced = std::move(blockers);
    return move;
}

} // namespace mbl
