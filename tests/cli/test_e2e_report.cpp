// mbl report, end to end on a temporary copy of the Contoso example (today 2026-11-25): the
// Markdown says what status, velocity, forecast, release list and validate say in the same run;
// the HTML page is self-contained and escapes everything from the file; neither touches the file.
// (Well-formedness of the HTML with a real XML parser: tests/report/check_html_report.py.)

#include "cli/render_number.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using mbl::cli::rounded_number;
using nlohmann::json;

namespace {

const std::vector<std::string> on_contoso_day{"--today", "2026-11-25"};

std::vector<std::string> with_day(std::vector<std::string> args) {
    args.insert(args.end(), on_contoso_day.begin(), on_contoso_day.end());
    return args;
}

// Runs a read-only command that must succeed, checks it left the file alone, returns stdout.
std::string output_of(const TempBacklog& backlog, const std::vector<std::string>& args) {
    std::string before = backlog.text();
    RunResult result = backlog.run(with_day(args));
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(backlog.text() == before);
    return result.out;
}

json json_of(const TempBacklog& backlog, std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    return json::parse(output_of(backlog, args));
}

// The text of one `## title` section: up to the next `## ` heading.
std::string section_of(const std::string& markdown, const std::string& title) {
    std::size_t start = markdown.find("\n## " + title + "\n");
    REQUIRE(start != std::string::npos);
    std::size_t end = markdown.find("\n## ", start + 1);
    return markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// `it-6 (Iteration 6): 2026-11-16 to 2026-11-29, day 10 of 14, 5 days left` from status's json.
std::string active_line(const json& active) {
    int left = active["days_left"];
    return active["id"].get<std::string>() + " (" + active["name"].get<std::string>() +
           "): " + active["start"].get<std::string>() + " to " + active["end"].get<std::string>() +
           ", day " + std::to_string(active["day"].get<int>()) + " of " +
           std::to_string(active["length_days"].get<int>()) + ", " + std::to_string(left) +
           (left == 1 ? " day left" : " days left");
}

std::string number(const json& value) {
    return rounded_number(value.get<double>());
}

std::string date_at(const json& completion, int percent) {
    if (completion["assets_left"] == 0) {
        return "done";
    }
    for (const json& at : completion["percentiles"]) {
        if (at["percent"] == percent) {
            return at["date"];
        }
    }
    return "-";
}

} // namespace

TEST_CASE("report --format markdown says what status, velocity, forecast and release list say",
          "[e2e][report]") {
    TempBacklog backlog("contoso");
    std::string markdown = output_of(backlog, {"report", "--seed", "7"});
    CHECK(markdown.starts_with("# Migration report: Contoso datacenter exit\n"));
    CHECK(contains(markdown, "On 2026-11-25, estimates in hours"));

    SECTION("assets by status") {
        std::string totals = section_of(markdown, "Assets by status");
        std::size_t all = 0;
        for (std::string status : {"not-started", "in-progress", "replicated", "blocked"}) {
            std::size_t count = json_of(backlog, {"asset", "list", "--status", status}).size();
            all += count;
            CHECK(contains(totals, "| " + status + " | " + std::to_string(count) + " | "));
        }
        CHECK(contains(totals, "| total | " + std::to_string(all) + " | "));
        CHECK(all == json_of(backlog, {"asset", "list"}).size());
    }
    SECTION("the active iteration") {
        json status = json_of(backlog, {"status"});
        const json& active = status["active"];
        REQUIRE(active.is_object());
        std::string section = section_of(markdown, "Active iteration");
        CHECK(contains(section, active_line(active)));
        CHECK(contains(section, "- committed: " + number(active["committed_estimate"]) + " hours"));
        CHECK(contains(section, "- done: " + number(active["done_estimate"]) + " hours"));
        CHECK(contains(section, "- remaining: " +
                                    rounded_number(active["committed_estimate"].get<double>() -
                                                   active["done_estimate"].get<double>()) +
                                    " hours"));
        CHECK(contains(section, "- capacity: " + number(active["capacity"]) + " hours"));
    }
    SECTION("velocity") {
        json velocity = json_of(backlog, {"velocity"});
        std::string section = section_of(markdown, "Velocity");
        CHECK(contains(section, std::to_string(velocity["iterations"].size()) +
                                    " closed iterations: average " + number(velocity["average"]) +
                                    " hours per iteration, spread " +
                                    number(velocity["standard_deviation"])));
        for (const json& iteration : velocity["iterations"]) {
            CHECK(contains(section, "| " + iteration["id"].get<std::string>() + " | " +
                                        iteration["name"].get<std::string>() + " | " +
                                        iteration["end"].get<std::string>() + " | " +
                                        number(iteration["committed_estimate"]) + " | " +
                                        number(iteration["completed_estimate"]) + " |"));
        }
    }
    SECTION("the forecast, with the same seed") {
        json forecast = json_of(backlog, {"forecast", "--seed", "7"});
        std::string section = section_of(markdown, "Forecast");
        CHECK(contains(section, "10000 trials, seed 7"));
        json rows = forecast["releases"];
        rows.push_back(forecast["all"]);
        for (const json& completion : rows) {
            std::string name = completion["workload"].is_null() ? "all" : completion["workload"];
            CHECK(contains(section,
                           "| " + name + " | " + number(completion["remaining_estimate"]) + " | " +
                               std::to_string(completion["assets_left"].get<int>()) + " | " +
                               std::to_string(completion["unestimated"].get<int>()) + " | " +
                               date_at(completion, 50) + " | " + date_at(completion, 85) + " | " +
                               date_at(completion, 95) + " |"));
        }
    }
    SECTION("release readiness, its 85% dates from the same seeded forecast") {
        json releases = json_of(backlog, {"release", "list"});
        json forecast = json_of(backlog, {"forecast", "--seed", "7"});
        std::string section = section_of(markdown, "Release readiness");
        REQUIRE(releases.size() == forecast["releases"].size());
        for (std::size_t r = 0; r < releases.size(); ++r) {
            const json& release = releases[r];
            std::string next = release["next_stage"].is_null() ? "-" : release["next_stage"];
            std::string blockers =
                release["next_stage"].is_null() ? "" : std::to_string(release["blockers"].size());
            CHECK(contains(section, "| " + release["id"].get<std::string>() + " | " +
                                        release["name"].get<std::string>() + " | " +
                                        release["stage"].get<std::string>() + " | " +
                                        std::to_string(release["assets_done"].get<int>()) + "/" +
                                        std::to_string(release["assets_total"].get<int>()) + " | " +
                                        next + " | " + blockers +
                                        (blockers.empty() ? "| " : " | ") +
                                        date_at(forecast["releases"][r], 85) + " |"));
        }
    }
    SECTION("problems") {
        CHECK(contains(section_of(markdown, "Problems"), "None: the file is valid."));
    }
}

TEST_CASE("report is the same every run, and --seed changes only the forecast's draw",
          "[e2e][report]") {
    TempBacklog backlog("contoso");
    std::string first = output_of(backlog, {"report"});
    CHECK(output_of(backlog, {"report"}) == first);
    CHECK(output_of(backlog, {"report", "--format", "markdown", "-o", "-"}) == first);
    CHECK(contains(first, "10000 trials, seed 1;"));
    std::string seeded = output_of(backlog, {"report", "--seed", "7", "--trials", "500"});
    CHECK(contains(seeded, "500 trials, seed 7;"));
    CHECK(section_of(seeded, "Velocity") == section_of(first, "Velocity"));
    // --last: the velocity of the last closed iterations, as `mbl velocity --last` gives it.
    json last = json_of(backlog, {"velocity", "--last", "2"});
    std::string recent = output_of(backlog, {"report", "--last", "2"});
    CHECK(contains(section_of(recent, "Velocity"),
                   "2 closed iterations: average " + number(last["average"]) + " hours"));
}

TEST_CASE("report lists validate's problems with their lines", "[e2e][report]") {
    TempBacklog contoso("contoso");
    // A hand-typed key: validate warns, naming its line; the report still runs (exit 0).
    TempBacklog backlog = TempBacklog::with_text(
        replace_once(contoso.original(), "\"estimate\": 40,", "\"estimat\": 40,"));
    json validate = json::parse(backlog.run({"validate", "--format", "json"}).out);
    REQUIRE(validate["warnings"] == 1);
    const json& problem = validate["problems"][0];
    std::string markdown = output_of(backlog, {"report"});
    std::string section = section_of(markdown, "Problems");
    CHECK(contains(section, "0 errors, 1 warning."));
    CHECK(contains(section, "| backlog.json:" + std::to_string(problem["line"].get<int>()) + ":" +
                                std::to_string(problem["column"].get<int>()) + " | warning | " +
                                problem["code"].get<std::string>() + " | "));
}

TEST_CASE("report --format html is one self-contained page, written atomically with -o",
          "[e2e][report]") {
    TempBacklog backlog("contoso");
    std::string page = output_of(backlog, {"report", "--format", "html"});
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(page.ends_with("</html>\n"));
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "http"));
    CHECK_FALSE(contains(page, "src="));
    CHECK_FALSE(contains(page, "href="));
    CHECK_FALSE(contains(page, "url("));
    CHECK(contains(page, "<style>"));
    // The three charts, each with its title.
    CHECK(contains(page, "<title>Burndown: remaining hours per day against the ideal</title>"));
    CHECK(contains(page, "<title>Velocity: hours completed per closed iteration</title>"));
    CHECK(contains(page, "<title>Progress per release: assets by status</title>"));
    // The numbers of the forecast, as in the Markdown.
    json forecast = json_of(backlog, {"forecast"});
    CHECK(contains(page, "<td>" + date_at(forecast["all"], 95) + "</td></tr>"));

    RunResult written = backlog.run(with_day({"report", "--format", "html", "-o", "report.html"}));
    CAPTURE(written);
    CHECK(written.exit_code == 0);
    CHECK(written.out.empty());
    CHECK(read_file(backlog.dir() / "report.html") == page);
    CHECK(backlog.text() == backlog.original());
    // Written again over the old one; no temporary or lock file is left beside it.
    write_file(backlog.dir() / "report.html", "old");
    CHECK(backlog.run(with_day({"report", "--format", "html", "-o", "report.html"})).exit_code ==
          0);
    CHECK(read_file(backlog.dir() / "report.html") == page);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(backlog.dir())) {
        CAPTURE(entry.path());
        ++files;
    }
    CHECK(files == 2); // backlog.json and report.html
}

