// `mbl help`, `mbl version`, TERM=dumb, and the manual generated from the CLI definition: the man
// page (rendered by groff without warnings) and docs/commands.md, each naming every command that
// --help lists.

#include "support/run_mbl.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

const std::string escape_character = "\x1b[";

// The subcommand names a --help text lists under "Subcommands:" (`  add    Add an asset`).
std::vector<std::string> listed_subcommands(const std::string& help) {
    std::vector<std::string> names;
    bool in_list = false;
    for (const std::string& line : lines_of(help)) {
        if (line == "Subcommands:") {
            in_list = true;
        } else if (in_list && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
            names.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (in_list && !line.empty() && line[0] != ' ') {
            in_list = false;
        }
    }
    return names;
}

// Every command --help reaches, as `mbl asset add`, walking `mbl X --help` down the tree.
std::vector<std::string> commands_in_help(std::vector<std::string> path = {}) {
    std::vector<std::string> args = path;
    args.push_back("--help");
    RunResult help = run_mbl(args);
    REQUIRE(help.exit_code == 0);
    std::vector<std::string> commands;
    for (const std::string& name : listed_subcommands(help.out)) {
        std::vector<std::string> sub = path;
        sub.push_back(name);
        std::string spelled = "mbl";
        for (const std::string& word : sub) {
            spelled += " " + word;
        }
        commands.push_back(spelled);
        std::vector<std::string> below = commands_in_help(sub);
        commands.insert(commands.end(), below.begin(), below.end());
    }
    return commands;
}

// Runs `script` in sh with $1 the mbl binary.
RunResult run_shell(const std::string& script) {
    RunOptions options;
    options.command_prefix = {"sh", "-c", script, "sh"};
    return run_mbl({}, options);
}

} // namespace

TEST_CASE("mbl help COMMAND prints what COMMAND --help prints", "[e2e][manual]") {
    for (std::vector<std::string> path :
         {std::vector<std::string>{}, {"asset"}, {"asset", "add"}, {"iteration", "plan"}}) {
        CAPTURE(path);
        std::vector<std::string> help_args{"help"};
        help_args.insert(help_args.end(), path.begin(), path.end());
        path.push_back("--help");
        RunResult alias = run_mbl(help_args);
        RunResult flag = run_mbl(path);
        CHECK(alias.exit_code == 0);
        CHECK(flag.exit_code == 0);
        CHECK(contains(alias.out, "Usage:"));
        CHECK(alias.out == flag.out);
        CHECK(alias.err.empty());
    }
    RunResult typo = run_mbl({"help", "asest"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.out.empty());
    CHECK(contains(typo.err, "mbl: error: unknown command 'asest'; did you mean 'asset'?"));
    RunResult deeper = run_mbl({"help", "asset", "ad"});
    CHECK(deeper.exit_code == 2);
    CHECK(contains(deeper.err, "unknown command 'ad' for 'mbl asset'; did you mean 'add'?"));
}

TEST_CASE("mbl version, -V and --version print the version", "[e2e][manual]") {
    RunResult version = run_mbl({"version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("mbl 0.", 0) == 0);
    CHECK(version.out.back() == '\n');
    CHECK(run_mbl({"-V"}).out == version.out);
    CHECK(run_mbl({"--version"}).out == version.out);
}

TEST_CASE("TERM=dumb turns colour and block charts off; --color always still paints",
          "[e2e][manual]") {
    TempBacklog backlog("contoso");
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    const std::vector<std::string> list{"asset", "list", "--status", "blocked"};
    REQUIRE(contains(backlog.run(list, terminal).out, escape_character)); // the baseline paints
    REQUIRE(contains(backlog.run({"burndown"}, terminal).out, "█"));

    terminal.env["TERM"] = "dumb";
    RunResult dumb = backlog.run(list, terminal);
    CAPTURE(dumb);
    CHECK(dumb.exit_code == 0);
    CHECK(contains(dumb.out, "blocked"));
    CHECK_FALSE(contains(dumb.out, escape_character));
    CHECK_FALSE(contains(backlog.run({"burndown"}, terminal).out, "█"));

    std::vector<std::string> always = list;
    always.insert(always.end(), {"--color", "always"});
    CHECK(contains(backlog.run(always, terminal).out, escape_character));
}

TEST_CASE("the man page names every command and groff renders it without warnings",
          "[e2e][manual]") {
    RunResult page = run_mbl({"__doc", "man"});
    REQUIRE(page.exit_code == 0);
    CHECK(page.out.rfind(".\\\" Generated", 0) == 0);
    CHECK(contains(page.out, ".TH MBL 1"));
    const std::vector<std::string> commands = commands_in_help();
    CHECK(commands.size() > 40);
    for (const std::string& command : commands) {
        std::string spelled; // roff spells '-' as '\-'
        for (char c : command) {
            spelled += c == '-' ? std::string("\\-") : std::string(1, c);
        }
        CAPTURE(command);
        CHECK((contains(page.out, ".SS \"" + spelled + " ") ||
               contains(page.out, ".SS \"" + spelled + "\"")));
    }
    CHECK_FALSE(contains(page.out, "__complete"));
    CHECK_FALSE(contains(page.out, "__doc"));

    if (std::system("command -v groff >/dev/null 2>&1") != 0) {
        WARN("groff is not installed: the page is not rendered");
        return;
    }
    RunResult rendered = run_shell("\"$1\" __doc man | groff -man -ww -Tutf8 -z");
    CAPTURE(rendered);
    CHECK(rendered.exit_code == 0);
    CHECK(rendered.err.empty()); // -ww: every warning
    RunResult text = run_shell("\"$1\" __doc man | groff -man -Tascii -P-cbou");
    CHECK(contains(text.out, "mbl asset add [OPTIONS] ID"));
    CHECK(contains(text.out, "GLOBAL OPTIONS"));

    // The build writes the same page to build/man/mbl.1 (the mbl_manual target).
    const fs::path built = fs::path(MBL_BINARY).parent_path() / "man" / "mbl.1";
    if (fs::exists(built)) {
        CHECK(read_file(built) == page.out);
    }
}

TEST_CASE("docs/commands.md is the reference the CLI definition generates", "[e2e][manual]") {
    RunResult reference = run_mbl({"__doc", "markdown"});
    REQUIRE(reference.exit_code == 0);
    for (const std::string& command : commands_in_help()) {
        CAPTURE(command);
        CHECK(contains(reference.out, "\n## " + command + "\n"));
    }
    INFO("regenerate it: build/mbl __doc markdown > docs/commands.md");
    CHECK(read_file(fs::path(MBL_SOURCE_DIR) / "docs" / "commands.md") == reference.out);
}
