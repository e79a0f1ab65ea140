// Release gates: a workload past `migrating` must have its whole release backlog (the assets
// whose `workload` is its id) done for release (replicated, retired or retained). When the move
// to its stage was forced (`mbl release advance --force --reason`), the team passed the gate
// knowingly: a warning, not an error.

#include "mbl/enums.hpp"
#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl::validation {

namespace {

constexpr std::size_t ids_listed = 5;

// The assets of one workload that are not done for release: how many, and the first few.
struct Unreleased {
    std::size_t count = 0;
    std::vector<std::size_t> first_assets;
};

bool is_past_migrating(Stage stage) {
    return stage == Stage::staging || stage == Stage::uat || stage == Stage::production;
}

// The gate into the stages past migrating was passed knowingly: the history ends with the
// workload's stage, and its last move forward (skipping the moves back since, which pass no gate)
// was forced, after it last left migrating. So going back a stage after a failed UAT (uat ->
// staging) keeps the warning that forcing uat drew, while a later move forward without force (the
// gate held then) or a return to migrating ends it. Returns that forced entry, or null.
const StageChange* forced_past_migrating(const Workload& workload) {
    const auto& history = workload.stage_history;
    if (history.empty() || history.back().stage != workload.stage) {
        return nullptr;
    }
    for (std::size_t i = history.size(); i-- > 0 && is_past_migrating(history[i].stage);) {
        bool moved_back = i > 0 && history[i].stage < history[i - 1].stage;
        if (!moved_back) {
            return history[i].forced ? &history[i] : nullptr;
        }
    }
    return nullptr;
}

// What says whether asset `index` is done for release was not read: no verdict on it.
bool status_unread(const Context& context, std::size_t index) {
    const UnreadValues& unread = context.unread;
    return !unread.empty() && (unread.covers(asset_kind.array, index, "status") ||
                               unread.covers(asset_kind.array, index, "strategy"));
}

} // namespace

void check_release_readiness(Context& context) {
    const auto& workloads = context.backlog.workloads;
    const auto& assets = context.backlog.assets;
    std::vector<Unreleased> unreleased(workloads.size());
    for (std::size_t a = 0; a < assets.size(); ++a) {
        std::size_t workload = context.asset_workload[a];
        if (workload == no_index || !is_past_migrating(workloads[workload].stage) ||
            is_done_for_release(assets[a]) || status_unread(context, a)) {
            continue;
        }
        Unreleased& entry = unreleased[workload];
        ++entry.count;
        if (entry.first_assets.size() < ids_listed) {
            entry.first_assets.push_back(a);
        }
    }
    for (std::size_t w = 0; w < workloads.size(); ++w) {
        const Unreleased& entry = unreleased[w];
        if (entry.count == 0 || context.unread.covers(workload_kind.array, w, "stage_history")) {
            continue; // nothing missing, or whether the stage was forced is unknown
        }
        std::string ids;
        for (std::size_t a : entry.first_assets) {
            ids += ids.empty() ? "" : ", ";
            ids += label(asset_kind, assets[a].id, a);
        }
        if (entry.count > entry.first_assets.size()) {
            ids += fmt::format(" and {} more", entry.count - entry.first_assets.size());
        }
        const Workload& workload = workloads[w];
        std::string path = fmt::format("/workloads/{}/stage", w);
        std::string what = fmt::format("{} of its assets {} not replicated (nor retired or "
                                       "retained): {}",
                                       entry.count, entry.count == 1 ? "is" : "are", ids);
        if (const StageChange* forced = forced_past_migrating(workload)) {
            context.warning(
                path, "stage-not-ready",
                fmt::format("{} was forced to stage {} on {}{} but {}; replicate "
                            "them before its next stage",
                            describe(workload_kind, workload.id, w), to_string(forced->stage),
                            forced->date.to_string(),
                            forced->stage == workload.stage
                                ? std::string()
                                : fmt::format(" (now at {})", to_string(workload.stage)),
                            what));
            continue;
        }
        context.error(path, "stage-not-ready",
                      fmt::format("{} is at stage {} but {}; replicate them, or move the workload "
                                  "back to migrating",
                                  describe(workload_kind, workload.id, w),
                                  to_string(workload.stage), what));
    }
}

} // namespace mbl::validation
