#include "cli/command_support.hpp"

#include "cli/render_text.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>

namespace mbl::cli {

namespace {

void add_example(CLI::App& command, const std::string& example) {
    command.footer("Example:\n  " + example +
                   "\n\nGlobal options (-f/--file, --format, --color, --today, --lock-timeout) "
                   "are accepted here too; see 'mbl --help'.");
}

// `text` as a whole decimal number of type T, nothing before or after it.
template <class T> std::optional<T> parse_decimal(std::string_view text) {
    T value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace

CLI::Option* accept_non_negative_number(CLI::Option* option, double maximum) {
    auto check = [maximum](std::string& text) -> std::string {
        std::optional<double> value = parse_decimal<double>(text);
        if (!value || !std::isfinite(*value) || *value < 0 || *value > maximum) {
            return "must be a number from 0 to " + format_number(maximum) + ", not '" + text + "'";
        }
        text = format_number(*value + 0.0); // `+ 0.0`: no -0
        return {};
    };
    return option->transform(CLI::Validator(check, ""));
}

CLI::Option* accept_whole_number(CLI::Option* option, int minimum, int maximum) {
    auto check = [minimum, maximum](std::string& text) -> std::string {
        std::optional<int> value = parse_decimal<int>(text);
        if (!value || *value < minimum || *value > maximum) {
            return "must be a whole number from " + std::to_string(minimum) + " to " +
                   std::to_string(maximum) + ", not '" + text + "'";
        }
        text = std::to_string(*value);
        return {};
    };
    return option->transform(CLI::Validator(check, ""));
}

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

void print_warning(std::ostream& err, const std::string& message) {
    err << "mbl: warning: " << terminal_safe(message, true) << '\n';
}

std::string comma_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? items[i] : ", " + items[i];
    }
    return out;
}

} // namespace mbl::cli
