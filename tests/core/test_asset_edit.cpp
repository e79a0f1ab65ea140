#include "mbl/edit.hpp"
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using Catch::Matchers::Contains;
using mbl::ExitStatus;

namespace {

const mbl::Date today = *mbl::Date::parse("2027-01-15");

mbl::Asset make_asset(std::string id, std::string workload) {
    mbl::Asset asset;
    asset.name = "Asset " + id;
    asset.id = std::move(id);
    asset.workload = std::move(workload);
    return asset;
}

mbl::Workload make_workload(std::string id) {
    mbl::Workload workload;
    workload.id = std::move(id);
    workload.name = "Workload " + workload.id;
    return workload;
}

mbl::Iteration make_iteration(std::string id, mbl::IterationState state,
                              std::vector<std::string> committed) {
    mbl::Iteration iteration;
    iteration.id = std::move(id);
    iteration.state = state;
    iteration.committed = std::move(committed);
    return iteration;
}

// crm-web-01 depends on crm-sql-01; it-1 (closed) and it-2 (active) commit crm-sql-01.
mbl::Backlog sample_backlog() {
    mbl::Backlog backlog;
    backlog.workloads = {make_workload("crm"), make_workload("erp")};
    mbl::Asset sql = make_asset("crm-sql-01", "crm");
    sql.kind = mbl::AssetKind::database;
    sql.tags = {"prod"};
    sql.attributes = {{"cores", {"4"}}, {"memory_gb", {"64"}}};
    mbl::Asset web = make_asset("crm-web-01", "crm");
    web.depends_on = {"crm-sql-01"};
    web.status = mbl::AssetStatus::replicated;
    web.replicated_on = mbl::Date::parse("2027-01-08");
    backlog.assets = {sql, web, make_asset("erp-app-01", "erp")};
    mbl::Iteration closed =
        make_iteration("it-1", mbl::IterationState::closed, {"crm-sql-01", "erp-app-01"});
    closed.completed = std::vector<std::string>{"crm-sql-01"};
    mbl::Iteration active =
        make_iteration("it-2", mbl::IterationState::active, {"erp-app-01", "crm-sql-01"});
    backlog.iterations = {closed, active};
    return backlog;
}

using mbl::test::error_from;

// Sets `field` on `id` in a copy of the sample backlog, expecting a refusal that leaves the
// backlog unchanged.
mbl::Error refused_set(std::string_view id, std::string_view field, std::string_view value) {
    mbl::Backlog backlog = sample_backlog();
    mbl::Error error = error_from([&] {
        mbl::set_asset_field(backlog, mbl::require_asset(backlog, id), field, value, today);
    });
    CHECK(backlog == sample_backlog());
    return error;
}

std::string set(mbl::Backlog& backlog, std::string_view id, std::string_view field,
                std::string_view value) {
    return mbl::set_asset_field(backlog, mbl::require_asset(backlog, id), field, value, today);
}

} // namespace

TEST_CASE("require_asset finds an asset or suggests the nearest id", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(mbl::require_asset(backlog, "crm-web-01").id == "crm-web-01");
    const mbl::Backlog& constant = backlog;
    CHECK(&mbl::require_asset(constant, "crm-sql-01") == &backlog.assets[0]);

    mbl::Error typo = error_from([&] { mbl::require_asset(constant, "crm-sql-1"); });
    CHECK(typo.status() == ExitStatus::input);
    CHECK(std::string(typo.what()) == "unknown asset 'crm-sql-1'; did you mean 'crm-sql-01'?");

    mbl::Error far = error_from([&] { mbl::require_asset(backlog, "zzz"); });
    CHECK(far.status() == ExitStatus::input);
    CHECK_THAT(far.what(), Contains("unknown asset 'zzz'") && !Contains("did you mean"));
}

TEST_CASE("an id used twice makes every edit refuse, and rm removes nothing", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    backlog.assets.push_back(backlog.assets[0]);
    const mbl::Backlog before = backlog;
    std::string id = backlog.assets[0].id;
    mbl::Error twice = error_from([&] { mbl::remove_asset(backlog, id, true); });
    CHECK(twice.status() == ExitStatus::input);
    CHECK_THAT(twice.what(), Contains("asset id '" + id + "' is used by more than one asset"));
    CHECK(backlog == before);
}

