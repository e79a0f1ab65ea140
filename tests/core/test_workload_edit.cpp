#include "mbl/edit.hpp"
#include "mbl/error.hpp"
#include "support/error_from.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using Catch::Matchers::Contains;
using mbl::ExitStatus;

namespace {

mbl::Workload make_workload(std::string id, std::vector<std::string> depends_on = {}) {
    mbl::Workload workload;
    workload.id = std::move(id);
    workload.name = "Workload " + workload.id;
    workload.depends_on = std::move(depends_on);
    return workload;
}

mbl::Asset make_asset(std::string id, std::optional<std::string> workload) {
    mbl::Asset asset;
    asset.id = std::move(id);
    asset.name = "Asset " + asset.id;
    asset.workload = std::move(workload);
    return asset;
}

// erp depends on crm; hr depends on erp; crm has two assets, erp one.
mbl::Backlog sample_backlog() {
    mbl::Backlog backlog;
    backlog.workloads = {make_workload("crm"), make_workload("erp", {"crm"}),
                         make_workload("hr", {"erp"})};
    backlog.assets = {make_asset("crm-sql-01", "crm"), make_asset("erp-app-01", "erp"),
                      make_asset("crm-web-01", "crm"), make_asset("loose-01", std::nullopt)};
    return backlog;
}

using mbl::test::error_from;

std::string set(mbl::Backlog& backlog, std::string_view id, std::string_view field,
                std::string_view value) {
    return mbl::set_workload_field(backlog, mbl::require_workload(backlog, id), field, value);
}

// Sets `field` on `id` in a copy of the sample backlog, expecting a refusal that leaves the
// backlog unchanged.
mbl::Error refused_set(std::string_view id, std::string_view field, std::string_view value) {
    mbl::Backlog backlog = sample_backlog();
    mbl::Error error = error_from([&] { set(backlog, id, field, value); });
    CHECK(backlog == sample_backlog());
    return error;
}

} // namespace

TEST_CASE("require_workload finds a workload or suggests the nearest id", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(&mbl::require_workload(backlog, "erp") == &backlog.workloads[1]);
    const mbl::Backlog& constant = backlog;
    CHECK(mbl::require_workload(constant, "hr").id == "hr");
    mbl::Error typo = error_from([&] { mbl::require_workload(constant, "erq"); });
    CHECK(typo.status() == ExitStatus::input);
    CHECK(std::string(typo.what()) == "unknown workload 'erq'; did you mean 'erp'?");
}

TEST_CASE("add_workload appends a checked workload", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::add_workload(backlog, make_workload("finance", {"crm", "hr"}));
    REQUIRE(backlog.workloads.size() == 4);
    CHECK(backlog.workloads.back().id == "finance");
    CHECK(backlog.workloads.back().depends_on == std::vector<std::string>{"crm", "hr"});

    auto refused_add = [](mbl::Workload workload) {
        mbl::Backlog backlog = sample_backlog();
        mbl::Error error = error_from([&] { mbl::add_workload(backlog, workload); });
        CHECK(backlog == sample_backlog());
        return error;
    };
    mbl::Error duplicate = refused_add(make_workload("crm"));
    CHECK(duplicate.status() == ExitStatus::input);
    CHECK(std::string(duplicate.what()) == "workload 'crm' already exists");
    mbl::Error slug = refused_add(make_workload("Finance"));
    CHECK(slug.status() == ExitStatus::usage);
    CHECK_THAT(slug.what(), Contains("workload id 'Finance' is not a slug"));
    mbl::Error unknown = refused_add(make_workload("finance", {"hrr"}));
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("did you mean 'hr'?"));
    CHECK(refused_add(make_workload("finance", {"crm", "crm"})).status() == ExitStatus::usage);
    mbl::Workload urgent = make_workload("finance");
    urgent.priority = 5;
    CHECK(refused_add(urgent).status() == ExitStatus::usage);
}

