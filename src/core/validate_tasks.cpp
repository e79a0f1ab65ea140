// Tasks and status agree: a replicated asset has no open task (its work is done, or its status
// says more than the team did). A warning: the team may have stopped ticking tasks.

#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl::validation {

void check_task_progress(Context& context) {
    const auto& assets = context.backlog.assets;
    for (std::size_t a = 0; a < assets.size(); ++a) {
        const Asset& asset = assets[a];
        if (asset.status != AssetStatus::replicated) {
            continue;
        }
        std::vector<std::string> open;
        for (std::size_t t = 0; t < asset.tasks.size(); ++t) {
            if (!asset.tasks[t].done) {
                open.push_back(std::to_string(t + 1));
            }
        }
        if (open.empty()) {
            continue;
        }
        std::string numbers = fmt::format("{}", fmt::join(open, " "));
        context.warning(
            fmt::format("/assets/{}/tasks", a), "replicated-open-tasks",
            fmt::format("{} is replicated but {} of its {} {} {} not done ({}); tick {} with "
                        "'mbl asset task done {} {}', or set its status back",
                        describe(asset_kind, asset.id, a), open.size(), asset.tasks.size(),
                        asset.tasks.size() == 1 ? "task" : "tasks", open.size() == 1 ? "is" : "are",
                        numbers, open.size() == 1 ? "it" : "them", display_id(asset.id), numbers));
    }
}

} // namespace mbl::validation
