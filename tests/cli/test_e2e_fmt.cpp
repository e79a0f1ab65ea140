// mbl fmt [--check], end to end: the canonical examples are the expected bytes.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;

namespace {

// The same document on one line, keys in their original order.
std::string compact(const std::string& canonical) {
    return nlohmann::ordered_json::parse(canonical).dump();
}

} // namespace

TEST_CASE("fmt --check accepts every canonical example", "[e2e][fmt]") {
    for (const char* example : {"minimal", "contoso", "extensions"}) {
        TempBacklog backlog(example);
        RunResult result = backlog.run({"fmt", "--check"});
        CAPTURE(example, result);
        CHECK(result.exit_code == 0);
        CHECK(result.out == "backlog.json is canonical\n");
        CHECK(result.err.empty());
    }
}

TEST_CASE("fmt --check refuses a compact copy and leaves it untouched", "[e2e][fmt]") {
    TempBacklog backlog = TempBacklog::with_text(compact(read_file(example_path("extensions"))));
    RunResult result = backlog.run({"fmt", "--check"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.out.starts_with("backlog.json is not canonical: line breaks at line 1 (the file "
                                 "has `{\"format\":"));
    CHECK(result.out.ends_with(" where mbl writes `{`: one array element or object member a "
                               "line); run 'mbl fmt'\n"));
    CHECK(result.err.empty());
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("fmt rewrites a compact copy to the canonical bytes, unknown keys kept", "[e2e][fmt]") {
    std::string canonical = read_file(example_path("extensions"));
    REQUIRE(contains(canonical, "\"approvals\""));
    REQUIRE(contains(canonical, "\"x-"));
    TempBacklog backlog = TempBacklog::with_text(compact(canonical));
    RunResult result = backlog.run({"fmt"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.out == "Formatted backlog.json\n");
    CHECK(result.err.empty());
    CHECK(backlog.text() == canonical);

    RunResult again = backlog.run({"fmt"});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "backlog.json already canonical\n");
    CHECK(backlog.text() == canonical);
}

TEST_CASE("fmt puts known keys back in order and names the first changed line", "[e2e][fmt]") {
    std::string canonical = read_file(example_path("contoso"));
    // Swap "name" and "kind" of the first asset, as a hand edit might.
    std::size_t asset = canonical.find("\"assets\": [");
    std::size_t name_at = canonical.find("      \"name\"", asset);
    std::size_t kind_at = canonical.find("      \"kind\"", asset);
    std::size_t kind_end = canonical.find('\n', kind_at) + 1;
    REQUIRE(canonical.find('\n', name_at) + 1 == kind_at); // adjacent lines
    std::string edited = canonical.substr(0, name_at) +
                         canonical.substr(kind_at, kind_end - kind_at) +
                         canonical.substr(name_at, kind_at - name_at) + canonical.substr(kind_end);
    TempBacklog backlog = TempBacklog::with_text(edited);

    RunResult check = backlog.run({"fmt", "--check"});
    CAPTURE(check);
    CHECK(check.exit_code == 1);
    auto line = std::count(canonical.begin(), canonical.begin() + name_at, '\n') + 1;
    CHECK(check.out == "backlog.json is not canonical: key order at line " + std::to_string(line) +
                           " (\"kind\" where mbl writes \"name\"); run 'mbl fmt'\n");
    CHECK(backlog.text() == edited);

    CHECK(backlog.run({"fmt"}).exit_code == 0);
    CHECK(backlog.text() == canonical);
}

TEST_CASE("fmt adds the missing trailing newline and drops other whitespace", "[e2e][fmt]") {
    std::string canonical = read_file(example_path("minimal"));
    TempBacklog backlog = TempBacklog::with_text(replace_once(
        canonical.substr(0, canonical.size() - 1), "\"assets\": [", "\"assets\":    [\n\n"));
    CHECK(backlog.run({"fmt", "--check"}).exit_code == 1);
    CHECK(backlog.run({"fmt"}).exit_code == 0);
    CHECK(backlog.text() == canonical);
}