TEST_CASE("split_assignment splits at the first '='", "[edit]") {
    CHECK(mbl::split_assignment("status=replicated") ==
          std::pair<std::string, std::string>{"status", "replicated"});
    CHECK(mbl::split_assignment("attributes.cmd=a=b") ==
          std::pair<std::string, std::string>{"attributes.cmd", "a=b"});
    CHECK(mbl::split_assignment("notes=") == std::pair<std::string, std::string>{"notes", ""});
    CHECK(error_from([] { mbl::split_assignment("status"); }).status() == ExitStatus::usage);
    CHECK(error_from([] { mbl::split_assignment("=x"); }).status() == ExitStatus::usage);
}

TEST_CASE("set_asset_field sets the text fields", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "name", "CRM DB") == "name: Asset crm-sql-01 -> CRM DB");
    CHECK(backlog.assets[0].name == "CRM DB");
    CHECK(set(backlog, "crm-sql-01", "owner", "dba") == "owner: none -> dba");
    CHECK(backlog.assets[0].owner == "dba");
    CHECK(set(backlog, "crm-sql-01", "owner", "") == "owner: dba -> none");
    CHECK_FALSE(backlog.assets[0].owner.has_value());
    CHECK(set(backlog, "crm-sql-01", "notes", "needs a window") == "notes: none -> needs a window");
    CHECK(backlog.assets[0].notes == "needs a window");
    set(backlog, "crm-sql-01", "notes", "");
    CHECK_FALSE(backlog.assets[0].notes.has_value());

    CHECK(refused_set("crm-sql-01", "name", "").status() == ExitStatus::usage);
    CHECK(refused_set("crm-sql-01", "notes", "bad \xff byte").status() == ExitStatus::usage);
}

TEST_CASE("set_asset_field sets kind and strategy from their spellings", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "kind", "file-share") == "kind: database -> file-share");
    CHECK(backlog.assets[0].kind == mbl::AssetKind::file_share);
    CHECK(set(backlog, "crm-sql-01", "strategy", "retire") == "strategy: rehost -> retire");
    CHECK(backlog.assets[0].strategy == mbl::Strategy::retire);

    mbl::Error kind = refused_set("crm-sql-01", "kind", "disk");
    CHECK(kind.status() == ExitStatus::usage);
    CHECK(std::string(kind.what()) ==
          "invalid kind 'disk'; expected vm, database, file-share, storage, app-service, network "
          "or other");
    CHECK_THAT(refused_set("crm-sql-01", "kind", "databse").what(),
               Contains("did you mean 'database'?"));
    mbl::Error strategy = refused_set("crm-sql-01", "strategy", "lift");
    CHECK(strategy.status() == ExitStatus::usage);
    CHECK_THAT(strategy.what(), Contains("rehost, replatform") && Contains("retire or retain"));
}

TEST_CASE("set_asset_field sets and clears the workload", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "workload", "erp") == "workload: crm -> erp");
    CHECK(backlog.assets[0].workload == "erp");
    CHECK(set(backlog, "crm-sql-01", "workload", "") == "workload: erp -> none");
    CHECK_FALSE(backlog.assets[0].workload.has_value());

    mbl::Error unknown = refused_set("crm-sql-01", "workload", "crn");
    CHECK(unknown.status() == ExitStatus::input);
    CHECK(std::string(unknown.what()) == "unknown workload 'crn'; did you mean 'crm'?");
}

