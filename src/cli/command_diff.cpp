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
    Backlog backlog;
};

// A file's backlog, its text given back as the loader reads past it.
Backlog load_file(const std::filesystem::path& path, const std::string& label) {
    BacklogFileText text(path, TextUse::reading, label);
    return load_backlog_or_throw(text, label);
}

// Text read from git, let go once loaded.
Version load_text(std::string label, std::string text) {
    Backlog backlog = load_backlog_or_throw(text, label);
    return {std::move(label), std::move(backlog)};
}

// A file on disk when `argument` names one; else `REV:PATH` as git spells an object; else a
// revision of the backlog file (-f, $MBL_FILE or the one found), read with `git show`. Each
// version is loaded as soon as it is read, so a large backlog's text is never held beside both
// models.
Version load_version(const std::string& argument, const GlobalOptions& global) {
    std::error_code error;
    if (std::filesystem::is_regular_file(argument, error)) {
        return {argument, load_file(argument, argument)};
    }
    if (argument.empty() || argument.starts_with('-')) {
        throw usage_error("'" + argument +
                          "' is neither a file nor a git revision; name a backlog file, or a "
                          "revision such as HEAD, main or HEAD~2");
    }
    if (argument.find(':') != std::string::npos) {
        return load_text(argument, read_git_object(argument, std::filesystem::current_path()));
    }
    BacklogFile file = resolve_backlog_file(global);
    return load_text(argument + ":" + file.label, read_file_at_revision(file.path, argument));
}

void run_diff(const DiffOptions& options, const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::text, OutputFormat::markdown, OutputFormat::json});
    Version before = load_version(options.old_version, global);
    Version after;
    if (options.new_version) {
        after = load_version(*options.new_version, global);
    } else {
        BacklogFile file = resolve_backlog_file(global);
        after = {file.label, load_file(file.path, file.label)};
    }
    BacklogDiff diff = diff_backlogs(before.backlog, after.backlog);
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