TEST_CASE("report refuses to write over the backlog, and formats it has not", "[e2e][report]") {
    TempBacklog backlog("contoso");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"report", "-o", "backlog.json"},
          std::vector<std::string>{"report", "-o", "./backlog.json", "--format", "html"},
          std::vector<std::string>{"report", "--format", "csv"},
          std::vector<std::string>{"report", "--seed", "-1"},
          std::vector<std::string>{"report", "--trials", "0"},
          std::vector<std::string>{"report", "-o", ""}}) {
        RunResult result = backlog.run(with_day(args));
        CAPTURE(args, result);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.starts_with("mbl: error: "));
        CHECK(backlog.text() == backlog.original());
    }
    RunResult missing_dir =
        backlog.run(with_day({"report", "--format", "html", "-o", "no/such/dir/r.html"}));
    CHECK(missing_dir.exit_code == 3);
    CHECK(contains(missing_dir.err, "no/such/dir"));
    CHECK(backlog.text() == backlog.original());
}

namespace {

const std::string script = "<script>alert(1)</script>";
const std::string attribute = "\"onload=alert(1) x='";
const std::string cdata_end = "]]> & &amp; <!-- -->";
const std::string ansi = "\x1b[31mred\x1b[0m";

// Contoso with hostile names everywhere the report shows one, and a dangling reference whose
// message quotes a hostile id.
std::string hostile_contoso() {
    auto file = nlohmann::ordered_json::parse(read_file(example_path("contoso")));
    file["name"] = "plan " + script + attribute;
    for (auto& workload : file["workloads"]) {
        workload["name"] = workload["id"].get<std::string>() + " " + script + " " + ansi;
    }
    file["workloads"][1]["name"] = attribute + cdata_end;
    for (auto& iteration : file["iterations"]) {
        iteration["name"] = script + cdata_end + ansi;
    }
    file["assets"][0]["depends_on"] = {"</td>" + script + attribute + ansi};
    file["assets"][1]["x-note"] = script; // kept, never shown
    file["assets"][2]["estimat " + script] = 1;
    return file.dump(2) + "\n";
}

} // namespace

