#pragma once
// The end-to-end shape of a refused command: its exit code, `mbl: error: …` on stderr, nothing on
// stdout, and the file untouched.

#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

namespace mbl::test {

// Runs `args` on `backlog` and requires a refusal with `exit_code` whose error contains `message`.
inline void require_refused(const TempBacklog& backlog, const std::vector<std::string>& args,
                            int exit_code, const std::string& message) {
    std::string before = backlog.text();
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    CHECK(result.exit_code == exit_code);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("mbl: error: ", 0) == 0);
    CHECK(contains(result.err, message));
    CHECK(backlog.text() == before);
}

} // namespace mbl::test
