// Parallel planning merged by a real `git merge` through the driver: lists that are sets,
// stage histories, and the merge checked as a plan (over capacity, one asset in two iterations).
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

using Commands = std::vector<std::vector<std::string>>;

// A repository with the merge driver whose base is the minimal example after `setup`; `theirs`
// branches from it.
struct Planning {
    explicit Planning(const Commands& setup) : repo(read_file(example_path("minimal"))) {
        run_all(setup);
        repo.install_driver();
        repo.git_ok({"add", "."});
        repo.git_ok({"commit", "-q", "-m", "base plan and merge driver"});
        repo.git_ok({"branch", "theirs"});
    }
    // Runs `theirs` on the branch and `ours` on main, each committed, then merges the branch.
    mbl::GitOutput merge(const Commands& ours, const Commands& theirs) {
        repo.git_ok({"checkout", "-q", "theirs"});
        run_all(theirs);
        repo.git_ok({"commit", "-q", "-a", "-m", "their plan"});
        repo.git_ok({"checkout", "-q", "main"});
        run_all(ours);
        repo.git_ok({"commit", "-q", "-a", "-m", "our plan"});
        return repo.git({"merge", "--no-edit", "theirs"});
    }
    void run_all(const Commands& commands) const {
        for (const auto& command : commands) {
            RunResult result = repo.mbl(command);
            CAPTURE(command, result);
            REQUIRE(result.exit_code == 0);
        }
    }
    GitRepo repo;
};

std::string output_of(const mbl::GitOutput& output) {
    return "exit " + std::to_string(output.exit_code) + "\n" + output.out + output.err;
}

void require_valid(const GitRepo& repo) {
    RunResult validate = repo.mbl({"validate"});
    CAPTURE(validate);
    CHECK(validate.exit_code == 0);
    CHECK(repo.mbl({"fmt", "--check"}).exit_code == 0);
}

} // namespace

TEST_CASE("two branches committing different assets to one iteration merge with both",
          "[e2e][git]") {
    Planning planning({{"iteration", "add", "--start", "2027-01-04"}});
    mbl::GitOutput merge = planning.merge({{"iteration", "commit", "it-1", "ts-db"}},
                                          {{"iteration", "commit", "it-1", "ts-web"}});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    CHECK(contains(planning.repo.text(),
                   "\"committed\": [\n        \"ts-db\",\n        \"ts-web\"\n      ]"));
    require_valid(planning.repo);
}

TEST_CASE("tags added on both branches merge with both", "[e2e][git]") {
    Planning planning({{"asset", "set", "ts-db", "tags=sql"}});
    mbl::GitOutput merge = planning.merge({{"asset", "set", "ts-db", "tags+=wave-1"}},
                                          {{"asset", "set", "ts-db", "tags+=pci", "tags-=sql"}});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    CHECK(contains(planning.repo.text(),
                   "\"tags\": [\n        \"wave-1\",\n        \"pci\"\n      ]"));
    require_valid(planning.repo);
}

TEST_CASE("a stage change on one branch and an asset edit on the other both land", "[e2e][git]") {
    Planning planning({});
    mbl::GitOutput merge = planning.merge({{"asset", "set", "ts-web", "estimate=10"}},
                                          {{"release", "advance", "timesheets"}});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 0);
    std::string merged = planning.repo.text();
    CHECK(contains(merged, "\"stage\": \"migrating\",\n      \"stage_history\": [\n        {\n"
                           "          \"stage\": \"migrating\","));
    CHECK(contains(merged, "\"estimate\": 10,"));
    require_valid(planning.repo);
}

TEST_CASE("a union that over-commits an iteration is a reported conflict", "[e2e][git]") {
    Planning planning({{"iteration", "add", "--start", "2027-01-04", "--capacity", "15"}});
    mbl::GitOutput merge = planning.merge({{"iteration", "commit", "it-1", "ts-db"}},
                                          {{"iteration", "commit", "it-1", "ts-web"}});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 1);
    CHECK(contains(merge.out,
                   "backlog.json: iteration it-1: ours and theirs together commit 20 hours, above "
                   "its capacity of 15 (ours alone: 12 hours, added ts-db; theirs alone: 8 hours, "
                   "added ts-web); the file keeps both: uncommit assets or raise the capacity\n"));
    CHECK(contains(merge.out, "backlog.json: 1 conflict;"));
    CHECK(contains(merge.out, "CONFLICT (content): Merge conflict in backlog.json"));
    CHECK(planning.repo.git_ok({"status", "--porcelain"}) == "UU backlog.json\n");
    CHECK(contains(planning.repo.text(),
                   "\"committed\": [\n        \"ts-db\",\n        \"ts-web\"\n      ]"));
    require_valid(planning.repo);
}

TEST_CASE("one asset committed to two open iterations on two branches is a reported conflict",
          "[e2e][git]") {
    Planning planning({{"iteration", "add", "--start", "2027-01-04"}, {"iteration", "add"}});
    mbl::GitOutput merge = planning.merge({{"iteration", "commit", "it-1", "ts-db"}},
                                          {{"iteration", "commit", "it-2", "ts-db"}});
    INFO(output_of(merge));
    CHECK(merge.exit_code == 1);
    CHECK(contains(merge.out, "backlog.json: asset ts-db: committed to open iterations it-1 (in "
                              "ours) and it-2 (in theirs); the file keeps both: uncommit it from "
                              "one with 'mbl iteration uncommit ID ts-db'\n"));
    CHECK(contains(merge.out, "backlog.json: 1 conflict;"));
    CHECK_FALSE(contains(merge.out, "double-commitment"));
    CHECK(planning.repo.git_ok({"status", "--porcelain"}) == "UU backlog.json\n");
    CHECK(planning.repo.mbl({"validate"}).exit_code == 1); // left for the user to resolve
}
