#pragma once
// Builders of small backlogs for the velocity, forecast and status tests.

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mbl::test::forecast {

inline Date on(const char* text) {
    return *Date::parse(text);
}

inline Workload workload(std::string id, int priority = 2, std::vector<std::string> depends_on = {},
                         Stage stage = Stage::planned) {
    Workload made;
    made.id = std::move(id);
    made.name = made.id;
    made.priority = priority;
    made.depends_on = std::move(depends_on);
    made.stage = stage;
    return made;
}

inline Asset asset(std::string id, std::optional<double> estimate,
                   std::optional<std::string> workload = std::nullopt,
                   AssetStatus status = AssetStatus::not_started) {
    Asset made;
    made.id = std::move(id);
    made.name = made.id;
    made.estimate = estimate;
    made.workload = std::move(workload);
    made.status = status;
    return made;
}

inline Task task(std::string title, std::optional<double> estimate, bool done = false) {
    Task made;
    made.title = std::move(title);
    made.estimate = estimate;
    made.done = done;
    return made;
}

inline Asset replicated(std::string id, std::optional<double> estimate, const char* day) {
    Asset made = asset(std::move(id), estimate, std::nullopt, AssetStatus::replicated);
    made.replicated_on = on(day);
    return made;
}

inline Iteration iteration(std::string id, const char* start, const char* end,
                           IterationState state = IterationState::planned,
                           std::vector<std::string> committed = {}, double capacity = 100) {
    Iteration made;
    made.id = std::move(id);
    made.name = "Iteration " + made.id;
    made.start = on(start);
    made.end = on(end);
    made.state = state;
    made.committed = std::move(committed);
    made.capacity = capacity;
    return made;
}

// A closed iteration that completed `completed_estimate`.
inline Iteration closed(std::string id, const char* start, const char* end,
                        double completed_estimate, std::vector<std::string> committed = {},
                        std::vector<std::string> completed = {}) {
    Iteration made =
        iteration(std::move(id), start, end, IterationState::closed, std::move(committed));
    made.completed = std::move(completed);
    made.completed_estimate = completed_estimate;
    return made;
}

} // namespace mbl::test::forecast
