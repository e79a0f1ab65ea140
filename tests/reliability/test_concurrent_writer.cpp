// Another program rewriting the file in place while `mbl` rewrites it (an editor, `cat >`, a
// script opening it `r+`): the file must end up as one writer left it, never a mix of the two.
//
// Each trial puts the old file back, starts `mbl asset set` on the last asset (so that nearly the
// whole file is the unchanged part mbl copies from what it read, released and read back) and,
// from a thread, after a random delay over the whole run, rewrites the file in place with other
// content: the same size, shorter or longer; through `r+` (bytes overwritten from the start,
// then cut to size) or `cat >` (truncated, then written), 64 KiB at a time. After both finish
// the file must be byte for byte one of: the old file, mbl's change of it, the other writer's
// file, or mbl's change of that (mbl ran after it). mbl must exit 0, or 3 saying "backlog.json
// changed while mbl was writing; nothing written, run the command again", or 3 for a file the
// other writer had half written when mbl read it (refused by the loader; the file is then the
// other writer's).
//
// By default trials run for about 20 s on an 8 MB file (at least 30 trials). MBL_RACE_SECONDS,
// MBL_RACE_MB and MBL_RACE_SEED (default 1) change that; MBL_RELIABILITY_LONG=1 makes it 300 s
// on 64 MB. The figures are printed at the end (docs/reliability.md quotes them).

#include "reliability/large_backlog.hpp"
#include "support/temp_backlog.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <mbl/load.hpp>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>

using namespace mbl::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

long environment_number(const char* name, long fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::strtol(value, nullptr, 10) : fallback;
}

constexpr std::size_t chunk = 64 << 10;
constexpr long fewest_trials = 30;
const std::string changed_message = "mbl: error: backlog.json changed while mbl was writing; "
                                    "nothing written, run the command again\n";

std::string replaced_everywhere(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// Rewrites `path` in place with `text`, 64 KiB a write: `r+` overwrites from the start and then
// cuts the file to size; else `cat >` truncates it first. Not atomic, on purpose. False when a
// call failed (run on a thread: no Catch2 assertion there).
bool rewrite_in_place(const fs::path& path, const std::string& text, bool r_plus) {
    const int fd = ::open(path.c_str(), O_WRONLY | (r_plus ? 0 : O_TRUNC) | O_CLOEXEC);
    bool written = fd >= 0;
    for (std::size_t at = 0; written && at < text.size(); at += chunk) {
        const std::size_t count = std::min(chunk, text.size() - at);
        written = ::pwrite(fd, text.data() + at, count, static_cast<off_t>(at)) ==
                  static_cast<ssize_t>(count);
    }
    if (written && r_plus) {
        written = ::ftruncate(fd, static_cast<off_t>(text.size())) == 0;
    }
    return fd >= 0 && ::close(fd) == 0 && written;
}

struct Tally {
    long trials = 0;
    long completed = 0;      // mbl exited 0
    long refused = 0;        // mbl exited 3: the file changed while it was writing
    long torn_reads = 0;     // mbl exited 3: it read a half-written file and the loader refused it
    long other_outcomes = 0; // any other exit: must stay 0
    long mixed = 0;          // the file is none of the expected ones: must stay 0
    long mbl_last = 0;       // the file is mbl's change (of the old file or of the other's)
    long other_last = 0;     // the file is the other writer's
};

} // namespace

