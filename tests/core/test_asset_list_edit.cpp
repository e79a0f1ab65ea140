// `asset set` on lists: depends_on+=, depends_on-=, tags+=, tags-= (asset_edit.cpp).
#include "iteration_fixtures.hpp"
#include "mbl/edit.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using mbl::ExitStatus;
using namespace iteration_fixtures;

namespace {

const mbl::Date today = day("2027-01-15");

// web depends on sql; app depends on web; sql is tagged prod.
mbl::Backlog list_backlog() {
    mbl::Backlog backlog;
    backlog.assets = {make_asset("sql"), make_asset("web"), make_asset("app"), make_asset("dns")};
    backlog.assets[0].tags = {"prod"};
    backlog.assets[1].depends_on = {"sql"};
    backlog.assets[2].depends_on = {"web"};
    return backlog;
}

std::string set(mbl::Backlog& backlog, std::size_t asset, std::string_view field,
                std::string_view value) {
    return mbl::set_asset_field(backlog, backlog.assets[asset], field, value, today);
}

} // namespace

TEST_CASE("depends_on+= appends and depends_on-= removes", "[asset_list_edit]") {
    mbl::Backlog backlog = list_backlog();
    CHECK(set(backlog, 1, "depends_on+", "dns") == "depends_on: sql -> sql, dns");
    CHECK(backlog.assets[1].depends_on == std::vector<std::string>{"sql", "dns"});
    CHECK(set(backlog, 1, "depends_on+", "dns, sql") == "depends_on: sql, dns -> sql, dns");
    CHECK(set(backlog, 1, "depends_on-", "sql") == "depends_on: sql, dns -> dns");
    CHECK(backlog.assets[1].depends_on == std::vector<std::string>{"dns"});
}

TEST_CASE("tags+= appends and tags-= removes", "[asset_list_edit]") {
    mbl::Backlog backlog = list_backlog();
    CHECK(set(backlog, 0, "tags+", "dmz,wave-2") == "tags: prod -> prod, dmz, wave-2");
    CHECK(set(backlog, 0, "tags-", "prod") == "tags: prod, dmz, wave-2 -> dmz, wave-2");
    CHECK(backlog.assets[0].tags == std::vector<std::string>{"dmz", "wave-2"});
}

TEST_CASE("list edits keep the usual checks", "[asset_list_edit]") {
    mbl::Backlog backlog = list_backlog();
    auto refused = [&](std::size_t asset, const char* field, const char* value) {
        return refusal(backlog, [&](mbl::Backlog& b) {
            mbl::set_asset_field(b, b.assets[asset], field, value, today);
        });
    };
    mbl::Error unknown = refused(1, "depends_on+", "sqll");
    CHECK(unknown.status() == ExitStatus::input);
    CHECK_THAT(unknown.what(), Contains("did you mean 'sql'"));
    mbl::Error cycle = refused(0, "depends_on+", "app");
    CHECK(cycle.status() == ExitStatus::usage);
    CHECK_THAT(cycle.what(), Contains("cycle"));
    CHECK(refused(1, "depends_on+", "web").status() == ExitStatus::usage); // itself
    mbl::Error absent = refused(1, "depends_on-", "dns");
    CHECK(absent.status() == ExitStatus::usage);
    CHECK_THAT(absent.what(),
               Contains("web has no dependency 'dns' to remove; its depends_on: sql"));
    CHECK_THAT(refused(0, "tags-", "dmz").what(), Contains("sql has no tag 'dmz' to remove"));
    CHECK_THAT(refused(0, "tags+", " ").what(), Contains("tags+= needs a value"));
}