TEST_CASE("set_asset_field reads estimates as non-negative numbers", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "estimate", "16") == "estimate: none -> 16");
    CHECK(backlog.assets[0].estimate == 16.0);
    CHECK(set(backlog, "crm-sql-01", "estimate", "2.5") == "estimate: 16 -> 2.5");
    CHECK(set(backlog, "crm-sql-01", "estimate", "0") == "estimate: 2.5 -> 0");
    CHECK(set(backlog, "crm-sql-01", "estimate", "none") == "estimate: 0 -> none");
    CHECK_FALSE(backlog.assets[0].estimate.has_value());
    set(backlog, "crm-sql-01", "estimate", "8");
    set(backlog, "crm-sql-01", "estimate", "");
    CHECK_FALSE(backlog.assets[0].estimate.has_value());

    for (const char* bad :
         {"abc", "16h", "-1", "nan", "inf", "1e999", "+3", "0x10", "1e308", "1000000000.5"}) {
        INFO(bad);
        mbl::Error error = refused_set("crm-sql-01", "estimate", bad);
        CHECK(error.status() == ExitStatus::usage);
        CHECK_THAT(error.what(), Contains("estimate must be a number from 0 to 1000000000"));
    }
    CHECK(set(backlog, "crm-sql-01", "estimate", "1e9") == "estimate: none -> 1000000000");
}

TEST_CASE("set_asset_field reads priorities 1 to 4", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "priority", "1") == "priority: 2 -> 1");
    CHECK(backlog.assets[0].priority == 1);
    CHECK(set(backlog, "crm-sql-01", "priority", "4") == "priority: 1 -> 4");

    mbl::Error seven = refused_set("crm-sql-01", "priority", "7");
    CHECK(seven.status() == ExitStatus::usage);
    CHECK(std::string(seven.what()) == "priority must be a whole number from 1 to 4, not '7'");
    for (const char* bad : {"0", "1.5", "high", "", "2x"}) {
        INFO(bad);
        CHECK(refused_set("crm-sql-01", "priority", bad).status() == ExitStatus::usage);
    }
}

TEST_CASE("setting the status records or clears replicated_on", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "status", "in-progress") ==
          "status: not-started -> in-progress");
    CHECK_FALSE(backlog.assets[0].replicated_on.has_value());

    CHECK(set(backlog, "crm-sql-01", "status", "replicated") ==
          "status: in-progress -> replicated (replicated_on 2027-01-15)");
    CHECK(backlog.assets[0].status == mbl::AssetStatus::replicated);
    CHECK(backlog.assets[0].replicated_on == today);

    SECTION("an asset already replicated keeps its day") {
        CHECK(set(backlog, "crm-web-01", "status", "replicated") ==
              "status: replicated -> replicated");
        CHECK(backlog.assets[1].replicated_on == mbl::Date::parse("2027-01-08"));
    }
    SECTION("any other status clears the day") {
        CHECK(set(backlog, "crm-web-01", "status", "blocked") ==
              "status: replicated -> blocked (replicated_on cleared)");
        CHECK(backlog.assets[1].status == mbl::AssetStatus::blocked);
        CHECK_FALSE(backlog.assets[1].replicated_on.has_value());
    }

    mbl::Error done = refused_set("crm-sql-01", "status", "done");
    CHECK(done.status() == ExitStatus::usage);
    CHECK(std::string(done.what()) ==
          "invalid status 'done'; expected not-started, in-progress, replicated or blocked");
}

TEST_CASE("replicated_on is set directly only to a real day", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-web-01", "replicated_on", "2027-01-10") ==
          "replicated_on: 2027-01-08 -> 2027-01-10");
    CHECK(backlog.assets[1].replicated_on == mbl::Date::parse("2027-01-10"));
    CHECK(set(backlog, "crm-web-01", "replicated_on", "") == "replicated_on: 2027-01-10 -> none");

    for (const char* bad : {"2027-02-30", "yesterday", "2027-1-5"}) {
        INFO(bad);
        mbl::Error error = refused_set("crm-web-01", "replicated_on", bad);
        CHECK(error.status() == ExitStatus::usage);
        CHECK_THAT(error.what(), Contains("YYYY-MM-DD"));
    }
}

