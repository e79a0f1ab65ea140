// Hostile and broken input: the corpus of tests/data/bad/ through the real `mbl`, as its
// manifest.txt says (exit code, position, a stable phrase of the message), the large cases
// generated here rather than committed; never a crash, a hang, or a write after an error. Then
// two sweeps over the loader the binary uses, in process: a truncation at every byte, and a wrong
// type in every field.

#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <map>
#include <mbl/error.hpp>
#include <mbl/load.hpp>
#include <mbl/validate.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace mbl::test;
namespace fs = std::filesystem;

namespace {

fs::path bad_dir() {
    return fs::path(MBL_SOURCE_DIR) / "tests" / "data" / "bad";
}

// One line of manifest.txt: FILE | EXIT | WHERE | PHRASE.
struct Expectation {
    std::string file;
    int exit_code = 0;
    std::string where;  // ":LINE:COLUMN", or "-"
    std::string phrase; // or "-"
    int manifest_line = 0;
};

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

std::vector<Expectation> read_manifest() {
    std::istringstream lines(read_file(bad_dir() / "manifest.txt"));
    std::vector<Expectation> expectations;
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        if (trimmed(line).empty() || trimmed(line)[0] == '#') {
            continue;
        }
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string part; std::getline(parts, part, '|');) {
            fields.push_back(trimmed(part));
        }
        if (fields.size() != 4) {
            throw std::runtime_error("manifest.txt:" + std::to_string(number) +
                                     ": expected FILE | EXIT | WHERE | PHRASE");
        }
        expectations.push_back({fields[0], std::stoi(fields[1]), fields[2], fields[3], number});
    }
    return expectations;
}

// The minimal example with `from` replaced by `to` (once).
std::string minimal_with(std::string_view from, std::string_view to) {
    return replace_once(read_file(example_path("minimal")), from, to);
}

std::string repeated(std::string_view part, std::size_t times) {
    std::string text;
    text.reserve(part.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        text += part;
    }
    return text;
}

constexpr std::size_t million = 1'000'000;

// The manifest's @names: inputs too large to commit.
const std::map<std::string, std::function<std::string()>>& generators() {
    static const std::map<std::string, std::function<std::string()>> all{
        {"@nesting-a-million-arrays",
         [] {
             return "{\"format\": \"mbl/1\", \"x-deep\": " + repeated("[", million) +
                    repeated("]", million) + "}\n";
         }},
        {"@nesting-a-million-objects",
         [] {
             return "{\"format\": \"mbl/1\", \"x-deep\": " + repeated("{\"a\":", million) + "1" +
                    repeated("}", million) + "}\n";
         }},
        {"@nesting-a-million-unclosed",
         [] { return "{\"format\": \"mbl/1\", \"x-deep\": " + repeated("[", million); }},
        {"@nesting-at-the-limit", // the top-level object and 255 arrays: 256 levels
         [] {
             return "{\"format\": \"mbl/1\", \"x-deep\": " + repeated("[", 255) +
                    repeated("]", 255) + "}\n";
         }},
        {"@nesting-past-the-limit",
         [] {
             return "{\"format\": \"mbl/1\", \"x-deep\": " + repeated("[", 256) +
                    repeated("]", 256) + "}\n";
         }},
        {"@megabyte-name",
         [] { return minimal_with("Timesheet database", std::string(1 << 20, 'n')); }},
        {"@megabyte-unknown-key",
         [] {
             return minimal_with("\"attributes\": {},", "\"attributes\": {},\n      \"" +
                                                            std::string(1 << 20, 'k') + "\": 1,");
         }},
        {"@megabyte-id",
         [] {
             return minimal_with("\"id\": \"ts-exports\"",
                                 "\"id\": \"" + std::string(1 << 20, 'a') + "\"");
         }},
        {"@a-million-tags",
         [] {
             return minimal_with("\"tags\": []",
                                 "\"tags\": [\"t\"" + repeated(", \"t\"", million - 1) + "]");
         }},
        {"@a-million-numbers",
         [] {
             return minimal_with("\"attributes\": {}", "\"attributes\": {\"x\": [1" +
                                                           repeated(", 1", million - 1) + "]}");
         }},
    };
    return all;
}

std::string input_named(const std::string& file) {
    if (file.starts_with("@")) {
        auto generator = generators().find(file);
        if (generator == generators().end()) {
            throw std::runtime_error("no generator for " + file);
        }
        return generator->second();
    }
    return read_file(bad_dir() / file);
}

