#include "mbl/error.hpp"
#include "mbl/git.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace mbl;

TEST_CASE("the .gitattributes line names the file, quoted when it holds a space", "[git]") {
    CHECK(merge_attribute_line("backlog.json") == "backlog.json merge=mbl");
    CHECK(merge_attribute_line("plans/backlog.json") == "plans/backlog.json merge=mbl");
    CHECK(merge_attribute_line("my plans/backlog.json") == "\"my plans/backlog.json\" merge=mbl");
}

// What git reads these patterns as is checked by the end-to-end tests with `git check-attr`.
TEST_CASE("attribute patterns escape what git would read as syntax", "[git]") {
    CHECK(attribute_pattern("#plan.json") == "\\#plan.json"); // else a comment
    CHECK(attribute_pattern("!x.json") == "\\!x.json");       // else a negative pattern
    CHECK(attribute_pattern("a!b#.json") == "a!b#.json");     // only a leading one matters
    CHECK(attribute_pattern("a*.json") == "a\\*.json");       // wildcards matched literally
    CHECK(attribute_pattern("b?[x].json") == "b\\?\\[x].json");
    CHECK(attribute_pattern("back\\slash.json") == "back\\\\slash.json");
    // A space, a quote or a control character: C-style quotes around the escaped pattern.
    CHECK(attribute_pattern("q\"uote.json") == "\"q\\\"uote.json\"");
    CHECK(attribute_pattern("!my plan.json") == "\"\\\\!my plan.json\"");
    CHECK(attribute_pattern("tab\there.json") == "\"tab\\there.json\"");
    CHECK(attribute_pattern("new\nline\r.json") == "\"new\\nline\\r.json\"");
    CHECK(attribute_pattern("bell\a.json") == "\"bell\\007.json\"");
    CHECK(attribute_pattern("sp *.json") == "\"sp \\\\*.json\"");
}

TEST_CASE("the attribute line is added once, on a line of its own", "[git]") {
    CHECK(with_attribute_line("", "backlog.json merge=mbl") == "backlog.json merge=mbl\n");
    CHECK(with_attribute_line("*.png binary", "backlog.json merge=mbl") ==
          "*.png binary\nbacklog.json merge=mbl\n");
    CHECK(with_attribute_line("*.png binary\n", "backlog.json merge=mbl") ==
          "*.png binary\nbacklog.json merge=mbl\n");
    CHECK_FALSE(with_attribute_line("*.png binary\nbacklog.json merge=mbl  \r\n",
                                    "backlog.json merge=mbl"));
    // A CRLF file stays CRLF.
    CHECK(with_attribute_line("*.png binary\r\n", "backlog.json merge=mbl") ==
          "*.png binary\r\nbacklog.json merge=mbl\r\n");
    CHECK(with_attribute_line("*.png binary\r\n*.jpg binary", "backlog.json merge=mbl") ==
          "*.png binary\r\n*.jpg binary\r\nbacklog.json merge=mbl\r\n");
    // Another driver for the same file: ours is appended, and the last line wins in git.
    CHECK(with_attribute_line("backlog.json merge=union\n", "backlog.json merge=mbl") ==
          "backlog.json merge=union\nbacklog.json merge=mbl\n");
}

TEST_CASE("the driver command quotes the program for the shell when it must", "[git]") {
    CHECK(merge_driver_command("mbl") == "mbl merge-driver %O %A %B %P");
    CHECK(merge_driver_command("/usr/local/bin/mbl") ==
          "/usr/local/bin/mbl merge-driver %O %A %B %P");
    CHECK(merge_driver_command("/opt/my tools/mbl") ==
          "'/opt/my tools/mbl' merge-driver %O %A %B %P");
    CHECK(merge_driver_command("/tmp/it's/mbl") == "'/tmp/it'\\''s/mbl' merge-driver %O %A %B %P");
    CHECK(shell_word("backlog.json") == "backlog.json");
    CHECK(shell_word("my plan.json") == "'my plan.json'");
    CHECK(shell_word("") == "''");
}

TEST_CASE("git runs with an argument vector and reports its exit code and output", "[git]") {
    GitOutput version = run_git({"--version"}, std::filesystem::temp_directory_path());
    CHECK(version.exit_code == 0);
    CHECK(version.out.starts_with("git version "));
    GitOutput refused =
        run_git({"no-such-command; echo injected"}, std::filesystem::temp_directory_path());
    CHECK(refused.exit_code != 0);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("is not a git command") != std::string::npos);
}
