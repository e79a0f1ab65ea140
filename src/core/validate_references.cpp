// Dangling references: every id a record names must exist in its kind. A referenced id that is
// not a slug is reported here only (as unknown) or at its definition (as invalid), never twice.

#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl::validation {

namespace {

// Resolves `items[index].depends_on` into `graph`, reporting self-dependencies and unknown ids.
template <class Item>
void resolve_dependencies(Context& context, const Kind& kind, const std::vector<Item>& items,
                          std::size_t index, const IdTable& table, IdSuggester& suggestions,
                          DependencyGraph& graph) {
    const Item& item = items[index];
    for (std::size_t k = 0; k < item.depends_on.size(); ++k) {
        const std::string& target = item.depends_on[k];
        auto found = table.find(target);
        if (found && target != item.id) {
            graph.targets.push_back(*found);
            graph.slots.push_back(k);
            continue;
        }
        std::string path = fmt::format("/{}/{}/depends_on/{}", kind.array, index, k);
        std::string who = describe(kind, item.id, index);
        if (found) {
            context.error(std::move(path), "self-dependency",
                          fmt::format("{} depends on itself; remove this entry", who));
            continue;
        }
        if (context.unread.ids_incomplete(kind.array)) {
            continue; // the id may be one the loader could not read
        }
        auto suggestion = suggestions.suggest(target, table, item.id);
        context.error(
            std::move(path), fmt::format("unknown-{}", kind.singular),
            fmt::format("{} depends on unknown {} {}{}", who, kind.singular, display_id(target),
                        did_you_mean(suggestion, fmt::format("; add that {} or remove the "
                                                             "dependency",
                                                             kind.singular))));
    }
    graph.offsets.push_back(graph.targets.size());
}

void check_workload_references(Context& context) {
    const auto& workloads = context.backlog.workloads;
    context.workload_dependencies.offsets.reserve(workloads.size() + 1);
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        resolve_dependencies(context, workload_kind, workloads, i, context.workloads,
                             context.workload_suggestions, context.workload_dependencies);
    }
}

void check_asset_references(Context& context) {
    const auto& assets = context.backlog.assets;
    context.asset_workload.assign(assets.size(), no_index);
    context.asset_dependencies.offsets.reserve(assets.size() + 1);
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const Asset& asset = assets[i];
        if (asset.workload) {
            if (auto workload = context.workloads.find(*asset.workload)) {
                context.asset_workload[i] = *workload;
            } else if (!context.unread.ids_incomplete(workload_kind.array)) {
                auto suggestion =
                    context.workload_suggestions.suggest(*asset.workload, context.workloads);
                context.error(fmt::format("/assets/{}/workload", i), "unknown-workload",
                              fmt::format("{} belongs to unknown workload {}{}",
                                          describe(asset_kind, asset.id, i),
                                          display_id(*asset.workload),
                                          did_you_mean(suggestion, "; add that workload or fix "
                                                                   "the asset's workload")));
            }
        }
        resolve_dependencies(context, asset_kind, assets, i, context.assets,
                             context.asset_suggestions, context.asset_dependencies);
    }
}

// `list` is the iteration's `committed` or `completed` (named `key` in the file).
void check_iteration_list(Context& context, std::size_t index, const std::vector<std::string>& list,
                          std::string_view key, std::string_view verb) {
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string& target = list[k];
        if (context.assets.find(target) || context.unread.ids_incomplete(asset_kind.array)) {
            continue;
        }
        auto suggestion = context.asset_suggestions.suggest(target, context.assets);
        std::string who = describe(iteration_kind, context.backlog.iterations[index].id, index);
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
        check_iteration_list(context, i, iteration.committed, "committed", "commits");
        if (iteration.completed) {
            check_iteration_list(context, i, *iteration.completed, "completed",
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
