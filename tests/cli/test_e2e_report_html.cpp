// mbl report --format html, end to end on temporary copies of the Contoso example: one
// self-contained page, written atomically with -o, escaping everything from the file, the file
// left alone. (Well-formedness with a real XML parser: tests/report/check_html_report.py.)

#include "report_run.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;
using namespace mbl::test::report;
using mbl::cli::rounded_number;
using nlohmann::json;

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
    file["workloads"][2]["name"] = "see https://evil.example and www.evil.example";
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
    CHECK(contains(markdown, "see https\\://evil.example and www\\.evil.example")); // no autolink
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