TEST_CASE("set_workload_field sets each field", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(set(backlog, "crm", "name", "Sales CRM") == "name: Workload crm -> Sales CRM");
    CHECK(backlog.workloads[0].name == "Sales CRM");
    CHECK(set(backlog, "crm", "priority", "1") == "priority: 2 -> 1");
    CHECK(backlog.workloads[0].priority == 1);
    CHECK(set(backlog, "crm", "owner", "sales-it") == "owner: none -> sales-it");
    CHECK(backlog.workloads[0].owner == "sales-it");
    CHECK(set(backlog, "crm", "owner", "") == "owner: sales-it -> none");
    CHECK_FALSE(backlog.workloads[0].owner.has_value());
    CHECK(set(backlog, "crm", "notes", "first to move") == "notes: none -> first to move");
    CHECK(backlog.workloads[0].notes == "first to move");
    CHECK(set(backlog, "crm", "target_date", "2027-06-30") == "target_date: none -> 2027-06-30");
    CHECK(backlog.workloads[0].target_date == mbl::Date::parse("2027-06-30"));
    CHECK(set(backlog, "crm", "target_date", "") == "target_date: 2027-06-30 -> none");
    CHECK_FALSE(backlog.workloads[0].target_date.has_value());
    CHECK(set(backlog, "hr", "depends_on", "crm, erp") == "depends_on: erp -> crm, erp");
    CHECK(backlog.workloads[2].depends_on == std::vector<std::string>{"crm", "erp"});
    CHECK(set(backlog, "hr", "depends_on", "") == "depends_on: crm, erp -> none");
    CHECK(backlog.workloads[2].depends_on.empty());
}

TEST_CASE("set_workload_field refuses bad values and fields", "[edit]") {
    CHECK(refused_set("crm", "name", " ").status() == ExitStatus::usage);
    CHECK(std::string(refused_set("crm", "priority", "9").what()) ==
          "priority must be a whole number from 1 to 4, not '9'");
    // The stage moves only through the release gates, which record the history.
    for (const char* field : {"stage", "stage_history"}) {
        mbl::Error stage = refused_set("crm", field, "uat");
        CHECK(stage.status() == ExitStatus::usage);
        CHECK_THAT(stage.what(), Contains("use 'mbl release advance crm --to STAGE'"));
    }
    CHECK(refused_set("crm", "target_date", "2027-13-01").status() == ExitStatus::usage);
    CHECK(refused_set("crm", "depends_on", "crm").status() == ExitStatus::usage);
    CHECK(refused_set("crm", "depends_on", "payroll").status() == ExitStatus::input);
    mbl::Error cycle = refused_set("crm", "depends_on", "hr");
    CHECK(cycle.status() == ExitStatus::usage);
    CHECK_THAT(cycle.what(), Contains("crm -> hr -> erp -> crm"));
    mbl::Error field = refused_set("crm", "owners", "x");
    CHECK(field.status() == ExitStatus::usage);
    CHECK_THAT(field.what(), Contains("unknown field 'owners'; did you mean 'owner'? Fields: "
                                      "name, priority, owner, depends_on, target_date, notes"));
}

TEST_CASE("remove_workload refuses while referenced, unless forced", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    mbl::Error refused = error_from([&] { mbl::remove_workload(backlog, "crm", false); });
    CHECK(refused.status() == ExitStatus::check_failed);
    CHECK(std::string(refused.what()) ==
          "workload 'crm' is referenced by crm-sql-01.workload, crm-web-01.workload, "
          "erp.depends_on; use --force to remove it and drop these references");
    CHECK(backlog == sample_backlog());

    mbl::RemovalReport report = mbl::remove_workload(backlog, "crm", true);
    CHECK(report.dropped_references ==
          std::vector<std::string>{"crm-sql-01.workload", "crm-web-01.workload", "erp.depends_on"});
    mbl::Backlog expected = sample_backlog();
    expected.workloads.erase(expected.workloads.begin());
    expected.workloads[0].depends_on.clear();
    expected.assets[0].workload.reset();
    expected.assets[2].workload.reset();
    CHECK(backlog == expected);
}

TEST_CASE("remove_workload removes an unreferenced workload and only it", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(mbl::remove_workload(backlog, "hr", false).dropped_references.empty());
    mbl::Backlog expected = sample_backlog();
    expected.workloads.pop_back();
    CHECK(backlog == expected);
    CHECK(error_from([&] { mbl::remove_workload(backlog, "hr", true); }).status() ==
          ExitStatus::input);
}
