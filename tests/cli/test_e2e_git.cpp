// mbl merge-driver and mbl git setup, end to end in real git repositories: git runs the driver
// on merges and rebases, as it would for a team.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

std::string minimal() {
    return read_file(example_path("minimal"));
}

// `text` with `from` replaced by `to` inside the asset `id`.
std::string in_asset(const std::string& text, const std::string& id, std::string_view from,
                     std::string_view to) {
    return replace_once(text, from, to, "\"id\": \"" + id + "\"");
}

// A repository whose main has `base` and the merge driver, and a branch `theirs` from it.
struct TwoBranches {
    explicit TwoBranches(const std::string& base, bool with_driver = true) : repo(base) {
        if (with_driver) {
            repo.install_driver();
            repo.git_ok({"add", ".gitattributes"});
            repo.git_ok({"commit", "-q", "-m", "merge driver"});
        }
        repo.git_ok({"branch", "theirs"});
    }
    // Commits `ours` on main and `theirs` on the branch, then merges the branch into main.
    mbl::GitOutput merge(const std::string& ours, const std::string& theirs) {
        repo.git_ok({"checkout", "-q", "theirs"});
        repo.commit(theirs, "their change");
        repo.git_ok({"checkout", "-q", "main"});
        repo.commit(ours, "our change");
        return repo.git({"merge", "--no-edit", "theirs"});
    }
    GitRepo repo;
};

// The file is canonical and valid.
void require_clean_file(const GitRepo& repo) {
    RunResult format = repo.mbl({"fmt", "--check"});
    CAPTURE(format);
    CHECK(format.exit_code == 0);
    RunResult validate = repo.mbl({"validate"});
    CAPTURE(validate);
    CHECK(validate.exit_code == 0);
}

std::string output_of(const mbl::GitOutput& output) {
    return "exit " + std::to_string(output.exit_code) + "\n" + output.out + output.err;
}

} // namespace

TEST_CASE("git setup writes the attribute and the driver config, once", "[e2e][git]") {
    GitRepo repo(minimal());
    write_file(repo.dir() / ".gitattributes", "*.png binary");
    RunResult first = repo.mbl({"git", "setup"});
    CAPTURE(first);
    CHECK(first.exit_code == 0);
    CHECK(first.err.empty());
    std::vector<std::string> lines = lines_of(first.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "added 'backlog.json merge=mbl' to .gitattributes");
    CHECK(lines[1] == "set merge.mbl.name to 'mbl: merge backlogs by entity'");
    CHECK(lines[2] == "set merge.mbl.driver to 'mbl merge-driver %O %A %B %P'");
    CHECK(contains(lines[3], "run 'mbl git setup' once in every clone and CI runner"));
    CHECK(read_file(repo.dir() / ".gitattributes") == "*.png binary\nbacklog.json merge=mbl\n");
    CHECK(repo.git_ok({"config", "merge.mbl.driver"}) == "mbl merge-driver %O %A %B %P\n");
    CHECK(repo.git_ok({"check-attr", "merge", "backlog.json"}) == "backlog.json: merge: mbl\n");

    RunResult again = repo.mbl({"git", "setup"});
    CHECK(again.exit_code == 0);
    CHECK(lines_of(again.out)[0] == ".gitattributes already has 'backlog.json merge=mbl'");
    CHECK(lines_of(again.out)[2] ==
          "merge.mbl.driver already set to 'mbl merge-driver %O %A %B %P'");
    CHECK(read_file(repo.dir() / ".gitattributes") == "*.png binary\nbacklog.json merge=mbl\n");

    RunResult program = repo.mbl({"git", "setup", "--program", "/opt/mbl tools/mbl"});
    CHECK(lines_of(program.out)[2] ==
          "set merge.mbl.driver to ''/opt/mbl tools/mbl' merge-driver %O %A %B %P' (was 'mbl "
          "merge-driver %O %A %B %P')");
}

