#include "cli/render_manual.hpp"

#include "cli/app_usage.hpp"

#include <CLI/CLI.hpp>
#include <sstream>
#include <string>

namespace mbl::cli {
namespace {

// CLI11's own help formatter: the operand and option spellings --help prints.
const CLI::Formatter& manual_formatter() {
    static const CLI::Formatter formatter;
    return formatter;
}

bool manual_is_visible(const CLI::App* app) {
    return !app->get_group().empty();
}

std::vector<const CLI::Option*> manual_visible_options(const CLI::App& app, bool positional) {
    return app.get_options([&app, positional](const CLI::Option* option) {
        return !option->get_group().empty() && option->get_positional() == positional &&
               option != app.get_help_ptr();
    });
}

// `-f, --file PATH`: the names as --help shows them, then the value's type name.
std::string manual_option_heading(const CLI::Option& option) {
    std::string names = manual_formatter().make_option_name(&option, false);
    for (std::size_t at = names.find(','); at != std::string::npos; at = names.find(',', at + 2)) {
        names.insert(at + 1, " ");
    }
    return names;
}

std::string manual_option_value(const CLI::Option& option) {
    if (option.get_type_size() == 0 || option.get_type_name().empty()) {
        return "";
    }
    return option.get_type_name() +
           (option.get_expected_max() >= CLI::detail::expected_max_vector_size ? " ..." : "");
}

// `mbl asset add [OPTIONS] ID`: the usage line of --help, without its label.
std::string manual_usage_line(const CLI::App& app) {
    std::string usage = manual_formatter().make_usage(&app, command_path(app));
    const std::string label = "Usage: ";
    if (usage.compare(0, label.size(), label) == 0) {
        usage.erase(0, label.size());
    }
    while (!usage.empty() && usage.back() == '\n') {
        usage.pop_back();
    }
    return usage;
}

// Text for a roff line: backslashes as \e, hyphens as \-, a leading dot or quote escaped.
std::string manual_roff(std::string_view text) {
    std::string escaped;
    for (char c : text) {
        if (c == '\\') {
            escaped += "\\e";
        } else if (c == '-') {
            escaped += "\\-";
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string manual_roff_line(std::string_view line) {
    std::string escaped = manual_roff(line);
    if (!escaped.empty() && (escaped.front() == '.' || escaped.front() == '\'')) {
        escaped.insert(0, "\\&");
    }
    return escaped;
}

// A footer (examples, notes) as it appears in --help: line breaks and indentation kept.
void manual_man_preformatted(std::ostream& out, const std::string& text) {
    out << ".PP\n.nf\n";
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        out << manual_roff_line(line) << '\n';
    }
    out << ".fi\n";
}

void manual_man_options(std::ostream& out, const CLI::App& app) {
    for (const CLI::Option* operand : manual_visible_options(app, true)) {
        out << ".TP\n\\fI" << manual_roff(operand->get_name(true)) << "\\fR\n"
            << manual_roff_line(operand->get_description()) << '\n';
    }
    for (const CLI::Option* option : manual_visible_options(app, false)) {
        out << ".TP\n\\fB" << manual_roff(manual_option_heading(*option)) << "\\fR";
        if (std::string value = manual_option_value(*option); !value.empty()) {
            out << " \\fI" << manual_roff(value) << "\\fR";
        }
        out << '\n' << manual_roff_line(option->get_description()) << '\n';
    }
}

void manual_man_command(std::ostream& out, const CLI::App& command) {
    out << ".SS \"" << manual_roff(manual_usage_line(command)) << "\"\n"
        << manual_roff_line(command.get_description()) << '\n';
    manual_man_options(out, command);
    if (!command.get_footer().empty()) {
        manual_man_preformatted(out, command.get_footer());
    }
}

void manual_collect_visible(const CLI::App& app, std::vector<const CLI::App*>& commands) {
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (manual_is_visible(sub)) {
            commands.push_back(sub);
            manual_collect_visible(*sub, commands);
        }
    }
}

} // namespace

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    std::vector<const CLI::App*> commands;
    manual_collect_visible(app, commands);
    return commands;
}

void render_man_page(std::ostream& out, const CLI::App& root, std::string_view version) {
    out << ".\\\" Generated from mbl's command-line definition; do not edit.\n"
        << ".TH MBL 1 \"\" \"mbl " << manual_roff(version) << "\" \"User Commands\"\n"
        << ".SH NAME\nmbl \\- the migration backlog manager\n"
        << ".SH SYNOPSIS\n.B mbl\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIOPERANDS\\fR]\n"
        << ".SH DESCRIPTION\n"
        << manual_roff_line(root.get_description()) << '\n';
    manual_man_preformatted(out, root.get_footer());
    out << ".SH GLOBAL OPTIONS\nAccepted before the command and after it.\n";
    manual_man_options(out, root);
    out << ".SH COMMANDS\n";
    for (const CLI::App* command : visible_commands(root)) {
        manual_man_command(out, *command);
    }
    out << ".SH ENVIRONMENT\n"
        << ".TP\n.B MBL_FILE\nThe backlog file when \\fB\\-f\\fR is not given.\n"
        << ".TP\n.B MBL_TODAY\nThe day to use as today (YYYY\\-MM\\-DD) when \\fB\\-\\-today\\fR "
           "is not given.\n"
        << ".TP\n.B NO_COLOR\nWhen set and not empty, no colour (unless \\fB\\-\\-color "
           "always\\fR).\n"
        << ".TP\n.B TERM\n\\fBdumb\\fR: no colour and ASCII charts (unless \\fB\\-\\-color "
           "always\\fR).\n"
        << ".SH FILES\n"
        << ".TP\n.I backlog.json\nThe backlog, found in the current directory or the nearest "
           "parent; its format is described in the project's docs/backlog\\-format.md and, "
           "machine\\-readably, by \\fBmbl schema\\fR.\n"
        << ".TP\n.I backlog.json.lock\nHeld while mbl changes the file.\n"
        << ".SH SEE ALSO\n\\fBgit\\fR(1), \\fBjq\\fR(1)\n";
}

void render_command_reference(std::ostream& out, const CLI::App& root) {
    out << "<!-- Generated from mbl's command-line definition by `mbl __doc markdown`; do not "
           "edit: a test compares it with the build's output. -->\n"
        << "# Command reference\n\n"
        << root.get_description() << "\n\n```text\n"
        << root.get_footer() << "\n```\n\n## Global options\n\n"
        << "Accepted before the command and after it.\n\n";
    auto options = [&out](const CLI::App& app) {
        for (const CLI::Option* operand : manual_visible_options(app, true)) {
            out << "- `" << operand->get_name(true) << "`: " << operand->get_description() << '\n';
        }
        for (const CLI::Option* option : manual_visible_options(app, false)) {
            std::string value = manual_option_value(*option);
            out << "- `" << manual_option_heading(*option) << (value.empty() ? "" : " " + value)
                << "`: " << option->get_description() << '\n';
        }
    };
    options(root);
    for (const CLI::App* command : visible_commands(root)) {
        out << "\n## " << command_path(*command) << "\n\n```text\n"
            << manual_usage_line(*command) << "\n```\n\n"
            << command->get_description() << "\n\n";
        options(*command);
        if (!command->get_footer().empty()) {
            out << "\n```text\n" << command->get_footer() << "\n```\n";
        }
    }
}

} // namespace mbl::cli