TEST_CASE("another program rewriting the file in place never leaves a mix of two writers",
          "[reliability][race]") {
    const bool long_mode = environment_number("MBL_RELIABILITY_LONG", 0) != 0;
    const auto budget =
        std::chrono::seconds(environment_number("MBL_RACE_SECONDS", long_mode ? 300 : 20));
    const auto bytes =
        static_cast<std::size_t>(environment_number("MBL_RACE_MB", long_mode ? 64 : 8)) << 20;
    const long seed = environment_number("MBL_RACE_SEED", 1);

    TempDir dir;
    const fs::path file = dir.path() / "backlog.json";
    const std::string old_text = large_backlog_text(bytes);
    const std::size_t last_id = old_text.rfind("\"id\": \"asset-");
    REQUIRE(last_id != std::string::npos);
    const std::string asset_id = old_text.substr(last_id + 7, 12);
    const std::vector<std::string> args{"--lock-timeout", "0",         "asset", "set",
                                        asset_id,         "estimate=7"};
    RunOptions here;
    here.cwd = dir.path();
    here.timeout = std::chrono::minutes(2);

    // What mbl makes of `text`, run alone; and how long that takes.
    Clock::duration whole_run{};
    auto changed_by_mbl = [&](const std::string& text) {
        write_file(file, text);
        const auto started = Clock::now();
        RunResult alone = run_mbl(args, here);
        whole_run = std::max(whole_run, Clock::now() - started);
        CAPTURE(alone);
        REQUIRE(alone.exit_code == 0);
        std::string changed = read_file(file);
        REQUIRE(changed != text);
        REQUIRE(mbl::load_backlog(changed).problems.empty());
        return changed;
    };
    const std::string notes =
        "Discovered by the inventory scan; owner confirmed, maintenance window Sunday.";
    REQUIRE(old_text.find(notes) != std::string::npos);
    // The other writer's files: the same size, shorter, longer; each a valid backlog.
    const std::vector<std::string> others = {
        replaced_everywhere(old_text, "\"Server ", "\"server "),
        replaced_everywhere(old_text, notes, "Discovered."),
        replaced_everywhere(old_text, notes, notes + " Replication tested twice, both good."),
    };
    REQUIRE(others[0].size() == old_text.size());
    const std::string old_changed = changed_by_mbl(old_text);
    std::vector<std::string> others_changed;
    for (const std::string& other : others) {
        REQUIRE(other != old_text);
        REQUIRE(mbl::load_backlog(other).problems.empty());
        others_changed.push_back(changed_by_mbl(other));
    }

    std::mt19937_64 random(static_cast<std::uint64_t>(seed));
    const auto longest_delay =
        std::chrono::duration_cast<std::chrono::microseconds>(whole_run * 6 / 5);
    std::uniform_int_distribution<long long> delay_us(0, longest_delay.count());
    std::uniform_int_distribution<std::size_t> which(0, others.size() - 1);
    std::bernoulli_distribution r_plus(0.5);
    Tally tally;
    const auto started = Clock::now();
    while (tally.trials < fewest_trials || Clock::now() - started < budget) {
        write_file(file, old_text);
        const std::size_t other = which(random);
        const auto delay = std::chrono::microseconds(delay_us(random));
        const bool in_place_r_plus = r_plus(random);
        bool other_wrote = false;
        std::thread writer([&] {
            std::this_thread::sleep_for(delay);
            other_wrote = rewrite_in_place(file, others[other], in_place_r_plus);
        });
        RunResult result = run_mbl(args, here);
        writer.join();
        REQUIRE(other_wrote);

        const std::string text = read_file(file);
        const bool by_mbl = text == old_changed || text == others_changed[other];
        const bool by_other = text == others[other];
        ++tally.trials;
        tally.completed += result.exit_code == 0 ? 1 : 0;
        const bool refused = result.exit_code == 3 && result.err == changed_message;
        const bool torn_read = result.exit_code == 3 && !refused && by_other;
        tally.refused += refused ? 1 : 0;
        tally.torn_reads += torn_read ? 1 : 0;
        tally.other_outcomes += result.exit_code == 0 || refused || torn_read ? 0 : 1;
        tally.mixed += by_mbl || by_other ? 0 : 1;
        tally.mbl_last += by_mbl ? 1 : 0;
        tally.other_last += by_other ? 1 : 0;
        CAPTURE(tally.trials, other, delay.count(), in_place_r_plus, result.exit_code, result.err);
        CHECK((by_mbl || by_other)); // the other writer always writes: never the old file
        CHECK((result.exit_code == 0 || refused || torn_read));
        if (refused) {
            CHECK(by_other); // mbl wrote nothing: what is there is the other writer's file
        }
    }

    CHECK(tally.mixed == 0);
    CHECK(tally.other_outcomes == 0);
    // The race was run: the other writer landed while mbl was writing, and sometimes not.
    CHECK(tally.refused > 0);
    CHECK(tally.completed > 0);

    std::cout << "concurrent in-place writer: " << tally.trials << " trials on a "
              << old_text.size() << "-byte file (seed " << seed << ") in "
              << std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started).count()
              << " s: mbl completed " << tally.completed << ", refused (changed while writing) "
              << tally.refused << ", refused a half-written file " << tally.torn_reads
              << "; the file was mbl's " << tally.mbl_last << " times, the other writer's "
              << tally.other_last << " times, mixed " << tally.mixed
              << " times; an undisturbed run takes "
              << std::chrono::duration_cast<std::chrono::milliseconds>(whole_run).count()
              << " ms\n";
}
