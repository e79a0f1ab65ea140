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

// One side read like a backlog file, its text given back as the loader reads past it (a large
// backlog is not held next to its model); none when blank.
std::optional<Backlog> load_side(const std::string& path, const std::string& label) {
    BacklogFileText text(path);
    if (is_blank(text.view())) {
        return std::nullopt;
    }
    return load_backlog_or_throw(text, label);
}

Sides load_sides(const MergeDriverOptions& options, const std::string& label) {
    Sides sides;
    sides.base = load_side(options.base, label + " (base)");
    std::optional<Backlog> ours = load_side(options.ours, label + " (ours)");
    std::optional<Backlog> theirs = load_side(options.theirs, label + " (theirs)");
    // A blank side is refused as the loader refuses any text that is not a backlog.
    sides.ours = ours ? std::move(*ours) : load_backlog_or_throw("", label + " (ours)");
    sides.theirs = theirs ? std::move(*theirs) : load_backlog_or_throw("", label + " (theirs)");
    return sides;
}

void run_merge_driver(const MergeDriverOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::text});
    const std::string& label = options.path.empty() ? options.ours : options.path;
    MergeResult result;
    try {
        Sides sides = load_sides(options, label);
        result = merge_backlogs(sides.base ? &*sides.base : nullptr, std::move(sides.ours),
                                sides.theirs);
    } catch (const Error& error) {
        // Exit 1 with OURS untouched: git then reports the conflict and leaves the file to the
        // user.
        throw Error(ExitStatus::check_failed,
                    fmt::format("cannot merge {} by entity: {}; ours is left as it was, "
                                "resolve the conflict by hand",
                                label, error.what()));
    }
    write_file_atomically(options.ours, [&result](const auto& write_piece) {
        write_canonical_text(result.merged, write_piece);
        return true;
    });

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
