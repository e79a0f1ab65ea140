// Files of several megabytes end to end: the loader releases the text as it reads it and writes
// go out in pieces, so these check that nothing is lost or misplaced on the way.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace mbl::test;

namespace {

constexpr int asset_count = 8000;

// A compact (non-canonical) backlog of `asset_count` assets with attributes, tags and unknown
// keys; several megabytes once canonical.
std::string compact_backlog() {
    std::string text = R"({"format":"mbl/1","name":"Large","workloads":[{"id":"w"}],"assets":[)";
    for (int i = 0; i < asset_count; ++i) {
        std::string n = std::to_string(i);
        text += (i ? "," : "") + std::string(R"({"id":"a-)") + n + R"(","name":"Asset )" + n +
                R"( of a large estate","kind":"vm","workload":"w",)" + R"("estimate":)" +
                std::to_string(i % 9) + R"(,"status":")" +
                (i % 3 ? "not-started" : "replicated\",\"replicated_on\":\"2026-11-02") +
                R"(","tags":["t)" + std::to_string(i % 4) + R"("],"attributes":{"cores":)" +
                std::to_string(i % 16) + R"(,"os":"Linux"},"x-cmdb-id":"CI)" + n + "\"}";
    }
    return text + "]}";
}

// The 1-based line of the first occurrence of `needle` in `text`.
std::size_t line_of(const std::string& text, const std::string& needle) {
    std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

} // namespace

TEST_CASE("a large file: fmt, fmt --check, an edit and an unchanged edit", "[e2e][large]") {
    TempBacklog backlog = TempBacklog::with_text(compact_backlog());
    RunResult formatted = backlog.run({"fmt"});
    CAPTURE(formatted);
    REQUIRE(formatted.exit_code == 0);
    const std::string canonical = backlog.text();
    REQUIRE(canonical.size() > (3u << 20)); // three release steps of the loader
    const auto written = nlohmann::ordered_json::parse(canonical)["assets"];
    const auto given = nlohmann::ordered_json::parse(backlog.original())["assets"];
    REQUIRE(written.size() == given.size());
    bool every_value_kept = true; // unknown keys and attributes included
    for (std::size_t i = 0; i < given.size(); ++i) {
        for (const auto& [key, value] : given[i].items()) {
            every_value_kept =
                every_value_kept && written[i].value(key, nlohmann::ordered_json()) == value;
        }
    }
    CHECK(every_value_kept);
    CHECK(backlog.run({"fmt", "--check"}).exit_code == 0);

    SECTION("fmt --check names the line of a difference near the end") {
        std::string changed = canonical;
        std::size_t at = changed.find("\"id\": \"a-7990\"");
        changed.insert(at, " ");
        backlog.write(changed);
        RunResult result = backlog.run({"fmt", "--check"});
        CAPTURE(result);
        CHECK(result.exit_code == 1);
        CHECK(result.out == "backlog.json is not canonical: indentation at line " +
                                std::to_string(line_of(changed, "\"id\": \"a-7990\"")) +
                                " (7 spaces where mbl writes 6 spaces); run 'mbl fmt'\n");
        CHECK(backlog.text() == changed);
    }
    SECTION("an edit near the end changes that line only") {
        RunResult result = backlog.run({"asset", "set", "a-7991", "priority=1"});
        CAPTURE(result);
        REQUIRE(result.exit_code == 0);
        std::string expected = canonical;
        std::size_t asset = expected.find("\"id\": \"a-7991\"");
        std::size_t priority = expected.find("\"priority\": 2", asset);
        expected.replace(priority, 13, "\"priority\": 1");
        CHECK(backlog.text() == expected);
    }
    SECTION("an edit that changes nothing leaves the file as it was") {
        RunResult result = backlog.run({"asset", "set", "a-7991", "priority=2"});
        CAPTURE(result);
        REQUIRE(result.exit_code == 0);
        CHECK(backlog.text() == canonical);
        RunResult again = backlog.run({"fmt"});
        CHECK(again.out == "backlog.json already canonical\n");
    }
}

TEST_CASE("a large file: asset list --format json and validate positions", "[e2e][large]") {
    TempBacklog backlog = TempBacklog::with_text(compact_backlog());
    REQUIRE(backlog.run({"fmt"}).exit_code == 0);
    const std::string canonical = backlog.text();

    RunResult listed = backlog.run({"asset", "list", "--status", "replicated", "--format", "json"});
    CAPTURE(listed.err);
    REQUIRE(listed.exit_code == 0);
    nlohmann::ordered_json expected = nlohmann::ordered_json::array();
    const nlohmann::ordered_json file = nlohmann::ordered_json::parse(canonical);
    for (const auto& asset : file["assets"]) {
        if (asset["status"] == "replicated") {
            expected.push_back(asset);
        }
    }
    CHECK(nlohmann::ordered_json::parse(listed.out) == expected);
    CHECK(expected.size() == (asset_count + 2) / 3);

    std::string broken = canonical;
    std::size_t at = broken.find("\"kind\": \"vm\"", broken.find("\"id\": \"a-7995\""));
    broken.replace(at, 12, "\"kind\": \"mainframe\"");
    backlog.write(broken);
    RunResult validated = backlog.run({"validate"});
    CAPTURE(validated);
    CHECK(validated.exit_code != 0);
    CHECK(contains(validated.out + validated.err,
                   "backlog.json:" + std::to_string(line_of(broken, "\"mainframe\"")) + ":"));
}

TEST_CASE("a large file: fmt writes a canonical text that is a beginning of the file's",
          "[e2e][large]") {
    TempBacklog backlog = TempBacklog::with_text(compact_backlog());
    REQUIRE(backlog.run({"fmt"}).exit_code == 0);
    const std::string canonical = backlog.text();
    backlog.write(canonical + "\n\n"); // the same text, then blank lines: equal until its end
    RunResult result = backlog.run({"fmt"});
    CAPTURE(result);
    CHECK(result.out == "Formatted backlog.json\n");
    CHECK(backlog.text() == canonical);
}

TEST_CASE("an edit that changes nothing is not refused for a read-only file", "[e2e][large]") {
    TempBacklog backlog = TempBacklog::with_text(compact_backlog());
    REQUIRE(backlog.run({"fmt"}).exit_code == 0);
    const std::string canonical = backlog.text();
    fs::permissions(backlog.file(), fs::perms::owner_read | fs::perms::group_read);
    RunResult unchanged = backlog.run({"fmt"});
    CAPTURE(unchanged);
    CHECK(unchanged.exit_code == 0);
    CHECK(unchanged.out == "backlog.json already canonical\n");
    RunResult changed = backlog.run({"asset", "set", "a-7991", "priority=1"});
    CAPTURE(changed);
    CHECK(changed.exit_code == 3);
    CHECK(contains(changed.err, "read-only"));
    CHECK(backlog.text() == canonical);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(backlog.dir())) {
        ++entries;
    }
    CHECK(entries == 1); // no temporary file, no lock file left
}
