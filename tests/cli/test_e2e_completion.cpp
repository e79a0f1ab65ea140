// Shell completion: bash's real completion function, sourced from `mbl completion bash`, run with
// COMP_WORDS set as bash sets them; the candidates come from the CLI definition and the backlog.
// The zsh and fish scripts are checked for syntax when those shells are installed.

#include "support/run_mbl.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

// What bash offers after `mbl WORD...` with the cursor at the end of the last word: the script
// sourced as a user would, _mbl_complete called with COMP_WORDS, COMP_CWORD, COMP_LINE and
// COMP_POINT, COMPREPLY printed one a line.
std::vector<std::string> bash_completes(const TempBacklog& backlog,
                                        const std::vector<std::string>& words) {
    RunOptions options;
    options.command_prefix = {"bash", "-c",
                              R"sh(mbl=$1; shift
source <("$mbl" completion bash) || exit 9
[ "$(complete -p mbl)" = "complete -o default -F _mbl_complete mbl" ] || exit 8
COMP_WORDS=("$mbl" "$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
_mbl_complete
printf '%s\n' "${COMPREPLY[@]}")sh",
                              "bash"};
    RunResult result = backlog.run(words, options);
    CAPTURE(words, result);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    std::vector<std::string> candidates = lines_of(result.out);
    if (candidates.size() == 1 && candidates.front().empty()) {
        candidates.clear();
    }
    return candidates;
} // namespace

using Words = std::vector<std::string>;

bool has(const Words& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

} // namespace

TEST_CASE("bash completes commands, flags, enum values and the backlog's ids",
          "[e2e][completion]") {
    TempBacklog backlog("contoso");

    Words top = bash_completes(backlog, {""});
    CHECK(has(top, "asset"));
    CHECK(has(top, "iteration"));
    CHECK(has(top, "completion"));
    CHECK(has(top, "help"));
    CHECK_FALSE(has(top, "__complete")); // hidden
    CHECK(bash_completes(backlog, {"as"}) == Words{"asset"});
    CHECK(bash_completes(backlog, {"asset", "a"}) == Words{"add"});
    CHECK(bash_completes(backlog, {"iteration", "p"}) == Words{"plan"});

    CHECK(bash_completes(backlog, {"asset", "list", "--st"}) == Words{"--status", "--strategy"});
    Words flags = bash_completes(backlog, {"asset", "add", "x", "-"});
    CHECK(has(flags, "--kind"));
    CHECK(has(flags, "--file")); // a global option, accepted after the verb
    CHECK(has(flags, "-f"));

    CHECK(bash_completes(backlog, {"asset", "list", "--kind", "d"}) == Words{"database"});
    CHECK(bash_completes(backlog, {"asset", "list", "--status", ""}) ==
          Words{"not-started", "in-progress", "replicated", "blocked"});
    CHECK(bash_completes(backlog, {"asset", "add", "x", "--strategy", "ret"}) ==
          Words{"retire", "retain"});
    CHECK(bash_completes(backlog, {"release", "advance", "crm", "--to", "p"}) ==
          Words{"planned", "production"});
    CHECK(bash_completes(backlog, {"--format", "j"}) == Words{"json"});
    // bash splits `--format=j` at '=': the value completes on its own.
    CHECK(bash_completes(backlog, {"status", "--format", "=", "m"}) == Words{"markdown"});
    CHECK(has(bash_completes(backlog, {"status", "--color", "="}), "never"));

    CHECK(bash_completes(backlog, {"asset", "show", "crm-sql"}) == Words{"crm-sql-01"});
    CHECK(bash_completes(backlog, {"asset", "list", "--workload", "cr"}) == Words{"crm"});
    CHECK(bash_completes(backlog, {"burndown", "it-"}).size() == 7);
    CHECK(bash_completes(backlog, {"iteration", "commit", "it-7", "shop-r"}) ==
          Words{"shop-redis"});
    CHECK(bash_completes(backlog, {"asset", "add", "crm"}).empty()); // a new id: nothing
    // The choices of a CLI11 check (IsMember), read from the definition.
    CHECK(bash_completes(backlog, {"completion", ""}) == Words{"bash", "zsh", "fish"});

    // FIELD=VALUE, which bash splits at '='.
    CHECK(bash_completes(backlog, {"asset", "set", "crm-sql-01", "status", "=", "re"}) ==
          Words{"replicated"});
    CHECK(bash_completes(backlog, {"asset", "set", "crm-sql-01", "kind", "="}).size() == 7);
    CHECK(bash_completes(backlog, {"asset", "set", "crm-sql-01", "workload", "=", "cr"}) ==
          Words{"crm"});
    CHECK(bash_completes(backlog, {"asset", "set", "crm-sql-01", "name", "=", ""}).empty());
}

