#pragma once
// What an option or operand of the CLI takes, for completion (completion_candidates.hpp): fixed
// spellings (from enums.hpp's tables, the import presets, the formats, or a CLI11 IsMember
// check), the backlog's ids of one kind, or anything (nothing to offer).

#include "cli/completion_candidates.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace mbl::cli {

using CompletionValues = std::variant<std::monostate, std::vector<std::string>, CompletedIds>;

// The values of an option, by its long name (`--kind`: the asset kinds, `--workload`: the
// workloads' ids, ...), else the choices of its IsMember check.
CompletionValues completion_values_of_option(const CLI::Option& option);

// The values of an operand of `command`, by its name: `ASSET` an asset id, `W` a workload id,
// `ID` an id of the command's noun (`mbl asset show ID`) except for `add`, whose id is new;
// else the choices of its IsMember check.
CompletionValues completion_values_of_operand(const CLI::App& command, const CLI::Option& operand);

// Whether `operand` is a `FIELD=VALUE` list (`mbl asset set ID FIELD=VALUE...`).
bool completion_is_assignment(const CLI::Option* operand);

// The values of `field` in a `FIELD=VALUE` operand of `command`: an asset's kind, strategy and
// status spellings, its workload and the ids depends_on lists (one id: the list is comma
// separated); a workload's depends_on.
CompletionValues completion_values_of_field(const CLI::App& command, std::string_view field);

} // namespace mbl::cli
