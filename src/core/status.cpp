// The stand-up view. Attention covers every open iteration (active or planned), in file order:
// for each, a stale active iteration first, then over-commitment, then its committed assets in
// commitment order (unestimated, blocked, in progress past the end).

#include "mbl/status.hpp"

#include "field_values.hpp"
#include "forecast_support.hpp"
#include "mbl/enums.hpp"
#include "mbl/figure.hpp"
#include "mbl/iteration_figures.hpp"
#include "mbl/iterations.hpp"
#include "mbl/release.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

ActiveIterationStatus active_status(const Iteration& iteration,
                                    const std::vector<const Asset*>& committed, Date today) {
    ActiveIterationStatus active;
    active.iteration_id = iteration.id;
    active.name = iteration.name;
    active.start = iteration.start;
    active.end = iteration.end;
    active.days_left = days_left(iteration, today);
    active.capacity = iteration.capacity;
    active.burndown = burndown_of(iteration, committed, today);
    active.committed_estimate = active.burndown.committed_estimate;
    for (const Asset* asset : committed) {
        if (completed_within(*asset, iteration)) { // as burndown and close count it
            active.done_estimate += effective_estimate(*asset).value_or(0);
        }
    }
    return active;
}

void check_iteration(std::vector<Attention>& attention, const Backlog& backlog,
                     const Iteration& iteration, const std::vector<const Asset*>& committed,
                     Date today) {
    bool ended = iteration.end < today;
    std::string end = iteration.end.to_string();
    if (iteration.state == IterationState::active && ended) {
        attention.push_back(
            {AttentionKind::stale_active, iteration.id,
             fmt::format("{} ended on {} but is still active; close it with 'mbl iteration "
                         "close {}'",
                         iteration.id, end, iteration.id)});
    }
    double committed_estimate = sum_of_estimates(committed);
    if (committed_estimate > iteration.capacity) {
        std::string_view unit = to_string(backlog.settings.estimate_unit);
        attention.push_back(
            {AttentionKind::over_commitment, iteration.id,
             fmt::format("{} commits {} {}, above its capacity of {}; uncommit assets or raise "
                         "the capacity",
                         iteration.id, format_figure(committed_estimate), unit,
                         format_number(iteration.capacity))});
    }
    for (const Asset* asset : committed) {
        if (!effective_estimate(*asset)) {
            attention.push_back(
                {AttentionKind::unestimated_committed, asset->id,
                 fmt::format("{} is committed to {} without an estimate; set one with 'mbl "
                             "asset set {} estimate=N'",
                             asset->id, iteration.id, asset->id)});
        }
        if (asset->status == AssetStatus::blocked) {
            attention.push_back(
                {AttentionKind::blocked_committed, asset->id,
                 fmt::format("{} is committed to {} but blocked", asset->id, iteration.id)});
        }
        if (asset->status == AssetStatus::in_progress && ended) {
            attention.push_back({AttentionKind::in_progress_past_end, asset->id,
                                 fmt::format("{} is still in progress but {} ended on {}",
                                             asset->id, iteration.id, end)});
        }
    }
}

} // namespace

StatusReport compute_status(const Backlog& backlog, Date today) {
    StatusReport report;
    report.progress = measure_progress(backlog);
    report.assets = report.progress.assets;
    report.assets_done = report.progress.done;
    report.ready_for_staging = workloads_ready_for_staging(backlog);

    std::vector<const std::vector<std::string>*> open_commitments;
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state != IterationState::closed) {
            open_commitments.push_back(&iteration.committed);
        }
    }
    AssetsById assets = index_assets_named(backlog, open_commitments);
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed) {
            continue;
        }
        std::vector<const Asset*> committed = resolve_assets(assets, iteration.committed);
        if (iteration.state == IterationState::active && !report.active) {
            report.active = active_status(iteration, committed, today);
        }
        check_iteration(report.attention, backlog, iteration, committed, today);
    }
    for (const Asset& asset : backlog.assets) {
        if (all_tasks_done(asset) && !is_done_for_release(asset)) {
            report.attention.push_back(
                {AttentionKind::tasks_done, asset.id,
                 fmt::format("{}: all tasks done: mark it replicated ('mbl asset set {} "
                             "status=replicated')",
                             asset.id, asset.id)});
        }
    }
    return report;
}

} // namespace mbl
