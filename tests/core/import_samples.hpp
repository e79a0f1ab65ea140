#pragma once
// The sample discovery exports of tests/data/import/, for the unit tests of the CSV reader and
// the imports.

#include "support/scratch_files.hpp"

#include <string>

namespace mbl::test {

// The bytes of tests/data/import/`name`.
inline std::string import_sample(const std::string& name) {
    return read_text(std::string(MBL_SOURCE_DIR) + "/tests/data/import/" + name);
}

} // namespace mbl::test
