// Terminal safety, end to end: a hostile backlog whose names, notes, tags, workload and iteration
// names and unknown keys carry ANSI escape sequences, C0 and C1 controls and bidi controls cannot
// rewrite the terminal, set its title or hide text through any human output of `mbl`; they are
// shown escaped (`\x1b`, `\u202e`). JSON output keeps them exactly.

#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

using namespace mbl::test;

namespace {

// Sets the window title, clears the screen, turns text red (ESC and C1 CSI), hides what comes
// before (carriage return, backspace), reverses and isolates text (bidi), rings the bell.
const std::string hostile = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\u009b7m\u202eevil\u2066\u2067"
                            "\u200f\u200e\u061c\x7f\r\x08!";

// What a terminal would act on: ESC, BEL, BS, CR, DEL, the C1 controls (as UTF-8), and the bidi
// formatting characters.
const std::regex acts_on_terminal(
    "[\\x07\\x08\\x0d\\x1b\\x7f]|\\xc2[\\x80-\\x9f]|\\xe2\\x80[\\x8e\\x8f\\xaa-\\xae]|"
    "\\xe2\\x81[\\xa6-\\xa9]|\\xd8\\x9c");

std::string hostile_backlog() {
    auto file = nlohmann::ordered_json::parse(read_file(example_path("minimal")));
    file["name"] = "plan " + hostile;
    file["settings"]["first_iteration_start"] = "2026-11-16";
    auto& workload = file["workloads"][0];
    workload["name"] = "workload " + hostile;
    workload["owner"] = "owner " + hostile;
    workload["notes"] = "workload notes " + hostile;
    auto& asset = file["assets"][0];
    asset["name"] = "asset " + hostile;
    asset["notes"] = "asset notes " + hostile;
    asset["owner"] = "asset owner " + hostile;
    asset["tags"] = {"tag " + hostile};
    asset["attributes"] = {{"os " + hostile, "value " + hostile}};
    asset["tasks"] = {{{"title", "task " + hostile}, {"estimate", 4}, {"done", false}}};
    asset["estimat" + hostile] = 1; // an unknown key: validate warns, quoting it
    file["iterations"] = {{{"id", "it-1"},
                           {"name", "iteration " + hostile},
                           {"start", "2026-11-16"},
                           {"end", "2026-11-29"},
                           {"capacity", 80},
                           {"state", "active"},
                           {"committed", {"ts-db"}},
                           {"committed_at_start", {"ts-db"}},
                           {"notes", "iteration notes " + hostile}}};
    return file.dump(2) + "\n";
}

void check_terminal_safe(const std::string& output) {
    CHECK_FALSE(std::regex_search(output, acts_on_terminal));
}

} // namespace

TEST_CASE("the check sees each thing a terminal acts on", "[e2e][terminal-safety]") {
    for (const char* piece : {"\x1b", "\x07", "\x08", "\r", "\x7f", "\u0085", "\u009b", "\u202a",
                              "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"}) {
        CAPTURE(piece);
        CHECK(std::regex_search(std::string("a") + piece + "b", acts_on_terminal));
    }
    for (const char* harmless : {"plain", "Café 日本", "\u2065", "\u200d", "\u00a0", "\\x1b"}) {
        CAPTURE(harmless);
        CHECK_FALSE(std::regex_search(std::string(harmless), acts_on_terminal));
    }
}

