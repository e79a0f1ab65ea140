#include "cli/render_report.hpp"

#include "cli/render_table.hpp"
#include "cli/render_text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

std::string_view severity_word(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

std::string summary_line(const ValidationReport& report) {
    std::size_t errors = count_problems(report.problems, Severity::error);
    std::size_t warnings = count_problems(report.problems, Severity::warning);
    if (report.unreadable) {
        return report.file_label + " could not be read";
    }
    if (errors == 0 && (warnings == 0 || !report.strict)) {
        std::string noted = warnings == 0 ? "" : " (" + count_noun(warnings, "warning") + ")";
        return fmt::format("{} is valid{}: {}, {}, {}", report.file_label, noted,
                           count_noun(report.workloads, "workload"),
                           count_noun(report.assets, "asset"),
                           count_noun(report.iterations, "iteration"));
    }
    return count_noun(errors, "error") + ", " + count_noun(warnings, "warning");
}

} // namespace

std::string count_noun(std::size_t count, std::string_view noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

std::size_t count_problems(const std::vector<Problem>& problems, Severity severity) {
    return static_cast<std::size_t>(std::ranges::count_if(
        problems, [severity](const Problem& problem) { return problem.severity == severity; }));
}

int report_exit_status(const ValidationReport& report) {
    if (report.unreadable) {
        return 3;
    }
    bool failed = count_problems(report.problems, Severity::error) > 0 ||
                  (report.strict && count_problems(report.problems, Severity::warning) > 0);
    return failed ? 1 : 0;
}

void render_report_text(std::ostream& out, const ValidationReport& report, bool color) {
    for (const Problem& problem : report.problems) {
        std::string where = report.file_label;
        if (problem.position.line > 0) {
            where += fmt::format(":{}:{}", problem.position.line, problem.position.column);
        }
        Tone tone = problem.severity == Severity::error ? Tone::bad : Tone::attention;
        out << terminal_safe(where) << ": "
            << paint(std::string(severity_word(problem.severity)), tone, color) << ": "
            << terminal_safe(problem.message) << " [" << terminal_safe(problem.code) << "]\n";
    }
    out << terminal_safe(summary_line(report)) << '\n';
}

void render_report_json(std::ostream& out, const ValidationReport& report) {
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const Problem& problem : report.problems) {
        nlohmann::ordered_json entry;
        entry["severity"] = severity_word(problem.severity);
        entry["code"] = problem.code;
        entry["message"] = problem.message;
        entry["path"] = problem.path;
        bool known = problem.position.line > 0;
        entry["line"] = known ? nlohmann::ordered_json(problem.position.line) : nullptr;
        entry["column"] = known ? nlohmann::ordered_json(problem.position.column) : nullptr;
        problems.push_back(std::move(entry));
    }
    nlohmann::ordered_json document;
    document["file"] = report.file_label;
    document["valid"] = report_exit_status(report) == 0;
    document["errors"] = count_problems(report.problems, Severity::error);
    document["warnings"] = count_problems(report.problems, Severity::warning);
    document["problems"] = std::move(problems);
    out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void render_report_github(std::ostream& out, const ValidationReport& report) {
    for (const Problem& problem : report.problems) {
        out << "::" << severity_word(problem.severity) << " file="
            << github_escape_property(report.annotation_file.empty() ? report.file_label
                                                                     : report.annotation_file);
        if (problem.position.line > 0) {
            out << ",line=" << problem.position.line << ",col=" << problem.position.column;
        }
        out << ",title=" << github_escape_property("mbl validate (" + problem.code + ")")
            << "::" << github_escape_data(problem.message) << '\n';
    }
    out << github_escape_data(summary_line(report)) << '\n';
}

std::string github_escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '%':
            out += "%25";
            break;
        case '\r':
            out += "%0D";
            break;
        case '\n':
            out += "%0A";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view text) {
    std::string out;
    for (char c : github_escape_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace mbl::cli
