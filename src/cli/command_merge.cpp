// mbl merge-driver BASE OURS THEIRS [PATH]: git's merge driver for backlog files (%O %A %B %P)
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/render_text.hpp"
#include "mbl/load.hpp"
#include "mbl/merge.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

namespace mbl::cli {
namespace {

struct MergeDriverOptions {
    std::string base;
    std::string ours;
    std::string theirs;
    std::string path;
};

struct Sides {
    std::optional<Backlog> base; // none: git had no common ancestor (an empty file)
    Backlog ours;
    Backlog theirs;
};

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Sides load_sides(const MergeDriverOptions& options, const std::string& label) {
    Sides sides;
    std::string base_text = read_backlog_file(options.base);
    if (!is_blank(base_text)) {
        sides.base = load_backlog_or_throw(base_text, label + " (base)");
    }
    sides.ours = load_backlog_or_throw(read_backlog_file(options.ours), label + " (ours)");
    sides.theirs = load_backlog_or_throw(read_backlog_file(options.theirs), label + " (theirs)");
    return sides;
}

void run_merge_driver(const MergeDriverOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::text});
    const std::string& label = options.path.empty() ? options.ours : options.path;
    MergeResult result;
    try {
        Sides sides = load_sides(options, label);
        result = merge_backlogs(sides.base ? &*sides.base : nullptr, sides.ours, sides.theirs);
        result.merged.layout = sides.ours.layout; // a CRLF file stays CRLF, its BOM kept
    } catch (const Error& error) {
        // Exit 1 with OURS untouched: git then reports the conflict and leaves the file to the
        // user.
        throw Error(ExitStatus::check_failed,
                    fmt::format("cannot merge {} by entity: {}; ours is left as it was, "
                                "resolve the conflict by hand",
                                label, error.what()));
    }
    write_file_atomically(options.ours, to_canonical_text(result.merged));

    std::size_t count = result.conflicts.size() + result.broken_rules.size();
    if (count == 0) {
        return;
    }
    for (const MergeConflict& conflict : result.conflicts) {
        out << terminal_safe(label + ": " + describe(conflict)) << '\n';
    }
    for (const Problem& problem : result.broken_rules) {
        out << terminal_safe(fmt::format("{}: the merged backlog breaks a rule neither side "
                                         "broke: {} ({})",
                                         label, problem.message, problem.code))
            << '\n';
    }
    out << terminal_safe(fmt::format("{}: {} conflict{}; the file keeps ours for each and still "
                                     "parses: edit it, run 'mbl validate', then 'git add' it",
                                     label, count, count == 1 ? "" : "s"))
        << '\n';
    throw ExitAfterReport{ExitStatus::check_failed};
}

} // namespace

void setup_merge(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<MergeDriverOptions>();
    CLI::App* command = add_command(
        root, "merge-driver",
        "git's merge driver: merges three versions of a backlog by entity and field into OURS; "
        "exit 1 on a conflict ('mbl git setup' installs it)",
        "mbl merge-driver %O %A %B %P   (in git config merge.mbl.driver)");
    command->add_option("BASE", options->base, "The common ancestor's version (git's %O)")
        ->required();
    command->add_option("OURS", options->ours, "Our version, replaced by the merge (git's %A)")
        ->required();
    command->add_option("THEIRS", options->theirs, "Their version (git's %B)")->required();
    command->add_option("PATH", options->path,
                        "The file's path in the repository, for messages (git's %P)");
    command->callback([options, &global, &out] { run_merge_driver(*options, global, out); });
}

} // namespace mbl::cli
