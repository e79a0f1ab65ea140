// mbl diff, end to end: files and git revisions, each kind of change, text, Markdown and JSON.
#include "support/git_repo.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;

namespace {

// Runs mbl in the repository and requires success with nothing on stderr.
std::string mbl_ok(const GitRepo& repo, const std::vector<std::string>& args) {
    RunResult result = repo.mbl(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    return result.out;
}

// The minimal example with two planned iterations, committed; then, uncommitted, one change of
// each kind: settings, a workload advanced, an asset added, one removed, fields and attributes
// changed, an unknown key added, an iteration committed and started.
struct ChangedRepo {
    ChangedRepo() : repo(read_file(example_path("minimal"))) {
        mbl_ok(repo, {"iteration", "add", "--start", "2027-01-04"});
        mbl_ok(repo, {"iteration", "add"});
        repo.git_ok({"commit", "-q", "-a", "-m", "iterations"});
        mbl_ok(repo, {"iteration", "commit", "it-1", "ts-db"});
        mbl_ok(repo, {"iteration", "start", "it-1", "--today", "2027-01-04"});
        mbl_ok(repo, {"asset", "add", "ts-cache", "--kind", "vm", "--estimate", "4"});
        mbl_ok(repo, {"asset", "rm", "ts-exports"});
        // Advanced by hand before its first asset starts (which would move it by itself).
        mbl_ok(repo, {"release", "advance", "timesheets", "--to", "migrating"});
        mbl_ok(repo, {"asset", "set", "ts-db", "status=in-progress", "attributes.cores=8"});
        std::string text =
            replace_once(repo.text(), "\"default_capacity\": 80", "\"default_capacity\": 100");
        repo.write(replace_once(text, "\"tasks\": []", "\"tasks\": [],\n      \"x-cmdb\": \"CI7\"",
                                "\"id\": \"ts-web\""));
    }
    GitRepo repo;
};

} // namespace

TEST_CASE("diff REV names each kind of change against the file as it is", "[e2e][diff]") {
    ChangedRepo changed;
    CHECK(mbl_ok(changed.repo, {"diff", "HEAD"}) ==
          R"(Changes from HEAD:backlog.json to backlog.json

Settings
  default_capacity 80 -> 100

Workloads (1 changed)
  timesheets: advanced planned -> migrating on 2026-11-25

Assets (1 added, 1 removed, 2 changed)
  ts-db: status not-started -> in-progress
  ts-db: attributes.cores none -> 8
  ts-web: x-cmdb none -> CI7
  ts-cache: added
  ts-exports: removed (Payroll export share)

Iterations (1 changed)
  it-1: started
  it-1: committed none -> ts-db
  it-1: committed_at_start none -> ts-db
)");
    // Without arguments: HEAD.
    CHECK(mbl_ok(changed.repo, {"diff"}) == mbl_ok(changed.repo, {"diff", "HEAD"}));
}

TEST_CASE("diff --format markdown is a pull-request comment", "[e2e][diff]") {
    ChangedRepo changed;
    std::string markdown = mbl_ok(changed.repo, {"diff", "HEAD", "--format", "markdown"});
    CHECK(markdown.starts_with(
        "### Backlog changes\n\n`HEAD:backlog.json` → `backlog.json`\n\n"
        "**Settings**\n\n- default_capacity `80` → `100`\n\n"
        "**Workloads** (1 changed)\n\n"
        "- `timesheets`: advanced `planned` → `migrating` on `2026-11-25`\n\n"));
    CHECK(contains(markdown, "\n- `ts-db`: status `not-started` → `in-progress`\n"));
    CHECK(contains(markdown, "\n- `ts-exports`: removed (Payroll export share)\n"));
    CHECK(contains(markdown, "\n- `it-1`: started\n"));
}

TEST_CASE("diff --format json lists changes shaped for scripts", "[e2e][diff]") {
    ChangedRepo changed;
    auto document =
        nlohmann::json::parse(mbl_ok(changed.repo, {"diff", "HEAD", "--format", "json"}));
    CHECK(document["before"] == "HEAD:backlog.json");
    CHECK(document["after"] == "backlog.json");
    const auto& changes = document["changes"];
    REQUIRE(changes.size() == 7);
    CHECK(changes[0]["kind"] == "settings");
    CHECK(changes[0]["id"].is_null());
    CHECK(changes[0]["fields"] ==
          nlohmann::json::parse(R"([{"field": "default_capacity", "before": 80, "after": 100}])"));
    CHECK(changes[1]["milestone"] == "advanced");
    CHECK(changes[2]["fields"][1] ==
          nlohmann::json::parse(R"({"field": "attributes.cores", "after": 8})"));
    CHECK(changes[4]["change"] == "added");
    CHECK(changes[4]["value"]["estimate"] == 4);
    CHECK_FALSE(changes[4].contains("fields"));
    CHECK(changes[5]["change"] == "removed");
    CHECK(changes[5]["value"]["name"] == "Payroll export share");
    CHECK(changes[6]["milestone"] == "started");
}

TEST_CASE("diff REV REV, REV:PATH, and a clean tree", "[e2e][diff]") {
    ChangedRepo changed;
    GitRepo& repo = changed.repo;
    std::string against_head = mbl_ok(repo, {"diff", "HEAD"});
    repo.git_ok({"commit", "-q", "-a", "-m", "changes"});
    CHECK(mbl_ok(repo, {"diff"}) == "No changes between HEAD:backlog.json and backlog.json.\n");
    CHECK(repo.mbl({"diff", "--exit-code"}).exit_code == 0);
    std::string between = mbl_ok(repo, {"diff", "HEAD~1", "HEAD"});
    CHECK(between == replace_once(against_head, "HEAD:backlog.json to backlog.json",
                                  "HEAD~1:backlog.json to HEAD:backlog.json"));
    CHECK(mbl_ok(repo, {"diff", "HEAD~1:backlog.json", "HEAD:backlog.json"}) == between);

    RunResult changes = repo.mbl({"diff", "HEAD~1", "--exit-code"});
    CHECK(changes.exit_code == 1);
    CHECK(contains(changes.out, "it-1: started"));
}

TEST_CASE("diff OLD NEW compares two files: closed, stepped back, renamed", "[e2e][diff]") {
    TempDir dir;
    std::string before = read_file(example_path("contoso"));
    std::string after = replace_once(before, "\"state\": \"active\"", "\"state\": \"closed\"");
    after = replace_once(after, "\"name\": \"Contoso datacenter exit\"", "\"name\": \"Exit\"");
    after = replace_once(after, "\"stage\": \"uat\"", "\"stage\": \"staging\"", "\"workloads\"");
    write_file(dir.path() / "old.json", before);
    write_file(dir.path() / "new.json", after);
    RunOptions in_dir;
    in_dir.cwd = dir.path();
    RunResult result = run_mbl({"diff", "old.json", "new.json"}, in_dir);
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, "Changes from old.json to new.json\n\nBacklog\n  name Contoso "
                               "datacenter exit -> Exit\n"));
    CHECK(contains(result.out, ": stepped back uat -> staging\n"));
    CHECK(contains(result.out, ": closed\n"));
}

