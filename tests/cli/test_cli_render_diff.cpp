// The renderers of `mbl diff` (src/cli/render_diff.hpp), in process.
#include "cli/render_diff.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl;
using namespace mbl::cli;

namespace {

RawJson raw(std::string text) {
    return RawJson{std::move(text)};
}

// One asset changed, with a name and a value that Markdown and a terminal would act on.
BacklogDiff sample_diff() {
    EntityChange change;
    change.kind = "asset";
    change.id = "web-01";
    change.name = "Web";
    change.fields = {{"notes", raw("\"a `tick`\""), raw("\"\\u001b[31mred\"")},
                     {"_x_", std::nullopt, raw("1")}};
    EntityChange removed;
    removed.kind = "asset";
    removed.id = "old";
    removed.type = EntityChange::Type::removed;
    removed.name = "<b>Old</b>";
    removed.value = raw("{\n  \"id\": \"old\"\n}");
    return {{change, removed}};
}

} // namespace

TEST_CASE("display_value shows values the way people read them", "[render_diff]") {
    CHECK(display_value(std::nullopt) == "none");
    CHECK(display_value(raw("null")) == "none");
    CHECK(display_value(raw("[]")) == "none");
    CHECK(display_value(raw("\"in-progress\"")) == "in-progress");
    CHECK(display_value(raw("[\n  \"a\",\n  \"b\"\n]")) == "a, b");
    CHECK(display_value(raw("1.10")) == "1.10");
    CHECK(display_value(raw("{\n  \"cores\": 8\n}")) == "{\"cores\": 8}");
    std::string long_list = "[\n  1" + std::string(100, '0') + "\n]";
    CHECK(display_value(raw(long_list)).size() == 80);
}

TEST_CASE("the text diff is terminal-safe and counts per group", "[render_diff]") {
    std::ostringstream out;
    render_diff_text(out, sample_diff(), {"a.json", "b.json"});
    CHECK(out.str() == "Changes from a.json to b.json\n\n"
                       "Assets (1 removed, 1 changed)\n"
                       "  web-01: notes a `tick` -> \\x1b[31mred\n"
                       "  web-01: _x_ none -> 1\n"
                       "  old: removed (<b>Old</b>)\n");
}

TEST_CASE("the markdown diff keeps file text out of the markup", "[render_diff]") {
    std::ostringstream out;
    render_diff_markdown(out, sample_diff(), {"a.json", "b.json"});
    CHECK(out.str() == "### Backlog changes\n\n`a.json` → `b.json`\n\n"
                       "**Assets** (1 removed, 1 changed)\n\n"
                       "- `web-01`: notes `` a `tick` `` → `\\x1b[31mred`\n"
                       "- `web-01`: \\_x\\_ `none` → `1`\n"
                       "- `old`: removed (\\<b\\>Old\\</b\\>)\n");
}

TEST_CASE("the json diff carries values as JSON", "[render_diff]") {
    std::ostringstream out;
    render_diff_json(out, sample_diff(), {"a.json", "b.json"});
    auto document = nlohmann::json::parse(out.str());
    CHECK(document["changes"][0]["fields"][0]["after"] == "\x1b[31mred");
    CHECK_FALSE(document["changes"][0]["fields"][1].contains("before"));
    CHECK(document["changes"][1]["value"] == nlohmann::json{{"id", "old"}});
    CHECK_FALSE(document["changes"][1].contains("fields"));
}

TEST_CASE("a workload's stage move shows its stage_history entry in words", "[render_diff]") {
    EntityChange change;
    change.kind = "workload";
    change.id = "crm";
    change.milestone = Milestone::workload_advanced;
    change.milestone_field = "stage";
    change.fields = {{"stage", raw("\"uat\""), raw("\"production\"")},
                     {"stage_history", raw("[]"),
                      raw("[\n  {\n    \"stage\": \"production\",\n    \"date\": \"2027-02-01\",\n "
                          "   \"reason\": "
                          "\"CAB-114\",\n    \"forced\": true\n  }\n]")}};
    std::ostringstream out;
    render_diff_text(out, BacklogDiff{{change}}, {"a", "b"});
    CHECK(out.str() == "Changes from a to b\n\nWorkloads (1 changed)\n"
                       "  crm: advanced uat -> production on 2027-02-01, forced: CAB-114\n");
}
