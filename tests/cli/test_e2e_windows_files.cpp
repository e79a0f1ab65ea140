// Files from Windows and from git, end to end: a CRLF file or one with a byte-order mark stays
// so through every write (an edit is a one-line `git diff`), `fmt --check` says what differs,
// UTF-16 text and git's conflict markers are refused with what to do.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

using namespace mbl::test;

namespace {

const std::string bom = "\xEF\xBB\xBF";

std::string minimal() {
    return read_file(example_path("minimal"));
}

std::string crlf(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += '\r';
        }
        out += c;
    }
    return out;
}

std::string utf16le_with_mark(std::string_view ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

// `text` with the value after `field` in the asset `id` replaced.
std::string in_asset(const std::string& text, const std::string& id, std::string_view from,
                     std::string_view to) {
    return replace_once(text, from, to, "\"id\": \"" + id + "\"");
}

} // namespace

TEST_CASE("a CRLF file edited by mbl gives a one-line git diff", "[e2e][windows]") {
    for (const std::string& original : {crlf(minimal()), bom + crlf(minimal()), bom + minimal()}) {
        CAPTURE(original.substr(0, 5));
        GitRepo repo(original); // committed as it is: no autocrlf in the isolated config
        RunResult set = repo.mbl({"asset", "set", "ts-web", "priority=4"});
        CAPTURE(set);
        REQUIRE(set.exit_code == 0);
        CHECK(repo.git_ok({"diff", "--numstat"}) == "1\t1\tbacklog.json\n");
        CHECK(repo.text() == in_asset(original, "ts-web", "\"priority\": 2", "\"priority\": 4"));

        // Other writers: a new asset, and fmt, which finds it canonical as it is.
        REQUIRE(repo.mbl({"asset", "add", "ts-new", "--name", "New", "--workload", "timesheets"})
                    .exit_code == 0);
        std::string text = repo.text();
        CHECK(text.starts_with(original.substr(0, 4)));
        auto line_breaks = std::count(text.begin(), text.end(), '\n');
        auto returns = std::count(text.begin(), text.end(), '\r');
        CHECK(returns == (contains(original, "\r\n") ? line_breaks : 0));
        RunResult check = repo.mbl({"fmt", "--check"});
        CAPTURE(check);
        CHECK(check.exit_code == 0);
        RunResult format = repo.mbl({"fmt"});
        CHECK(format.out == "backlog.json already canonical\n");
        CHECK(repo.text() == text);
    }
}

TEST_CASE("the merge driver keeps ours' line ending and byte-order mark", "[e2e][windows]") {
    std::string base = bom + crlf(minimal());
    GitRepo repo(base);
    repo.install_driver();
    repo.git_ok({"add", ".gitattributes"});
    repo.git_ok({"commit", "-q", "-m", "merge driver"});
    repo.git_ok({"checkout", "-q", "-b", "theirs"});
    repo.commit(in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 20"), "theirs");
    repo.git_ok({"checkout", "-q", "main"});
    std::string ours = in_asset(base, "ts-exports", "\"priority\": 3", "\"priority\": 1");
    repo.commit(ours, "ours");
    mbl::GitOutput merge = repo.git({"merge", "--no-edit", "theirs"});
    CAPTURE(merge.out, merge.err);
    REQUIRE(merge.exit_code == 0);
    CHECK(repo.text() == in_asset(ours, "ts-db", "\"estimate\": 12", "\"estimate\": 20"));
}

TEST_CASE("fmt --check says what differs, and fmt writes the file's own line ending",
          "[e2e][windows][fmt]") {
    std::string canonical = crlf(minimal());
    SECTION("one line in LF in a CRLF file") {
        std::string mixed = replace_once(canonical, "\"name\": \"Timesheet web server\",\r\n",
                                         "\"name\": \"Timesheet web server\",\n");
        TempBacklog backlog = TempBacklog::with_text(mixed);
        RunResult check = backlog.run({"fmt", "--check"});
        CAPTURE(check);
        CHECK(check.exit_code == 1);
        CHECK(check.out ==
              "backlog.json is not canonical: line endings: line " +
                  std::to_string(position_of(mixed, "\"name\": \"Timesheet web server\"").line) +
                  " ends in LF where the file's line ending is CRLF (its first line's); run "
                  "'mbl fmt'\n");
        CHECK(backlog.text() == mixed);
        RunResult format = backlog.run({"fmt"});
        CHECK(format.out == "Formatted backlog.json\n");
        CHECK(backlog.text() == canonical);
    }
    SECTION("indentation") {
        std::string indented =
            replace_once(canonical, "  \"name\": \"Fabrikam", "    \"name\": \"Fabrikam");
        TempBacklog backlog = TempBacklog::with_text(indented);
        RunResult check = backlog.run({"fmt", "--check"});
        CHECK(check.out == "backlog.json is not canonical: indentation at line 3 (4 spaces where "
                           "mbl writes 2 spaces); run 'mbl fmt'\n");
        CHECK(backlog.run({"fmt"}).exit_code == 0);
        CHECK(backlog.text() == canonical);
    }
}

TEST_CASE("a UTF-16 file is refused with the command that converts it, untouched",
          "[e2e][windows]") {
    std::string utf16 = utf16le_with_mark(minimal());
    TempBacklog backlog = TempBacklog::with_text(utf16);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"status"}, {"asset", "set", "ts-web", "priority=4"}, {"fmt"}}) {
        RunResult result = backlog.run(args);
        CAPTURE(args, result);
        CHECK(result.exit_code == 3);
        CHECK(result.out.empty());
        CHECK(result.err ==
              "mbl: error: backlog.json:1:1: the file is UTF-16 text (it starts with a "
              "byte-order mark); mbl reads UTF-8 only. Convert it, for example: iconv -f UTF-16 "
              "-t UTF-8 backlog.json > backlog.json.utf8 && mv backlog.json.utf8 backlog.json\n");
        CHECK(backlog.text() == utf16);
    }
    // The advice works: after it the file is the UTF-8 original.
    std::string advice = backlog.run({"status"}).err;
    advice = advice.substr(advice.find("iconv"));
    advice.pop_back();
    std::string command = "cd '" + backlog.dir().string() + "' && " + advice;
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(backlog.text() == minimal());
    CHECK(backlog.run({"validate"}).exit_code == 0);
}

