// `mbl help [COMMAND...]` (the --help of that command), `mbl version`, and the hidden
// `mbl __doc man|markdown` the build runs to write the man page and the command reference.

#include "cli/app_usage.hpp"
#include "cli/commands.hpp"
#include "cli/render_manual.hpp"
#include "mbl/enums.hpp"
#include "mbl/suggest.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace mbl::cli {
namespace {

// The command `path` names under `root` (visible commands only), or Error(usage) naming the
// word that is not one.
const CLI::App& help_command_named(const CLI::App& root, const std::vector<std::string>& path) {
    const CLI::App* command = &root;
    for (const std::string& word : path) {
        const CLI::App* found = nullptr;
        std::vector<std::string> names;
        for (const CLI::App* sub : command->get_subcommands({})) {
            if (!sub->get_group().empty()) {
                names.push_back(sub->get_name());
                found = sub->get_name() == word ? sub : found;
            }
        }
        if (found == nullptr) {
            std::string message = "unknown command '" + word + "'" +
                                  (command == &root ? "" : " for '" + command_path(*command) + "'");
            std::vector<std::string_view> views(names.begin(), names.end());
            if (auto nearest = nearest_spelling(word, views)) {
                message += "; did you mean '" + *nearest + "'?";
            }
            throw usage_error(message);
        }
        command = found;
    }
    return *command;
}

} // namespace

void setup_help(CLI::App& root, GlobalOptions&, std::ostream& out) {
    auto path = std::make_shared<std::vector<std::string>>();
    CLI::App* help = root.add_subcommand(
        "help", "Show the help of mbl or of a command: 'mbl help asset add' is 'mbl asset add "
                "--help'");
    help->add_option("COMMAND", *path, "The command, e.g. 'asset add'");
    help->callback([&root, &out, path] {
        const CLI::App& command = help_command_named(root, *path);
        out << command.get_formatter()->make_help(&command, command_path(command),
                                                  CLI::AppFormatMode::Normal);
    });

    CLI::App* version = root.add_subcommand("version", "Print the version (as -V and --version)");
    version->callback([&out] { out << "mbl " << MBL_VERSION << '\n'; });

    // Hidden (group ""): the build writes build/man/mbl.1 and checks docs/commands.md with it.
    auto kind = std::make_shared<std::string>();
    CLI::App* doc = root.add_subcommand("__doc", "The manual from this definition");
    doc->group("");
    doc->add_option("KIND", *kind, "man or markdown")
        ->required()
        ->check(CLI::IsMember({"man", "markdown"}));
    doc->callback([&root, &out, kind] {
        if (*kind == "man") {
            render_man_page(out, root, MBL_VERSION);
        } else {
            render_command_reference(out, root);
        }
    });
}

} // namespace mbl::cli
