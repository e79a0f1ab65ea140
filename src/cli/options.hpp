#pragma once
// The global options (SPEC.md, "The commands"), accepted before the noun and after the verb.

#include <initializer_list>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace mbl::cli {

struct GlobalOptions {
    std::optional<std::string> file;   // -f, --file
    std::optional<std::string> format; // --format, checked by each command (output_format)
    std::string color = "auto";        // --color auto|always|never
    std::optional<std::string> today;  // --today YYYY-MM-DD
    double lock_timeout_seconds = 10;  // --lock-timeout
};

// Registers the global options on the root app; subcommands reach them through fallthrough.
void add_global_options(CLI::App& root, GlobalOptions& options);

enum class OutputFormat { table, json, csv, markdown, text, github };

// The format the user asked for, or the first of `supported` when none. Error(usage) naming the
// supported spellings when the command does not support the one asked for.
OutputFormat output_format(const GlobalOptions& options,
                           std::initializer_list<OutputFormat> supported);

// Whether to colour stdout: `always`, `never`, or for `auto` when stdout is a terminal and
// NO_COLOR is unset or empty.
bool use_color(const GlobalOptions& options);

} // namespace mbl::cli