TEST_CASE("diff --format markdown keeps text from the file from becoming markup", "[e2e][diff]") {
    TempDir dir;
    std::string before = read_file(example_path("minimal"));
    write_file(dir.path() / "old.json", before);
    write_file(dir.path() / "new.json",
               replace_once(before, "\"Payroll export share\"", "\"<b>Pay</b> `roll` *share*\""));
    RunOptions in_dir;
    in_dir.cwd = dir.path();
    RunResult result = run_mbl({"diff", "old.json", "new.json", "--format", "markdown"}, in_dir);
    CAPTURE(result);
    CHECK(contains(result.out, "- `ts-exports`: name `Payroll export share` → ``<b>Pay</b> "
                               "`roll` *share*``\n"));
}

TEST_CASE("diff --format markdown notifies nobody: mentions and references are broken",
          "[e2e][diff]") {
    TempDir dir;
    auto before = nlohmann::ordered_json::parse(read_file(example_path("minimal")));
    auto after = before;
    after["assets"].push_back(after["assets"][0]);
    after["assets"].back()["id"] = "ts-new";
    after["assets"].back()["name"] = "ask @octocat and @org/team about #123 and GH-7";
    write_file(dir.path() / "old.json", before.dump(2) + "\n");
    write_file(dir.path() / "new.json", after.dump(2) + "\n");
    RunOptions in_dir;
    in_dir.cwd = dir.path();
    RunResult result = run_mbl({"diff", "old.json", "new.json", "--format", "markdown"}, in_dir);
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, "(ask @&#8203;octocat and @&#8203;org/team about #&#8203;123 and "
                               "GH-&#8203;7)"));
    // As GitHub reads it after rendering (the reference is a zero-width space then), outside code
    // spans (which it leaves alone): nothing it would turn into a mention or a reference.
    std::string rendered = std::regex_replace(result.out, std::regex("&#8203;"), "\u200b");
    std::string outside_code = std::regex_replace(rendered, std::regex("`[^`]*`"), "");
    CHECK_FALSE(std::regex_search(outside_code, std::regex("@[A-Za-z0-9]|#[0-9]|GH-[0-9]")));
}

