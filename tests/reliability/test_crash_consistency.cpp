// Crash consistency: `mbl` killed (SIGKILL) at hundreds of moments while it rewrites a large file
// leaves the old file or the new one, byte for byte, and the next run cleans up after it.
//
// Three ways to kill it, mixed in every run of the test:
// - at a byte offset of the temporary file, through the fault shim (kill-after-bytes:N, N drawn
//   at random over the whole file): the write is cut at that exact byte;
// - at each step after the bytes (before the fsync, before the rename, after the rename, after
//   the directory fsync), through the shim;
// - after a random delay over the whole run (loading, validating, writing), with no shim at all.
//
// By default: 300 runs on a 5 MB file, made smaller when the build is too slow for 300 runs on it
// to take about 20 s (a Debug or sanitizer build), and down to 200 runs when even a 256 KiB file
// is too slow for that (a loaded machine). MBL_CRASH_RUNS, MBL_CRASH_MB (a size kept
// whatever the speed) and MBL_CRASH_SEED (default 1) change that; MBL_RELIABILITY_LONG=1 makes it
// 2000 runs on 20 MB. The figures are printed at the end (docs/reliability.md quotes them).

#include "reliability/fault_injection.hpp"
#include "reliability/large_backlog.hpp"
#include "support/temp_backlog.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mbl/load.hpp>
#include <random>
#include <string>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

long environment_number(const char* name, long fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::strtol(value, nullptr, 10) : fallback;
}

struct CrashSettings {
    long runs;
    std::size_t bytes;
    bool fit_to_budget; // shrink `bytes` when the runs would take longer than `budget`
    long seed;
};

constexpr auto budget = std::chrono::seconds(20);
constexpr std::size_t smallest_file = 256 << 10;
constexpr long fewest_runs = 200;

CrashSettings settings_from_environment() {
    const bool long_mode = environment_number("MBL_RELIABILITY_LONG", 0) != 0;
    const long megabytes = environment_number("MBL_CRASH_MB", 0);
    return {environment_number("MBL_CRASH_RUNS", long_mode ? 2000 : 300),
            static_cast<std::size_t>(megabytes > 0 ? megabytes
                                     : long_mode   ? 20
                                                   : 5)
                << 20,
            megabytes <= 0 && !long_mode, environment_number("MBL_CRASH_SEED", 1)};
}

// The shim's faults after the bytes are written, and what each must leave.
struct StepFault {
    const char* fault;
    bool leaves_new; // the rename has happened
};
constexpr StepFault step_faults[] = {{"kill-before-fsync", false},
                                     {"kill-before-rename", false},
                                     {"kill-after-rename", true},
                                     {"kill-after-directory-sync", true}};

// How many temporary files (`.backlog.json.tmp-XXXXXX`) are in `dir`.
int temporaries_in(const fs::path& dir) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        count += entry.path().filename().string().starts_with(".backlog.json.tmp-") ? 1 : 0;
    }
    return count;
}

struct Tally {
    long killed = 0;
    long completed = 0;
    long old_file = 0;
    long new_file = 0;
    long corrupt = 0;
    long stale_temporaries = 0; // runs that began with a killed writer's temporary file
    long stale_locks = 0;       // runs that began with a killed writer's lock file
};

} // namespace

