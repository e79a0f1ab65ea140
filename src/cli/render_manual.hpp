#pragma once
// The manual of `mbl`, generated from the CLI11 definition itself (the same App --help prints),
// so it cannot drift from --help: the man page mbl(1) and the Markdown command reference
// (docs/commands.md). Both list every visible command, depth first in --help's order, with its
// description, operands, options and footer; hidden commands (group "") are left out.

#include <ostream>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mbl::cli {

// The visible commands under `app`, depth first (`asset`, `asset add`, ..., `workload`, ...),
// `app` itself not included.
std::vector<const CLI::App*> visible_commands(const CLI::App& app);

// mbl(1) in man(7) macros: NAME, SYNOPSIS, DESCRIPTION (the root's description and footer),
// GLOBAL OPTIONS, COMMANDS (one subsection per command), ENVIRONMENT, FILES, SEE ALSO. Renders
// without warnings under `groff -man -ww`.
void render_man_page(std::ostream& out, const CLI::App& root, std::string_view version);

// The same content as Markdown: a heading per command, its usage line, operands and options as
// lists.
void render_command_reference(std::ostream& out, const CLI::App& root);

} // namespace mbl::cli