TEST_CASE("git setup names a backlog in a subdirectory from the repository root", "[e2e][git]") {
    GitRepo repo(minimal());
    std::filesystem::create_directory(repo.dir() / "plans");
    std::filesystem::rename(repo.file(), repo.dir() / "plans" / "backlog.json");
    RunResult result = repo.mbl({"-f", "plans/backlog.json", "git", "setup"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(read_file(repo.dir() / ".gitattributes") == "plans/backlog.json merge=mbl\n");
}

TEST_CASE("git setup outside a git work tree is refused", "[e2e][git]") {
    TempBacklog backlog;
    RunResult result = backlog.run({"git", "setup"});
    CAPTURE(result);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(contains(result.err, "is not in a git work tree"));
    CHECK_FALSE(std::filesystem::exists(backlog.dir() / ".gitattributes"));
}

TEST_CASE("two branches editing different assets merge clean through the driver", "[e2e][git]") {
    std::string base = minimal();
    TwoBranches branches(base);
    std::string ours = in_asset(base, "ts-db", "\"not-started\"", "\"in-progress\"");
    std::string theirs = in_asset(base, "ts-web", "\"estimate\": 8", "\"estimate\": 10");
    mbl::GitOutput merge = branches.merge(ours, theirs);
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    CHECK(branches.repo.text() == in_asset(ours, "ts-web", "\"estimate\": 8", "\"estimate\": 10"));
    require_clean_file(branches.repo);
}

TEST_CASE("neighbouring lines edited on both sides: git alone conflicts, the driver merges",
          "[e2e][git]") {
    std::string base = minimal();
    std::string ours = in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 14");
    std::string theirs = in_asset(base, "ts-db", "\"priority\": 1", "\"priority\": 2");
    std::string both = in_asset(ours, "ts-db", "\"priority\": 1", "\"priority\": 2");

    TwoBranches plain(base, false);
    CHECK(plain.merge(ours, theirs).exit_code != 0);
    CHECK(contains(plain.repo.text(), "<<<<<<<"));

    TwoBranches driven(base);
    mbl::GitOutput merge = driven.merge(ours, theirs);
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    CHECK(driven.repo.text() == both);
    require_clean_file(driven.repo);
}

TEST_CASE("the same field changed both ways: the conflict is named, ours kept, the file parses",
          "[e2e][git]") {
    std::string base = minimal();
    TwoBranches branches(base);
    std::string ours = in_asset(base, "ts-db", "\"not-started\"", "\"in-progress\"");
    std::string theirs = in_asset(base, "ts-db", "\"not-started\"", "\"blocked\"");
    theirs = in_asset(theirs, "ts-web", "\"estimate\": 8", "\"estimate\": 10");
    mbl::GitOutput merge = branches.merge(ours, theirs);
    INFO(output_of(merge));
    CHECK(merge.exit_code == 1);
    CHECK(contains(merge.out, "backlog.json: asset ts-db field status: ours \"in-progress\", "
                              "theirs \"blocked\" (base \"not-started\")\n"));
    CHECK(contains(merge.out, "backlog.json: 1 conflict; the file keeps ours for each"));
    CHECK(contains(merge.out, "CONFLICT (content): Merge conflict in backlog.json"));
    CHECK(branches.repo.git_ok({"status", "--porcelain"}) == "UU backlog.json\n");
    // The clean change beside the conflict landed; the conflicting field is ours.
    CHECK(branches.repo.text() == in_asset(ours, "ts-web", "\"estimate\": 8", "\"estimate\": 10"));
    require_clean_file(branches.repo);
}

TEST_CASE("an asset added on one branch and another removed on the other both land", "[e2e][git]") {
    TwoBranches branches(minimal());
    GitRepo& repo = branches.repo;
    repo.git_ok({"checkout", "-q", "theirs"});
    REQUIRE(repo.mbl({"asset", "rm", "ts-exports"}).exit_code == 0);
    repo.git_ok({"commit", "-q", "-a", "-m", "remove the share"});
    repo.git_ok({"checkout", "-q", "main"});
    REQUIRE(repo.mbl({"asset", "add", "ts-cache", "--kind", "vm", "--workload", "timesheets",
                      "--estimate", "4"})
                .exit_code == 0);
    repo.git_ok({"commit", "-q", "-a", "-m", "add a cache"});
    mbl::GitOutput merge = repo.git({"merge", "--no-edit", "theirs"});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    std::string merged = repo.text();
    CHECK(contains(merged, "\"id\": \"ts-cache\""));
    CHECK_FALSE(contains(merged, "\"id\": \"ts-exports\""));
    require_clean_file(repo);
}

TEST_CASE("unknown keys merge like known ones, at every level", "[e2e][git]") {
    std::string base = minimal();
    TwoBranches branches(base);
    std::string ours =
        in_asset(base, "ts-db", "\"tasks\": []", "\"tasks\": [],\n      \"x-cmdb\": \"CI1\"");
    ours =
        replace_once(ours, "\"iterations\": []", "\"iterations\": [],\n  \"x-program\": \"exit\"");
    std::string theirs =
        in_asset(base, "ts-db", "\"tasks\": []", "\"tasks\": [],\n      \"x-owner\": \"dba\"");
    theirs = in_asset(theirs, "ts-db", "\"attributes\": {}",
                      "\"attributes\": {\n        \"cores\": 8\n      }");
    mbl::GitOutput merge = branches.merge(ours, theirs);
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    std::string expected = in_asset(ours, "ts-db", "\"x-cmdb\": \"CI1\"",
                                    "\"x-cmdb\": \"CI1\",\n      \"x-owner\": \"dba\"");
    expected = in_asset(expected, "ts-db", "\"attributes\": {}",
                        "\"attributes\": {\n        \"cores\": 8\n      }");
    CHECK(branches.repo.text() == expected);
}

TEST_CASE("a rebase of several commits replays each through the driver", "[e2e][git]") {
    std::string base = minimal();
    GitRepo repo(base);
    repo.install_driver();
    repo.git_ok({"add", ".gitattributes"});
    repo.git_ok({"commit", "-q", "-m", "merge driver"});
    repo.git_ok({"checkout", "-q", "-b", "feature"});
    std::string feature = in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 14");
    repo.commit(feature, "feature 1: estimate");
    feature = in_asset(feature, "ts-web", "\"not-started\"", "\"in-progress\"");
    repo.commit(feature, "feature 2: status");
    feature = in_asset(feature, "ts-exports", "\"estimate\": null", "\"estimate\": 6");
    repo.commit(feature, "feature 3: estimate the share");

    repo.git_ok({"checkout", "-q", "main"});
    std::string upstream = in_asset(base, "ts-db", "\"priority\": 1", "\"priority\": 2");
    repo.commit(upstream, "main 1: priority");
    upstream = in_asset(upstream, "ts-web", "\"priority\": 2", "\"priority\": 1");
    repo.commit(upstream, "main 2: priority");

    repo.git_ok({"checkout", "-q", "feature"});
    mbl::GitOutput rebase = repo.git({"rebase", "main"});
    INFO(output_of(rebase));
    CHECK(rebase.exit_code == 0);
    std::string expected = in_asset(upstream, "ts-db", "\"estimate\": 12", "\"estimate\": 14");
    expected = in_asset(expected, "ts-web", "\"not-started\"", "\"in-progress\"");
    expected = in_asset(expected, "ts-exports", "\"estimate\": null", "\"estimate\": 6");
    CHECK(repo.text() == expected);
    CHECK(repo.git_ok({"rev-list", "--count", "main..feature"}) == "3\n");
    require_clean_file(repo);
}

TEST_CASE("a side that is not valid JSON: exit 1, ours untouched, git shows its conflict",
          "[e2e][git]") {
    std::string base = minimal();
    TwoBranches branches(base);
    std::string ours = in_asset(base, "ts-db", "\"not-started\"", "\"in-progress\"");
    mbl::GitOutput merge = branches.merge(ours, "{ \"format\": \"mbl/1\", broken");
    INFO(output_of(merge));
    CHECK(merge.exit_code == 1);
    CHECK(contains(merge.err, "mbl: error: cannot merge backlog.json by entity: backlog.json "
                              "(theirs):1:"));
    CHECK(contains(merge.err, "ours is left as it was"));
    CHECK(branches.repo.text() == ours);
}

TEST_CASE("merge-driver run by hand: no common ancestor, and a broken side", "[e2e][git]") {
    TempDir dir;
    std::string base = minimal();
    std::string ours = in_asset(base, "ts-db", "\"estimate\": 12", "\"estimate\": 14");
    write_file(dir.path() / "base", "");
    write_file(dir.path() / "ours", ours);
    write_file(dir.path() / "theirs",
               in_asset(base, "ts-db", "\"priority\": 1", "\"priority\": 2"));
    RunOptions in_dir;
    in_dir.cwd = dir.path();
    RunResult added_both =
        run_mbl({"merge-driver", "base", "ours", "theirs", "backlog.json"}, in_dir);
    CAPTURE(added_both);
    CHECK(added_both.exit_code == 1);
    CHECK(added_both.out ==
          "backlog.json: asset ts-db field estimate: ours 14, theirs 12 (added on both sides)\n"
          "backlog.json: asset ts-db field priority: ours 1, theirs 2 (added on both sides)\n"
          "backlog.json: 2 conflicts; the file keeps ours for each and still parses: edit it, run "
          "'mbl validate', then 'git add' it\n");
    CHECK(read_file(dir.path() / "ours") == ours);

    write_file(dir.path() / "base", base);
    write_file(dir.path() / "theirs", "[]");
    RunResult broken = run_mbl({"merge-driver", "base", "ours", "theirs"}, in_dir);
    CAPTURE(broken);
    CHECK(broken.exit_code == 1);
    CHECK(broken.out.empty());
    CHECK(contains(broken.err, "mbl: error: cannot merge ours by entity: ours (theirs):1:1: "));
    CHECK(read_file(dir.path() / "ours") == ours);
}

TEST_CASE("a merge clean field by field that breaks a rule is reported as a conflict",
          "[e2e][git]") {
    GitRepo setup(minimal());
    REQUIRE(setup.mbl({"iteration", "add", "--start", "2027-01-04"}).exit_code == 0);
    REQUIRE(setup.mbl({"iteration", "add"}).exit_code == 0);
    std::string base = setup.text();
    TwoBranches branches(base);
    std::string ours = replace_once(base, "\"state\": \"planned\"", "\"state\": \"active\"");
    std::string theirs =
        replace_once(base, "\"state\": \"planned\"", "\"state\": \"active\"", "\"id\": \"it-2\"");
    mbl::GitOutput merge = branches.merge(ours, theirs);
    INFO(output_of(merge));
    CHECK(merge.exit_code == 1);
    CHECK(
        contains(merge.out, "backlog.json: the merged backlog breaks a rule neither side broke: "));
    CHECK(contains(merge.out, "(multiple-active)\n"));
    CHECK(contains(merge.out, "backlog.json: 1 conflict;"));
}
