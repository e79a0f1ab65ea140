#pragma once
// The sample discovery exports of tests/data/import/, for the unit tests of the CSV reader and
// the imports.

#include "mbl/load.hpp"
#include "support/scratch_files.hpp"

#include <string>

namespace mbl::test {

// The bytes of tests/data/import/`name`.
inline std::string import_sample(const std::string& name) {
    return read_text(std::string(MBL_SOURCE_DIR) + "/tests/data/import/" + name);
}

// The backlog the import samples are imported into (tests/data/import/backlog.json), loaded.
inline mbl::Backlog import_sample_backlog() {
    return mbl::load_backlog_or_throw(import_sample("backlog.json"), "backlog.json");
}

} // namespace mbl::test
