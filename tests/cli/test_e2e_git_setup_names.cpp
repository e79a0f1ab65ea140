// `mbl git setup` with backlog names that git's attribute syntax reads as something else (a
// comment, a negative pattern, wildcards, quotes): the line it writes matches that file and only
// it, as `git check-attr` says, and a refusal when another attributes file overrides it.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

std::string merge_attribute(const GitRepo& repo, const std::string& path) {
    std::string out = repo.git_ok({"check-attr", "-z", "merge", "--", path});
    std::size_t value = out.find('\0', out.find('\0') + 1) + 1;
    return out.substr(value, out.find('\0', value) - value);
}

} // namespace

TEST_CASE("git setup writes a line that matches an awkward name and only it", "[e2e][git]") {
    struct Name {
        std::string file;
        std::string line;      // in .gitattributes
        std::string unrelated; // what the pattern would match were it not escaped
    };
    for (const Name& name : std::vector<Name>{
             {"#plan.json", "\\#plan.json merge=mbl", "backlog.json"},
             {"!x.json", "\\!x.json merge=mbl", "x.json"},
             {"a*b.json", "a\\*b.json merge=mbl", "aXb.json"},
             {"[x].json", "\\[x].json merge=mbl", "x.json"},
             {"my plan.json", "\"my plan.json\" merge=mbl", "my"},
             {"q\"uote's.json", "\"q\\\"uote's.json\" merge=mbl", "q"},
             {"! odd *.json", "\"\\\\! odd \\\\*.json\" merge=mbl", "! odd x.json"},
             {"back\\slash.json", "back\\\\slash.json merge=mbl", "backslash.json"}}) {
        CAPTURE(name.file);
        GitRepo repo(read_file(example_path("minimal")));
        write_file(repo.dir() / name.file, read_file(example_path("minimal")));
        RunResult setup = repo.mbl({"-f", name.file, "git", "setup", "--program", MBL_BINARY});
        CAPTURE(setup);
        REQUIRE(setup.exit_code == 0);
        CHECK(lines_of(setup.out)[0] == "added '" + name.line + "' to .gitattributes");
        CHECK(read_file(repo.dir() / ".gitattributes") == name.line + "\n");
        CHECK(merge_attribute(repo, name.file) == "mbl");
        CHECK(merge_attribute(repo, name.unrelated) == "unspecified");
        CHECK(repo.mbl({"-f", name.file, "git", "setup", "--program", MBL_BINARY}).exit_code == 0);
    }
}

TEST_CASE("a backlog named #plan.json merges through the driver", "[e2e][git]") {
    std::string base = read_file(example_path("minimal"));
    GitRepo repo(base);
    auto in_asset = [](const std::string& text, std::string_view from, std::string_view to) {
        return replace_once(text, from, to, "\"id\": \"ts-db\"");
    };
    write_file(repo.dir() / "#plan.json", base);
    REQUIRE(repo.mbl({"-f", "#plan.json", "git", "setup", "--program", MBL_BINARY}).exit_code == 0);
    repo.git_ok({"add", "-A"});
    repo.git_ok({"commit", "-q", "-m", "plan and driver"});
    repo.git_ok({"checkout", "-q", "-b", "theirs"});
    write_file(repo.dir() / "#plan.json", in_asset(base, "\"estimate\": 12", "\"estimate\": 20"));
    repo.git_ok({"commit", "-q", "-am", "theirs"});
    repo.git_ok({"checkout", "-q", "main"});
    write_file(repo.dir() / "#plan.json", in_asset(base, "\"priority\": 1", "\"priority\": 4"));
    repo.git_ok({"commit", "-q", "-am", "ours"});
    mbl::GitOutput merge = repo.git({"merge", "--no-edit", "theirs"});
    CAPTURE(merge.out, merge.err);
    CHECK(merge.exit_code == 0); // git alone conflicts on these neighbouring lines
    CHECK(read_file(repo.dir() / "#plan.json") ==
          in_asset(in_asset(base, "\"estimate\": 12", "\"estimate\": 20"), "\"priority\": 1",
                   "\"priority\": 4"));
}

TEST_CASE("git setup takes its line out again when git does not apply it", "[e2e][git]") {
    GitRepo repo(read_file(example_path("minimal")));
    write_file(repo.dir() / ".git/info/attributes", "*.json -merge\n");
    RunResult setup = repo.mbl({"git", "setup", "--program", MBL_BINARY});
    CAPTURE(setup);
    CHECK(setup.exit_code == 3);
    CHECK(setup.out.empty());
    CHECK(setup.err ==
          "mbl: error: git does not send backlog.json to the merge driver: 'git check-attr "
          "merge' says 'unset' even with the line 'backlog.json merge=mbl' in .gitattributes, so "
          "another attributes file overrides it (a .gitattributes nearer to the file, or "
          ".git/info/attributes); the line was taken out again; fix that and run 'mbl git "
          "setup' again\n");
    CHECK_FALSE(std::filesystem::exists(repo.dir() / ".gitattributes"));
    CHECK(repo.git({"config", "merge.mbl.driver"}).exit_code != 0);

    write_file(repo.dir() / ".gitattributes", "*.png binary\r\n");
    CHECK(repo.mbl({"git", "setup", "--program", MBL_BINARY}).exit_code == 3);
    CHECK(read_file(repo.dir() / ".gitattributes") == "*.png binary\r\n");
    std::filesystem::remove(repo.dir() / ".git/info/attributes");
    CHECK(repo.mbl({"git", "setup", "--program", MBL_BINARY}).exit_code == 0);
    CHECK(read_file(repo.dir() / ".gitattributes") == "*.png binary\r\nbacklog.json merge=mbl\r\n");
}
