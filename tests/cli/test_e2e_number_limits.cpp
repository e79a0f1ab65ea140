// Numbers and days beyond what the file can hold never reach it: estimates and capacities are
// bounded (0 to 1e9), sums that would not stay finite are refused, and so are days after
// 9999-12-31. Whatever mbl writes, mbl can read back: every file written here is checked so.
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>

using namespace mbl::test;

namespace {

// The file as it is now loads and validates without errors, and lists.
void check_readable(const TempBacklog& backlog) {
    RunResult validate = backlog.run({"validate"});
    CAPTURE(backlog.text(), validate);
    CHECK(validate.exit_code == 0);
    CHECK(backlog.run({"asset", "list", "--format", "json"}).exit_code == 0);
}

// Runs a write command that must succeed, then checks the file it wrote.
void write_ok(const TempBacklog& backlog, const std::vector<std::string>& args) {
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    check_readable(backlog);
}

// Runs a command that must be refused with `exit_code` and `message`, the file untouched.
void refused(const TempBacklog& backlog, const std::vector<std::string>& args, int exit_code,
             const std::string& message) {
    const std::string before = backlog.text();
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    CHECK(result.exit_code == exit_code);
    CHECK(contains(result.err, message));
    CHECK(backlog.text() == before);
}

// Gives minimal's `backlog` it-1 holding ts-db and ts-web, started, both replicated in it.
void add_done_iteration(const TempBacklog& backlog) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"iteration", "add", "--start", "2026-11-23"},
          {"iteration", "commit", "it-1", "ts-db", "ts-web"},
          {"iteration", "start", "it-1"},
          {"asset", "set", "ts-db", "status=replicated"},
          {"asset", "set", "ts-web", "status=replicated"}}) {
        write_ok(backlog, args);
    }
}

} // namespace

TEST_CASE("estimates above 1e9 and capacities above 1e15 are refused on the command line",
          "[e2e][limits]") {
    TempBacklog backlog;
    const std::string bound = "must be a number from 0 to 1000000000";
    refused(backlog, {"asset", "add", "a", "--estimate", "1e308"}, 2, "estimate " + bound);
    refused(backlog, {"asset", "set", "ts-db", "estimate=1000000001"}, 2, "estimate " + bound);
    const std::string capacity_bound = "capacity must be a number from 0 to 1000000000000000";
    refused(backlog, {"iteration", "add", "--capacity", "1e16"}, 2, capacity_bound);
    refused(backlog, {"iteration", "plan", "--capacity", "1e300"}, 2, capacity_bound);
    refused(backlog, {"--lock-timeout", "1e300", "asset", "list"}, 2,
            "--lock-timeout: must be a number from 0 to 86400, not '1e300'");
}

TEST_CASE("the largest estimates add up to a file mbl reads back", "[e2e][limits]") {
    // The case, at the bound: two assets of the largest estimate committed, done, closed.
    TempBacklog backlog;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"asset", "add", "a", "--estimate", "1e9"},
          {"asset", "add", "b", "--estimate", "1000000000"},
          {"iteration", "add", "--start", "2026-11-23", "--capacity", "1e9"},
          {"iteration", "commit", "it-1", "a", "b"},
          {"iteration", "start", "it-1"},
          {"asset", "set", "a", "status=replicated"},
          {"asset", "set", "b", "status=replicated"},
          {"iteration", "close", "it-1"},
          {"iteration", "add"}}) {
        write_ok(backlog, args);
    }
    CHECK(contains(backlog.text(), "\"completed_estimate\": 2000000000"));
}

TEST_CASE("numbers beyond the bounds in the file are validate errors, and sums of them are refused",
          "[e2e][limits]") {
    TempBacklog backlog;
    add_done_iteration(backlog);
    backlog.write(
        replace_once(replace_once(backlog.text(), "\"estimate\": 12,", "\"estimate\": 1e308,"),
                     "\"estimate\": 8,", "\"estimate\": 1e308,"));
    RunResult validate = backlog.run({"validate"});
    CAPTURE(validate);
    CHECK(validate.exit_code == 1);
    CHECK(contains(validate.out, "the estimate of asset ts-db is 1e+308, above the largest mbl "
                                 "accepts (1000000000)"));
    refused(backlog, {"iteration", "close", "it-1"}, 3,
            "the completed estimate of it-1 would be inf, outside 0 to 1000000000000000; a number "
            "in the file "
            "is out of range: 'mbl validate' shows which");
}

TEST_CASE("a task template share out of range writes no task", "[e2e][limits]") {
    TempBacklog backlog;
    backlog.write(
        replace_once(backlog.original(), "\"default_capacity\": 80",
                     "\"default_capacity\": 80,\n    \"task_templates\": {\n      \"vm\": "
                     "[{\"title\": \"Replicate\", \"percent\": 1e308}]\n    }"));
    refused(backlog, {"asset", "tasks", "ts-web", "--from-template"}, 3,
            "the estimate of task \"Replicate\" from the template for vm would be inf");
    RunResult validate = backlog.run({"validate"});
    CHECK(validate.exit_code == 1);
    CHECK(contains(validate.out, "above the largest mbl accepts (100)"));
}

TEST_CASE("no day after 9999-12-31 is written", "[e2e][limits]") {
    TempBacklog backlog;
    refused(backlog, {"iteration", "add", "--start", "9999-12-31"}, 2,
            "it-1 would end 10000-01-13, after 9999-12-31, the last day mbl can write; nothing "
            "was added (give an earlier --start)");
    write_ok(backlog, {"iteration", "add", "--start", "9999-12-18"}); // ends 9999-12-31
    CHECK(contains(backlog.text(), "\"end\": \"9999-12-31\""));
    refused(backlog, {"iteration", "add"}, 3, "it-2 would end 10000-01-14, after 9999-12-31");
}

TEST_CASE("an iteration length out of range in the file adds no iteration", "[e2e][limits]") {
    TempBacklog backlog;
    backlog.write(replace_once(backlog.original(), "\"iteration_length_days\": 14",
                               "\"iteration_length_days\": 2147483647"));
    refused(backlog, {"iteration", "add"}, 3,
            "settings.iteration_length_days is 2147483647; set it to the number of days an "
            "iteration lasts, 1 to 366");
}
