// mbl merge-driver run by hand on three files: theirs loaded, base read against it entity by
// entity, then ours. Whatever the order the sides are read in, a side that cannot be read is
// named as when base was read first, and base and theirs may hold their entities in any order.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

// The three sides in a scratch directory; `run` merges them as git would.
struct Sides {
    Sides(const std::string& base, const std::string& ours, const std::string& theirs) {
        write_file(dir.path() / "base", base);
        write_file(dir.path() / "ours", ours);
        write_file(dir.path() / "theirs", theirs);
    }
    RunResult run() const {
        RunOptions in_dir;
        in_dir.cwd = dir.path();
        return run_mbl({"merge-driver", "base", "ours", "theirs", "backlog.json"}, in_dir);
    }
    std::string ours() const { return read_file(dir.path() / "ours"); }
    TempDir dir;
};

std::string contoso() {
    return read_file(example_path("contoso"));
}

// `text` with the asset `id` (its whole object) moved to the end of the assets.
std::string moved_to_end(const std::string& text, const std::string& id, const std::string& next) {
    std::string out = text;
    std::size_t from = out.find("    {\n      \"id\": \"" + id + "\"");
    std::size_t to = out.find("    {\n      \"id\": \"" + next + "\"");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    std::string object = out.substr(from, to - from);
    out.erase(from, to - from);
    out.insert(out.find("\n  ],\n  \"iterations\""), ",\n" + object.substr(0, object.rfind(',')));
    return out;
}

const char* const left_as_it_was = "; ours is left as it was, resolve the conflict by hand\n";

} // namespace

TEST_CASE("merge-driver: base holding the assets in another order than theirs merges the same",
          "[e2e][merge]") {
    std::string base = contoso();
    std::string ours = replace_once(base, "\"status\": \"replicated\"", "\"status\": \"blocked\"",
                                    "\"crm-sql-01\"");
    // theirs moved dc-02 to the end, removed nothing, edited fs-01; base moved hr-sql-01.
    std::string theirs = moved_to_end(base, "dc-02", "adfs-01");
    theirs = replace_once(theirs, "\"priority\": 2", "\"priority\": 1", "\"id\": \"fs-01\"");
    Sides sides(moved_to_end(base, "hr-sql-01", "hr-docs-share"), ours, theirs);
    RunResult result = sides.run();
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
    // hr-sql-01 is where ours has it; ours' edit and theirs' both land, in ours' order.
    CHECK(sides.ours() ==
          replace_once(ours, "\"priority\": 2", "\"priority\": 1", "\"id\": \"fs-01\""));
}

TEST_CASE("merge-driver: a base that breaks off halfway is named, ours untouched", "[e2e][merge]") {
    std::string base = contoso();
    std::string broken = replace_once(base, "\"id\": \"crm-sql-01\",", "\"id\": \"crm-sql-01\" ");
    std::string ours = replace_once(base, "\"status\": \"replicated\"", "\"status\": \"blocked\"",
                                    "\"crm-sql-01\"");
    std::string wrong =
        replace_once(base, "\"priority\": 1", "\"priority\": \"1\"", "\"id\": \"crm-sql-01\"");
    const std::string syntax = "mbl: error: cannot merge backlog.json by entity: backlog.json "
                               "(base):934:7: invalid JSON: unexpected '\"name\"'; expected ',' "
                               "or '}'" +
                               std::string(left_as_it_was);

    Sides base_broken(broken, ours, base);
    RunResult result = base_broken.run();
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err == syntax);
    CHECK(base_broken.ours() == ours);

    Sides both_broken(broken, ours, wrong); // base's error first, as base is named first
    RunResult both = both_broken.run();
    CAPTURE(both);
    CHECK(both.exit_code == 1);
    CHECK(both.err == syntax);
    CHECK(both_broken.ours() == ours);

    Sides theirs_wrong(base, ours, wrong);
    RunResult theirs = theirs_wrong.run();
    CAPTURE(theirs);
    CHECK(theirs.exit_code == 1);
    CHECK(theirs.err == "mbl: error: cannot merge backlog.json by entity: backlog.json "
                        "(theirs):940:19: priority must be a whole number, not the string \"1\"" +
                            std::string(left_as_it_was));
    CHECK(theirs_wrong.ours() == ours);
}

TEST_CASE("merge-driver: a missing side is named, base before theirs", "[e2e][merge]") {
    std::string base = contoso();
    Sides sides(base, base, "[]");
    std::filesystem::remove(sides.dir.path() / "base");
    RunResult result = sides.run();
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.err == "mbl: error: cannot merge backlog.json by entity: base does not exist; "
                        "run 'mbl init' to create it, or pass -f PATH" +
                            std::string(left_as_it_was));

    write_file(sides.dir.path() / "base", base);
    std::filesystem::remove(sides.dir.path() / "theirs");
    RunResult theirs = sides.run();
    CAPTURE(theirs);
    CHECK(theirs.exit_code == 1);
    CHECK(theirs.err == "mbl: error: cannot merge backlog.json by entity: theirs does not exist; "
                        "run 'mbl init' to create it, or pass -f PATH" +
                            std::string(left_as_it_was));
    CHECK(sides.ours() == base);
}
