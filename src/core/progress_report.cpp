// The progress report: gathered from status, velocity, forecast and readiness
// (progress_report.hpp).

#include "mbl/progress_report.hpp"

#include <unordered_map>

namespace mbl {
namespace {

std::array<StatusTotal, 5> status_totals(const Backlog& backlog) {
    std::array<StatusTotal, 5> totals;
    for (std::size_t g = 0; g < totals.size(); ++g) {
        totals[g].group = static_cast<ReleaseGroup>(g);
    }
    for (const Asset& asset : backlog.assets) {
        StatusTotal& total = totals[static_cast<std::size_t>(release_group(asset))];
        ++total.assets;
        if (std::optional<double> estimate = effective_estimate(asset)) {
            total.estimate += *estimate;
        } else if (!is_done_for_release(asset)) {
            ++total.unestimated;
        }
    }
    return totals;
}

std::vector<std::string> blocked_assets(const Backlog& backlog) {
    std::vector<std::string> blocked;
    for (const Asset& asset : backlog.assets) {
        if (asset.status == AssetStatus::blocked && !is_done_for_release(asset)) {
            blocked.push_back(asset.id);
        }
    }
    return blocked;
}

std::optional<std::size_t> next_release(const std::vector<ReleaseReadiness>& releases) {
    for (std::size_t r = 0; r < releases.size(); ++r) {
        if (releases[r].stage != Stage::production && releases[r].remaining.assets > 0) {
            return r;
        }
    }
    return std::nullopt;
}

std::vector<ReleaseProgress> release_progress(const Backlog& backlog,
                                              const std::vector<ReleaseReadiness>& releases) {
    std::vector<ReleaseProgress> progress;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const ReleaseReadiness& release : releases) {
        index.emplace(release.workload_id, progress.size());
        progress.push_back({release.workload_id, release.name, {}});
    }
    for (const Asset& asset : backlog.assets) {
        auto found = asset.workload ? index.find(*asset.workload) : index.end();
        if (found != index.end()) {
            ++progress[found->second].by_group[static_cast<std::size_t>(release_group(asset))];
        }
    }
    return progress;
}

} // namespace

ProgressReport gather_progress_report(const Backlog& backlog, std::vector<Problem> problems,
                                      const ProgressReportOptions& options, Date today) {
    ForecastOptions forecast_options;
    forecast_options.seed = options.seed;
    forecast_options.trials = options.trials;
    ProgressReport report;
    report.today = today;
    report.totals = status_totals(backlog);
    report.status = compute_status(backlog, today);
    report.overall = report.status.progress;
    report.blocked = blocked_assets(backlog);
    report.velocity = compute_velocity(backlog, options.velocity_last);
    report.forecast = forecast_completion(backlog, forecast_options, today);
    report.options = options;
    report.releases = release_readiness(backlog, report.forecast);
    report.progress = release_progress(backlog, report.releases);
    report.next_release = next_release(report.releases);
    report.problems = std::move(problems);
    return report;
}

} // namespace mbl
