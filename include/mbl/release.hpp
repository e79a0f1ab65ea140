#pragma once
// Releases: each workload's release backlog (the assets whose `workload` is its id), how ready it
// is, the stage gates, moving a workload along planned → migrating → staging → uat → production
// with a `stage_history` entry, and the work breakdown structure (WBS) of the whole migration.
// Pure functions of a Backlog and, where a date is recorded or forecast, an explicit `today`.

#include "mbl/date.hpp"
#include "mbl/forecast.hpp"
#include "mbl/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// Why a workload may not enter a stage.
enum class BlockerKind {
    asset_not_done,               // `subject`: an asset of the release backlog that is not
                                  // replicated (nor retire/retain); `detail`: its status
    dependency_not_in_production, // `subject`: a workload in depends_on; `detail`: its stage, or
                                  // `unknown` when no workload has that id
    stage_skipped,                // `subject`: a stage the move passes over
};

struct Blocker {
    BlockerKind kind = BlockerKind::asset_not_done;
    std::string subject;
    std::string detail;
    friend bool operator==(const Blocker&, const Blocker&) = default;
};

// One line for people: `crm-app-01 is in-progress, not replicated`, `shared-identity is at
// migrating, not production`, `skips uat`.
std::string describe_blocker(const Blocker& blocker);

// The stage after `stage`; none after production.
std::optional<Stage> next_stage(Stage stage);

// The staging gate: one asset_not_done per asset of `workload`'s release backlog that is not done
// for release (is_done_for_release), in file order. Empty: the gate passes.
std::vector<Blocker> staging_blockers(const Backlog& backlog, const Workload& workload);

// The production gate: one dependency_not_in_production per entry of `workload.depends_on` that
// names no workload at production (unknown ids included), in depends_on order.
std::vector<Blocker> production_blockers(const Backlog& backlog, const Workload& workload);

// Everything that blocks moving `workload` from its stage to `target`. Backward or to the same
// stage: nothing. Forward: first one stage_skipped per stage passed over (a move forward goes one
// stage at a time; `migrating`, which has no gate of its own, is passed over freely), then the
// staging gate when `target` is staging or later (the release backlog stays done past migrating, as
// validate requires), then the production gate when `target` is production.
std::vector<Blocker> stage_blockers(const Backlog& backlog, const Workload& workload, Stage target);

struct StageMoveRequest {
    std::optional<Stage> to;           // default: the next stage
    bool force = false;                // pass the blockers; needs a reason
    std::optional<std::string> reason; // recorded in the history entry, with or without force
};

struct StageMove {
    std::string workload_id;
    Stage from = Stage::planned;
    Stage to = Stage::planned;
    // The entry appended to stage_history; none when the workload already was at `to`.
    std::optional<StageChange> recorded;
    // The blockers `force` passed; not empty exactly when the entry was recorded forced.
    std::vector<Blocker> forced;
    // Workloads at production that depend on this one when it leaves production: their own
    // production gate no longer holds. File order.
    std::vector<std::string> dependants_in_production;
    // From planned to past migrating: the `migrating` entry recorded before `recorded` (same
    // day, reason `automatic: passed on the way to <stage>`), so the history has every stage.
    std::optional<StageChange> passed_through;
};

// Moves workload `workload_id` to `request.to` (default: the next stage) and appends
// {stage, today, reason, forced} to its stage_history, `forced` being whether blockers were
// passed (from planned past migrating, after a `migrating` entry: see `passed_through`). Going
// backwards is allowed (no gate) and recorded the same way. Refuses, leaving the backlog unchanged:
// an unknown workload (Error(input), with a suggestion); `force` without a reason, an empty or
// invalid UTF-8 reason, and no `to` at production (Error(usage)); blockers without `force`
// (Error(check_failed), the message listing every blocker, one a line). Already at the target:
// nothing changes and `recorded` is none.
StageMove move_release(Backlog& backlog, std::string_view workload_id,
                       const StageMoveRequest& request, Date today);

// A workload that moved from planned to migrating by itself, because work on it began.
struct AutomaticStageMove {
    std::string workload_id;
    StageChange recorded; // {migrating, today, "automatic: first asset started (<asset>)"}
};

// Moves each workload at `planned` to `migrating` when one of `changed_assets` (ids of assets
// just edited; unknown ids ignored) belongs to it and is in-progress or replicated: its first
// asset started (or was replicated). Appends {migrating, today, reason `automatic: first asset
// started (<id>)` or `automatic: first asset replicated (<id>)`} to its stage_history; no gate
// applies (migrating has none). Workloads at other stages, and assets not started, change
// nothing. Returns the moves in the order of `changed_assets`, one per workload.
std::vector<AutomaticStageMove>
start_migrating_workloads(Backlog& backlog, const std::vector<std::string>& changed_assets,
                          Date today);

// One workload's release, for `release list` and `release show`.
struct ReleaseReadiness {
    std::string workload_id;
    std::string name;
    int priority = 2;
    Stage stage = Stage::planned;
    std::size_t assets = 0;      // in its release backlog
    std::size_t assets_done = 0; // of them done for release (replicated, retire or retain)
    RemainingWork remaining;     // of the others, as forecast_completion counts it
    // At planned or migrating, with assets, all of them done (status.hpp's "ready for staging").
    bool ready_for_staging = false;
    std::optional<Stage> next;          // next_stage(stage)
    std::vector<Blocker> next_blockers; // stage_blockers to `next`; empty at production
    // The 85% date of forecast_completion with the default ForecastOptions (so `mbl forecast`
    // shows the same); none when no estimated work remains or it is past the horizon.
    std::optional<Date> forecast_85;
    // Its remaining assets that are blocked or wait on a blocked one (CompletionForecast::blocked):
    // when not empty, forecast_85 holds only if they are unblocked.
    std::vector<std::string> blocked;
};

