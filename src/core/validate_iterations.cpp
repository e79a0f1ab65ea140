// Iterations: their dates and length, at most one active, no two sharing a day, no asset
// committed to two open iterations, and closed ones recording what they completed.

#include "mbl/limits.hpp"
#include "validate_rules.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace mbl::validation {

namespace {

constexpr int shortest_usual_length = 7;
constexpr int longest_usual_length = 28;
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

bool is_open(const Iteration& iteration) {
    return iteration.state != IterationState::closed;
}

// The loader could not read the start or end of iteration `index`: its dates are defaults.
bool dates_unread(const Context& context, std::size_t index) {
    return !context.unread.empty() &&
           (context.unread.covers(iteration_kind.array, index, "start") ||
            context.unread.covers(iteration_kind.array, index, "end"));
}

std::string span(const Iteration& iteration) {
    return fmt::format("{} to {}", iteration.start.to_string(), iteration.end.to_string());
}

void check_multiple_active(Context& context) {
    const auto& iterations = context.backlog.iterations;
    std::size_t first_active = none;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        if (iterations[i].state != IterationState::active) {
            continue;
        }
        if (first_active == none) {
            first_active = i;
            continue;
        }
        context.error(
            fmt::format("/iterations/{}/state", i), "multiple-active",
            fmt::format("{} is active but {} already is; at most one iteration is "
                        "active: close one of them or set this one back to planned",
                        describe(iteration_kind, iterations[i].id, i),
                        describe(iteration_kind, iterations[first_active].id, first_active)));
    }
}

// Sorted by start, each iteration that starts on or before the latest end seen so far overlaps
// the iteration holding that end: one problem per overlapping iteration, naming one iteration
// it overlaps, so each pair is reported at most once and the sweep stays linear after the sort.
void check_overlaps(Context& context) {
    const auto& iterations = context.backlog.iterations;
    std::vector<std::size_t> order;
    order.reserve(iterations.size());
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        if (iterations[i].start <= iterations[i].end && !dates_unread(context, i)) {
            order.push_back(i);
        }
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return iterations[a].start != iterations[b].start
                   ? iterations[a].start < iterations[b].start
                   : a < b;
    });
    std::vector<std::pair<std::size_t, std::size_t>> overlaps; // (later, earlier)
    std::size_t latest_end = none;
    for (std::size_t i : order) {
        if (latest_end != none && iterations[i].start <= iterations[latest_end].end) {
            overlaps.emplace_back(i, latest_end);
        }
        if (latest_end == none || iterations[i].end > iterations[latest_end].end) {
            latest_end = i;
        }
    }
    std::sort(overlaps.begin(), overlaps.end());
    for (auto [later, earlier] : overlaps) {
        context.error(fmt::format("/iterations/{}/start", later), "overlapping-iterations",
                      fmt::format("{} ({}) overlaps {} ({}); iterations must not share days: "
                                  "start it after {}",
                                  describe(iteration_kind, iterations[later].id, later),
                                  span(iterations[later]),
                                  describe(iteration_kind, iterations[earlier].id, earlier),
                                  span(iterations[earlier]), iterations[earlier].end.to_string()));
    }
}

} // namespace

