#pragma once
// Turning a command-line mistake into one helpful line: what was wrong, the nearest spelling when
// it looks like a typo, and which --help to read.

#include <string>

namespace CLI {
class App;
class ParseError;
} // namespace CLI

namespace mbl::cli {

// The subcommand the user reached (`mbl asset add`), or the root when none.
const CLI::App& deepest_selected(const CLI::App& root);

// `mbl asset add`: the names from the root down to `app`.
std::string command_path(const CLI::App& app);

// The message for a failed parse of `root`: `unknown command 'asest'; did you mean 'asset'?`,
// `unknown option '--stauts'; did you mean '--status'?`, `'mbl asset' needs a command: add, ...`,
// or CLI11's own message for the rest (a missing value, a value out of range).
std::string describe_parse_error(const CLI::App& root, const CLI::ParseError& error);

// `run 'mbl asset add --help' for usage` for the command the user reached.
std::string help_hint(const CLI::App& root);

} // namespace mbl::cli
