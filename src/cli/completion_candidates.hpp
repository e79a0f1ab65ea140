#pragma once
// What the shell completion scripts (`mbl completion bash|zsh|fish`) offer, worked out from the
// CLI11 definition itself, so new commands and flags complete without touching the scripts. The
// scripts call the hidden `mbl __complete -- WORD...` with the words typed after `mbl`, the
// last one being the word under the cursor (possibly empty).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mbl::cli {

enum class CompletedIds { assets, workloads, iterations };

// The ids of one kind in the backlog the command would use (`file`: the -f/--file typed on the
// line, if any); empty when there is no readable backlog.
using IdLookup =
    std::function<std::vector<std::string>(CompletedIds, const std::optional<std::string>& file)>;

// The candidates for the last of `words`, those that start with it, in the order the definition
// gives them:
// - after a subcommand: its visible subcommands, then what its next operand takes;
// - a word starting with `-`: the options of the command and the global ones (`--help` too);
// - the value of an option (`--kind `, `--kind=`, or bash's split `--kind` `=`): its spellings
//   (kinds, statuses, strategies, stages, units, formats, colours, export tools, presets; else
//   the choices of its CLI11 IsMember check) or the backlog's ids (assets, workloads,
//   iterations); `--kind=` as one word completes as one word.
// - a `FIELD=VALUE` operand (`mbl asset set ID status=`): the spellings of an asset's kind,
//   strategy and status, the ids its workload and depends_on take, a workload's depends_on;
//   `status=` as one word completes as one word, bash's split `status` `=` the value alone.
// Nothing for a value with no known set (a name, a number, a path: the shells fall back to file
// names).
std::vector<std::string> completion_candidates(const CLI::App& root,
                                               const std::vector<std::string>& words,
                                               const IdLookup& ids);

} // namespace mbl::cli
