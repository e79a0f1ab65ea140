#pragma once
// `mbl import work-items`, added to the `import` family by setup_import.

#include "cli/options.hpp"

#include <ostream>

namespace CLI {
class App;
}

namespace mbl::cli {

// Adds `work-items` (an agile tool's export back into the backlog) to `imports`. Warnings (a
// release past migrating no longer ready after the import) go to `err`.
void setup_import_work_items(CLI::App& imports, GlobalOptions& options, std::ostream& out,
                             std::ostream& err);

} // namespace mbl::cli
