#pragma once
// mbl::cli::run in this process, its output captured: for CLI tests that need no real process.

#include "cli/app.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace mbl::test {

struct Outcome {
    int status;
    std::string out;
    std::string err;
};

// Runs `mbl <args>` in-process.
inline Outcome run_in_process(std::vector<std::string> args) {
    args.insert(args.begin(), "mbl");
    std::ostringstream out, err;
    int status = mbl::cli::run(args, out, err);
    return {status, out.str(), err.str()};
}

} // namespace mbl::test