TEST_CASE("depends_on takes a comma list of other known assets", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "erp-app-01", "depends_on", " crm-sql-01 ,, crm-web-01,") ==
          "depends_on: none -> crm-sql-01, crm-web-01");
    CHECK(backlog.assets[2].depends_on == std::vector<std::string>{"crm-sql-01", "crm-web-01"});
    CHECK(set(backlog, "erp-app-01", "depends_on", "") ==
          "depends_on: crm-sql-01, crm-web-01 -> none");
    CHECK(backlog.assets[2].depends_on.empty());

    mbl::Error unknown = refused_set("erp-app-01", "depends_on", "crm-sql-01,crm-sql-1");
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("did you mean 'crm-sql-01'?"));
    CHECK(refused_set("erp-app-01", "depends_on", "erp-app-01").status() == ExitStatus::usage);
    mbl::Error twice = refused_set("erp-app-01", "depends_on", "crm-sql-01, crm-sql-01");
    CHECK(twice.status() == ExitStatus::usage);
    CHECK_THAT(twice.what(), Contains("'crm-sql-01' twice"));
    mbl::Error cycle = refused_set("crm-sql-01", "depends_on", "crm-web-01");
    CHECK(cycle.status() == ExitStatus::usage);
    CHECK_THAT(cycle.what(), Contains("crm-sql-01 -> crm-web-01 -> crm-sql-01"));
}

TEST_CASE("a long cycle is named by its ends, as validate names it", "[edit]") {
    // a-0 -> a-1 -> ... -> a-9999: depending a-9999 on a-0 would close a 10,000-long cycle.
    mbl::Backlog backlog;
    constexpr int length = 10'000;
    for (int i = 0; i < length; ++i) {
        backlog.assets.push_back(make_asset("a-" + std::to_string(i), "w"));
        if (i + 1 < length) {
            backlog.assets.back().depends_on = {"a-" + std::to_string(i + 1)};
        }
    }
    mbl::Error cycle = error_from(
        [&] { mbl::set_asset_field(backlog, backlog.assets.back(), "depends_on", "a-0", today); });
    CHECK(cycle.status() == ExitStatus::usage);
    CHECK(std::string(cycle.what()) ==
          "depends_on 'a-0' would make a cycle: a-9999 -> a-0 -> a-1 -> a-2 -> ... (9992 more) "
          "-> a-9995 -> a-9996 -> a-9997 -> a-9998 -> a-9999");
}

TEST_CASE("tags take a comma list, duplicates dropped", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm-sql-01", "tags", "prod, pci,prod") == "tags: prod -> prod, pci");
    CHECK(backlog.assets[0].tags == std::vector<std::string>{"prod", "pci"});
    CHECK(set(backlog, "crm-sql-01", "tags", "") == "tags: prod, pci -> none");
    CHECK(backlog.assets[0].tags.empty());
}

TEST_CASE("attributes.KEY sets, replaces and removes one attribute", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    const mbl::RawObject& attributes = backlog.assets[0].attributes;
    CHECK(set(backlog, "crm-sql-01", "attributes.cores", "8") == "attributes.cores: 4 -> 8");
    REQUIRE(attributes.size() == 2);
    CHECK(attributes[0] == std::pair<std::string, mbl::RawJson>{"cores", {"8"}});

    CHECK(set(backlog, "crm-sql-01", "attributes.os", "linux") ==
          "attributes.os: none -> \"linux\"");
    REQUIRE(attributes.size() == 3);
    CHECK(attributes[2] == std::pair<std::string, mbl::RawJson>{"os", {"\"linux\""}});

    CHECK(set(backlog, "crm-sql-01", "attributes.cores", "") == "attributes.cores: 8 -> none");
    REQUIRE(attributes.size() == 2);
    CHECK(attributes[0].first == "memory_gb");

    set(backlog, "crm-sql-01", "attributes.disk.os.size_gb", "128");
    CHECK(attributes.back() == std::pair<std::string, mbl::RawJson>{"disk.os.size_gb", {"128"}});
}

TEST_CASE("attribute values keep their number spelling, as in a hand-edited file", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    set(backlog, "crm-sql-01", "attributes.os_version", "1.10");
    set(backlog, "crm-sql-01", "attributes.serial", "123456789012345678901234");
    const auto& attributes = backlog.assets[0].attributes;
    CHECK(attributes[attributes.size() - 2].second.text == "1.10");
    CHECK(attributes.back().second.text == "123456789012345678901234");
}

