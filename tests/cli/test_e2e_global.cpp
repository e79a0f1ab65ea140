// The global options, end to end: -f anywhere, $MBL_FILE, finding backlog.json upwards, --today
// and $MBL_TODAY, --version, --help everywhere, usage errors, colour.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

const std::string escape = "\x1b[";

RunOptions in(const fs::path& dir) {
    RunOptions options;
    options.cwd = dir;
    return options;
}

} // namespace

TEST_CASE("-f works before the noun and after the verb alike", "[e2e][global]") {
    TempBacklog backlog("contoso");
    TempDir elsewhere; // no backlog.json here or above
    std::string file = backlog.file().string();
    RunResult before =
        run_mbl({"-f", file, "asset", "list", "--format", "json"}, in(elsewhere.path()));
    RunResult after =
        run_mbl({"asset", "list", "-f", file, "--format", "json"}, in(elsewhere.path()));
    RunResult long_form =
        run_mbl({"asset", "list", "--format=json", "--file=" + file}, in(elsewhere.path()));
    CAPTURE(before, after);
    REQUIRE(before.exit_code == 0);
    CHECK(before.out.size() > 1000);
    CHECK(after.exit_code == 0);
    CHECK(after.out == before.out);
    CHECK(long_form.out == before.out);
}

TEST_CASE("$MBL_FILE names the file; -f wins over it", "[e2e][global]") {
    TempBacklog minimal;
    TempBacklog contoso("contoso");
    TempDir elsewhere;
    RunOptions options = in(elsewhere.path());
    options.env["MBL_FILE"] = minimal.file().string();
    RunResult from_env = run_mbl({"asset", "list", "--format", "csv"}, options);
    CAPTURE(from_env);
    CHECK(from_env.exit_code == 0);
    CHECK(lines_of(from_env.out).size() == 4); // header + the minimal example's 3 assets

    RunResult explicit_file =
        run_mbl({"-f", contoso.file().string(), "asset", "list", "--format", "csv"}, options);
    CHECK(lines_of(explicit_file.out).size() == 67);

    // A write goes to $MBL_FILE too.
    CHECK(run_mbl({"asset", "set", "ts-db", "estimate=13"}, options).exit_code == 0);
    CHECK(minimal.text() ==
          replace_once(minimal.original(), "\"estimate\": 12,", "\"estimate\": 13,"));
}

TEST_CASE("backlog.json is found in a parent directory", "[e2e][global]") {
    TempBacklog backlog;
    fs::path nested = backlog.dir() / "a" / "b" / "c";
    fs::create_directories(nested);
    RunResult list = run_mbl({"asset", "list", "--format", "csv"}, in(nested));
    CAPTURE(list);
    CHECK(list.exit_code == 0);
    CHECK(lines_of(list.out).size() == 4);

    RunResult set = run_mbl({"asset", "set", "ts-web", "priority=1"}, in(nested));
    CAPTURE(set);
    CHECK(set.exit_code == 0);
    CHECK(backlog.text() ==
          replace_once(backlog.original(), "\"priority\": 2,", "\"priority\": 1,", "\"ts-web\""));
    CHECK_FALSE(fs::exists(nested / "backlog.json"));

    // Positions are reported with a path that works from where mbl runs.
    RunResult validate = run_mbl({"validate"}, in(nested));
    CHECK(validate.exit_code == 0);
    CHECK(validate.out.rfind("../../../backlog.json is valid", 0) == 0);

    TempDir empty;
    RunResult none = run_mbl({"asset", "list"}, in(empty.path()));
    CHECK(none.exit_code == 3);
    CHECK(none.out.empty());
    CHECK(contains(none.err, "mbl: error: "));
    CHECK(contains(none.err, "backlog.json"));
}

TEST_CASE("--today and $MBL_TODAY set the day recorded in replicated_on", "[e2e][global]") {
    auto replicated_on = [](const std::string& text) {
        std::smatch match;
        std::regex_search(text, match, std::regex("\"replicated_on\": \"([0-9-]+)\""));
        return match.size() > 1 ? match[1].str() : std::string("none");
    };
    TempBacklog backlog;
    RunOptions env_day;
    env_day.env["MBL_TODAY"] = "2027-03-01";
    CHECK(backlog.run({"asset", "set", "ts-db", "status=replicated"}, env_day).exit_code == 0);
    CHECK(replicated_on(backlog.text()) == "2027-03-01");

    backlog.write(backlog.original());
    CHECK(backlog
              .run({"asset", "set", "ts-db", "status=replicated", "--today", "2027-04-02"}, env_day)
              .exit_code == 0);
    CHECK(replicated_on(backlog.text()) == "2027-04-02"); // the flag wins

    backlog.write(backlog.original());
    RunOptions no_env;
    no_env.unset_env.push_back("MBL_TODAY");
    CHECK(backlog
              .run({"--today", "2027-05-03", "asset", "add", "done-one", "--status", "replicated"},
                   no_env)
              .exit_code == 0);
    CHECK(replicated_on(backlog.text()) == "2027-05-03");
}

