#include "cli/command_support.hpp"

#include <CLI/CLI.hpp>

namespace mbl::cli {

namespace {

void add_example(CLI::App& command, const std::string& example) {
    command.footer("Example:\n  " + example +
                   "\n\nGlobal options (-f/--file, --format, --color, --today, --lock-timeout) "
                   "are accepted here too; see 'mbl --help'.");
}

} // namespace

CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& description,
                      const std::string& example) {
    CLI::App* command = parent.add_subcommand(name, description);
    add_example(*command, example);
    return command;
}

CLI::App* add_command_family(CLI::App& root, const std::string& name,
                             const std::string& description, const std::string& example) {
    CLI::App* family = root.add_subcommand(name, description);
    add_example(*family, example);
    family->require_subcommand(1);
    return family;
}

std::string change_line(std::string_view id, std::string_view field, std::string_view description) {
    std::string line = std::string(id) + ": ";
    std::string prefix = std::string(field) + ": ";
    if (description.substr(0, prefix.size()) == prefix) {
        return line + std::string(field) + " " + std::string(description.substr(prefix.size()));
    }
    return line + std::string(description);
}

std::string comma_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? items[i] : ", " + items[i];
    }
    return out;
}

} // namespace mbl::cli