TEST_CASE("attribute values are JSON when they parse, else strings", "[edit]") {
    auto stored = [](std::string_view value) {
        mbl::Backlog backlog = sample_backlog();
        set(backlog, "erp-app-01", "attributes.x", value);
        return backlog.assets[2].attributes.at(0).second.text;
    };
    CHECK(stored("8") == "8");
    CHECK(stored("2.5") == "2.5");
    CHECK(stored("true") == "true");
    CHECK(stored("null") == "null");
    CHECK(stored("\"quoted\"") == "\"quoted\"");
    CHECK(stored("[1, \"a\"]") == "[\n  1,\n  \"a\"\n]");
    CHECK(stored("{\"engine\":\"sql\",\"version\":2019}") ==
          "{\n  \"engine\": \"sql\",\n  \"version\": 2019\n}");
    CHECK(stored("{}") == "{}");
    CHECK(stored("8 cores") == "\"8 cores\"");
    CHECK(stored("C:\\data \"x\"") == "\"C:\\\\data \\\"x\\\"\"");

    CHECK(refused_set("erp-app-01", "attributes.x", "\xff").status() == ExitStatus::usage);
    auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    CHECK(stored(nested(252)).size() > 252 * 2); // the deepest the file still takes
    mbl::Error deep = refused_set("erp-app-01", "attributes.x", nested(253));
    CHECK(deep.status() == ExitStatus::usage);
    CHECK_THAT(deep.what(), Contains("attributes.x: nests deeper than 252 levels"));
}

TEST_CASE("unknown fields are refused with the field list", "[edit]") {
    mbl::Error typo = refused_set("crm-sql-01", "estimat", "3");
    CHECK(typo.status() == ExitStatus::usage);
    CHECK_THAT(typo.what(), Contains("unknown field 'estimat'; did you mean 'estimate'? Fields: "
                                     "name, kind, workload"));
    CHECK_THAT(refused_set("crm-sql-01", "attribute.cores", "3").what(),
               Contains("did you mean 'attributes.cores'?"));
    CHECK(refused_set("crm-sql-01", "attributes", "3").status() == ExitStatus::usage);
    CHECK(refused_set("crm-sql-01", "attributes.", "3").status() == ExitStatus::usage);
    CHECK_THAT(refused_set("crm-sql-01", "id", "x").what(), Contains("cannot be changed"));
}

TEST_CASE("add_asset appends a checked asset", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::Asset asset = make_asset("crm-fs-01", "crm");
    asset.depends_on = {"crm-sql-01"};
    asset.tags = {"prod", "prod"};
    asset.status = mbl::AssetStatus::replicated;
    mbl::add_asset(backlog, asset, today);
    REQUIRE(backlog.assets.size() == 4);
    CHECK(backlog.assets.back().id == "crm-fs-01");
    CHECK(backlog.assets.back().replicated_on == today);
    CHECK(backlog.assets.back().tags == std::vector<std::string>{"prod"});

    asset.id = "crm-fs-02";
    asset.replicated_on = mbl::Date::parse("2027-01-02");
    mbl::add_asset(backlog, asset, today);
    CHECK(backlog.assets.back().replicated_on == mbl::Date::parse("2027-01-02"));
}

TEST_CASE("add_asset refuses duplicates, non-slugs and unknown references", "[edit]") {
    auto refused_add = [](mbl::Asset asset) {
        mbl::Backlog backlog = sample_backlog();
        mbl::Error error = error_from([&] { mbl::add_asset(backlog, asset, today); });
        CHECK(backlog == sample_backlog());
        return error;
    };
    mbl::Error duplicate = refused_add(make_asset("crm-sql-01", "crm"));
    CHECK(duplicate.status() == ExitStatus::input);
    CHECK(std::string(duplicate.what()) == "asset 'crm-sql-01' already exists");

    mbl::Error slug = refused_add(make_asset("CRM_01", "crm"));
    CHECK(slug.status() == ExitStatus::usage);
    CHECK(std::string(slug.what()) ==
          "asset id 'CRM_01' is not a slug: use lowercase letters, digits, '.', '_' and '-', "
          "starting with a letter or digit, at most 64 characters");
    CHECK(refused_add(make_asset(std::string(65, 'a'), "crm")).status() == ExitStatus::usage);
    CHECK(refused_add(make_asset("", "crm")).status() == ExitStatus::usage);

    mbl::Error workload = refused_add(make_asset("new-01", "ccrm"));
    CHECK(workload.status() == ExitStatus::input);
    CHECK_THAT(workload.what(), Contains("unknown workload 'ccrm'; did you mean 'crm'?"));

    mbl::Asset dependent = make_asset("new-01", "crm");
    dependent.depends_on = {"crm-web-1"};
    CHECK(refused_add(dependent).status() == ExitStatus::input);

    mbl::Asset urgent = make_asset("new-01", "crm");
    urgent.priority = 0;
    CHECK(refused_add(urgent).status() == ExitStatus::usage);

    mbl::Asset negative = make_asset("new-01", "crm");
    negative.estimate = -4;
    CHECK(refused_add(negative).status() == ExitStatus::usage);
}

