// terminal_safe_json and TerminalSafeBuffer: what reaches a terminal for each format.
#include "cli/render_text.hpp"
#include "cli/terminal_output.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace mbl::cli;

TEST_CASE("terminal_safe_json escapes controls the JSON way, meaning the same", "[cli-render]") {
    const std::string json =
        nlohmann::json("a\x1b]52;c;x\x07 \u009b2J \u202e \x7f Café").dump(-1, ' ', false);
    const std::string safe = terminal_safe_json(json);
    CHECK(safe == "\"a\\u001b]52;c;x\\u0007 \\u009b2J \\u202e \\u007f Café\"");
    CHECK(nlohmann::json::parse(safe) == nlohmann::json::parse(json));
    CHECK(terminal_safe_json("{\n\t\"a\": 1\n}") == "{\n\t\"a\": 1\n}"); // layout kept
    CHECK(terminal_safe_json("\"\xff\"") == "\"\\ufffd\"");
}

TEST_CASE("TerminalSafeBuffer escapes by the chosen format, characters split across writes too",
          "[cli-render]") {
    const std::string c1 = "\u009b"; // two bytes: C2 9B
    auto through = [&](OutputFormat format, const std::vector<std::string>& writes) {
        std::ostringstream terminal;
        {
            TerminalSafeBuffer buffer(*terminal.rdbuf());
            std::ostream out(&buffer);
            out << "\x1b[1mown\x1b[0m "; // before the format is chosen: passed as it is
            buffer.escape_as(format);
            for (const std::string& piece : writes) {
                out << piece;
                out.flush();
            }
        }
        return terminal.str();
    };
    const std::vector<std::string> split{"x" + c1.substr(0, 1), c1.substr(1) + "\x1b\n"};
    CHECK(through(OutputFormat::csv, split) == "\x1b[1mown\x1b[0m x\\u009b\\x1b\n");
    CHECK(through(OutputFormat::json, split) == "\x1b[1mown\x1b[0m x\\u009b\\u001b\n");
    CHECK(through(OutputFormat::table, split) == "\x1b[1mown\x1b[0m x" + c1 + "\x1b\n");
    // A sequence cut off at the very end is shown as the bytes it is.
    CHECK(through(OutputFormat::csv, {"end\xe2\x80"}) == "\x1b[1mown\x1b[0m end\\xe2\\x80");
}
