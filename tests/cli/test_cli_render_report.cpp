#include "cli/render_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl::cli;
using mbl::Problem;
using mbl::Severity;

namespace {

ValidationReport sample_report() {
    ValidationReport report;
    report.file_label = "plans/backlog.json";
    report.problems = {{Severity::error,
                        "/assets/3/depends_on/0",
                        "asset a depends on unknown asset b",
                        {12, 7},
                        "unknown-asset"},
                       {Severity::warning,
                        "/settings/iteration_length_days",
                        "40 days; 100% too long\nreally",
                        {},
                        "iteration-length-setting"}};
    report.workloads = 2;
    report.assets = 5;
    report.iterations = 1;
    return report;
}

} // namespace

TEST_CASE("github escaping follows the workflow command rules", "[cli-report]") {
    CHECK(github_escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext");
    CHECK(github_escape_data("a: b, c") == "a: b, c");
    CHECK(github_escape_property("dir,a:b/backlog.json") == "dir%2Ca%3Ab/backlog.json");
    CHECK(github_escape_property("50%\n") == "50%25%0A");
}

TEST_CASE("text report: file:line:col, severity, message, code, then a summary", "[cli-report]") {
    std::ostringstream out;
    render_report_text(out, sample_report(), false);
    CHECK(out.str() ==
          "plans/backlog.json:12:7: error: asset a depends on unknown asset b [unknown-asset]\n"
          "plans/backlog.json: warning: 40 days; 100% too long\\x0areally "
          "[iteration-length-setting]\n"
          "1 error, 1 warning\n");
}

TEST_CASE("text report of a valid file counts what it holds", "[cli-report]") {
    ValidationReport report = sample_report();
    report.problems.clear();
    std::ostringstream out;
    render_report_text(out, report, false);
    CHECK(out.str() == "plans/backlog.json is valid: 2 workloads, 5 assets, 1 iteration\n");
    CHECK(report_exit_status(report) == 0);
}

TEST_CASE("text report: warnings alone leave the file valid unless strict", "[cli-report]") {
    ValidationReport report = sample_report();
    report.problems.erase(report.problems.begin());
    std::ostringstream relaxed;
    render_report_text(relaxed, report, false);
    CHECK(relaxed.str().ends_with(
        "\nplans/backlog.json is valid (1 warning): 2 workloads, 5 assets, 1 iteration\n"));
    report.strict = true;
    std::ostringstream strict;
    render_report_text(strict, report, false);
    CHECK(strict.str().ends_with("\n0 errors, 1 warning\n"));
}

TEST_CASE("github report: one annotation per problem", "[cli-report]") {
    std::ostringstream out;
    render_report_github(out, sample_report());
    std::istringstream lines(out.str());
    std::string first, second, summary;
    std::getline(lines, first);
    std::getline(lines, second);
    std::getline(lines, summary);
    CHECK(first == "::error file=plans/backlog.json,line=12,col=7,title=mbl validate "
                   "(unknown-asset)::asset a depends on unknown asset b");
    CHECK(second == "::warning file=plans/backlog.json,title=mbl validate "
                    "(iteration-length-setting)::40 days; 100%25 too long%0Areally");
    CHECK(summary == "1 error, 1 warning");
}

TEST_CASE("json report has the documented shape", "[cli-report]") {
    std::ostringstream out;
    render_report_json(out, sample_report());
    auto document = nlohmann::json::parse(out.str());
    CHECK(document["file"] == "plans/backlog.json");
    CHECK(document["valid"] == false);
    CHECK(document["errors"] == 1);
    CHECK(document["warnings"] == 1);
    REQUIRE(document["problems"].size() == 2);
    CHECK(document["problems"][0] ==
          nlohmann::json{{"severity", "error"},
                         {"code", "unknown-asset"},
                         {"message", "asset a depends on unknown asset b"},
                         {"path", "/assets/3/depends_on/0"},
                         {"line", 12},
                         {"column", 7}});
    CHECK(document["problems"][1]["line"].is_null());
    CHECK(document["problems"][1]["column"].is_null());
}

TEST_CASE("exit status: errors fail, warnings fail only when strict", "[cli-report]") {
    ValidationReport report = sample_report();
    CHECK(report_exit_status(report) == 1);
    report.problems.erase(report.problems.begin());
    CHECK(report_exit_status(report) == 0);
    report.strict = true;
    CHECK(report_exit_status(report) == 1);
    report.unreadable = true;
    CHECK(report_exit_status(report) == 3);
}

TEST_CASE("count_noun", "[cli-report]") {
    CHECK(count_noun(0, "error") == "0 errors");
    CHECK(count_noun(1, "error") == "1 error");
    CHECK(count_noun(2, "warning") == "2 warnings");
}