TEST_CASE("hostile text is shown escaped in every human output", "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(hostile_backlog());
    const std::vector<std::vector<std::string>> commands{
        {"asset", "list"},
        {"asset", "show", "ts-db"},
        {"asset", "tasks", "ts-db"},
        {"workload", "list"},
        {"workload", "show", "timesheets"},
        {"iteration", "list"},
        {"iteration", "show", "it-1"},
        {"status"},
        {"burndown"},
        {"validate"},
        {"iteration", "plan"},
    };
    for (const auto& args : commands) {
        RunResult result = backlog.run(args);
        CAPTURE(args, result);
        CHECK((result.exit_code == 0 || (args[0] == "validate" && result.exit_code == 1)));
        check_terminal_safe(result.out);
        check_terminal_safe(result.err);
    }
    // Each field shows up escaped somewhere: nothing was hidden by dropping it either.
    std::string shown;
    for (const auto& args : commands) {
        shown += backlog.run(args).out;
    }
    const std::string escaped = "\\x1b]0;owned\\x07\\x1b[2J\\x1b[31mred\\u009b7m\\u202eevil"
                                "\\u2066\\u2067\\u200f\\u200e\\u061c\\x7f\\x0d\\x08!";
    for (const char* field :
         {"asset ", "asset notes ", "asset owner ", "tag ", "os ", "value ", "task ", "workload ",
          "workload notes ", "owner ", "iteration ", "estimat"}) {
        CAPTURE(field);
        CHECK(contains(shown, field + escaped));
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("hostile text in command-line arguments is escaped in errors and confirmations",
          "[e2e][terminal-safety]") {
    TempBacklog backlog;
    RunResult unknown = backlog.run({"asset", "show", "ts" + hostile});
    CAPTURE(unknown);
    CHECK(unknown.exit_code == 3);
    CHECK(contains(unknown.err, "ts\\x1b]0;owned"));
    check_terminal_safe(unknown.err);

    RunResult renamed = backlog.run({"asset", "set", "ts-db", "name=" + hostile});
    CAPTURE(renamed);
    CHECK(renamed.exit_code == 0);
    check_terminal_safe(renamed.out);
    check_terminal_safe(renamed.err);

    RunResult missing = run_mbl({"-f", "/nonexistent/" + hostile + ".json", "asset", "list"});
    CHECK(missing.exit_code == 3);
    CHECK(contains(missing.err, "/nonexistent/\\x1b]0;owned"));
    check_terminal_safe(missing.err);
}

TEST_CASE("with colour on a terminal, mbl's own colour codes are the only escapes",
          "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(hostile_backlog());
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--color", "always", "status"},
          std::vector<std::string>{"--color", "always", "asset", "list"}}) {
        RunResult result = backlog.run(args, terminal);
        CAPTURE(args, result);
        CHECK(result.exit_code == 0);
        // Take out SGR sequences (ESC [ digits ; m): nothing else may act on the terminal.
        const std::string without_colour =
            std::regex_replace(result.out, std::regex("\\x1b\\[[0-9;]*m"), "");
        check_terminal_safe(without_colour);
        CHECK(contains(result.out, "\\x1b]0;owned"));
    }
}

TEST_CASE("JSON output keeps hostile text exactly", "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(hostile_backlog());
    RunResult shown = backlog.run({"asset", "show", "ts-db", "--format", "json"});
    CAPTURE(shown);
    REQUIRE(shown.exit_code == 0);
    // JSON escapes the controls itself (\u001b); the parsed strings are the bytes of the file.
    const auto asset = nlohmann::json::parse(shown.out);
    CHECK(asset["name"] == "asset " + hostile);
    CHECK(asset["notes"] == "asset notes " + hostile);
    CHECK(asset["tags"][0] == "tag " + hostile);
    CHECK(asset["attributes"]["os " + hostile] == "value " + hostile);
    CHECK_FALSE(contains(shown.out, "\x1b")); // controls escaped the JSON way (bidi stays raw)

    RunResult listed = backlog.run({"workload", "list", "--format", "json"});
    REQUIRE(listed.exit_code == 0);
    CHECK(nlohmann::json::parse(listed.out)[0]["name"] == "workload " + hostile);
}

