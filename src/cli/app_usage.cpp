#include "cli/app_usage.hpp"

#include "mbl/enums.hpp"
#include "mbl/suggest.hpp"

#include <CLI/CLI.hpp>

namespace mbl::cli {
namespace {

std::string with_suggestion(std::string message, const std::string& word,
                            const std::vector<std::string>& candidates) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    if (auto nearest = nearest_spelling(word, views)) {
        message += "; did you mean '" + *nearest + "'?";
    }
    return message;
}

std::vector<std::string> option_spellings(const CLI::App& deepest) {
    std::vector<std::string> spellings;
    for (const CLI::App* app = &deepest; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            for (const std::string& name : option->get_lnames()) {
                spellings.push_back("--" + name);
            }
            for (const std::string& name : option->get_snames()) {
                spellings.push_back("-" + name);
            }
        }
    }
    return spellings;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands(std::function<bool(const CLI::App*)>{})) {
        names.push_back(sub->get_name());
    }
    return names;
}

} // namespace

const CLI::App& deepest_selected(const CLI::App& root) {
    const CLI::App* app = &root;
    while (!app->get_subcommands().empty()) {
        app = app->get_subcommands().front();
    }
    return *app;
}

std::string command_path(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* parent = app.get_parent(); parent != nullptr;
         parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

std::string describe_parse_error(const CLI::App& root, const CLI::ParseError& error) {
    const CLI::App& deepest = deepest_selected(root);
    std::vector<std::string> extras = root.remaining(true);
    auto unknown_option = std::find_if(extras.begin(), extras.end(), [](const std::string& arg) {
        return arg.size() > 1 && arg.front() == '-';
    });
    if (unknown_option != extras.end()) {
        std::string name = unknown_option->substr(0, unknown_option->find('='));
        return with_suggestion("unknown option '" + name + "'", name, option_spellings(deepest));
    }
    std::vector<std::string> commands = subcommand_names(deepest);
    if (!extras.empty() && !commands.empty()) {
        std::string where = deepest.get_parent() ? " for '" + command_path(deepest) + "'" : "";
        return with_suggestion("unknown command '" + extras.front() + "'" + where, extras.front(),
                               commands);
    }
    if (!extras.empty()) {
        return "unexpected argument '" + extras.front() + "'";
    }
    if (!commands.empty()) {
        return "'" + command_path(deepest) +
               "' needs a command: " + join_alternatives({commands.begin(), commands.end()});
    }
    return error.what();
}

std::string help_hint(const CLI::App& root) {
    return "run '" + command_path(deepest_selected(root)) + " --help' for usage";
}

} // namespace mbl::cli
