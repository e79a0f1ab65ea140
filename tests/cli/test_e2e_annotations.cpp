// `validate --format github` names the file by its path from the repository root, which is how
// GitHub finds it in a pull request, whatever the working directory and however -f names it.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

namespace fs = std::filesystem;
using namespace mbl::test;

namespace {

// The minimal example with a typo'd key: one warning, at line 4.
std::string with_warning() {
    return replace_once(read_file(example_path("minimal")), "\"name\": \"Fabrikam",
                        "\"nmae\": \"x\",\n  \"name\": \"Fabrikam");
}

// `mbl validate --format github ARGS` run in `cwd`; the `file=` of its first annotation.
std::string annotated_file(const fs::path& cwd, std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"validate", "--format", "github"});
    RunOptions options;
    options.cwd = cwd;
    options.env = {{"GIT_CONFIG_GLOBAL", "/dev/null"}, {"GIT_CONFIG_NOSYSTEM", "1"}};
    RunResult result = run_mbl(args, options);
    CAPTURE(cwd, args, result);
    CHECK(result.exit_code == 0);
    std::string out = result.out;
    REQUIRE(out.starts_with("::warning file="));
    std::size_t start = std::string_view("::warning file=").size();
    return out.substr(start, out.find(",line=") - start);
}

} // namespace

TEST_CASE("annotations name the file from the repository root, from any directory",
          "[e2e][validate][github]") {
    GitRepo repo("{}");
    fs::create_directories(repo.dir() / "plans/q3/notes");
    write_file(repo.dir() / "plans/q3/backlog.json", with_warning());
    repo.git_ok({"add", "-A"});
    repo.git_ok({"commit", "-q", "-m", "plans"});
    fs::path file = repo.dir() / "plans/q3/backlog.json";

    CHECK(annotated_file(repo.dir() / "plans/q3") == "plans/q3/backlog.json");
    CHECK(annotated_file(repo.dir() / "plans/q3/notes") == "plans/q3/backlog.json"); // found above
    CHECK(annotated_file(repo.dir(), {"-f", "plans/q3/backlog.json"}) == "plans/q3/backlog.json");
    CHECK(annotated_file(repo.dir() / "plans/q3/notes", {"-f", "../backlog.json"}) ==
          "plans/q3/backlog.json");
    CHECK(annotated_file(fs::temp_directory_path(), {"-f", file.string()}) ==
          "plans/q3/backlog.json");

    SECTION("through symlinks") {
        TempDir elsewhere;
        fs::create_directory_symlink(repo.dir() / "plans", elsewhere.path() / "linked");
        CHECK(annotated_file(elsewhere.path(), {"-f", "linked/q3/backlog.json"}) ==
              "plans/q3/backlog.json");
        CHECK(annotated_file(elsewhere.path() / "linked/q3") == "plans/q3/backlog.json");
        // A link in the repository to the backlog: the file it leads to.
        fs::create_symlink("plans/q3/backlog.json", repo.dir() / "current.json");
        CHECK(annotated_file(repo.dir(), {"-f", "current.json"}) == "plans/q3/backlog.json");
        // A link in the repository to a file outside it: the link, which is in the repository.
        write_file(elsewhere.path() / "outside.json", with_warning());
        fs::create_symlink(elsewhere.path() / "outside.json", repo.dir() / "outside.json");
        CHECK(annotated_file(repo.dir() / "plans", {"-f", "../outside.json"}) == "outside.json");
    }
    SECTION("outside a repository: the path as given") {
        TempBacklog outside = TempBacklog::with_text(with_warning());
        CHECK(annotated_file(outside.dir()) == "backlog.json");
        CHECK(annotated_file(fs::temp_directory_path(), {"-f", outside.file().string()}) ==
              outside.file().string());
    }
}
