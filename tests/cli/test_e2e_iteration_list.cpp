// mbl iteration list/show, end to end on a copy of the Contoso example (today 2026-11-25).
#include "support/backlog_json.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

// `object` without the keys the commands add to the file's iteration object.
json without_computed(json object) {
    for (const char* key :
         {"committed_estimate", "done_estimate", "days_left", "scope_change", "backlog"}) {
        object.erase(key);
    }
    return object;
}

double replicated_estimate(const json& file, const json& iteration) {
    double sum = 0;
    for (const json& id : iteration["committed"]) {
        const json& asset = asset_in(file, id.get<std::string>());
        if (asset["status"] == "replicated") {
            sum += effective_estimate_in(asset);
        }
    }
    return sum;
}

} // namespace

TEST_CASE("iteration list --format json adds committed, done and days left to the file's objects",
          "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    json list = json::parse(run_ok(backlog, {"iteration", "list", "--format", "json"}));
    REQUIRE(list.size() == file["iterations"].size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& iteration = file["iterations"][i];
        CAPTURE(iteration["id"]);
        CHECK(without_computed(list[i]) == iteration);
        CHECK(list[i]["committed_estimate"] == estimate_sum(file, iteration["committed"]));
        if (iteration["state"] == "closed") {
            CHECK(list[i]["done_estimate"] == iteration["completed_estimate"]);
        } else {
            CHECK(list[i]["done_estimate"] == replicated_estimate(file, iteration));
        }
        CHECK(list[i]["days_left"] == (iteration["state"] == "active" ? json(5) : json(nullptr)));
    }
    CHECK(list[5]["done_estimate"] == 18);
}

TEST_CASE("iteration list prints a table, or CSV", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    std::vector<std::string> lines = lines_of(run_ok(backlog, {"iteration", "list"}));
    REQUIRE(lines.size() == 8);
    CHECK(
        lines[0] ==
        "ID    NAME         START       END         STATE    CAPACITY  COMMITTED  DONE  DAYS LEFT");
    CHECK(
        lines[6] ==
        "it-6  Iteration 6  2026-11-16  2026-11-29  active        120        118    18          5");
    CHECK(
        lines[7] ==
        "it-7  Iteration 7  2026-11-30  2026-12-13  planned       120         90     0          -");

    lines = lines_of(run_ok(backlog, {"iteration", "list", "--format", "csv"}));
    REQUIRE(lines.size() == 8);
    CHECK(lines[0] ==
          "id,name,start,end,state,capacity,committed_estimate,done_estimate,days_left");
    CHECK(lines[1] == "it-1,Iteration 1,2026-09-07,2026-09-20,closed,120,100,76,");
}

TEST_CASE("iteration list on a file without iterations says how to add one", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    file["iterations"] = json::array();
    backlog.write(file.dump(2) + "\n");
    CHECK(run_ok(backlog, {"iteration", "list"}) ==
          "No iterations yet; add one with 'mbl iteration add'.\n");
    CHECK(run_ok(backlog, {"iteration", "list", "--format", "json"}) == "[]\n");
}

TEST_CASE("iteration show lists the iteration backlog with statuses and tasks",
          "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    std::string out = run_ok(backlog, {"iteration", "show", "it-6"});
    std::vector<std::string> lines = lines_of(out);
    CHECK(lines[0] == "id:        it-6");
    CHECK(contains(out, "\nstate:     active\n"));
    CHECK(contains(out, "\ndays left: 5\n"));
    CHECK(contains(out, "\ncommitted: 118 hours (6 assets)\n"));
    CHECK(contains(out, "\ndone:      18 hours (2 assets)\n"));
    CHECK(contains(out, "\n  crm-app-02: replicated, 12 hours: CRM application server 2\n"));
    CHECK(contains(out, "\n  crm-web-01: in-progress, 20 hours: CRM customer portal\n"
                        "    [x] Deploy to App Service (8)\n"
                        "    [ ] Custom domain and TLS certificate (4)\n"));
    CHECK_FALSE(contains(out, "scope change"));

    std::string closed = run_ok(backlog, {"iteration", "show", "it-5"});
    CHECK(contains(closed, "\ncompleted: 94 hours (7 assets)\n"));
    CHECK(contains(closed, "crm-app-01:       replicated, 16 hours, completed here:"));
}