TEST_CASE("a bad --today or $MBL_TODAY is a usage error", "[e2e][global]") {
    TempBacklog backlog;
    RunResult flag =
        backlog.run({"--today", "2026-02-30", "asset", "set", "ts-db", "status=replicated"});
    CHECK(flag.exit_code == 2);
    CHECK(contains(flag.err, "mbl: error: --today: '2026-02-30' is not a valid date"));

    RunOptions bad_env;
    bad_env.env["MBL_TODAY"] = "tomorrow";
    RunResult env = backlog.run({"asset", "set", "ts-db", "status=replicated"}, bad_env);
    CHECK(env.exit_code == 2);
    CHECK(contains(env.err, "mbl: error: MBL_TODAY: 'tomorrow' is not a valid date"));
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("--version prints the version", "[e2e][global]") {
    RunResult result = run_mbl({"--version"});
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(std::regex_match(result.out, std::regex("mbl [0-9]+\\.[0-9]+\\.[0-9]+\n")));
    CHECK(result.err.empty());
}

TEST_CASE("--help works on every level and shows an example", "[e2e][global]") {
    const std::vector<std::vector<std::string>> commands = {
        {},
        {"init"},
        {"asset"},
        {"asset", "add"},
        {"asset", "list"},
        {"asset", "show"},
        {"asset", "set"},
        {"asset", "rm"},
        {"workload"},
        {"workload", "add"},
        {"workload", "list"},
        {"workload", "show"},
        {"workload", "set"},
        {"workload", "rm"},
        {"validate"},
        {"fmt"},
    };
    TempDir empty; // --help must not need a backlog file
    for (std::vector<std::string> args : commands) {
        std::string usage = "Usage: mbl";
        for (const std::string& word : args) {
            usage += " " + word;
        }
        args.push_back("--help");
        RunResult result = run_mbl(args, in(empty.path()));
        CAPTURE(args, result);
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        CHECK(contains(result.out, usage));
        CHECK(contains(result.out, "Example"));
        CHECK(contains(result.out, "\n  mbl ")); // the example itself
    }
}

TEST_CASE("unknown commands and flags are usage errors with a suggestion", "[e2e][global]") {
    TempBacklog backlog;
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const Case cases[] = {
        {{"assets", "list"}, "unknown command 'assets'; did you mean 'asset'?"},
        {{"asset", "lst"}, "unknown command 'lst' for 'mbl asset'; did you mean 'list'?"},
        {{"asset", "list", "--stauts", "blocked"},
         "unknown option '--stauts'; did you mean '--status'?"},
        {{"--colr", "never", "asset", "list"}, "unknown option '--colr'; did you mean '--color'?"},
        {{"workload", "show", "timesheets", "--fromat", "json"},
         "unknown option '--fromat'; did you mean '--format'?"},
    };
    for (const Case& c : cases) {
        RunResult result = backlog.run(c.args);
        CAPTURE(c.args, result);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.rfind("mbl: error: " + c.message + "\n", 0) == 0);
        CHECK(contains(result.err, "--help' for usage"));
    }
}

TEST_CASE("--color always paints, never and NO_COLOR do not", "[e2e][global]") {
    TempBacklog backlog("contoso");
    const std::vector<std::string> list{"asset", "list", "--status", "blocked"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = list;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    RunResult always = backlog.run(with({"--color", "always"}));
    CHECK(always.exit_code == 0);
    CHECK(contains(always.out, escape + "31mblocked" + escape + "0m"));
    RunResult never = backlog.run(with({"--color", "never"}));
    CHECK(never.exit_code == 0);
    CHECK_FALSE(contains(never.out, escape));
    CHECK(backlog.run(list).out == never.out); // auto, stdout a pipe: no colour

    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    RunResult on_terminal = backlog.run(list, terminal);
    CAPTURE(on_terminal);
    CHECK(on_terminal.exit_code == 0);
    CHECK(contains(on_terminal.out, escape)); // auto on a terminal paints
    CHECK_FALSE(contains(backlog.run(with({"--color", "never"}), terminal).out, escape));

    terminal.env["NO_COLOR"] = "1";
    RunResult no_color = backlog.run(list, terminal);
    CHECK(no_color.exit_code == 0);
    CHECK(contains(no_color.out, "blocked"));
    CHECK_FALSE(contains(no_color.out, escape));

    RunResult bad = backlog.run(with({"--color", "sometimes"}));
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "mbl: error: --color"));
}

TEST_CASE("-- ends option parsing: what follows is never an option", "[e2e][global]") {
    TempBacklog backlog;
    const fs::path other = backlog.dir() / "other.json";
    write_file(other, backlog.original());

    // `add` has its one operand already: `--file other.json` must not become -f.
    RunResult refused = backlog.run({"asset", "add", "y1", "--", "--file", "other.json"});
    CAPTURE(refused);
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "'mbl asset add' has no operand left for what follows '--' "
                                "(--file ...)"));
    CHECK(read_file(other) == backlog.original());
    CHECK(backlog.text() == backlog.original());
    CHECK(backlog.run({"asset", "list", "--", "--format", "json"}).exit_code == 2);

    // Where an operand is still wanted, `--` hands it over, a dash-led one included.
    RunResult shown = backlog.run({"asset", "show", "--", "ts-db"});
    CAPTURE(shown);
    CHECK(shown.exit_code == 0);
    CHECK(contains(shown.out, "Timesheet database"));
    RunResult dashed = backlog.run({"asset", "rm", "--", "-f"});
    CHECK(dashed.exit_code == 3);
    CHECK(contains(dashed.err, "unknown asset '-f'"));
    CHECK(backlog.text() == backlog.original());
}