void check_iteration_dates(Context& context) {
    int length = context.backlog.settings.iteration_length_days;
    if (length < min_iteration_length_days || length > max_iteration_length_days) {
        context.error("/settings/iteration_length_days", "iteration-length-setting",
                      fmt::format("settings.iteration_length_days is {}; an iteration lasts "
                                  "from 1 to {} days: set it to 7 to 28 (2 to 4 weeks is usual)",
                                  length, max_iteration_length_days));
        length = 0; // no length rule on the iterations with a setting that makes no sense
    } else if (length < shortest_usual_length || length > longest_usual_length) {
        context.warning("/settings/iteration_length_days", "iteration-length-setting",
                        fmt::format("settings.iteration_length_days is {}; iterations usually "
                                    "last 7 to 28 days (2 to 4 weeks)",
                                    length));
    }
    if (context.unread.covers("/settings/iteration_length_days")) {
        length = 0; // the setting is a default: no length rule
    }
    const auto& iterations = context.backlog.iterations;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        const Iteration& iteration = iterations[i];
        if (dates_unread(context, i)) {
            continue;
        }
        std::string who = describe(iteration_kind, iteration.id, i);
        std::string path = fmt::format("/iterations/{}/end", i);
        if (iteration.end < iteration.start) {
            context.error(std::move(path), "iteration-dates",
                          fmt::format("{} ends on {}, before it starts on {}; set its end on or "
                                      "after its start",
                                      who, iteration.end.to_string(), iteration.start.to_string()));
            continue;
        }
        int days = iteration.start.days_until(iteration.end) + 1;
        if (length >= 1 && days != length) {
            context.warning(std::move(path), "iteration-length",
                            fmt::format("{} lasts {} day{} ({}) but settings.iteration_length_days "
                                        "is {}; set its end to {} or change the setting",
                                        who, days, days == 1 ? "" : "s", span(iteration), length,
                                        iteration.start.plus_days(length - 1).to_string()));
        }
    }
}

void check_iteration_states(Context& context) {
    check_multiple_active(context);
    check_overlaps(context);
}

void check_commitments(Context& context) {
    const auto& iterations = context.backlog.iterations;
    const auto& assets = context.backlog.assets;
    // Per asset: the first and the latest open iteration that committed it.
    std::vector<std::size_t> first_iteration(assets.size(), none);
    std::vector<std::size_t> latest_iteration(assets.size(), none);
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        const Iteration& iteration = iterations[i];
        if (!is_open(iteration) || context.unread.covers(iteration_kind.array, i, "state")) {
            continue;
        }
        std::string who = describe(iteration_kind, iteration.id, i);
        for (std::size_t k = 0; k < iteration.committed.size(); ++k) {
            auto asset = context.assets.find(iteration.committed[k]);
            if (!asset) {
                continue; // check_references reports it
            }
            std::string path = fmt::format("/iterations/{}/committed/{}", i, k);
            std::string what = describe(asset_kind, assets[*asset].id, *asset);
            if (latest_iteration[*asset] == i) {
                context.error(std::move(path), "duplicate-commitment",
                              fmt::format("{} is listed twice in the committed assets of {}; "
                                          "remove this entry",
                                          what, who));
                continue;
            }
            latest_iteration[*asset] = i;
            if (first_iteration[*asset] == none) {
                first_iteration[*asset] = i;
                continue;
            }
            std::size_t first = first_iteration[*asset];
            context.error(std::move(path), "double-commitment",
                          fmt::format("{} is committed to open iterations {} and {}; commit an "
                                      "asset to one open iteration at a time: uncommit it from "
                                      "one",
                                      what, label(iteration_kind, iterations[first].id, first),
                                      label(iteration_kind, iteration.id, i)));
        }
    }
}

void check_closed_iterations(Context& context) {
    const auto& iterations = context.backlog.iterations;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        const Iteration& iteration = iterations[i];
        if (iteration.state != IterationState::closed ||
            (iteration.completed && iteration.completed_estimate)) {
            continue;
        }
        std::string_view missing =
            !iteration.completed
                ? (!iteration.completed_estimate ? "completed and completed_estimate" : "completed")
                : "completed_estimate";
        std::string_view first_missing = !iteration.completed ? "completed" : "completed_estimate";
        context.warning(fmt::format("/iterations/{}/{}", i, first_missing),
                        "closed-without-completed",
                        fmt::format("closed {} has no {}, so velocity cannot be computed from "
                                    "it; record the ids of the assets finished in it "
                                    "(completed) and their total estimate (completed_estimate)",
                                    describe(iteration_kind, iteration.id, i), missing));
    }
}

} // namespace mbl::validation
