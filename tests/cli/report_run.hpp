#pragma once
// Helpers of the end-to-end tests of `mbl report` (test_e2e_report*.cpp): run on the Contoso
// day, check the file is left alone, read one Markdown section, and spell numbers and dates as
// the report does.

#include "cli/render_number.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mbl::test::report {

using mbl::cli::rounded_number;
using nlohmann::json;

inline const std::vector<std::string> on_contoso_day{"--today", "2026-11-25"};

inline std::vector<std::string> with_day(std::vector<std::string> args) {
    args.insert(args.end(), on_contoso_day.begin(), on_contoso_day.end());
    return args;
}

// Runs a read-only command that must succeed, checks it left the file alone, returns stdout.
inline std::string output_of(const TempBacklog& backlog, const std::vector<std::string>& args) {
    std::string before = backlog.text();
    RunResult result = backlog.run(with_day(args));
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(backlog.text() == before);
    return result.out;
}

inline json json_of(const TempBacklog& backlog, std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    return json::parse(output_of(backlog, args));
}

// The text of one `## title` section: up to the next `## ` heading.
inline std::string section_of(const std::string& markdown, const std::string& title) {
    std::size_t start = markdown.find("\n## " + title + "\n");
    REQUIRE(start != std::string::npos);
    std::size_t end = markdown.find("\n## ", start + 1);
    return markdown.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// `it-6 (Iteration 6): 2026-11-16 to 2026-11-29, day 10 of 14, 5 days left` from status's json.
inline std::string active_line(const json& active) {
    int left = active["days_left"];
    return active["id"].get<std::string>() + " (" + active["name"].get<std::string>() +
           "): " + active["start"].get<std::string>() + " to " + active["end"].get<std::string>() +
           ", day " + std::to_string(active["day"].get<int>()) + " of " +
           std::to_string(active["length_days"].get<int>()) + ", " + std::to_string(left) +
           (left == 1 ? " day left" : " days left");
}

inline std::string number(const json& value) {
    return rounded_number(value.get<double>());
}

inline std::string date_at(const json& completion, int percent) {
    if (completion["assets_left"] == 0) {
        return "done";
    }
    for (const json& at : completion["percentiles"]) {
        if (at["percent"] == percent) {
            std::string date = at["date"];
            return completion["conditional"] == true ? date + " if unblocked" : date;
        }
    }
    return "-";
}

} // namespace mbl::test::report