TEST_CASE("iteration show --format json: the file's object, computed keys and the backlog",
          "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    json file = json::parse(backlog.original());
    json shown = json::parse(run_ok(backlog, {"iteration", "show", "it-6", "--format", "json"}));
    CHECK(without_computed(shown) == iteration_in(file, "it-6"));
    CHECK(shown["committed_estimate"] == 118);
    CHECK(shown["done_estimate"] == 18);
    CHECK(shown["days_left"] == 5);
    CHECK(shown["scope_change"].is_null());
    REQUIRE(shown["backlog"].size() == 6);
    for (const json& asset : shown["backlog"]) {
        CHECK(asset == asset_in(file, asset["id"]));
    }
}

TEST_CASE("iteration show lists the scope added and removed since the start", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    run_ok(backlog, {"iteration", "close", "it-6"});
    run_ok(backlog, {"iteration", "start", "it-7"});
    run_ok(backlog, {"iteration", "commit", "it-7", "dw-sql-dev"});
    run_ok(backlog, {"iteration", "uncommit", "it-7", "print-01"});

    std::string out = run_ok(backlog, {"iteration", "show", "it-7"});
    CHECK(contains(out, "\nscope change:\n  added:   dw-sql-dev\n  removed: print-01\n"));
    json shown = json::parse(run_ok(backlog, {"iteration", "show", "it-7", "--format", "json"}));
    CHECK(shown["scope_change"] == json{{"added", {"dw-sql-dev"}}, {"removed", {"print-01"}}});
}

TEST_CASE("iteration show refuses an unknown id with a suggestion", "[e2e][iteration]") {
    TempBacklog backlog("contoso");
    RunResult result = backlog.run({"iteration", "show", "it-66"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "unknown iteration 'it-66'"));
}

TEST_CASE("iteration show and list --format json keep the file's number spellings",
          "[e2e][iteration]") {
    // As `asset show --format json` does: `1.10` stays `1.10`, a number past 64 bits keeps its
    // digits, in the iteration's own unknown keys and in the assets of its backlog.
    TempBacklog contoso("contoso");
    std::string text = replace_once(contoso.original(), "\"id\": \"it-6\",",
                                    "\"id\": \"it-6\",\n      \"x-budget\": 1.10,");
    text =
        replace_once(text, "\"id\": \"erp-db-01\",",
                     "\"id\": \"erp-db-01\",\n      \"x-cost\": 123456789012345678901234567890,");
    TempBacklog backlog = TempBacklog::with_text(text);
    REQUIRE(backlog.run({"validate"}).exit_code == 0);

    std::string shown = run_ok(backlog, {"iteration", "show", "it-6", "--format", "json"});
    CHECK(contains(shown, "\n  \"x-budget\": 1.10,\n"));
    CHECK(contains(shown, "\n      \"x-cost\": 123456789012345678901234567890\n"));
    // Laid out as before (two spaces a level), and the same document.
    CHECK(nlohmann::ordered_json::parse(shown).dump(2) + "\n" ==
          replace_once(replace_once(shown, "1.10", "1.1"), "123456789012345678901234567890",
                       "1.2345678901234568e+29"));

    std::string listed = run_ok(backlog, {"iteration", "list", "--format", "json"});
    CHECK(contains(listed, "\n    \"x-budget\": 1.10,\n"));
    CHECK(nlohmann::ordered_json::parse(listed).dump(2) + "\n" ==
          replace_once(listed, "1.10", "1.1"));
}