// One entry per workload in planning order (workloads_in_planning_order). Runs one forecast.
std::vector<ReleaseReadiness> release_readiness(const Backlog& backlog, Date today);

// The same from `forecast`, a forecast_completion of `backlog` without a workload filter (its
// seed and trials decide forecast_85). Runs no forecast.
std::vector<ReleaseReadiness> release_readiness(const Backlog& backlog, const Forecast& forecast);

// The ids of the workloads at planned or migrating whose release backlog has assets, all done for
// release, in file order. One pass over the assets.
std::vector<std::string> workloads_ready_for_staging(const Backlog& backlog);

// An asset dependency that is not yet met: the asset it names is not done for release.
struct UnmetDependency {
    std::string asset_id;
    std::optional<std::string> workload; // the asset's workload, when not the release's own
    std::optional<AssetStatus> status;   // none when no asset has that id
};

// How `release show` groups the release backlog: by status, with retire/retain assets (which
// need no migration, whatever their status) apart at the end.
enum class ReleaseGroup { not_started, in_progress, blocked, replicated, no_migration };

// The group of `asset` in a release backlog: no_migration for retire/retain (whatever the
// status), else the group of its status.
ReleaseGroup release_group(const Asset& asset);

struct ReleaseAsset {
    const Asset* asset = nullptr; // into the Backlog given
    ReleaseGroup group = ReleaseGroup::not_started;
    std::optional<std::string> iteration; // iteration_of_asset
    std::vector<UnmetDependency> unmet;   // in depends_on order
};

struct ReleaseDependency {
    std::string workload_id;
    std::optional<Stage> stage; // none when no workload has that id
};

struct ReleaseBacklog {
    ReleaseReadiness readiness;
    std::vector<ReleaseDependency> depends_on; // the workload's, in order
    std::vector<ReleaseAsset> assets;          // by group (enum order), then file order
};

// The release of workload `workload_id`; Error(input) with a suggestion when it is unknown.
ReleaseBacklog release_backlog(const Backlog& backlog, std::string_view workload_id, Date today);

// The iteration an asset belongs to in plans and reports: the closed iteration that completed it
// (the first in file order), else the open (active or planned) iteration committing it that
// starts first; none otherwise.
std::optional<std::string> iteration_of_asset(const Backlog& backlog, std::string_view asset_id);

// A workload past migrating whose release backlog, ready before a change, no longer is.
struct ReadinessLost {
    std::string workload_id;
    Stage stage = Stage::staging;
    std::vector<std::string> assets_not_done; // file order
    std::string message;                      // one line for people, saying what to do
};

// The ids of the workloads past migrating whose release backlog is done for release (empty ones
// included), in file order: what a change to the assets can break.
std::vector<std::string> ready_releases_past_migrating(const Backlog& backlog);

// Of `ready_before` (ready_releases_past_migrating before a change), the workloads of `backlog`
// that are no longer ready, in the order given. Unknown ids and workloads now at migrating or
// before are left out.
std::vector<ReadinessLost> readiness_lost(const Backlog& backlog,
                                          const std::vector<std::string>& ready_before);

enum class WbsLevel { migration, workload, asset, task };

// One element of the work breakdown structure, with what is beneath it.
struct WbsItem {
    std::string number; // `1`, `1.2`, `1.2.3`, `1.2.3.4`
    WbsLevel level = WbsLevel::migration;
    // The entity shown (into the Backlog given): the workload of a workload item (null for the
    // group of assets without a workload), the asset of an asset item and of its tasks, the task
    // of a task item.
    const Workload* workload = nullptr;
    const Asset* asset = nullptr;
    const Task* task = nullptr;
    std::string name; // the backlog's name, the workload's or asset's name, the task's title
    // Rolled up: a task's estimate; an asset's effective estimate (none when unestimated); a
    // workload's and the migration's, the sum of their assets' effective estimates (0 for none).
    std::optional<double> estimate;
    // Assets beneath (an asset item: itself) that need migration (not retire/retain) and have no
    // effective estimate; 0 for tasks.
    std::size_t unestimated = 0;
    std::optional<std::string> iteration; // asset and task items: iteration_of_asset
    // Asset and task items: the dates of that iteration; workload and migration items: the
    // earliest start and the latest finish beneath.
    std::optional<Date> start, finish;
    std::vector<WbsItem> children;
};

// The migration (1) with its workloads in planning order (1.N), their assets in file order
// (1.N.M) and each asset's tasks (1.N.M.K); assets without a known workload last, under a group
// named "Assets without a workload" (only when there are some). Linear in the file's size.
WbsItem work_breakdown(const Backlog& backlog);

// Calls `visit` with each item of work_breakdown(backlog), depth first (the migration, each
// workload, its assets, each asset's tasks), each exactly as the tree has it but without its
// children: the rows of the tree without the tree held (at a million assets it is larger than the
// backlog file). An item given to `visit` lives only until `visit` returns.
void for_each_wbs_item(const Backlog& backlog, const std::function<void(const WbsItem&)>& visit);

} // namespace mbl
