// Editing and removing iterations, and the checks around closing one (iterations.hpp).

#include "field_values.hpp"
#include "mbl/iterations.hpp"
#include "mbl/limits.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

const std::vector<std::string_view> iteration_fields{"name", "capacity", "notes", "start"};

bool overlaps(Date start, Date end, const Iteration& other) {
    return start <= other.end && other.start <= end;
}

std::string set_start(Backlog& backlog, Iteration& iteration, std::string_view value) {
    if (iteration.state != IterationState::planned) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} is {}: its dates are fixed once it starts (they decide what "
                                "it completed); only a planned iteration's start can change",
                                iteration.id, to_string(iteration.state)));
    }
    Date start = parse_date_value(value, "start");
    Date end = start.plus_days(iteration.start.days_until(iteration.end));
    for (const Iteration& other : backlog.iterations) {
        if (&other != &iteration && overlaps(start, end, other)) {
            throw Error(ExitStatus::check_failed,
                        fmt::format("{} would run {} to {}, overlapping {} ({} to {}); choose a "
                                    "start that leaves the other iterations' days alone",
                                    iteration.id, start.to_string(), end.to_string(), other.id,
                                    other.start.to_string(), other.end.to_string()));
        }
    }
    std::string change = describe_change("start", iteration.start.to_string(), start.to_string()) +
                         fmt::format(" (end {})", end.to_string());
    iteration.start = start;
    iteration.end = end;
    return change;
}

} // namespace

std::string set_iteration_field(Backlog& backlog, Iteration& iteration, std::string_view field,
                                std::string_view value) {
    if (field == "name") {
        check_text(value, "name");
        if (trim(value).empty()) {
            throw usage_error("name must not be empty");
        }
        std::string change = describe_change("name", iteration.name, value);
        iteration.name = value;
        return change;
    }
    if (field == "capacity") {
        double capacity = parse_non_negative_number(value, "capacity", max_iteration_total);
        std::string change =
            describe_change("capacity", describe(std::optional<double>(iteration.capacity)),
                            describe(std::optional<double>(capacity)));
        iteration.capacity = capacity == 0 ? 0.0 : capacity; // no `-0` in the file
        return change;
    }
    if (field == "notes") {
        auto notes = optional_text(value, "notes");
        std::string change = describe_change("notes", describe(iteration.notes), describe(notes));
        iteration.notes = std::move(notes);
        return change;
    }
    if (field == "start") {
        return set_start(backlog, iteration, value);
    }
    if (field == "end" || field == "state" || field == "id") {
        throw usage_error(fmt::format("an iteration's {} is not set by hand: {}", field,
                                      field == "end" ? "set start (the end moves with it)"
                                      : field == "id"
                                          ? "add a new iteration and remove this one"
                                          : "use 'mbl iteration start' and 'mbl iteration close'"));
    }
    throw unknown_field_error(field, iteration_fields);
}

Iteration remove_iteration(Backlog& backlog, std::string_view iteration_id) {
    Iteration& iteration = require_iteration(backlog, iteration_id);
    if (iteration.state != IterationState::planned) {
        throw Error(ExitStatus::check_failed,
                    fmt::format("{} is {}; only a planned iteration can be removed ({})",
                                iteration.id, to_string(iteration.state),
                                iteration.state == IterationState::active
                                    ? "close it with 'mbl iteration close " + iteration.id + "'"
                                    : "a closed iteration's record is the team's velocity"));
    }
    Iteration removed = iteration;
    backlog.iterations.erase(backlog.iterations.begin() + (&iteration - backlog.iterations.data()));
    return removed;
}

void check_close_date(const Iteration& iteration, Date today, bool force) {
    if (force || iteration.state != IterationState::active || !(today < iteration.start)) {
        return;
    }
    throw Error(ExitStatus::check_failed,
                fmt::format("{} starts on {}, after today ({}): nothing can be completed in it "
                            "yet, so closing it would record a velocity of 0; pass --force to "
                            "close it anyway",
                            iteration.id, iteration.start.to_string(), today.to_string()));
}

std::vector<std::string> returned_to_backlog(const Backlog& backlog, const CloseReport& report) {
    std::vector<std::string> returned;
    for (const std::string& id : report.unfinished) {
        const Asset* asset = find_asset(backlog, id);
        bool carried =
            std::find(report.carried.begin(), report.carried.end(), id) != report.carried.end();
        if (asset != nullptr && !is_done_for_release(*asset) && !carried) {
            returned.push_back(id);
        }
    }
    return returned;
}

} // namespace mbl
