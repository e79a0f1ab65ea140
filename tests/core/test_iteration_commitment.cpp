#include "iteration_fixtures.hpp"
#include "mbl/iterations.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using mbl::IterationState;
using namespace iteration_fixtures;
using Ids = std::vector<std::string>;

namespace {

// it-1 closed (committed web-01), it-2 active (app-01), it-3 planned (empty), it-5 planned
// (web-01). crm-sql-01 is replicated, dns-01 retained, old-01 retired.
mbl::Backlog commitment_backlog() {
    mbl::Backlog backlog;
    mbl::Asset retained = make_asset("dns-01");
    retained.strategy = mbl::Strategy::retain;
    mbl::Asset retired = make_asset("old-01");
    retired.strategy = mbl::Strategy::retire;
    backlog.assets = {replicated_asset("crm-sql-01", "2027-01-10"),
                      make_asset("web-01"),
                      make_asset("app-01"),
                      retained,
                      retired,
                      make_asset("db-01"),
                      make_asset("fs-01")};
    backlog.iterations = {
        make_iteration("it-1", "2027-01-04", "2027-01-17", IterationState::closed, {"web-01"}),
        make_iteration("it-2", "2027-01-18", "2027-01-31", IterationState::active, {"app-01"}),
        make_iteration("it-3", "2027-02-01", "2027-02-14", IterationState::planned),
        make_iteration("it-5", "2027-02-15", "2027-02-28", IterationState::planned, {"web-01"})};
    return backlog;
}

} // namespace

TEST_CASE("commit_assets adds assets in argument order, each once", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    Ids added = mbl::commit_assets(backlog, "it-3", {"fs-01", "db-01", "fs-01"});
    CHECK(added == Ids{"fs-01", "db-01"});
    CHECK(backlog.iterations[2].committed == Ids{"fs-01", "db-01"});

    // Already committed here: skipped, not reported as added.
    mbl::Asset more = make_asset("vm-01");
    backlog.assets.push_back(more);
    added = mbl::commit_assets(backlog, "it-3", {"db-01", "vm-01"});
    CHECK(added == Ids{"vm-01"});
    CHECK(backlog.iterations[2].committed == Ids{"fs-01", "db-01", "vm-01"});
    CHECK(mbl::commit_assets(backlog, "it-3", {"db-01"}).empty());
    CHECK(backlog.iterations[2].committed == Ids{"fs-01", "db-01", "vm-01"});
}

TEST_CASE("commit_assets edits the active iteration too", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    CHECK(mbl::commit_assets(backlog, "it-2", {"db-01"}) == Ids{"db-01"});
    CHECK(backlog.iterations[1].committed == Ids{"app-01", "db-01"});
}

TEST_CASE("commit_assets ignores commitments of closed iterations", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    backlog.iterations[3].committed.clear(); // web-01 stays committed to the closed it-1 only
    CHECK(mbl::commit_assets(backlog, "it-3", {"web-01"}) == Ids{"web-01"});
}

TEST_CASE("commit_assets refuses every asset with its reason and commits nothing", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    mbl::Error error = refusal(backlog, [](mbl::Backlog& b) {
        mbl::commit_assets(
            b, "it-3", {"db-01", "crm-sql-01", "dns-01", "web-01", "old-01", "app-01", "dns-01"});
    });
    CHECK(error.status() == ExitStatus::check_failed);
    CHECK(std::string(error.what()) == "cannot commit to it-3:\n"
                                       "  crm-sql-01: already replicated\n"
                                       "  dns-01: strategy retain needs no migration\n"
                                       "  web-01: committed to it-5 (planned)\n"
                                       "  old-01: strategy retire needs no migration\n"
                                       "  app-01: committed to it-2 (active)\n"
                                       "nothing was committed");
}

TEST_CASE("commit_assets refuses a replicated asset even when it is also retained",
          "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    backlog.assets[0].strategy = mbl::Strategy::retain;
    mbl::Error error =
        refusal(backlog, [](mbl::Backlog& b) { mbl::commit_assets(b, "it-3", {"crm-sql-01"}); });
    CHECK_THAT(error.what(), Contains("crm-sql-01: already replicated"));
}

TEST_CASE("commit_assets refuses a closed iteration and unknown ids", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    mbl::Error closed =
        refusal(backlog, [](mbl::Backlog& b) { mbl::commit_assets(b, "it-1", {"db-01"}); });
    CHECK(closed.status() == ExitStatus::check_failed);
    CHECK(std::string(closed.what()) ==
          "cannot commit to it-1: it is closed; 'mbl iteration add' creates the next one");

    mbl::Error iteration =
        refusal(backlog, [](mbl::Backlog& b) { mbl::commit_assets(b, "it-4", {"db-01"}); });
    CHECK(iteration.status() == ExitStatus::input);
    CHECK_THAT(iteration.what(), Contains("unknown iteration 'it-4'"));

    mbl::Error asset = refusal(backlog, [](mbl::Backlog& b) {
        mbl::commit_assets(b, "it-3", {"db-01", "db-1"});
    });
    CHECK(asset.status() == ExitStatus::input);
    CHECK(std::string(asset.what()) == "unknown asset 'db-1'; did you mean 'db-01'?");
}

TEST_CASE("uncommit_assets removes assets in argument order, each once", "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    backlog.iterations[2].committed = {"db-01", "fs-01", "app-01-gone", "web-01"};
    backlog.iterations[3].committed.clear();
    Ids removed = mbl::uncommit_assets(backlog, "it-3", {"web-01", "db-01", "web-01"});
    CHECK(removed == Ids{"web-01", "db-01"});
    CHECK(backlog.iterations[2].committed == Ids{"fs-01", "app-01-gone"});
    // An id whose asset is gone from the file can still be removed.
    CHECK(mbl::uncommit_assets(backlog, "it-3", {"app-01-gone"}) == Ids{"app-01-gone"});
    CHECK(backlog.iterations[2].committed == Ids{"fs-01"});
    CHECK(mbl::uncommit_assets(backlog, "it-2", {"app-01"}) == Ids{"app-01"});
    CHECK(backlog.iterations[1].committed.empty());
}

TEST_CASE("uncommit_assets refuses assets not committed there and uncommits nothing",
          "[iterations]") {
    mbl::Backlog backlog = commitment_backlog();
    mbl::Error error = refusal(backlog, [](mbl::Backlog& b) {
        mbl::uncommit_assets(b, "it-5", {"web-01", "db-01", "app-01"});
    });
    CHECK(error.status() == ExitStatus::check_failed);
    CHECK(std::string(error.what()) == "cannot uncommit from it-5:\n"
                                       "  db-01: not committed to it-5\n"
                                       "  app-01: not committed to it-5\n"
                                       "nothing was uncommitted");

    mbl::Error closed =
        refusal(backlog, [](mbl::Backlog& b) { mbl::uncommit_assets(b, "it-1", {"web-01"}); });
    CHECK(closed.status() == ExitStatus::check_failed);
    CHECK_THAT(closed.what(), Contains("cannot uncommit from it-1: it is closed"));

    mbl::Error unknown =
        refusal(backlog, [](mbl::Backlog& b) { mbl::uncommit_assets(b, "it-5", {"web-1"}); });
    CHECK(unknown.status() == ExitStatus::input);
    CHECK(std::string(unknown.what()) == "unknown asset 'web-1'; did you mean 'web-01'?");
}
