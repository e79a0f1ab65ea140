#pragma once
// A backlog made from nothing with `mbl init` in a temporary directory, worked on over simulated
// days: each command runs with `--today DAY`, as a team lead's month would (the month-one
// scenarios: iterations, tasks, releases, forecasts, late updates).

#include "support/temp_backlog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mbl::test {

class Engagement {
  public:
    // Runs `mbl args... --today today` in the directory (which holds backlog.json once init ran).
    RunResult run(std::vector<std::string> args, const std::string& today) const {
        args.push_back("--today");
        args.push_back(today);
        RunOptions options;
        options.cwd = dir_.path();
        return run_mbl(args, options);
    }

    // The same, requiring exit 0 and an empty stderr; returns stdout.
    std::string ok(const std::vector<std::string>& args, const std::string& today) const {
        RunResult result = run(args, today);
        CAPTURE(args, result);
        REQUIRE(result.exit_code == 0);
        REQUIRE(result.err.empty());
        return result.out;
    }

    // `mbl args... --format json --today today`, required to succeed, parsed.
    nlohmann::json json_of(std::vector<std::string> args, const std::string& today) const {
        args.push_back("--format");
        args.push_back("json");
        return nlohmann::json::parse(ok(args, today));
    }

    // Requires a refusal with `exit_code`, `message` in the error, nothing on stdout and the
    // file byte for byte as before.
    void refused(const std::vector<std::string>& args, const std::string& today, int exit_code,
                 const std::string& message) const {
        std::string before = text();
        RunResult result = run(args, today);
        CAPTURE(args, result);
        CHECK(result.exit_code == exit_code);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: ", 0) == 0);
        CHECK(result.err.find(message) != std::string::npos);
        CHECK(text() == before);
    }

    std::filesystem::path file() const { return dir_.path() / "backlog.json"; }
    std::string text() const { return read_file(file()); }
    nlohmann::json json() const { return nlohmann::json::parse(text()); }

  private:
    TempDir dir_;
};

} // namespace mbl::test
