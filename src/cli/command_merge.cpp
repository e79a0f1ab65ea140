// mbl merge-driver BASE OURS THEIRS [PATH]: git's merge driver for backlog files (%O %A %B %P)
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/load.hpp"
#include "mbl/merge.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <exception>
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

// A side that must be there: a blank one is refused as the loader refuses any text that is not
// a backlog.
Backlog load_required_side(const std::string& path, const std::string& label) {
    std::optional<Backlog> side = load_side(path, label);
    return side ? std::move(*side) : load_backlog_or_throw("", label);
}

// Theirs is loaded, base read against it entity by entity, and both let go once theirs' changes
// are taken; then ours is loaded and becomes the merge: one version is held at a time (and the
// text being read). A side that cannot be read is named as when base was loaded first: base's
// error before theirs'.
MergeResult merge_sides(const MergeDriverOptions& options, const std::string& label) {
    std::optional<TheirChanges> theirs;
    {
        std::optional<Backlog> their;
        std::exception_ptr their_error;
        try {
            their = load_required_side(options.theirs, label + " (theirs)");
        } catch (const Error&) {
            their_error = std::current_exception();
        }
        std::string base_label = label + " (base)";
        BacklogFileText base(options.base);
        bool has_base = !is_blank(base.view());
        if (their_error) {
            if (has_base) {
                load_backlog_or_throw(base, base_label);
            }
            std::rethrow_exception(their_error);
        }
        if (has_base) {
            theirs.emplace(base, base_label, *their);
        } else {
            theirs.emplace(nullptr, *their);
        }
    }
    return merge_backlogs(*theirs, load_required_side(options.ours, label + " (ours)"));
}

void run_merge_driver(const MergeDriverOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    output_format(global, {OutputFormat::text});
    const std::string& label = options.path.empty() ? options.ours : options.path;
    MergeResult result;
    try {
        result = merge_sides(options, label);
    } catch (const Error& error) {
        // Exit 1 with OURS untouched: git then reports the conflict and leaves the file to the
        // user.
        throw Error(ExitStatus::check_failed,
                    fmt::format("cannot merge {} by entity: {}; ours is left as it was, "
                                "resolve the conflict by hand",
                                label, error.what()));
    }
    // Never freed, as a read-only command's backlog (context.hpp): that would only cost time.
    const Backlog& merged = kept_backlog() = std::move(result.merged);
    write_file_atomically(options.ours, [&merged](const auto& write_piece) {
        write_canonical_text(merged, write_piece);
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
