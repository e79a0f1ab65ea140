#include "cli/completion_values.hpp"

#include "cli/options.hpp"
#include "mbl/enums.hpp"
#include "mbl/import.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace mbl::cli {
namespace {

template <class E> std::vector<std::string> completion_enum_spellings() {
    const auto& names = EnumSpelling<E>::names;
    return {names.begin(), names.end()};
}

// The choices a CLI11 IsMember check gives, from its description in the type name
// (`TEXT:{bash,zsh,fish}`); none when the option has no such check.
CompletionValues completion_checked_choices(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    const std::size_t open = type.find(":{");
    const std::size_t close = type.find('}', open);
    if (open == std::string::npos || close == std::string::npos) {
        return {};
    }
    std::vector<std::string> choices;
    std::string list = type.substr(open + 2, close - open - 2);
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        choices.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return choices;
}

// The noun `command` belongs to: `asset` for `mbl asset set`, `burndown` for itself.
const CLI::App& completion_noun(const CLI::App& command) {
    const CLI::App* noun = &command;
    while (noun->get_parent() != nullptr && noun->get_parent()->get_parent() != nullptr) {
        noun = noun->get_parent();
    }
    return *noun;
}

} // namespace

// The values of an option, by its long name, else its check's choices.
CompletionValues completion_values_of_option(const CLI::Option& option) {
    const std::vector<std::string>& names = option.get_lnames();
    auto named = [&names](std::string_view name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    if (named("kind")) {
        return completion_enum_spellings<AssetKind>();
    }
    if (named("strategy")) {
        return completion_enum_spellings<Strategy>();
    }
    if (named("status")) {
        return completion_enum_spellings<AssetStatus>();
    }
    if (named("unit")) {
        return completion_enum_spellings<EstimateUnit>();
    }
    if (named("to")) { // release advance --to STAGE
        return completion_enum_spellings<Stage>();
    }
    if (named("format")) {
        std::vector<std::string_view> formats = output_format_names();
        return std::vector<std::string>(formats.begin(), formats.end());
    }
    if (named("color")) {
        return std::vector<std::string>{"auto", "always", "never"};
    }
    if (named("for")) { // export csv --for TOOL (command_export.cpp checks the same three)
        return std::vector<std::string>{"azure-devops", "jira", "generic"};
    }
    if (named("preset")) {
        std::vector<std::string_view> presets = import_preset_names();
        return std::vector<std::string>(presets.begin(), presets.end());
    }
    if (named("workload")) {
        return CompletedIds::workloads;
    }
    if (named("iteration")) {
        return CompletedIds::iterations;
    }
    if (named("depends-on")) {
        return CompletedIds::assets;
    }
    return completion_checked_choices(option);
}

// The values of an operand of `command`, by its name: `ID` names an entity of the command's noun
// (`mbl asset show ID`), except for `add`, whose id is new.
CompletionValues completion_values_of_operand(const CLI::App& command, const CLI::Option& operand) {
    const std::string name = operand.get_name(true);
    if (name == "ASSET") {
        return CompletedIds::assets;
    }
    if (name == "W") {
        return CompletedIds::workloads;
    }
    if (name != "ID") {
        return completion_checked_choices(operand);
    }
    if (command.get_name() == "add") {
        return {};
    }
    const std::string& noun = completion_noun(command).get_name();
    if (noun == "asset") {
        return CompletedIds::assets;
    }
    if (noun == "workload") {
        return CompletedIds::workloads;
    }
    if (noun == "iteration" || noun == "burndown") {
        return CompletedIds::iterations;
    }
    return {};
}

// Whether `operand` is a `FIELD=VALUE` list (`mbl asset set ID FIELD=VALUE...`).
bool completion_is_assignment(const CLI::Option* operand) {
    return operand != nullptr && operand->get_name(true).find('=') != std::string::npos;
}

// The values of `field` in a `FIELD=VALUE` operand of `command`: an asset's kind, strategy and
// status spellings, its workload and the ids depends_on lists (one id: the list is comma
// separated); a workload's depends_on.
CompletionValues completion_values_of_field(const CLI::App& command, std::string_view field) {
    const std::string& noun = completion_noun(command).get_name();
    if (noun == "asset") {
        if (field == "kind") {
            return completion_enum_spellings<AssetKind>();
        }
        if (field == "strategy") {
            return completion_enum_spellings<Strategy>();
        }
        if (field == "status") {
            return completion_enum_spellings<AssetStatus>();
        }
        if (field == "workload") {
            return CompletedIds::workloads;
        }
        if (field == "depends_on") {
            return CompletedIds::assets;
        }
    }
    if (noun == "workload" && field == "depends_on") {
        return CompletedIds::workloads;
    }
    return {};
}

} // namespace mbl::cli
