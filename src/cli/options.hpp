#pragma once
// The global options (README.md, the global options), accepted before the noun and after the verb.

#include "cli/terminal_facts.hpp"
#include "mbl/date.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mbl::cli {

// The longest --lock-timeout: a day. Longer values are refused (a usage error).
constexpr double max_lock_timeout_seconds = 86400;

class TerminalSafeBuffer;

struct GlobalOptions {
    std::optional<std::string> file;   // -f, --file
    std::optional<std::string> format; // --format, checked by each command (output_format)
    std::string color = "auto";        // --color auto|always|never
    std::optional<Date> today;         // --today YYYY-MM-DD, read with parse_date_option
    double lock_timeout_seconds = 10;  // --lock-timeout, 0 to max_lock_timeout_seconds
    // Standard output's escaping when it is a terminal (terminal_output.hpp), told the format
    // output_format chooses; null otherwise (a pipe, a file, an in-process run).
    TerminalSafeBuffer* terminal = nullptr;
    // Where stdout and stderr go and what the environment asks of colour, found out once at
    // start-up; all false for an in-process run (not a terminal).
    TerminalFacts facts;
};

// The day `text` names, for `source` (`--today`, `MBL_TODAY`, `--start`); Error(usage)
// `--today: '2027-02-30' is not a valid date; use YYYY-MM-DD, e.g. 2027-01-04` otherwise.
Date parse_date_option(std::string_view text, std::string_view source);

// Registers the global options on the root app; subcommands reach them through fallthrough.
void add_global_options(CLI::App& root, GlobalOptions& options);

enum class OutputFormat { table, json, csv, markdown, text, github, html };

// The spellings of --format, in OutputFormat's order (for completion).
std::vector<std::string_view> output_format_names();

// The format the user asked for, or the first of `supported` when none. Error(usage) naming the
// supported spellings when the command does not support the one asked for. On a terminal,
// tells `options.terminal` the format, so that what the command prints is made safe for it.
OutputFormat output_format(const GlobalOptions& options,
                           std::initializer_list<OutputFormat> supported);

// Whether to colour stdout: `always`, `never`, or for `auto` when stdout is a terminal, NO_COLOR
// is unset or empty and TERM is not `dumb`.
bool use_color(const GlobalOptions& options);

// Unicode charts for `--color always`, ASCII for `--color never`; for `auto`, Unicode when
// stdout is a terminal that is not TERM=dumb. NO_COLOR does not matter here: it asks for no
// colour, not for no Unicode.
bool use_unicode_charts(const GlobalOptions& options);

} // namespace mbl::cli
