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

struct Version {
    std::string label;
    std::string text;
};

// A file on disk when `argument` names one; else `REV:PATH` as git spells an object; else a
// revision of the backlog file (-f, $MBL_FILE or the one found), read with `git show`.
Version read_version(const std::string& argument, const GlobalOptions& global) {
    std::error_code error;
    if (std::filesystem::is_regular_file(argument, error)) {
        return {argument, read_backlog_file(argument)};
    }
    if (argument.empty() || argument.starts_with('-')) {
        throw usage_error("'" + argument +
                          "' is neither a file nor a git revision; name a backlog file, or a "
                          "revision such as HEAD, main or HEAD~2");
    }
    if (argument.find(':') != std::string::npos) {
        return {argument, read_git_object(argument, std::filesystem::current_path())};
    }
    BacklogFile file = resolve_backlog_file(global);
    return {argument + ":" + file.label, read_file_at_revision(file.path, argument)};
}

// The backlog `version` holds; its text is let go.
Backlog loaded(Version& version) {
    Backlog backlog = load_backlog_or_throw(version.text, version.label);
    std::string().swap(version.text);
    return backlog;
}

void run_diff(const DiffOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::text, OutputFormat::markdown, OutputFormat::json});
    // Each version is loaded as soon as it is read and its text let go, so a large backlog's
    // text is never held beside both models.
    Version before = read_version(options.old_version, global);
    Backlog old = loaded(before);
    Version after;
    if (options.new_version) {
        after = read_version(*options.new_version, global);
    } else {
        BacklogFile file = resolve_backlog_file(global);
        after = {file.label, read_backlog_file(file.path)};
    }
    BacklogDiff diff = diff_backlogs(old, loaded(after));
    DiffLabels labels{before.label, after.label};
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
