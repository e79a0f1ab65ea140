#pragma once
// Runs of the real `mbl` with one fault injected: the LD_PRELOAD shim of fault_shim.cpp
// (MBL_FAULT_SHIM, built beside the tests) and its MBL_FAULT setting.

#include "support/run_mbl.hpp"

#include <string>

namespace mbl::test {

// `options` with the shim preloaded and `fault` (a MBL_FAULT value, fault_shim.cpp lists them)
// chosen. ASan's check that its runtime comes first among the libraries is turned off, since the
// shim comes before it (a sanitizer build, MBL_SANITIZE=ON).
inline RunOptions with_fault(const std::string& fault, RunOptions options = {}) {
    options.env["LD_PRELOAD"] = MBL_FAULT_SHIM;
    options.env["MBL_FAULT"] = fault;
    options.env["ASAN_OPTIONS"] = "verify_asan_link_order=0";
    return options;
}

} // namespace mbl::test