TEST_CASE("diff refuses what is neither a file nor a revision", "[e2e][diff]") {
    GitRepo repo(read_file(example_path("minimal")));
    RunResult unknown = repo.mbl({"diff", "no-such-branch"});
    CAPTURE(unknown);
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.out.empty());
    CHECK(contains(unknown.err, "mbl: error: 'git show no-such-branch:./backlog.json' failed: "));

    RunResult option = repo.mbl({"diff", "--", "--output=leak"});
    CAPTURE(option);
    CHECK(option.exit_code == 2);
    CHECK(contains(option.err, "'--output=leak' is neither a file nor a git revision"));
    CHECK_FALSE(std::filesystem::exists(repo.dir() / "leak"));

    TempBacklog outside;
    RunResult no_repo = outside.run({"diff", "HEAD"});
    CHECK(no_repo.exit_code == 3);
    CHECK(contains(no_repo.err, "not a git repository"));
}

TEST_CASE("diff OLD NEW: the new version read against the old one, entities moved and renamed",
          "[e2e][diff]") {
    TempDir dir;
    std::string before = read_file(example_path("contoso"));
    // hr-sql-01 moved to the end of the assets, dc-02 renamed dc-22, fs-01 edited.
    std::string moved = before;
    std::size_t from = moved.find("    {\n      \"id\": \"hr-sql-01\"");
    std::size_t to = moved.find("    {\n      \"id\": \"hr-docs-share\"");
    std::string hr_sql = moved.substr(from, to - from);
    moved.erase(from, to - from);
    std::size_t last = moved.find("\n  ],\n  \"iterations\"");
    moved.insert(last, ",\n" + hr_sql.substr(0, hr_sql.rfind(',')));
    moved = replace_once(moved, "\"id\": \"dc-02\"", "\"id\": \"dc-22\"");
    moved = replace_once(moved, "\"priority\": 2", "\"priority\": 1", "\"id\": \"fs-01\"");
    write_file(dir.path() / "old.json", before);
    write_file(dir.path() / "new.json", moved);
    RunOptions in_dir;
    in_dir.cwd = dir.path();
    RunResult result = run_mbl({"diff", "old.json", "new.json"}, in_dir);
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out == "Changes from old.json to new.json\n\n"
                        "Assets (1 added, 1 removed, 1 changed)\n"
                        "  dc-22: added (Domain controller 2)\n"
                        "  fs-01: priority 2 -> 1\n"
                        "  dc-02: removed (Domain controller 2)\n");
}

TEST_CASE("diff OLD NEW: a new version that breaks off halfway is refused like any file",
          "[e2e][diff]") {
    TempDir dir;
    std::string before = read_file(example_path("contoso"));
    std::string broken = replace_once(before, "\"id\": \"crm-sql-01\",", "\"id\": \"crm-sql-01\" ");
    std::string wrong =
        replace_once(before, "\"priority\": 1", "\"priority\": \"1\"", "\"id\": \"crm-sql-01\"");
    write_file(dir.path() / "old.json", before);
    write_file(dir.path() / "broken.json", broken);
    write_file(dir.path() / "wrong.json", wrong);
    RunOptions in_dir;
    in_dir.cwd = dir.path();

    RunResult syntax = run_mbl({"diff", "old.json", "broken.json"}, in_dir);
    CAPTURE(syntax);
    CHECK(syntax.exit_code == 3);
    CHECK(syntax.out.empty());
    CHECK(syntax.err == "mbl: error: broken.json:934:7: invalid JSON: unexpected '\"name\"'; "
                        "expected ',' or '}'\n");

    RunResult value = run_mbl({"diff", "old.json", "wrong.json"}, in_dir);
    CAPTURE(value);
    CHECK(value.exit_code == 3);
    CHECK(value.out.empty());
    CHECK(value.err == "mbl: error: wrong.json:940:19: priority must be a whole number, not the "
                       "string \"1\"\n");

    RunResult both = run_mbl({"diff", "wrong.json", "broken.json"}, in_dir); // the old one first
    CAPTURE(both);
    CHECK(both.exit_code == 3);
    CHECK(both.err == value.err);
}
