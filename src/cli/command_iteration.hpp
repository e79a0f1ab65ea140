#pragma once
// The `iteration` family is set up in three files: command_iteration.cpp registers the family and
// its lifecycle verbs, command_iteration_plan.cpp the `plan` verb, command_iteration_edit.cpp
// `set` and `rm`.

#include "cli/options.hpp"

#include <ostream>

namespace CLI {
class App;
}

namespace mbl::cli {

// Registers `plan` under the `iteration` family.
void setup_iteration_plan(CLI::App& iteration, GlobalOptions& global, std::ostream& out);

// Registers `set` and `rm` under the `iteration` family.
void setup_iteration_edit(CLI::App& iteration, GlobalOptions& global, std::ostream& out);

} // namespace mbl::cli
