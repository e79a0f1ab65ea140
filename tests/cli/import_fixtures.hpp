#pragma once
// The end-to-end import tests' samples: the discovery exports of tests/data/import/ by path, and
// the backlog they are imported into (workload crm, an asset with the team's fields).
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <filesystem>
#include <string>

namespace mbl::test {

// The path of tests/data/import/`name`.
inline std::string sample(const std::string& name) {
    return (std::filesystem::path(MBL_SOURCE_DIR) / "tests/data/import" / name).string();
}

// A temporary copy of tests/data/import/backlog.json.
inline TempBacklog crm_backlog() {
    return TempBacklog::with_text(read_file(sample("backlog.json")));
}

} // namespace mbl::test
