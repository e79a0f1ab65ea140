#include "cli/render_progress_json.hpp"

#include "cli/render_release.hpp"
#include "cli/render_report.hpp"
#include "mbl/enums.hpp"

#include <array>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

// The ReleaseGroup spellings, in enum order.
constexpr std::array<std::string_view, 5> progress_group_names{
    "not-started", "in-progress", "blocked", "replicated", "no-migration"};

ReportJson problems_json(const std::vector<Problem>& problems) {
    ReportJson entries = ReportJson::array();
    for (const Problem& problem : problems) {
        bool known = problem.position.line > 0;
        ReportJson entry;
        entry["severity"] = problem.severity == Severity::error ? "error" : "warning";
        entry["code"] = problem.code;
        entry["message"] = problem.message;
        entry["path"] = problem.path;
        entry["line"] = known ? ReportJson(problem.position.line) : ReportJson(nullptr);
        entry["column"] = known ? ReportJson(problem.position.column) : ReportJson(nullptr);
        entries.push_back(std::move(entry));
    }
    ReportJson document;
    document["errors"] = count_problems(problems, Severity::error);
    document["warnings"] = count_problems(problems, Severity::warning);
    document["problems"] = std::move(entries);
    return document;
}

} // namespace

ReportJson progress_report_json(const ProgressReport& report, const Backlog& backlog,
                                std::string_view file_label) {
    ReportJson totals = ReportJson::array();
    for (const StatusTotal& total : report.totals) {
        totals.push_back({{"status", progress_group_names[static_cast<std::size_t>(total.group)]},
                          {"assets", total.assets},
                          {"estimate", json_number(total.estimate)},
                          {"unestimated", total.unestimated}});
    }
    ReportJson progress = ReportJson::array();
    for (const ReleaseProgress& release : report.progress) {
        ReportJson entry;
        entry["id"] = release.workload_id;
        entry["name"] = release.name;
        for (std::size_t group = 0; group < progress_group_names.size(); ++group) {
            entry[std::string(progress_group_names[group])] = release.by_group[group];
        }
        progress.push_back(std::move(entry));
    }
    ReportJson document;
    document["file"] = file_label;
    document["today"] = report.today.to_string();
    document["unit"] = to_string(backlog.settings.estimate_unit);
    document["overall"] = overall_json(report.overall);
    document["blocked"] = report.blocked;
    document["next_release"] = report.next_release
                                   ? ReportJson(report.releases[*report.next_release].workload_id)
                                   : ReportJson(nullptr);
    document["totals"] = std::move(totals);
    document["status"] = status_json(report.status, backlog, report.today);
    document["velocity"] =
        velocity_json(report.velocity, to_string(backlog.settings.estimate_unit));
    document["releases"] = release_list_json(backlog, report.releases);
    document["progress"] = std::move(progress);
    document["forecast"] = forecast_json(report.forecast, backlog, report.options.trials,
                                         report.options.seed, std::nullopt);
    document["problems"] = problems_json(report.problems);
    return document;
}

} // namespace mbl::cli
