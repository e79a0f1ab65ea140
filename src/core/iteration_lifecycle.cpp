// Adding, starting and closing iterations (iterations.hpp).

#include "field_values.hpp"
#include "mbl/iteration_figures.hpp"
#include "mbl/iterations.hpp"
#include "mbl/limits.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

namespace mbl {

namespace {

constexpr std::string_view iteration_id_prefix = "it-";

// N of an `it-N` id (digits only after the prefix), or nullopt for any other id.
std::optional<long long> iteration_number(std::string_view id) {
    if (!id.starts_with(iteration_id_prefix) || id.size() == iteration_id_prefix.size()) {
        return std::nullopt;
    }
    std::string_view digits = id.substr(iteration_id_prefix.size());
    long long number = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error != std::errc{} || end != digits.data() + digits.size() || number < 0) {
        return std::nullopt;
    }
    return number;
}

// The iteration that ends last (the first of them on a tie), or null when there is none.
const Iteration* latest_ending(const Backlog& backlog) {
    const Iteration* latest = nullptr;
    for (const Iteration& iteration : backlog.iterations) {
        if (latest == nullptr || iteration.end > latest->end) {
            latest = &iteration;
        }
    }
    return latest;
}

// The index of the first planned iteration (by start, then file order) that starts after
// `closing`, if any.
std::optional<std::size_t> next_planned_after(const Backlog& backlog, std::size_t closing) {
    std::optional<std::size_t> next;
    const auto& iterations = backlog.iterations;
    for (std::size_t i = 0; i < iterations.size(); ++i) {
        if (i == closing || iterations[i].state != IterationState::planned ||
            iterations[i].start <= iterations[closing].start) {
            continue;
        }
        if (!next || iterations[i].start < iterations[*next].start) {
            next = i;
        }
    }
    return next;
}

// What closing `iteration` records, computed before anything changes.
CloseReport assess_close(const Backlog& backlog, const Iteration& iteration) {
    std::unordered_map<std::string_view, const Asset*> assets_by_id;
    assets_by_id.reserve(backlog.assets.size());
    for (const Asset& asset : backlog.assets) {
        assets_by_id.emplace(asset.id, &asset);
    }
    CloseReport report;
    std::unordered_set<std::string_view> seen;
    double completed_estimate = 0;
    for (const std::string& id : iteration.committed) {
        if (!seen.insert(id).second) {
            continue;
        }
        auto found = assets_by_id.find(id);
        const Asset* asset = found == assets_by_id.end() ? nullptr : found->second;
        bool completed = asset != nullptr && asset->status == AssetStatus::replicated &&
                         asset->replicated_on && iteration.start <= *asset->replicated_on &&
                         *asset->replicated_on <= iteration.end;
        if (completed) {
            report.completed.push_back(id);
            completed_estimate += effective_estimate(*asset).value_or(0);
            continue;
        }
        report.unfinished.push_back(id);
        // Replicated after the end: the work happened in a later time box, so it follows the
        // unfinished work to where it counts (docs/planning.md, "When work counts").
        bool late = asset != nullptr && asset->status == AssetStatus::replicated &&
                    asset->replicated_on && iteration.end < *asset->replicated_on;
        if (late) {
            report.late.push_back(id);
        }
        if (asset != nullptr && (!is_done_for_release(*asset) || late)) {
            report.carried.push_back(id);
        }
    }
    report.completed_estimate = without_rounding_noise(completed_estimate);
    check_computed_number(report.completed_estimate, max_iteration_total,
                          fmt::format("the completed estimate of {}", iteration.id));
    return report;
}

} // namespace

Iteration& require_iteration(Backlog& backlog, std::string_view id) {
    return require_unique(backlog.iterations, "iteration", id);
}

const Iteration& require_iteration(const Backlog& backlog, std::string_view id) {
    return require_unique(backlog.iterations, "iteration", id);
}

Date next_iteration_start(const Backlog& backlog, Date today) {
    if (const Iteration* latest = latest_ending(backlog)) {
        return latest->end.plus_days(1);
    }
    return backlog.settings.first_iteration_start.value_or(today);
}

