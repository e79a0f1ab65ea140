// The file lock, end to end: a writer waits for the holder, gives up with exit 4 naming it, and
// concurrent writers all land.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <latch>
#include <mbl/store.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unistd.h>

using namespace mbl::test;
namespace fs = std::filesystem;

TEST_CASE("a write waits for the lock, then fails with exit 4 naming the holder", "[e2e][lock]") {
    TempBacklog backlog;
    const std::vector<std::string> set{"--lock-timeout", "0.3",        "asset", "set",
                                       "ts-db",          "estimate=14"};
    {
        mbl::FileLock held(backlog.file(), std::chrono::milliseconds(0));
        RunResult locked = backlog.run(set);
        CAPTURE(locked);
        CHECK(locked.exit_code == 4);
        CHECK(locked.out.empty());
        CHECK(locked.err.rfind("mbl: error: ", 0) == 0);
        CHECK(contains(locked.err, "backlog.json is locked by another mbl (pid " +
                                       std::to_string(::getpid()) + ":"));
        CHECK(contains(locked.err, "waited 0.3 s"));
        CHECK(backlog.text() == backlog.original());

        // Readers do not wait for writers: the file is replaced atomically.
        CHECK(backlog.run({"asset", "list"}).exit_code == 0);
    }
    RunResult after = backlog.run(set);
    CAPTURE(after);
    CHECK(after.exit_code == 0);
    CHECK(backlog.text() ==
          replace_once(backlog.original(), "\"estimate\": 12,", "\"estimate\": 14,"));
    CHECK_FALSE(fs::exists(backlog.dir() / "backlog.json.lock"));
}

TEST_CASE("8 concurrent writers adding 50 assets each all land, one after the other",
          "[e2e][lock]") {
    TempBacklog backlog;
    // The figures: 8 processes adding 50 assets each, 400 in all.
    constexpr int writers = 8;
    constexpr int adds_per_writer = 50;
    std::vector<std::vector<RunResult>> results(writers);
    std::latch start(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            start.arrive_and_wait(); // all writers begin at once
            for (int i = 0; i < adds_per_writer; ++i) {
                std::string id = "w" + std::to_string(w) + "-asset-" + std::to_string(i);
                results[w].push_back(
                    backlog.run({"asset", "add", id, "--name", "Asset " + id, "--estimate", "1"}));
            }
        });
    }
    // Meanwhile a reader never sees a half-written file: each write replaces it atomically.
    std::atomic<bool> writing{true};
    std::vector<RunResult> reads;
    std::thread reader([&] {
        while (writing && reads.size() < 200) {
            reads.push_back(backlog.run({"asset", "list", "--format", "csv"}));
        }
    });
    for (std::thread& thread : threads) {
        thread.join();
    }
    writing = false;
    reader.join();

    std::set<std::string> expected{"ts-db", "ts-web", "ts-exports"};
    for (int w = 0; w < writers; ++w) {
        for (int i = 0; i < adds_per_writer; ++i) {
            const RunResult& result = results[w][i];
            CAPTURE(w, i, result);
            CHECK(result.exit_code == 0);
            expected.insert("w" + std::to_string(w) + "-asset-" + std::to_string(i));
        }
    }
    nlohmann::json file = nlohmann::json::parse(backlog.text());
    std::set<std::string> ids;
    for (const auto& asset : file["assets"]) {
        ids.insert(asset["id"].get<std::string>());
    }
    CHECK(file["assets"].size() == 3 + writers * adds_per_writer);
    CHECK(!reads.empty());
    for (const RunResult& read : reads) {
        CAPTURE(read);
        CHECK(read.exit_code == 0);
        CHECK(read.out.rfind("id,name,", 0) == 0);
    }
    CHECK(ids == expected);
    CHECK(backlog.run({"validate"}).exit_code == 0);
    CHECK(backlog.run({"fmt", "--check"}).exit_code == 0);
    // Nothing left behind: no lock file, no temporary file.
    CHECK(std::distance(fs::directory_iterator(backlog.dir()), fs::directory_iterator()) == 1);
}
