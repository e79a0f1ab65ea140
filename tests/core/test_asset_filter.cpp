#include "mbl/edit.hpp"
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "support/error_from.hpp"
#include "support/held_text.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;

namespace {

mbl::Asset make_asset(std::string id, mbl::AssetKind kind, std::optional<std::string> workload,
                      mbl::Strategy strategy, mbl::AssetStatus status,
                      std::vector<std::string> tags) {
    mbl::Asset asset;
    asset.id = std::move(id);
    asset.kind = kind;
    asset.workload = std::move(workload);
    asset.strategy = strategy;
    asset.status = status;
    asset.tags = std::move(tags);
    return asset;
}

mbl::Iteration make_iteration(std::string id, mbl::IterationState state,
                              std::vector<std::string> committed) {
    mbl::Iteration iteration;
    iteration.id = std::move(id);
    iteration.state = state;
    iteration.committed = std::move(committed);
    return iteration;
}

mbl::Backlog sample_backlog() {
    using mbl::AssetKind, mbl::AssetStatus, mbl::Strategy;
    mbl::Backlog backlog;
    backlog.workloads.resize(2);
    backlog.workloads[0].id = "crm";
    backlog.workloads[1].id = "erp";
    backlog.assets = {
        make_asset("crm-sql-01", AssetKind::database, "crm", Strategy::rehost,
                   AssetStatus::not_started, {"prod"}),
        make_asset("crm-web-01", AssetKind::vm, "crm", Strategy::replatform,
                   AssetStatus::in_progress, {"prod", "web"}),
        make_asset("erp-app-01", AssetKind::app_service, "erp", Strategy::rehost,
                   AssetStatus::replicated, {"web"}),
        make_asset("old-fs-01", AssetKind::file_share, std::nullopt, Strategy::retire,
                   AssetStatus::not_started, {}),
    };
    mbl::Iteration closed =
        make_iteration("it-1", mbl::IterationState::closed, {"crm-sql-01", "erp-app-01"});
    closed.completed = std::vector<std::string>{"erp-app-01", "old-fs-01"};
    backlog.iterations = {
        closed, make_iteration("it-2", mbl::IterationState::active, {"crm-web-01", "crm-sql-01"})};
    return backlog;
}

// The ids of the assets selected by the filter that `set_criteria` fills, in the order returned.
template <class SetCriteria>
std::vector<std::string> selected(const mbl::Backlog& backlog, SetCriteria set_criteria) {
    mbl::AssetFilter filter;
    set_criteria(filter);
    std::vector<std::string> ids;
    for (const mbl::Asset* asset : mbl::filter_assets(backlog, filter)) {
        ids.push_back(asset->id);
    }
    return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("an empty filter selects every asset in file order", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    auto all = mbl::filter_assets(backlog, {});
    REQUIRE(all.size() == 4);
    CHECK(all[0] == &backlog.assets[0]);
    CHECK(all[3] == &backlog.assets[3]);
    CHECK(mbl::filter_assets(mbl::Backlog{}, {}).empty());
}

TEST_CASE("each filter criterion selects its assets", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(selected(backlog, [](auto& f) { f.status = mbl::AssetStatus::not_started; }) ==
          Ids{"crm-sql-01", "old-fs-01"});
    CHECK(selected(backlog, [](auto& f) { f.status = mbl::AssetStatus::blocked; }).empty());
    CHECK(selected(backlog, [](auto& f) { f.kind = mbl::AssetKind::vm; }) == Ids{"crm-web-01"});
    CHECK(selected(backlog, [](auto& f) { f.workload = "crm"; }) ==
          Ids{"crm-sql-01", "crm-web-01"});
    CHECK(selected(backlog, [](auto& f) { f.tag = "web"; }) == Ids{"crm-web-01", "erp-app-01"});
    CHECK(selected(backlog, [](auto& f) { f.tag = "we"; }).empty());
    CHECK(selected(backlog, [](auto& f) { f.strategy = mbl::Strategy::rehost; }) ==
          Ids{"crm-sql-01", "erp-app-01"});
}

TEST_CASE("the iteration criterion selects committed and completed assets", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(selected(backlog, [](auto& f) { f.iteration = "it-2"; }) ==
          Ids{"crm-sql-01", "crm-web-01"});
    CHECK(selected(backlog, [](auto& f) { f.iteration = "it-1"; }) ==
          Ids{"crm-sql-01", "erp-app-01", "old-fs-01"});
    backlog.iterations.push_back(make_iteration("it-3", mbl::IterationState::planned, {}));
    CHECK(selected(backlog, [](auto& f) { f.iteration = "it-3"; }).empty());
}

TEST_CASE("criteria combine: every set criterion must hold", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    CHECK(selected(backlog, [](auto& f) {
              f.workload = "crm";
              f.tag = "web";
          }) == Ids{"crm-web-01"});
    CHECK(selected(backlog, [](auto& f) {
              f.status = mbl::AssetStatus::not_started;
              f.iteration = "it-2";
          }) == Ids{"crm-sql-01"});
    CHECK(selected(backlog, [](auto& f) {
              f.kind = mbl::AssetKind::database;
              f.iteration = "it-1";
              f.strategy = mbl::Strategy::rehost;
          }) == Ids{"crm-sql-01"});
    CHECK(selected(backlog, [](auto& f) {
              f.workload = "erp";
              f.tag = "prod";
          }).empty());
}

TEST_CASE("unknown ids in the filter are input errors, not empty results", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    try {
        mbl::AssetFilter filter;
        filter.workload = "crn";
        mbl::filter_assets(backlog, filter);
        FAIL("expected an mbl::Error");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == ExitStatus::input);
        CHECK(std::string(error.what()) == "unknown workload 'crn'; did you mean 'crm'?");
    }
    try {
        mbl::AssetFilter filter;
        filter.iteration = "it-9";
        mbl::filter_assets(backlog, filter);
        FAIL("expected an mbl::Error");
    } catch (const mbl::Error& error) {
        CHECK(error.status() == ExitStatus::input);
        CHECK_THAT(error.what(), Contains("unknown iteration 'it-9'"));
    }
}

namespace {

// What `asset list --format json` printed before it read asset by asset: the model loaded, the
// assets filtered, the array written.
std::string listed_from_model(std::string_view text, const mbl::AssetFilter& filter) {
    mbl::Backlog backlog = mbl::load_backlog_or_throw(text, "backlog.json");
    return mbl::to_json_array_text(mbl::filter_assets(backlog, filter));
}

std::string listed_by_stream(std::string_view text, const mbl::AssetFilter& filter) {
    mbl::test::HeldText held{std::string(text)};
    mbl::JsonArrayText listed;
    mbl::for_each_matching_asset(held, filter, "backlog.json",
                                 [&](const mbl::Asset& asset) { listed.add(asset); });
    return listed.take();
}

// The message and exit status of the mbl::Error that `list` throws.
template <class List> std::string error_of(List list) {
    mbl::Error error = mbl::test::error_from(list);
    return std::string(error.what()) + " (status " +
           std::to_string(static_cast<int>(error.status())) + ")";
}

} // namespace

TEST_CASE("the streamed listing is the model's, filter by filter", "[edit]") {
    mbl::Backlog backlog = sample_backlog();
    backlog.assets[1].attributes = {{"cores", mbl::RawJson{"4"}},
                                    {"disks", mbl::RawJson{"[\n  1,\n  2\n]"}}};
    std::string text = mbl::to_canonical_text(backlog);
    std::vector<mbl::AssetFilter> filters(7);
    filters[1].status = mbl::AssetStatus::not_started;
    filters[2].kind = mbl::AssetKind::vm;
    filters[3].workload = "crm";
    filters[4].tag = "web";
    filters[5].strategy = mbl::Strategy::retire;
    filters[6].workload = "erp";
    filters[6].tag = "prod"; // nothing matches: `[]`
    for (const mbl::AssetFilter& filter : filters) {
        std::string expected = listed_from_model(text, filter);
        CHECK(listed_by_stream(text, filter) == expected);
    }
    CHECK(listed_by_stream(text, filters[6]) == "[]");
}

TEST_CASE("the streamed listing refuses what the model's refuses, with the same words", "[edit]") {
    // Assets before the workloads (a hand-edited file): the workload is checked at the end.
    std::string assets_first = R"({"format": "mbl/1", "name": "x",
  "assets": [{"id": "a-1", "workload": "crm"}],
  "workloads": [{"id": "crm", "name": "CRM"}]})";
    mbl::AssetFilter crm;
    crm.workload = "crm";
    CHECK(listed_by_stream(assets_first, crm) == listed_from_model(assets_first, crm));
    mbl::AssetFilter typo;
    typo.workload = "crn";
    std::string expected = error_of([&] { listed_from_model(assets_first, typo); });
    CHECK_THAT(expected, Contains("did you mean 'crm'?"));
    CHECK(error_of([&] { listed_by_stream(assets_first, typo); }) == expected);

    // An error after the assets: nothing is listed, the load's error is thrown.
    std::string late_error = R"({"format": "mbl/1", "name": "x",
  "assets": [{"id": "a-1"}],
  "iterations": [{"id": "it-1", "start": "2027-02-30"}]})";
    expected = error_of([&] { listed_from_model(late_error, {}); });
    CHECK_THAT(expected, Contains("backlog.json:3:"));
    CHECK(error_of([&] { listed_by_stream(late_error, {}); }) == expected);

    mbl::AssetFilter by_iteration;
    by_iteration.iteration = "it-1";
    CHECK_THAT(error_of([&] { listed_by_stream(late_error, by_iteration); }),
               Contains("internal error"));
}