namespace {

// What a terminal acts on in data formats: OSC 52 (writes the clipboard), OSC 8 (a hyperlink),
// C1 CSI and OSC (8-bit controls), a bell and a bidi override.
const std::string clipboard = "\x1b]52;c;b3duZWQ=\x07";
const std::string hyperlink = "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\";
const std::string c1 = "\u009b2J\u009d0;title\u009c";
const std::string data_hostile = clipboard + hyperlink + c1 + "\u202e";

// An ESC, BEL or C1 control byte (as UTF-8), or a bidi control: none may reach a terminal.
const std::regex terminal_control("[\\x07\\x1b]|\\xc2[\\x80-\\x9f]|\\xe2\\x80[\\xaa-\\xae]");

std::string data_hostile_backlog() {
    auto file = nlohmann::ordered_json::parse(read_file(example_path("contoso")));
    file["name"] = "plan " + data_hostile;
    for (auto& workload : file["workloads"]) {
        workload["name"] = "workload " + data_hostile;
    }
    for (auto& asset : file["assets"]) {
        asset["name"] = "asset " + data_hostile;
        asset["tags"] = {"tag " + data_hostile};
    }
    for (auto& iteration : file["iterations"]) {
        iteration["name"] = "iteration " + data_hostile;
    }
    return file.dump(2) + "\n";
}

// A command with a data format, and whether its piped output carries the file's names as they are
// (Markdown and HTML escape for themselves; some documents hold no names).
struct DataCommand {
    std::vector<std::string> args;
    bool names_exact;
};

const std::vector<DataCommand> data_commands{
    {{"asset", "list", "--format", "csv"}, true},
    {{"asset", "list", "--format", "json"}, true},
    {{"asset", "show", "crm-sql-01", "--format", "json"}, true},
    {{"workload", "list", "--format", "csv"}, true},
    {{"workload", "list", "--format", "json"}, true},
    {{"workload", "show", "crm", "--format", "json"}, true},
    {{"iteration", "list", "--format", "csv"}, true},
    {{"iteration", "list", "--format", "json"}, true},
    {{"iteration", "show", "it-1", "--format", "json"}, true},
    {{"release", "list", "--format", "csv"}, false},
    {{"release", "list", "--format", "json"}, true},
    {{"status", "--format", "json"}, true},
    {{"export", "csv", "--for", "generic"}, true},
    {{"export", "csv", "--for", "jira"}, true},
    {{"export", "csv", "--for", "azure-devops", "--project", "Fabrikam"}, true},
    {{"export", "wbs", "--format", "csv"}, true},
    {{"export", "wbs", "--format", "json"}, true},
    {{"export", "wbs"}, false},
    {{"report"}, false},
    {{"report", "--format", "json"}, true},
    {{"report", "--format", "html"}, false},
    {{"validate", "--format", "json"}, false},
    {{"validate", "--format", "github"}, false},
};

} // namespace

TEST_CASE("on a terminal every data format is escaped; into a pipe it is exact",
          "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(data_hostile_backlog());
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    for (const auto& [args, names_exact] : data_commands) {
        RunResult piped = backlog.run(args);
        RunResult shown = backlog.run(args, terminal);
        CAPTURE(args, piped.err, shown.err);
        REQUIRE(piped.exit_code == shown.exit_code);
        CHECK(piped.exit_code == 0);
        CHECK_FALSE(std::regex_search(shown.out, terminal_control));
        CHECK_FALSE(std::regex_search(shown.err, terminal_control));
        CHECK(shown.out.size() >= piped.out.size());
        // Into a pipe, CSV and JSON keep the file's characters (JSON escapes C0 for itself).
        CHECK(contains(piped.out, "\u009b2J\u009d0;title\u009c") == names_exact);
    }
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("JSON on a terminal uses JSON's escapes: it parses to the same strings",
          "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(data_hostile_backlog());
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"asset", "list", "--format", "json"},
          std::vector<std::string>{"iteration", "show", "it-1", "--format", "json"},
          std::vector<std::string>{"report", "--format", "json"}}) {
        RunResult piped = backlog.run(args);
        RunResult shown = backlog.run(args, terminal);
        CAPTURE(args);
        REQUIRE(piped.exit_code == 0);
        REQUIRE(shown.exit_code == 0);
        CHECK(contains(shown.out, "\\u001b]52;c;b3duZWQ=\\u0007"));
        CHECK(contains(shown.out, "\\u009b2J\\u009d0;title\\u009c\\u202e"));
        CHECK(nlohmann::json::parse(shown.out) == nlohmann::json::parse(piped.out));
    }
}

TEST_CASE("CSV on a terminal shows controls as \\x1b and \\u009b", "[e2e][terminal-safety]") {
    TempBacklog backlog = TempBacklog::with_text(data_hostile_backlog());
    RunOptions terminal;
    terminal.stdout_is_terminal = true;
    RunResult shown = backlog.run({"asset", "list", "--format", "csv"}, terminal);
    CAPTURE(shown);
    REQUIRE(shown.exit_code == 0);
    CHECK(contains(shown.out, "asset \\x1b]52;c;b3duZWQ=\\x07\\x1b]8;;https://evil.example\\x1b\\"
                              "click\\x1b]8;;\\x1b\\\\u009b2J\\u009d0;title\\u009c\\u202e,"));
    RunResult piped = backlog.run({"asset", "list", "--format", "csv"});
    CHECK(contains(piped.out, "asset " + data_hostile + ","));
}
