#pragma once
// Small pieces every command file uses: registering a subcommand with its example, reading an
// enumeration from a flag, and wording a change.

#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/limits.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace mbl::cli {

// A subcommand of `parent` whose --help ends with `example` (one command line) and a pointer to
// the global options.
CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& description,
                      const std::string& example);

// A noun (`asset`) grouping verbs; one verb is required. Its --help ends with `example`.
CLI::App* add_command_family(CLI::App& root, const std::string& name,
                             const std::string& description, const std::string& example);

// Number flags. CLI11's own range checks are not used: they let `nan` through, print their bounds
// in full (309 digits for a double), and CLI11 alone reads `010` as octal. These accept plain
// decimal spellings only and refuse others with `--flag: must be …, not '<text>'` (Error(usage)).
//
// `option` takes a number from 0 to `maximum` (by default the largest estimate or capacity,
// limits.hpp); a value above it is refused, never clamped.
CLI::Option* accept_non_negative_number(CLI::Option* option, double maximum = max_estimate);
// `option` takes a whole number from `minimum` to `maximum`.
CLI::Option* accept_whole_number(CLI::Option* option, int minimum, int maximum);

// The value of `field` (`status`, for the flag `--status`) spelled `text`, or Error(usage) with
// the core's wording (invalid_enum_message): the nearest spelling when it looks like a typo, and
// the allowed ones.
template <class E> E parse_choice(std::string_view field, const std::string& text) {
    if (auto value = parse_enum<E>(text)) {
        return *value;
    }
    throw usage_error(invalid_enum_message<E>(field, text));
}

// The one-line report of a field change on entity `id`: `crm-sql-01: status in-progress ->
// replicated`, from the core's description `status: in-progress -> replicated`.
std::string change_line(std::string_view id, std::string_view field, std::string_view description);

// `mbl: warning: <message>` on `err` (terminal-safe): something the user should know about a
// command that succeeded.
void print_warning(std::ostream& err, const std::string& message);

// `a, b, c`; empty for none.
std::string comma_list(const std::vector<std::string>& items);

} // namespace mbl::cli