TEST_CASE("completion reads the ids of the backlog -f names", "[e2e][completion]") {
    TempBacklog contoso("contoso");
    TempBacklog minimal("minimal");
    CHECK(bash_completes(minimal, {"asset", "show", "crm-sql"}).empty());
    const std::string other = contoso.file().string();
    CHECK(bash_completes(minimal, {"-f", other, "asset", "show", "crm-sql"}) ==
          Words{"crm-sql-01"});
    CHECK(bash_completes(minimal, {"asset", "show", "--file=" + other, "crm-sql"}) ==
          Words{"crm-sql-01"});
}

TEST_CASE("zsh and fish completion scripts parse", "[e2e][completion]") {
    for (const std::string shell : {"zsh", "fish"}) {
        CAPTURE(shell);
        if (std::system(("command -v " + shell + " >/dev/null 2>&1").c_str()) != 0) {
            WARN(shell + " is not installed: its script is not checked");
            continue;
        }
        RunOptions options;
        options.command_prefix = {"sh", "-c", "\"$1\" completion " + shell + " | " + shell + " -n",
                                  "sh"};
        RunResult checked = run_mbl({}, options);
        CAPTURE(checked);
        CHECK(checked.exit_code == 0);
        CHECK(checked.err.empty());
    }
    RunResult zsh = run_mbl({"completion", "zsh"});
    CHECK(zsh.out.rfind("#compdef mbl\n", 0) == 0);
    RunResult fish = run_mbl({"completion", "fish"});
    CHECK(contains(fish.out, "complete -c mbl -f -a '(__mbl_complete)'"));
    CHECK(run_mbl({"completion", "tcsh"}).exit_code == 2);
}

TEST_CASE("fish completes through its own 'complete -C'", "[e2e][completion]") {
    if (std::system("command -v fish >/dev/null 2>&1") != 0) {
        WARN("fish is not installed: its completion is not driven");
        return;
    }
    TempBacklog backlog("contoso");
    auto fish_completes = [&backlog](const std::string& line) {
        RunOptions options;
        options.command_prefix = {"fish", "--no-config", "-c",
                                  R"sh(set -gx PATH (dirname $argv[1]) $PATH
mbl completion fish | source
complete -C $argv[2])sh",
                                  "--"};
        options.env["XDG_DATA_HOME"] = backlog.dir().string();
        options.env["XDG_CONFIG_HOME"] = backlog.dir().string();
        RunResult result = backlog.run({line}, options);
        CAPTURE(line, result);
        CHECK(result.exit_code == 0);
        return lines_of(result.out);
    };
    CHECK(fish_completes("mbl asset a") == Words{"add"});
    CHECK(fish_completes("mbl asset list --kind d") == Words{"database"});
    CHECK(fish_completes("mbl asset show crm-sql") == Words{"crm-sql-01"});
    CHECK(fish_completes("mbl asset list --format=c") == Words{"--format=csv"});
}

TEST_CASE("zsh's _mbl offers the candidates with compadd", "[e2e][completion]") {
    if (std::system("command -v zsh >/dev/null 2>&1") != 0) {
        WARN("zsh is not installed: its completion function is not driven");
        return;
    }
    TempBacklog backlog("contoso");
    auto zsh_completes = [&backlog](const std::vector<std::string>& words) {
        RunOptions options;
        // compdef, compadd and _files stubbed (they exist only inside zle's completion): _mbl
        // itself runs, with words and CURRENT as zsh sets them.
        options.command_prefix = {"zsh", "-f", "-c", R"sh(mbl=$1; shift
compdef() { [[ $1 == _mbl && $2 == mbl ]] || exit 7 }
compadd() { [[ $1 == -- ]] && shift; print -l -- "$@" }
_files() { print -- '(files)' }
source <("$mbl" completion zsh) || exit 9
words=("$mbl" "$@"); CURRENT=${#words}
_mbl)sh",
                                  "zsh"};
        RunResult result = backlog.run(words, options);
        CAPTURE(words, result);
        CHECK(result.exit_code == 0);
        return lines_of(result.out);
    };
    CHECK(zsh_completes({"asset", "a"}) == Words{"add"});
    CHECK(zsh_completes({"iteration", "commit", "it-7", "shop-r"}) == Words{"shop-redis"});
    CHECK(zsh_completes({"--format=ma"}) == Words{"--format=markdown"});
    CHECK(zsh_completes({"asset", "set", "crm-sql-01", "kind=da"}) == Words{"kind=database"});
    CHECK(zsh_completes({"-f", ""}) == Words{"(files)"}); // a path: zsh's own file completion
}