// The line and column of byte `offset` of `text`, as mbl counts them (ASCII text).
TextPosition position_at(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    const std::size_t line_start = before.rfind('\n');
    return {static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1,
            line_start == std::string_view::npos ? offset + 1 : offset - line_start};
}

} // namespace

TEST_CASE("every file of the hostile corpus gets the answer its manifest expects",
          "[e2e][hostile-input]") {
    std::vector<Expectation> manifest = read_manifest();
    REQUIRE(manifest.size() >= 40);
    RunOptions patient; // large inputs in a Debug or sanitizer build
    patient.timeout = std::chrono::seconds(60);
    std::set<std::string> files_seen;
    for (std::size_t first = 0; first < manifest.size();) {
        std::size_t end = first + 1;
        while (end < manifest.size() && manifest[end].file == manifest[first].file) {
            ++end;
        }
        const std::string& file = manifest[first].file;
        files_seen.insert(file);
        TempBacklog backlog = TempBacklog::with_text(input_named(file));

        RunResult validated = backlog.run({"validate"}, patient);
        CAPTURE(file, manifest[first].manifest_line, validated.exit_code, validated.signal,
                validated.timed_out, validated.err.substr(0, 2000), validated.out.substr(0, 2000));
        CHECK_FALSE(validated.timed_out);
        CHECK(validated.signal == 0);
        CHECK(validated.exit_code == manifest[first].exit_code);
        const std::string said = validated.err + validated.out;
        for (std::size_t i = first; i < end; ++i) {
            const Expectation& expected = manifest[i];
            CAPTURE(expected.manifest_line, expected.where, expected.phrase);
            if (expected.where != "-") {
                CHECK(contains(said, "backlog.json" + expected.where + ": "));
            }
            if (expected.phrase != "-") {
                CHECK(contains(said, expected.phrase));
            }
        }

        // What validate refuses whole, every command refuses, and a write after it leaves the
        // file byte for byte. (Problems that validation finds do not stop other commands.)
        RunResult listed = backlog.run({"asset", "list"}, patient);
        CHECK(listed.signal == 0);
        if (validated.exit_code == 1) { // 3 when the loader's own problems make it unusable
            CHECK((listed.exit_code == 0 || listed.exit_code == 3));
        } else {
            CHECK(listed.exit_code == validated.exit_code);
        }
        if (validated.exit_code == 3) {
            RunResult written = backlog.run({"asset", "set", "ts-db", "estimate=1"}, patient);
            CHECK(written.exit_code == 3);
            CHECK((backlog.text() == backlog.original())); // not decomposed: megabytes long
        }
        first = end;
    }
    // Every committed file has its line, and every generator is used.
    for (const auto& entry : fs::directory_iterator(bad_dir())) {
        if (entry.path().extension() == ".json") {
            CHECK(files_seen.count(entry.path().filename().string()) == 1);
        }
    }
    for (const auto& [name, generate] : generators()) {
        CHECK(files_seen.count(name) == 1);
    }
}

// Where the unfinished end of `cut` begins: its open string's quote when it ends inside a string,
// else just after its last structural character (`{}[]:,`) outside strings.
std::size_t unfinished_end(const std::string& cut) {
    std::size_t start = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < cut.size(); ++i) {
        const char c = cut[i];
        if (in_string) {
            escaped = !escaped && c == '\\';
            in_string = escaped || c != '"';
        } else if (c == '"') {
            in_string = true;
            start = i;
        } else if (std::string_view("{}[]:,").find(c) != std::string_view::npos) {
            start = i + 1;
        }
    }
    return start;
}

// Whether `position` (as mbl reports it) points into the unfinished end of `cut`, at most just
// past its end: the tokenizer names an unfinished token where it starts or where it stops.
bool names_the_cut_end(const std::string& cut, mbl::SourcePosition position) {
    std::size_t line_start = 0;
    for (std::size_t line = 1; line < position.line; ++line) {
        line_start = cut.find('\n', line_start);
        if (line_start == std::string::npos) {
            return false;
        }
        ++line_start;
    }
    const std::size_t offset = line_start + position.column - 1;
    return offset >= unfinished_end(cut) && offset <= cut.size();
}

// The position at the start of mbl's error message `mbl: error: backlog.json:L:C: ...`.
mbl::SourcePosition reported_position(const std::string& err) {
    mbl::SourcePosition position;
    std::sscanf(err.c_str(), "mbl: error: backlog.json:%zu:%zu:", &position.line, &position.column);
    return position;
}

