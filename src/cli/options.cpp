#include "cli/options.hpp"

#include "cli/command_support.hpp"
#include "cli/terminal_output.hpp"
#include "mbl/date.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"

#include <CLI/CLI.hpp>
#include <array>

namespace mbl::cli {
namespace {

constexpr std::array<std::string_view, 7> format_names{"table", "json",   "csv", "markdown",
                                                       "text",  "github", "html"};

std::string_view name_of(OutputFormat format) {
    return format_names[static_cast<std::size_t>(format)];
}

OutputFormat chosen_format(const GlobalOptions& options,
                           std::initializer_list<OutputFormat> supported) {
    if (!options.format) {
        return *supported.begin();
    }
    if (supported.size() == 1) {
        throw usage_error("this command has no --format choice; drop --format " + *options.format);
    }
    std::vector<std::string_view> allowed;
    for (OutputFormat format : supported) {
        if (name_of(format) == *options.format) {
            return format;
        }
        allowed.push_back(name_of(format));
    }
    throw usage_error("--format " + *options.format + " is not available for this command; use " +
                      join_alternatives(allowed));
}

} // namespace

void add_global_options(CLI::App& root, GlobalOptions& options) {
    const char* group = "Global options";
    root.add_option("-f,--file", options.file,
                    "Backlog file (default: $MBL_FILE, else backlog.json in this directory or "
                    "the nearest parent)")
        ->type_name("PATH")
        ->group(group);
    root.add_option("--format", options.format,
                    "Output format: table, json, csv or markdown where the command supports it "
                    "(validate: text, json or github; report: markdown, html or json)")
        ->type_name("FORMAT")
        ->group(group);
    root.add_option("--color", options.color,
                    "Colour: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), "
                    "always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}).description(""))
        ->type_name("WHEN")
        ->group(group);
    root.add_option_function<std::string>(
            "--today",
            [&options](const std::string& text) {
                options.today = parse_date_option(text, "--today");
            },
            "The day to use as today, YYYY-MM-DD (default: $MBL_TODAY, else the system's "
            "local date)")
        ->type_name("DATE")
        ->group(group);
    accept_non_negative_number(
        root.add_option("--lock-timeout", options.lock_timeout_seconds,
                        "Seconds to wait for another mbl to release the file (default 10, at "
                        "most 86400: a day)"),
        max_lock_timeout_seconds)
        ->type_name("SECONDS")
        ->group(group);
}

std::vector<std::string_view> output_format_names() {
    return {format_names.begin(), format_names.end()};
}

Date parse_date_option(std::string_view text, std::string_view source) {
    if (auto date = Date::parse(text)) {
        return *date;
    }
    throw usage_error(std::string(source) + ": '" + std::string(text) +
                      "' is not a valid date; use YYYY-MM-DD, e.g. 2027-01-04");
}

OutputFormat output_format(const GlobalOptions& options,
                           std::initializer_list<OutputFormat> supported) {
    OutputFormat chosen = chosen_format(options, supported);
    if (options.terminal != nullptr) {
        options.terminal->escape_as(chosen);
    }
    return chosen;
}

bool use_color(const GlobalOptions& options) {
    if (options.color != "auto") {
        return options.color == "always";
    }
    return options.facts.stdout_is_terminal && !options.facts.no_color && !options.facts.dumb_term;
}

bool use_unicode_charts(const GlobalOptions& options) {
    if (options.color != "auto") {
        return options.color == "always";
    }
    return options.facts.stdout_is_terminal && !options.facts.dumb_term;
}

} // namespace mbl::cli
