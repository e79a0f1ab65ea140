// The README's tour runs as written: every ```sh block under "## A short tour" is run top to
// bottom by one bash, with the built mbl as `mbl` on PATH, from a directory laid out like the
// clone (examples/ and tests/ of the source tree), where the tour's first line moves to a fresh
// directory. Each command must exit 0, or N when its comment says `exits N` (a refused gate);
// at the end the file the tour built must validate. Lines added to the tour are run as well.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

// One command of the tour: its text (continuation lines joined with their `\`), its line in
// README.md, and the exit status its comment promises.
struct TourCommand {
    std::string text;
    std::size_t line = 0;
    int expected_exit = 0;
};

// The comment of a shell line: from the first ` #` outside quotes, or empty.
std::string comment_of(const std::string& line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
            return line.substr(i);
        }
    }
    return "";
}

// The commands of every ```sh block in the README's "## A short tour" section, in order.
std::vector<TourCommand> tour_commands(const std::string& readme) {
    std::vector<std::string> lines = lines_of(readme);
    std::vector<TourCommand> commands;
    bool in_section = false;
    bool in_block = false;
    TourCommand pending;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.rfind("## ", 0) == 0) {
            in_section = line == "## A short tour";
            continue;
        }
        if (!in_section) {
            continue;
        }
        if (line.rfind("```", 0) == 0) {
            in_block = !in_block && line == "```sh";
            continue;
        }
        if (!in_block) {
            continue;
        }
        std::string trimmed = line.substr(std::min(line.size(), line.find_first_not_of(' ')));
        if (pending.text.empty() && (trimmed.empty() || trimmed[0] == '#')) {
            continue;
        }
        if (pending.text.empty()) {
            pending.line = i + 1;
        }
        pending.text += line + "\n";
        std::smatch exits;
        std::string comment = comment_of(line);
        if (std::regex_search(comment, exits, std::regex(R"(\bexits (\d+))"))) {
            pending.expected_exit = std::stoi(exits[1]);
        }
        bool continues = !line.empty() && line.back() == '\\' && comment.empty();
        if (!continues) {
            commands.push_back(pending);
            pending = {};
        }
    }
    return commands;
}

// `text` as one single-quoted shell word.
std::string shell_quoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// One bash script: each command, then a check of its exit status that stops the tour with the
// README line, the command and the status when it is not the one promised; then validate.
std::string tour_script(const std::vector<TourCommand>& commands) {
    std::string script = "set -u -o pipefail\n";
    for (const TourCommand& command : commands) {
        std::string where = "README.md:" + std::to_string(command.line);
        script += command.text;
        script += "status=$?; if [ \"$status\" -ne " + std::to_string(command.expected_exit) +
                  " ]; then echo " + shell_quoted(where) + "\": exit $status, expected " +
                  std::to_string(command.expected_exit) + ": \"" + shell_quoted(command.text) +
                  " >&2; exit 99; fi\n";
    }
    script += "mbl validate || { echo 'the tour left a file that does not validate' >&2; "
              "exit 98; }\n";
    return script;
}

} // namespace

TEST_CASE("the README tour is found with its commands and promised exit statuses",
          "[e2e][readme]") {
    std::vector<TourCommand> commands =
        tour_commands(read_file(fs::path(MBL_SOURCE_DIR) / "README.md"));
    REQUIRE(commands.size() > 20);
    CHECK(contains(commands.front().text, "cd "));
    CHECK(std::any_of(commands.begin(), commands.end(),
                      [](const TourCommand& c) { return c.expected_exit == 1; }));
    CHECK(std::all_of(commands.begin(), commands.end(), [](const TourCommand& c) {
        return contains(c.text, "mbl ") || contains(c.text, "MBL_") || contains(c.text, "cd ");
    }));
}

TEST_CASE("the README tour runs as written, top to bottom", "[e2e][readme]") {
    std::vector<TourCommand> commands =
        tour_commands(read_file(fs::path(MBL_SOURCE_DIR) / "README.md"));
    REQUIRE(!commands.empty());

    TempDir scratch;
    fs::path clone = scratch.path() / "clone"; // examples/ and tests/ where the clone has them
    fs::path bin = scratch.path() / "bin";     // `mbl` on PATH
    fs::path tmp = scratch.path() / "tmp";     // the tour's mktemp -d lands here
    fs::create_directories(clone);
    fs::create_directories(bin);
    fs::create_directories(tmp);
    for (const char* folder : {"examples", "tests"}) {
        fs::create_directory_symlink(fs::path(MBL_SOURCE_DIR) / folder, clone / folder);
    }
    fs::create_symlink(fs::absolute(MBL_BINARY), bin / "mbl");

    RunOptions options;
    options.cwd = clone;
    options.env["PATH"] = bin.string() + ":" + std::getenv("PATH");
    options.env["TMPDIR"] = tmp.string();
    options.env["MBL_TODAY"] = "2027-01-05";
    options.timeout = std::chrono::seconds(120);
    options.command_prefix = {"bash", "-c", tour_script(commands), "readme-tour"};
    RunResult result = run_mbl({}, options);
    CAPTURE(result);
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("README.md:") == std::string::npos);
    // The tour wrote nothing into the clone: its first line moved it away.
    CHECK(fs::directory_iterator(clone) != fs::directory_iterator());
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(clone)) {
        ++entries;
    }
    CHECK(entries == 2);
}
