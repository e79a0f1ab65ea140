#pragma once
// Shared by the validation tests: a small valid backlog that each test breaks in one place, and
// helpers to pick problems out of the result.

#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mbl::test {

inline Date day(std::string_view text) {
    return *Date::parse(text);
}

inline Workload make_workload(std::string id, int priority, Stage stage) {
    Workload workload;
    workload.id = std::move(id);
    workload.name = workload.id;
    workload.priority = priority;
    workload.stage = stage;
    return workload;
}

inline Asset make_asset(std::string id, std::optional<std::string> workload = std::nullopt) {
    Asset asset;
    asset.id = std::move(id);
    asset.name = asset.id;
    asset.workload = std::move(workload);
    return asset;
}

inline Iteration make_iteration(std::string id, std::string_view start, std::string_view end,
                                IterationState state, std::vector<std::string> committed) {
    Iteration iteration;
    iteration.id = std::move(id);
    iteration.name = iteration.id;
    iteration.start = day(start);
    iteration.end = day(end);
    iteration.capacity = 120;
    iteration.state = state;
    iteration.committed = std::move(committed);
    return iteration;
}

inline Task make_task(std::string title, double estimate) {
    Task task;
    task.title = std::move(title);
    task.estimate = estimate;
    return task;
}

// Two workloads (crm migrating, hr planned and depending on crm), three assets chained by
// dependencies (hr-app-01 -> crm-web-01 -> crm-sql-01), and three 14-day iterations: it-1
// closed, it-2 active, it-3 planned, each committing one asset.
inline Backlog valid_backlog() {
    Backlog backlog;
    backlog.name = "Contoso datacenter exit";
    backlog.settings.iteration_length_days = 14;
    backlog.settings.first_iteration_start = day("2027-01-04");
    backlog.settings.default_capacity = 120;

    Workload crm = make_workload("crm", 1, Stage::migrating);
    Workload hr = make_workload("hr", 2, Stage::planned);
    hr.depends_on = {"crm"};
    backlog.workloads = {crm, hr};

    Asset sql = make_asset("crm-sql-01", "crm");
    sql.kind = AssetKind::database;
    sql.estimate = 16;
    sql.priority = 1;
    sql.status = AssetStatus::replicated;
    sql.replicated_on = day("2027-01-15");
    Asset web = make_asset("crm-web-01", "crm");
    web.kind = AssetKind::vm;
    web.estimate = 8;
    web.status = AssetStatus::in_progress;
    web.depends_on = {"crm-sql-01"};
    Asset app = make_asset("hr-app-01", "hr");
    app.kind = AssetKind::app_service;
    app.depends_on = {"crm-web-01"};
    app.tasks = {make_task("Replicate", 4), make_task("Test", 2)};
    backlog.assets = {sql, web, app};

    Iteration it1 =
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::closed, {"crm-sql-01"});
    it1.completed = std::vector<std::string>{"crm-sql-01"};
    it1.completed_estimate = 16;
    Iteration it2 =
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"crm-web-01"});
    Iteration it3 =
        make_iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned, {"hr-app-01"});
    backlog.iterations = {it1, it2, it3};
    return backlog;
}

// The problems with `code`, in the order validation returned them.
inline std::vector<Problem> with_code(const std::vector<Problem>& problems, std::string_view code) {
    std::vector<Problem> found;
    for (const Problem& problem : problems) {
        if (problem.code == code) {
            found.push_back(problem);
        }
    }
    return found;
}

} // namespace mbl::test
