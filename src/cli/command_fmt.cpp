// mbl fmt [--check]
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/canonical_check.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

namespace mbl::cli {
namespace {

struct FmtOptions {
    bool check = false;
};

void run_fmt(const FmtOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    if (options.check) {
        LoadedBacklog loaded = load_for_reading(global);
        auto difference = find_canonical_difference(*loaded.text, loaded.backlog);
        if (!difference) {
            out << terminal_safe(loaded.file.label + " is canonical") << '\n';
            return;
        }
        out << terminal_safe(fmt::format("{} is not canonical: {}; run 'mbl fmt'",
                                         loaded.file.label, difference->what))
            << '\n';
        throw ExitAfterReport{ExitStatus::check_failed};
    }
    bool rewritten = modify_backlog(global, [](Backlog&) {});
    std::string label = resolve_backlog_file(global).label;
    out << terminal_safe(rewritten ? "Formatted " + label : label + " already canonical") << '\n';
}

} // namespace

void setup_fmt(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<FmtOptions>();
    CLI::App* fmt_command =
        add_command(root, "fmt",
                    "Rewrite the file canonically (two-space indent, fixed key order), or with "
                    "--check only check it (exit 1 when it is not)",
                    "mbl fmt --check");
    fmt_command->add_flag("--check", options->check,
                          "Change nothing; exit 1 when the file is not canonical");
    fmt_command->callback([options, &global, &out] { run_fmt(*options, global, out); });
}

} // namespace mbl::cli