TEST_CASE("remove_asset refuses while referenced, unless forced", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::Error refused = error_from([&] { mbl::remove_asset(backlog, "crm-sql-01", false); });
    CHECK(refused.status() == ExitStatus::check_failed);
    CHECK(std::string(refused.what()) ==
          "asset 'crm-sql-01' is referenced by crm-web-01.depends_on, it-1.committed, "
          "it-1.completed, it-2.committed; use --force to remove it and drop these references");
    CHECK(backlog == sample_backlog());

    mbl::RemovalReport report = mbl::remove_asset(backlog, "crm-sql-01", true);
    CHECK(report.dropped_references == std::vector<std::string>{"crm-web-01.depends_on",
                                                                "it-1.committed", "it-1.completed",
                                                                "it-2.committed"});
    mbl::Backlog expected = sample_backlog();
    expected.assets.erase(expected.assets.begin());
    expected.assets[0].depends_on.clear();
    expected.iterations[0].committed = {"erp-app-01"};
    expected.iterations[0].completed = std::vector<std::string>{};
    expected.iterations[1].committed = {"erp-app-01"};
    CHECK(backlog == expected);
}

TEST_CASE("remove_asset removes an unreferenced asset and only it", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::RemovalReport report = mbl::remove_asset(backlog, backlog.assets[1].id, false);
    CHECK(report.dropped_references.empty());
    mbl::Backlog expected = sample_backlog();
    expected.assets.erase(expected.assets.begin() + 1);
    CHECK(backlog == expected);

    mbl::Error unknown = error_from([&] { mbl::remove_asset(backlog, "crm-web-01", true); });
    CHECK(unknown.status() == ExitStatus::input);
}

TEST_CASE("edited attributes survive a save and a load unchanged", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    set(backlog, "crm-sql-01", "attributes.disks", "[{\"size_gb\": 128, \"tier\": \"ssd\"}, 2.50]");
    set(backlog, "crm-sql-01", "attributes.os", "Windows Server 2019");
    set(backlog, "crm-sql-01", "attributes.flags", "{\"ha\": true, \"dr\": null, \"tags\": []}");
    std::string text = mbl::to_canonical_text(backlog);
    mbl::Backlog loaded = mbl::load_backlog_or_throw(text);
    CHECK(loaded.assets[0].attributes == backlog.assets[0].attributes);
    CHECK(mbl::to_canonical_text(loaded) == text);
}

TEST_CASE("the deepest attribute value accepted still loads", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    set(backlog, "crm-sql-01", "attributes.deep", std::string(252, '[') + std::string(252, ']'));
    mbl::Backlog loaded = mbl::load_backlog_or_throw(mbl::to_canonical_text(backlog));
    CHECK(loaded.assets[0].attributes == backlog.assets[0].attributes);
}

TEST_CASE("add_asset names an unnamed asset by its id and drops empty tags", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::Asset asset;
    asset.id = "new-01";
    asset.tags = {"", "prod", " ", "prod"};
    mbl::add_asset(backlog, asset, today);
    CHECK(backlog.assets.back().name == "new-01");
    CHECK(backlog.assets.back().tags == std::vector<std::string>{"prod"});
}