TEST_CASE("report escapes hostile names in Markdown and HTML, and leaves the file alone",
          "[e2e][report]") {
    TempBacklog backlog = TempBacklog::with_text(hostile_contoso());
    std::string markdown = output_of(backlog, {"report"});
    CHECK_FALSE(std::regex_search(markdown, std::regex("(^|[^\\\\])[<>]"))); // only as \\<
    CHECK_FALSE(contains(markdown, "\x1b"));
    CHECK(contains(markdown, "\\<script\\>alert(1)\\</script\\>"));
    CHECK(contains(markdown, "\\x1b\\[31mred"));
    CHECK(contains(markdown, "unknown-asset"));
    CHECK(contains(markdown, "estimat"));
    // A name cannot add a table cell: every table line of a section has its header's cells.
    for (const std::string& line : lines_of(section_of(markdown, "Release readiness"))) {
        if (line.starts_with("|")) {
            std::size_t unescaped = 0;
            for (std::size_t i = 0; i < line.size(); ++i) {
                unescaped += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
            }
            CAPTURE(line);
            CHECK(unescaped == 8);
        }
    }

    std::string page = output_of(backlog, {"report", "--format", "html"});
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "\x1b"));
    CHECK_FALSE(contains(page, "\"onload"));
    CHECK_FALSE(contains(page, "]]>"));
    CHECK_FALSE(contains(page, "<!--"));
    CHECK_FALSE(contains(page, "</td>&lt;"));
    CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(page, "&quot;onload=alert(1) x=&#39;"));
    CHECK(contains(page, "]]&gt; &amp; &amp;amp; &lt;!-- --&gt;"));
    CHECK(contains(page, "\\x1b[31mred"));
    // Every `&` starts one of the references the page uses.
    std::regex stray_ampersand("&(?!(amp|lt|gt|quot|#39);)");
    CHECK_FALSE(std::regex_search(page, stray_ampersand));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("report --format json holds the documents of the commands it gathers from",
          "[e2e][report]") {
    TempBacklog contoso("contoso");
    TempBacklog backlog = TempBacklog::with_text(
        replace_once(contoso.original(), "\"estimate\": 40,", "\"estimat\": 40,"));
    json report = json_of(backlog, {"report"});
    CHECK(report["file"] == "backlog.json");
    CHECK(report["today"] == "2026-11-25");
    CHECK(report["status"] == json_of(backlog, {"status"}));
    CHECK(report["velocity"] == json_of(backlog, {"velocity"}));
    CHECK(report["forecast"] == json_of(backlog, {"forecast"}));
    CHECK(report["releases"] == json_of(backlog, {"release", "list"}));
    json validate = json::parse(backlog.run({"validate", "--format", "json"}).out);
    CHECK(report["problems"]["problems"] == validate["problems"]);
    CHECK(report["problems"]["warnings"] == 1);
    REQUIRE(report["totals"].size() == 4);
    CHECK(report["totals"][2]["status"] == "replicated");
    CHECK(report["totals"][2]["assets"] ==
          json_of(backlog, {"asset", "list", "--status", "replicated"}).size());

    json seeded = json_of(backlog, {"report", "--seed", "7", "--trials", "500", "--last", "2"});
    CHECK(seeded["forecast"] == json_of(backlog, {"forecast", "--seed", "7", "--trials", "500"}));
    CHECK(seeded["velocity"] == json_of(backlog, {"velocity", "--last", "2"}));
    // Release progress: the assets of each release by group add up to its total.
    REQUIRE(report["progress"].size() == report["releases"].size());
    for (std::size_t r = 0; r < report["progress"].size(); ++r) {
        const json& progress = report["progress"][r];
        CHECK(progress["id"] == report["releases"][r]["id"]);
        int sum = 0;
        for (const char* group :
             {"not-started", "in-progress", "blocked", "replicated", "no-migration"}) {
            sum += progress[group].get<int>();
        }
        CHECK(sum == report["releases"][r]["assets_total"]);
        CHECK(progress["replicated"].get<int>() + progress["no-migration"].get<int>() ==
              report["releases"][r]["assets_done"]);
    }
}
