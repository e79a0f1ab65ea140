#pragma once
// Small pieces every command file uses: registering a subcommand with its example, reading an
// enumeration from a flag, and wording a change.

#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/suggest.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mbl::cli {

// A subcommand of `parent` whose --help ends with `example` (one command line) and a pointer to
// the global options.
CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& description,
                      const std::string& example);

// A noun (`asset`) grouping verbs; one verb is required. Its --help ends with `example`.
CLI::App* add_command_family(CLI::App& root, const std::string& name,
                             const std::string& description, const std::string& example);

// The value of flag `flag` spelled `text`, or Error(usage) listing the allowed spellings and the
// nearest one when it looks like a typo.
template <class E> E parse_choice(std::string_view flag, const std::string& text) {
    if (auto value = parse_enum<E>(text)) {
        return *value;
    }
    const auto& names = EnumSpelling<E>::names;
    std::string message =
        std::string(flag) + ": '" + text + "' is not one of " + allowed_values<E>();
    if (auto nearest = nearest_spelling(text, {names.begin(), names.end()})) {
        message += "; did you mean '" + *nearest + "'?";
    }
    throw usage_error(message);
}

// The one-line report of a field change on entity `id`: `crm-sql-01: status in-progress ->
// replicated`, from the core's description `status: in-progress -> replicated`.
std::string change_line(std::string_view id, std::string_view field, std::string_view description);

// `a, b, c`; empty for none.
std::string comma_list(const std::vector<std::string>& items);

} // namespace mbl::cli
