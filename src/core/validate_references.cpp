// Dangling references: every id a record names must exist in its kind. A referenced id that is
// not a slug is reported here only (as unknown) or at its definition (as invalid), never twice.

#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl::validation {

namespace {

void check_workload_references(Context& context) {
    const auto& workloads = context.backlog.workloads;
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        const Workload& workload = workloads[i];
        std::string who = describe(workload_kind, workload.id, i);
        for (std::size_t k = 0; k < workload.depends_on.size(); ++k) {
            const std::string& target = workload.depends_on[k];
            std::string path = fmt::format("/workloads/{}/depends_on/{}", i, k);
            if (!workload.id.empty() && target == workload.id) {
                context.error(std::move(path), "self-dependency",
                              fmt::format("{} depends on itself; remove this entry", who));
            } else if (!context.workloads.find(target)) {
                auto suggestion =
                    context.workload_suggestions.suggest(target, context.workloads, workload.id);
                context.error(
                    std::move(path), "unknown-workload",
                    fmt::format("{} depends on unknown workload {}{}", who, display_id(target),
                                did_you_mean(suggestion, "; add that workload or remove the "
                                                         "dependency")));
            }
        }
    }
}

void check_asset_references(Context& context) {
    const auto& assets = context.backlog.assets;
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const Asset& asset = assets[i];
        std::string who = describe(asset_kind, asset.id, i);
        if (asset.workload && !context.workloads.find(*asset.workload)) {
            auto suggestion =
                context.workload_suggestions.suggest(*asset.workload, context.workloads);
            context.error(fmt::format("/assets/{}/workload", i), "unknown-workload",
                          fmt::format("{} belongs to unknown workload {}{}", who,
                                      display_id(*asset.workload),
                                      did_you_mean(suggestion, "; add that workload or fix the "
                                                               "asset's workload")));
        }
        for (std::size_t k = 0; k < asset.depends_on.size(); ++k) {
            const std::string& target = asset.depends_on[k];
            std::string path = fmt::format("/assets/{}/depends_on/{}", i, k);
            if (!asset.id.empty() && target == asset.id) {
                context.error(std::move(path), "self-dependency",
                              fmt::format("{} depends on itself; remove this entry", who));
            } else if (!context.assets.find(target)) {
                auto suggestion =
                    context.asset_suggestions.suggest(target, context.assets, asset.id);
                context.error(std::move(path), "unknown-asset",
                              fmt::format("{} depends on unknown asset {}{}", who,
                                          display_id(target),
                                          did_you_mean(suggestion, "; add that asset or remove "
                                                                   "the dependency")));
            }
        }
    }
}

// `list` is the iteration's `committed` or `completed` (named `key` in the file).
void check_iteration_list(Context& context, std::size_t index, const std::string& who,
                          const std::vector<std::string>& list, std::string_view key,
                          std::string_view verb) {
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string& target = list[k];
        if (context.assets.find(target)) {
            continue;
        }
        auto suggestion = context.asset_suggestions.suggest(target, context.assets);
        context.error(
            fmt::format("/iterations/{}/{}/{}", index, key, k), "unknown-asset",
            fmt::format("{} {} unknown asset {}{}", who, verb, display_id(target),
                        did_you_mean(suggestion, fmt::format("; remove it from `{}`", key))));
    }
}

void check_iteration_references(Context& context) {
    const auto& iterations = context.backlog.iterations;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        const Iteration& iteration = iterations[i];
        std::string who = describe(iteration_kind, iteration.id, i);
        check_iteration_list(context, i, who, iteration.committed, "committed", "commits");
        if (iteration.completed) {
            check_iteration_list(context, i, who, *iteration.completed, "completed",
                                 "lists as completed");
        }
    }
}

} // namespace

void check_references(Context& context) {
    check_workload_references(context);
    check_asset_references(context);
    check_iteration_references(context);
}

} // namespace mbl::validation
