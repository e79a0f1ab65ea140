// mbl git setup: install the merge driver in the repository that holds the backlog
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/git.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

struct GitSetupOptions {
    std::string program = "mbl";
};

void run_git_setup(const GitSetupOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::text});
    BacklogFile file = resolve_backlog_file(global);
    GitSetupReport report = setup_merge_driver(file.path, options.program);
    for (const std::string& line : report.done) {
        out << terminal_safe(line) << '\n';
    }
    out << "Commit .gitattributes so every clone merges " << terminal_safe(file.label)
        << " with mbl; the driver itself lives in each clone's .git/config, so run 'mbl git "
           "setup' once in every clone and CI runner that merges or rebases.\n";
}

} // namespace

void setup_git(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* git = add_command_family(
        root, "git",
        "Work with the git repository that holds the backlog: 'setup' installs the merge "
        "driver",
        "mbl git setup");
    auto options = std::make_shared<GitSetupOptions>();
    CLI::App* setup = add_command(
        *git, "setup",
        "Make git merge the backlog by entity and field: adds '<file> merge=mbl' to the "
        ".gitattributes at the repository root and sets merge.mbl.driver in the repository's "
        "config; changes only what is not already so. Any file name works: wildcards, a "
        "leading '#' or '!', spaces and quotes are escaped as git reads them, and git is asked "
        "(git check-attr) whether the line applies",
        "mbl git setup --program /usr/local/bin/mbl");
    setup
        ->add_option("--program", options->program,
                     "How git should run mbl in the driver command (default: mbl, found on "
                     "PATH); an absolute path when mbl is not on PATH")
        ->type_name("PATH");
    setup->callback([options, &global, &out] { run_git_setup(*options, global, out); });
}

} // namespace mbl::cli