Iteration& add_iteration(Backlog& backlog, const NewIteration& request, Date today) {
    const int length = backlog.settings.iteration_length_days;
    if (length < min_iteration_length_days || length > max_iteration_length_days) {
        throw input_error(fmt::format("settings.iteration_length_days is {}; set it to the number "
                                      "of days an iteration lasts, {} to {} (for example 14)",
                                      length, min_iteration_length_days,
                                      max_iteration_length_days));
    }
    check_estimate(request.capacity, "capacity", max_iteration_total);
    long long highest = 0;
    for (const Iteration& iteration : backlog.iterations) {
        highest = std::max(highest, iteration_number(iteration.id).value_or(0));
    }
    const long long number = highest + 1;
    Iteration iteration;
    iteration.id = fmt::format("{}{}", iteration_id_prefix, number);
    const Date earliest = next_iteration_start(backlog, today);
    const Iteration* previous = latest_ending(backlog);
    iteration.start = request.start.value_or(earliest);
    if (previous != nullptr && iteration.start < earliest) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} would start {}, before {} ends ({}); the earliest start is {}",
                                iteration.id, iteration.start.to_string(), previous->id,
                                previous->end.to_string(), earliest.to_string()));
    }
    const auto& first_start = backlog.settings.first_iteration_start;
    if (previous == nullptr && first_start && iteration.start < *first_start) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} would start {}, before settings.first_iteration_start ({}); "
                                "start it then or later, or change the setting",
                                iteration.id, iteration.start.to_string(),
                                first_start->to_string()));
    }
    if (request.name) {
        check_text(*request.name, "name");
        if (trim(*request.name).empty()) {
            throw usage_error("name must not be empty");
        }
    }
    iteration.name = request.name.value_or(fmt::format("Iteration {}", number));
    iteration.end = iteration.start.plus_days(length - 1);
    if (iteration.end > latest_date) {
        auto refusal =
            fmt::format("{} would end {}, after {}, the last day mbl can write; "
                        "nothing was added",
                        iteration.id, iteration.end.to_string(), latest_date.to_string());
        throw request.start ? usage_error(refusal + " (give an earlier --start)")
                            : input_error(refusal);
    }
    iteration.capacity = request.capacity == 0 ? 0.0 : request.capacity; // no `-0` in the file
    backlog.iterations.push_back(std::move(iteration));
    return backlog.iterations.back();
}

const Iteration* open_iteration_committing(const Backlog& backlog, std::string_view asset_id,
                                           std::string_view except) {
    for (const Iteration& iteration : backlog.iterations) {
        if (iteration.state == IterationState::closed || iteration.id == except) {
            continue;
        }
        if (std::find(iteration.committed.begin(), iteration.committed.end(), asset_id) !=
            iteration.committed.end()) {
            return &iteration;
        }
    }
    return nullptr;
}

void start_iteration(Backlog& backlog, std::string_view iteration_id) {
    Iteration& iteration = require_iteration(backlog, iteration_id);
    if (iteration.state != IterationState::planned) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} is {}; only a planned iteration can start", iteration.id,
                                to_string(iteration.state)));
    }
    for (const Iteration& other : backlog.iterations) {
        if (other.state == IterationState::active) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} is active; close it before starting {} (at most one "
                                    "iteration is active)",
                                    other.id, iteration.id));
        }
    }
    iteration.committed_at_start = iteration.committed;
    iteration.state = IterationState::active;
}

CloseReport close_iteration(Backlog& backlog, std::string_view iteration_id, bool carry_over,
                            double carry_capacity, Date today) {
    const Iteration& closing = require_iteration(backlog, iteration_id);
    if (closing.state == IterationState::closed) {
        throw Error(
            ExitStatus::check_failed,
            fmt::format("{} is already closed; its completed work is recorded", closing.id));
    }
    if (closing.state == IterationState::planned) {
        // Closing it would record a velocity of 0 that no team delivered.
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} never started; only the active iteration can close (start it "
                                "with 'mbl iteration start {}', or leave it planned)",
                                closing.id, closing.id));
    }
    const auto closing_index = static_cast<std::size_t>(&closing - backlog.iterations.data());
    CloseReport report = assess_close(backlog, closing);
    if (!carry_over) {
        report.carried.clear();
    }
    std::optional<std::size_t> target;
    if (!report.carried.empty()) {
        target = next_planned_after(backlog, closing_index);
        if (!target) {
            add_iteration(backlog, NewIteration{std::nullopt, carry_capacity, std::nullopt}, today);
            target = backlog.iterations.size() - 1;
        }
    }
    // Nothing can refuse from here on: the backlog changes only now.
    Iteration& closed = backlog.iterations[closing_index];
    closed.completed = report.completed;
    closed.completed_estimate = report.completed_estimate;
    closed.state = IterationState::closed;
    if (target) {
        Iteration& next = backlog.iterations[*target];
        for (const std::string& id : report.carried) {
            if (std::find(next.committed.begin(), next.committed.end(), id) ==
                next.committed.end()) {
                next.committed.push_back(id);
            }
        }
        report.carried_to = next.id;
    }
    return report;
}

} // namespace mbl
