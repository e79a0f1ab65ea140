#include "mbl/error.hpp"
#include "mbl/git.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace mbl;

TEST_CASE("the .gitattributes line names the file, quoted when it holds a space", "[git]") {
    CHECK(merge_attribute_line("backlog.json") == "backlog.json merge=mbl");
    CHECK(merge_attribute_line("plans/backlog.json") == "plans/backlog.json merge=mbl");
    CHECK(merge_attribute_line("my plans/backlog.json") == "\"my plans/backlog.json\" merge=mbl");
    for (const char* path :
         {"a*.json", "b?.json", "[x].json", "q\"uote.json", "back\\slash.json", "new\nline.json"}) {
        CAPTURE(path);
        CHECK_THROWS_AS(merge_attribute_line(path), Error);
    }
}

TEST_CASE("the attribute line is added once, on a line of its own", "[git]") {
    CHECK(with_attribute_line("", "backlog.json merge=mbl") == "backlog.json merge=mbl\n");
    CHECK(with_attribute_line("*.png binary", "backlog.json merge=mbl") ==
          "*.png binary\nbacklog.json merge=mbl\n");
    CHECK(with_attribute_line("*.png binary\n", "backlog.json merge=mbl") ==
          "*.png binary\nbacklog.json merge=mbl\n");
    CHECK_FALSE(with_attribute_line("*.png binary\nbacklog.json merge=mbl  \r\n",
                                    "backlog.json merge=mbl"));
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