TEST_CASE("a write killed at any moment leaves the old file or the new one",
          "[reliability][crash]") {
    CrashSettings settings = settings_from_environment();
    TempDir dir;
    const fs::path file = dir.path() / "backlog.json";
    const std::vector<std::string> args{"--lock-timeout", "0",         "asset", "set",
                                        "asset-000000",   "estimate=7"};
    RunOptions here;
    here.cwd = dir.path();
    here.timeout = std::chrono::minutes(2);

    // The new file: what an uninterrupted run writes, and how long that run takes.
    std::string old_text;
    std::chrono::steady_clock::duration whole_run{};
    auto run_whole = [&] {
        old_text = large_backlog_text(settings.bytes);
        write_file(file, old_text);
        const auto started = std::chrono::steady_clock::now();
        RunResult whole = run_mbl(args, here);
        whole_run = std::chrono::steady_clock::now() - started;
        CAPTURE(whole);
        REQUIRE(whole.exit_code == 0);
    };
    run_whole();
    if (settings.fit_to_budget && whole_run * settings.runs > budget) {
        const double share = std::chrono::duration<double>(budget) /
                             std::chrono::duration<double>(whole_run * settings.runs);
        settings.bytes = std::max(
            smallest_file, static_cast<std::size_t>(static_cast<double>(settings.bytes) * share));
        run_whole();
        // Even the smallest file can be too slow on a loaded machine (each run starts a process):
        // then fewer runs, never fewer than `fewest_runs`.
        if (whole_run * settings.runs > budget) {
            settings.runs = std::max(fewest_runs, static_cast<long>(budget / whole_run));
        }
    }
    const std::string new_text = read_file(file);
    REQUIRE(new_text != old_text);
    REQUIRE(mbl::load_backlog(old_text).problems.empty());
    REQUIRE(mbl::load_backlog(new_text).problems.empty());

    std::mt19937_64 random(static_cast<std::uint64_t>(settings.seed));
    std::uniform_int_distribution<std::size_t> byte_offset(0, new_text.size() - 1);
    const auto longest_delay =
        std::chrono::duration_cast<std::chrono::microseconds>(whole_run * 6 / 5);
    std::uniform_int_distribution<long long> delay_us(0, longest_delay.count());
    Tally tally;
    for (long run = 0; run < settings.runs; ++run) {
        if (read_file(file) != old_text) {
            write_file(file, old_text);
        }
        tally.stale_temporaries += temporaries_in(dir.path()) > 0 ? 1 : 0;
        tally.stale_locks += fs::exists(dir.path() / "backlog.json.lock") ? 1 : 0;

        // Half at a byte offset, one in ten at a step, the rest after a delay.
        RunOptions options = here;
        std::string how;
        std::optional<bool> leaves_new; // known when the shim kills it
        const long slot = run % 10;
        if (slot < 5) {
            how = "kill-after-bytes:" + std::to_string(byte_offset(random));
            leaves_new = false;
        } else if (slot == 5) {
            const StepFault& step = step_faults[(run / 10) % std::size(step_faults)];
            how = step.fault;
            leaves_new = step.leaves_new;
        } else {
            options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::microseconds(delay_us(random)));
            how = "after " + std::to_string(options.timeout.count()) + " ms";
        }
        if (leaves_new) {
            options = with_fault(how, options);
        }
        RunResult result = run_mbl(args, options);
        const std::string text = read_file(file);
        const bool is_old = text == old_text;
        const bool is_new = !is_old && text == new_text;
        CAPTURE(run, how, result.exit_code, result.signal, result.err);
        tally.killed += result.signal == SIGKILL ? 1 : 0;
        tally.completed += result.exit_code == 0 ? 1 : 0;
        tally.old_file += is_old ? 1 : 0;
        tally.new_file += is_new ? 1 : 0;
        tally.corrupt += is_old || is_new ? 0 : 1;

        // Killed, or finished before its delay ran out; never another failure.
        CHECK((result.signal == SIGKILL || result.exit_code == 0));
        if (leaves_new) {
            CHECK(result.signal == SIGKILL);
            CHECK((*leaves_new ? is_new : is_old));
        }
        CHECK((is_old || is_new));
        if (result.exit_code == 0) {
            CHECK(is_new);
        }
        // The next run removes what a killed one left: never more than the last one's.
        CHECK(temporaries_in(dir.path()) <= 1);
    }

    // Then an ordinary run: it lands, and leaves nothing beside the file.
    write_file(file, old_text);
    RunResult last = run_mbl(args, here);
    CAPTURE(last);
    CHECK(last.exit_code == 0);
    CHECK(read_file(file) == new_text);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    CHECK(tally.corrupt == 0);
    // The mix did what it is for: many kills, and kills that left each outcome.
    CHECK(tally.killed >= settings.runs / 2);
    CHECK(tally.stale_temporaries > 0);
    CHECK(tally.stale_locks > 0);

    std::cout << "crash consistency: " << settings.runs << " runs on a " << new_text.size()
              << "-byte file (seed " << settings.seed << "): " << tally.killed << " killed, "
              << tally.completed << " completed; left the old file " << tally.old_file
              << " times, the new one " << tally.new_file << " times, a corrupt one "
              << tally.corrupt << " times; " << tally.stale_temporaries
              << " runs began with a killed writer's temporary file, " << tally.stale_locks
              << " with its lock file; an uninterrupted run takes "
              << std::chrono::duration_cast<std::chrono::milliseconds>(whole_run).count()
              << " ms\n";
}