TEST_CASE("git's conflict markers: the unresolved merge named, and its way out works",
          "[e2e][windows][git]") {
    std::string base = minimal();
    GitRepo repo(base);
    repo.git_ok({"checkout", "-q", "-b", "theirs"});
    // Neighbouring lines: a conflict for git alone, a clean merge by entity for the driver.
    repo.commit(in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 20"), "theirs");
    repo.git_ok({"checkout", "-q", "main"});
    repo.commit(in_asset(base, "ts-db", "\"priority\": 1", "\"priority\": 4"), "ours");
    REQUIRE(repo.git({"merge", "--no-edit", "theirs"}).exit_code != 0);
    std::string conflicted = repo.text();
    REQUIRE(contains(conflicted, "<<<<<<< HEAD"));

    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"status"}, {"asset", "set", "ts-web", "priority=4"}}) {
        RunResult result = repo.mbl(args);
        CAPTURE(args, result);
        CHECK(result.exit_code == 3);
        CHECK(
            result.err ==
            "mbl: error: backlog.json:" + std::to_string(position_of(conflicted, "<<<<<<<").line) +
                ":1: unresolved git merge conflict: the file still holds git's conflict "
                "markers (marker '<<<<<<<' on line " +
                std::to_string(position_of(conflicted, "<<<<<<<").line) +
                "). Resolve it, then run 'git add backlog.json': edit the file, keeping the "
                "lines you want and deleting the marker lines; or take one side whole with "
                "'git checkout --ours backlog.json' (or --theirs); or run 'mbl git setup' and "
                "then 'git checkout -m backlog.json' to merge it again by entity with mbl's "
                "merge driver\n");
        CHECK(repo.text() == conflicted);
    }
    RunResult annotations = repo.mbl({"validate", "--format", "github"});
    CHECK(annotations.exit_code == 3);
    CHECK(contains(annotations.out, "::error file=backlog.json,line=" +
                                        std::to_string(position_of(conflicted, "<<<<<<<").line) +
                                        ",col=1,title=mbl validate (unreadable-file)::unresolved "
                                        "git merge conflict"));

    // The way out the message gives: the driver, and the merge redone by entity.
    repo.install_driver();
    mbl::GitOutput redo = repo.git({"checkout", "-m", "backlog.json"});
    CAPTURE(redo.out, redo.err);
    CHECK(redo.exit_code == 0);
    CHECK(repo.text() == in_asset(in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 20"),
                                  "ts-db", "\"priority\": 1", "\"priority\": 4"));
    CHECK(repo.mbl({"validate"}).exit_code == 0);
}
