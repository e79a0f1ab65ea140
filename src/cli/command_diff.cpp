// mbl diff [OLD [NEW]]: what changed between two versions of the backlog, by entity and field
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_diff.hpp"
#include "mbl/diff.hpp"
#include "mbl/git.hpp"
#include "mbl/load.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

namespace mbl::cli {
namespace {

struct DiffOptions {
    std::string old_version = "HEAD"; // a file or a git revision
    std::optional<std::string> new_version;
    bool exit_code = false;
};

// A version named on the command line: a file on disk, else a text read from git.
struct Version {
    std::string label;
    std::optional<std::filesystem::path> file;
    std::string text; // read from git, when not a file
};

// A file on disk when `argument` names one; else `REV:PATH` as git spells an object; else a
// revision of the backlog file (-f, $MBL_FILE or the one found), read with `git show`.
Version find_version(const std::string& argument, const GlobalOptions& global) {
    std::error_code error;
    if (std::filesystem::is_regular_file(argument, error)) {
        return {argument, argument, {}};
    }
    if (argument.empty() || argument.starts_with('-')) {
        throw usage_error("'" + argument +
                          "' is neither a file nor a git revision; name a backlog file, or a "
                          "revision such as HEAD, main or HEAD~2");
    }
    if (argument.find(':') != std::string::npos) {
        return {argument, std::nullopt, read_git_object(argument, std::filesystem::current_path())};
    }
    BacklogFile file = resolve_backlog_file(global);
    return {argument + ":" + file.label, std::nullopt, read_file_at_revision(file.path, argument)};
}

// The version's backlog, its text let go as it is loaded (a file's page by page). As a read-only
// command's, it is never freed (context.hpp: that would only cost time); unlike theirs, its heap
// is not grown in huge pages: the diff then took as much user time at 1,000,000 assets and up to
// 1.5 s more system time (docs/performance.md, "diff and merge-driver: the growth").
const Backlog& load_whole(Version version) {
    Backlog& kept = kept_backlog();
    if (version.file) {
        BacklogFileText text(*version.file, TextUse::reading, version.label);
        kept = load_backlog_or_throw(text, version.label);
        return kept;
    }
    std::string text = std::move(version.text);
    kept = load_backlog_or_throw(text, version.label);
    return kept;
}

// `before` compared with `after`, read entity by entity: one version is held whole, never two.
BacklogDiff diff_with(const Backlog& before, Version after) {
    if (after.file) {
        BacklogFileText text(*after.file, TextUse::reading, after.label);
        return diff_backlogs(before, text, after.label);
    }
    std::string text = std::move(after.text);
    return diff_backlogs(before, text, after.label);
}

void run_diff(const DiffOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::text, OutputFormat::markdown, OutputFormat::json});
    DiffLabels labels;
    BacklogDiff diff;
    {
        Version old = find_version(options.old_version, global);
        labels.before = old.label;
        const Backlog& before = load_whole(std::move(old));
        Version now;
        if (options.new_version) {
            now = find_version(*options.new_version, global);
        } else {
            BacklogFile file = resolve_backlog_file(global);
            now = {file.label, file.path, {}};
        }
        labels.after = now.label;
        diff = diff_with(before, std::move(now));
    }
    if (format == OutputFormat::json) {
        render_diff_json(out, diff, labels);
    } else if (format == OutputFormat::markdown) {
        render_diff_markdown(out, diff, labels);
    } else {
        render_diff_text(out, diff, labels);
    }
    if (options.exit_code && !diff.empty()) {
        throw ExitAfterReport{ExitStatus::check_failed};
    }
}

} // namespace

void setup_diff(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* command = add_command(
        root, "diff",
        "What changed between two versions of the backlog (files or git revisions), by entity "
        "and field: text, markdown (a pull-request comment) or json",
        "mbl diff origin/main --format markdown");
    command->add_option("OLD", options->old_version,
                        "The version to compare from: a backlog file, else a git revision of the "
                        "backlog file (read with 'git show REV:PATH'; REV:PATH names another "
                        "path). Default: HEAD");
    command->add_option("NEW", options->new_version,
                        "The version to compare to: a file or a revision (default: the file "
                        "as it is now)");
    command->add_flag("--exit-code", options->exit_code,
                      "Exit 1 when there are changes, 0 when there are none");
    command->callback([options, &global, &out] { run_diff(*options, global, out); });
}

} // namespace mbl::cli
