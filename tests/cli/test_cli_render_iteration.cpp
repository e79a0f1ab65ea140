// Iterations as rows, fields and JSON (src/cli/render_iteration.hpp), in process.
#include "cli/render_iteration.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl;
using namespace mbl::cli;

namespace {

Backlog sample() {
    Backlog backlog;
    Asset asset;
    asset.id = "a";
    asset.estimate = 0.1;
    backlog.assets = {asset, asset, asset};
    backlog.assets[1].id = "b";
    backlog.assets[1].estimate = 0.2;
    backlog.assets[2].id = "c";
    Iteration iteration;
    iteration.id = "it-1";
    iteration.name = "First";
    iteration.start = *Date::parse("2027-01-04");
    iteration.end = *Date::parse("2027-01-17");
    iteration.capacity = 0.25;
    iteration.committed = {"a", "b", "gone"};
    backlog.iterations.push_back(iteration);
    return backlog;
}

const Field* field_named(const std::vector<Field>& fields, const std::string& key) {
    for (const Field& field : fields) {
        if (field.key == key) {
            return &field;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("iteration_fields: over-commitment in red, unknown ids named, the backlog last",
          "[cli-render-iteration]") {
    Backlog backlog = sample();
    std::vector<Field> fields =
        iteration_fields(backlog, backlog.iterations[0], *Date::parse("2027-01-05"));
    REQUIRE(field_named(fields, "committed") != nullptr);
    CHECK(field_named(fields, "committed")->value == "0.3 hours (3 assets)");
    CHECK(field_named(fields, "committed")->tone == Tone::bad);
    CHECK(field_named(fields, "dates")->value == "2027-01-04 to 2027-01-17 (14 days)");
    CHECK(field_named(fields, "days left") == nullptr); // planned
    CHECK(field_named(fields, "scope change") == nullptr);
    const Field& items = fields.back();
    CHECK(items.key == "backlog");
    REQUIRE(items.children.size() == 3);
    CHECK(items.children[0].value == "not-started, 0.1 hours");
    CHECK(items.children[2].key == "gone");
    CHECK(items.children[2].value == "unknown asset (not in the file)");

    backlog.iterations[0].committed.clear();
    fields = iteration_fields(backlog, backlog.iterations[0], *Date::parse("2027-01-05"));
    CHECK(fields.back().value == "nothing committed");
}

TEST_CASE("iteration JSON keeps the file's object and spells sums as the file does",
          "[cli-render-iteration]") {
    Backlog backlog = sample();
    std::ostringstream out;
    render_iteration_list_json(out, backlog, *Date::parse("2027-01-05"));
    CHECK(out.str().find("\"committed_estimate\": 0.3,") != std::string::npos);
    auto list = nlohmann::json::parse(out.str());
    REQUIRE(list.size() == 1);
    CHECK(list[0]["capacity"] == 0.25);
    CHECK(list[0]["done_estimate"] == 0);
    CHECK(list[0]["days_left"].is_null());

    std::ostringstream shown;
    render_iteration_show_json(shown, backlog, backlog.iterations[0], *Date::parse("2027-01-05"));
    auto document = nlohmann::json::parse(shown.str());
    CHECK(document["scope_change"].is_null());
    REQUIRE(document["backlog"].size() == 2); // the unknown id left out
    CHECK(document["backlog"][1]["id"] == "b");
}

TEST_CASE("iteration_table has a row per iteration with empty cells for unknowns",
          "[cli-render-iteration]") {
    Backlog backlog = sample();
    backlog.iterations[0].state = IterationState::closed;
    Table table = iteration_table(backlog, *Date::parse("2027-02-01"));
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0][6].text == "0.3");
    CHECK(table.rows[0][7].text.empty()); // closed without a recorded completed_estimate
    CHECK(table.rows[0][8].text.empty());
    CHECK(added_iteration_line(backlog, backlog.iterations[0]) ==
          "Added it-1: First, 2027-01-04 to 2027-01-17, capacity 0.25 hours");
}