TEST_CASE("a file cut at any byte is refused where the input ends", "[e2e][hostile-input]") {
    const std::string whole = read_file(bad_dir() / "every-field.json");
    const std::size_t last_brace = whole.rfind('}');
    int refused = 0;
    for (std::size_t size = 0; size <= last_brace; ++size) {
        const std::string cut = whole.substr(0, size);
        CAPTURE(size, cut.substr(cut.size() > 40 ? cut.size() - 40 : 0));
        try {
            mbl::load_backlog(cut);
            FAIL("a truncated file was accepted");
        } catch (const mbl::Error& error) {
            CHECK(error.status() == mbl::ExitStatus::input);
            REQUIRE(error.location().has_value());
            CAPTURE(error.what());
            CHECK(names_the_cut_end(cut, error.location()->position));
            ++refused;
        }
    }
    CHECK(refused == static_cast<int>(last_brace) + 1);

    // The real binary, cut after each kind of token: the same answer, the file left as it was.
    for (std::string_view after :
         {"{", "[", ":", ",", "\"na", "\"name\"", "\"iteration_length_days\": 1", "2027-0", "fal",
          "null", "]", "},"}) {
        const std::string cut = whole.substr(0, whole.find(after, 1) + after.size());
        TempBacklog backlog = TempBacklog::with_text(cut);
        RunResult result = backlog.run({"validate"});
        CAPTURE(after, result);
        CHECK(result.exit_code == 3);
        CHECK(result.err.rfind("mbl: error: backlog.json:", 0) == 0);
        CHECK(names_the_cut_end(cut, reported_position(result.err)));
        CHECK(backlog.run({"asset", "set", "ts-db", "estimate=1"}).exit_code == 3);
        CHECK(backlog.text() == cut);
    }
}

TEST_CASE("a wrong type in any field is reported at that value", "[e2e][hostile-input]") {
    const auto base = nlohmann::ordered_json::parse(read_file(bad_dir() / "every-field.json"));
    // Every value's pointer, containers included (not the top level itself).
    std::vector<nlohmann::ordered_json::json_pointer> pointers;
    std::function<void(const nlohmann::ordered_json&, const nlohmann::ordered_json::json_pointer&)>
        walk = [&](const nlohmann::ordered_json& value,
                   const nlohmann::ordered_json::json_pointer& at) {
            if (value.is_object()) {
                for (const auto& [key, member] : value.items()) {
                    pointers.push_back(at / key);
                    walk(member, at / key);
                }
            } else if (value.is_array()) {
                for (std::size_t i = 0; i < value.size(); ++i) {
                    pointers.push_back(at / i);
                    walk(value[i], at / i);
                }
            }
        };
    walk(base, nlohmann::ordered_json::json_pointer());
    REQUIRE(pointers.size() > 80);

    // Free-form places, where any type is right.
    auto free_form = [](const std::string& pointer) {
        return pointer.starts_with("/$schema") || pointer.starts_with("/x-tool") ||
               pointer.find("/attributes/") != std::string::npos;
    };
    int reported = 0;
    for (const auto& pointer : pointers) {
        if (free_form(pointer.to_string())) {
            continue;
        }
        // A marker of another type, so that its position can be found in the text.
        nlohmann::ordered_json file = base;
        nlohmann::ordered_json& value = file[pointer];
        const bool was_string = value.is_string();
        const char opening = value.is_array() ? '{' : value.is_object() ? '[' : '\0';
        if (value.is_array()) {
            value = {{"wrong-type-marker", 0}};
        } else if (value.is_object()) {
            value = nlohmann::ordered_json::array({"wrong-type-marker"});
        } else if (was_string) {
            value = 4242424242;
        } else {
            value = "wrong-type-marker";
        }
        const std::string text = file.dump(2);
        std::size_t at = text.find(was_string ? "4242424242" : "\"wrong-type-marker\"");
        if (opening != '\0') {
            at = text.rfind(opening, at);
        }
        const TextPosition where = position_at(text, at);
        CAPTURE(pointer.to_string(), where.line, where.column);
        mbl::CheckResult checked = mbl::check_backlog_text(text, "backlog.json");
        bool found = false;
        for (const mbl::Problem& problem : checked.problems) {
            found = found || (problem.path == pointer.to_string() && problem.code == "wrong-type" &&
                              problem.position.line == where.line &&
                              problem.position.column == where.column);
        }
        CHECK(found);
        reported += found ? 1 : 0;
    }
    CHECK(reported > 70);
}
