#pragma once
// Every command family registers itself on the root app with setup_<family>; app.cpp calls them
// all. A command parses its arguments, calls one core function, and renders the result to `out`.

#include "cli/options.hpp"
#include "mbl/error.hpp"

#include <ostream>

namespace CLI {
class App;
}

namespace mbl::cli {

// Thrown by a command that has printed its whole report (validate, fmt --check) and only needs
// the process to end with `status`; run() prints nothing more.
struct ExitAfterReport {
    ExitStatus status;
};

void setup_init(CLI::App& root, GlobalOptions& options, std::ostream& out);
// Warnings (a release past migrating no longer ready after a change) go to `err`.
void setup_asset(CLI::App& root, GlobalOptions& options, std::ostream& out, std::ostream& err);
void setup_workload(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_status(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_burndown(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_velocity(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_forecast(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_validate(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_fmt(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_iteration(CLI::App& root, GlobalOptions& options, std::ostream& out);
// Warnings (a workload left production while others depending on it stay there) go to `err`.
void setup_release(CLI::App& root, GlobalOptions& options, std::ostream& out, std::ostream& err);
void setup_export(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_report(CLI::App& root, GlobalOptions& options, std::ostream& out);
// Progress of a long import goes to `err` when it is a terminal.
void setup_import(CLI::App& root, GlobalOptions& options, std::ostream& out, std::ostream& err);
void setup_diff(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_merge(CLI::App& root, GlobalOptions& options, std::ostream& out); // merge-driver
// `help [COMMAND...]`, `version`, and the hidden `__doc man|markdown` (render_manual.hpp).
void setup_help(CLI::App& root, GlobalOptions& options, std::ostream& out);
// `completion bash|zsh|fish` and the hidden `__complete` its scripts call.
void setup_completion(CLI::App& root, GlobalOptions& options, std::ostream& out);
void setup_git(CLI::App& root, GlobalOptions& options, std::ostream& out);
// `mbl schema`: prints the JSON Schema of the file (needs no backlog).
void setup_schema(CLI::App& root, GlobalOptions& options, std::ostream& out);
// Adds `tasks` and `task done/undo` to the `asset` family.
void setup_asset_tasks(CLI::App& asset, GlobalOptions& options, std::ostream& out);
// Adds `reopen` to the `iteration` family.
void setup_iteration_reopen(CLI::App& iteration, GlobalOptions& options, std::ostream& out);

} // namespace mbl::cli
