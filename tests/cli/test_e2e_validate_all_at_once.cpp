// mbl validate on a file with several kinds of problem at once: one run lists them all, and
// nothing about the defaults the unreadable values left behind. And --strict for CI.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

// The minimal example with one problem of each kind: an unknown status (ts-db), a priority out
// of range (ts-web), an unknown dependency (ts-exports), an iteration starting on a day that
// does not exist, and a workload at staging whose assets are not replicated.
std::string text_with_every_kind_of_problem() {
    std::string text = read_file(example_path("minimal"));
    text = replace_once(text, "\"stage\": \"planned\"", "\"stage\": \"staging\"");
    text = replace_once(text, "\"status\": \"not-started\"", "\"status\": \"replicatd\"",
                        "\"id\": \"ts-db\"");
    text = replace_once(text, "\"priority\": 2,", "\"priority\": 7,", "\"id\": \"ts-web\"");
    text = replace_once(text, "\"depends_on\": [],", "\"depends_on\": [\"ts-nope\"],",
                        "\"id\": \"ts-exports\"");
    text = replace_once(text, "\"iterations\": []", R"("iterations": [
    {
      "id": "it-1",
      "start": "2027-02-30",
      "end": "2027-03-12",
      "capacity": 80,
      "state": "planned",
      "committed": ["ts-web"]
    }
  ])");
    return text;
}

struct Expected {
    std::string code;
    TextPosition position;
    std::string message_part;
};

// The value's position: `needle` is `"key": value`, mbl points at the value.
TextPosition value_position(const std::string& text, const std::string& needle,
                            std::size_t key_length) {
    TextPosition position = position_of(text, needle);
    position.column += key_length;
    return position;
}

} // namespace

TEST_CASE("validate lists every kind of problem in one run, none about defaults",
          "[e2e][validate]") {
    TempBacklog backlog = TempBacklog::with_text(text_with_every_kind_of_problem());
    const std::string& text = backlog.original();
    std::vector<Expected> expected = {
        {"invalid-value", value_position(text, "\"status\": \"replicatd\"", 10),
         "invalid status \"replicatd\""},
        {"priority-range", value_position(text, "\"priority\": 7", 12), "priority"},
        {"unknown-asset", position_of(text, "\"ts-nope\""), "unknown asset ts-nope"},
        {"invalid-date", value_position(text, "\"start\": \"2027-02-30\"", 9),
         "\"2027-02-30\" is not a valid date"},
        // ts-db's status could not be read: the readiness names only the other two.
        {"stage-not-ready", value_position(text, "\"stage\": \"staging\"", 9),
         "2 of its assets are not replicated (nor retired or retained): ts-web, ts-exports"},
    };

    RunResult result = backlog.run({"validate"});
    CAPTURE(result);
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    std::vector<std::string> lines = lines_of(result.out);
    for (const Expected& problem : expected) {
        std::string prefix = location("backlog.json", problem.position) + ": error: ";
        CAPTURE(prefix, problem.message_part);
        CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& line) {
                  return line.rfind(prefix, 0) == 0 && contains(line, problem.message_part) &&
                         contains(line, "[" + problem.code + "]");
              }) == 1);
    }
    // Nothing else: no iteration-dates, iteration-length or overlap about the unread start.
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "5 errors, 0 warnings");
    CHECK(lines.size() == expected.size() + 1);
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("validate --strict fails on a key typo, plain validate only warns", "[e2e][validate]") {
    TempBacklog backlog;
    backlog.write(replace_once(backlog.original(), "\"estimate\": 8,", "\"estimat\": 8,"));
    std::string warning = location("backlog.json", position_of(backlog.text(), "\"estimat\"")) +
                          ": warning: unknown key \"estimat\"";

    RunResult lenient = backlog.run({"validate"});
    CAPTURE(lenient);
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.out.rfind(warning, 0) == 0);
    CHECK(contains(lenient.out, "did you mean \"estimate\"?"));

    RunResult strict = backlog.run({"validate", "--strict"});
    CAPTURE(strict);
    CHECK(strict.exit_code == 1);
    CHECK(strict.out.rfind(warning, 0) == 0);

    // An extension key is no typo: --strict passes.
    backlog.write(replace_once(backlog.original(), "\"estimate\": 8,",
                               "\"estimate\": 8,\n      \"x-cmdb-id\": \"CI0042\","));
    RunResult extension = backlog.run({"validate", "--strict"});
    CAPTURE(extension);
    CHECK(extension.exit_code == 0);
}
