// The merge's list rules on their own: three-way sets, append-only histories, tasks by position,
// and the canonical array text they read and write.
#include "core/backlog_members.hpp"
#include "core/merge_lists.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::detail;

namespace {

using List = std::vector<std::string>;

std::vector<RawJson> quoted(const List& values) {
    std::vector<RawJson> out;
    for (const std::string& value : values) {
        out.push_back(RawJson{"\"" + value + "\""});
    }
    return out;
}

List unquoted(const std::vector<RawJson>& elements) {
    List out;
    for (const RawJson& element : elements) {
        out.push_back(element.text.substr(1, element.text.size() - 2));
    }
    return out;
}

List merged_set(const List& base, const List& ours, const List& theirs) {
    std::vector<RawJson> before = quoted(base);
    return unquoted(merge_sets(&before, quoted(ours), quoted(theirs)));
}

RawJson change(const std::string& stage, const std::string& date) {
    return RawJson{"{\n  \"stage\": \"" + stage + "\",\n  \"date\": \"" + date + "\"\n}"};
}

} // namespace

TEST_CASE("set merge: additions on both sides are both kept, ours first", "[merge][lists]") {
    CHECK(merged_set({"a"}, {"a", "b"}, {"a", "c"}) == List{"a", "b", "c"});
    CHECK(merged_set({}, {"x", "y"}, {"z", "w"}) == List{"x", "y", "z", "w"});
}

TEST_CASE("set merge: a removal on one side wins over the other side keeping it",
          "[merge][lists]") {
    CHECK(merged_set({"a", "b", "c"}, {"a", "c"}, {"a", "b", "c", "d"}) == List{"a", "c", "d"});
    CHECK(merged_set({"a", "b", "c"}, {"a", "b", "c", "d"}, {"b", "c"}) == List{"b", "c", "d"});
}

TEST_CASE("set merge: removed on both sides is removed once, added on both is added once",
          "[merge][lists]") {
    CHECK(merged_set({"a", "b"}, {"a"}, {"a"}) == List{"a"});
    CHECK(merged_set({"a", "b"}, {"b", "n"}, {"n", "b"}) == List{"b", "n"});
    CHECK(merged_set({"a"}, {"a", "n", "n"}, {"n", "a"}) == List{"a", "n"});
}

TEST_CASE("set merge: order is ours', then theirs' additions in theirs' order", "[merge][lists]") {
    CHECK(merged_set({"a", "b"}, {"b", "a", "o"}, {"t2", "a", "b", "t1"}) ==
          List{"b", "a", "o", "t2", "t1"});
}

TEST_CASE("set merge without a common ancestor is the union", "[merge][lists]") {
    CHECK(unquoted(merge_sets(nullptr, quoted({"a", "b"}), quoted({"b", "c"}))) ==
          List{"a", "b", "c"});
}

TEST_CASE("append-only: both sides' new entries in date order, ours first on a tie",
          "[merge][lists]") {
    std::vector<RawJson> base{change("planned", "2027-01-04")};
    std::vector<RawJson> ours = base;
    ours.push_back(change("migrating", "2027-02-01"));
    ours.push_back(change("uat", "2027-03-01"));
    std::vector<RawJson> theirs = base;
    theirs.push_back(change("staging", "2027-02-15"));
    theirs.push_back(change("production", "2027-03-01"));
    auto merged = merge_appended(&base, ours, theirs);
    REQUIRE(merged);
    CHECK(*merged == std::vector<RawJson>{base[0], ours[1], theirs[1], ours[2], theirs[2]});

    std::vector<RawJson> same_on_both = base;
    same_on_both.push_back(change("migrating", "2027-02-01"));
    CHECK(*merge_appended(&base, same_on_both, ours) ==
          std::vector<RawJson>{base[0], ours[1], ours[2]});
}

TEST_CASE("append-only: a side that changed an old entry makes the list one value",
          "[merge][lists]") {
    std::vector<RawJson> base{change("planned", "2027-01-04")};
    std::vector<RawJson> ours{change("planned", "2027-01-05"), change("uat", "2027-03-01")};
    std::vector<RawJson> theirs{base[0], change("staging", "2027-02-15")};
    CHECK_FALSE(merge_appended(&base, ours, theirs));
    CHECK_FALSE(merge_appended(&base, {}, theirs));
}

TEST_CASE("by position: each side's change of a different element lands, appended ones follow",
          "[merge][lists]") {
    std::vector<RawJson> base = quoted({"a", "b", "c"});
    auto merged =
        merge_by_position(&base, quoted({"A", "b", "c", "o"}), quoted({"a", "b", "C", "o", "t"}));
    REQUIRE(merged);
    CHECK(unquoted(merged->merged) == List{"A", "b", "C", "o", "t"});
    CHECK(merged->conflicts.empty());
}

TEST_CASE("by position: one element changed both ways is a conflict keeping ours",
          "[merge][lists]") {
    std::vector<RawJson> base = quoted({"a", "b"});
    auto merged = merge_by_position(&base, quoted({"a", "B1"}), quoted({"a2", "B2"}));
    REQUIRE(merged);
    CHECK(unquoted(merged->merged) == List{"a2", "B1"});
    CHECK(merged->conflicts == std::vector<std::size_t>{1});
    CHECK_FALSE(merge_by_position(&base, quoted({"a"}), quoted({"a", "b", "c"})));
}

TEST_CASE("list rules per kind and key", "[merge][lists]") {
    CHECK(list_rule("iteration", "committed") == ListRule::set);
    CHECK(list_rule("iteration", "completed") == ListRule::set);
    CHECK(list_rule("iteration", "committed_at_start") == ListRule::whole);
    CHECK(list_rule("asset", "tags") == ListRule::set);
    CHECK(list_rule("asset", "depends_on") == ListRule::set);
    CHECK(list_rule("asset", "tasks") == ListRule::by_position);
    CHECK(list_rule("workload", "depends_on") == ListRule::set);
    CHECK(list_rule("workload", "stage_history") == ListRule::append_only);
    CHECK(list_rule("asset", "x-owners") == ListRule::whole);
    CHECK(list_rule("", "tags") == ListRule::whole);
}

TEST_CASE("canonical arrays split into elements and join back unchanged", "[merge][lists]") {
    std::string strings = "[\n  \"a\",\n  \"b\\\"c\"\n]";
    CHECK(unquoted(split_canonical_array(strings)) == List{"a", "b\\\"c"});
    CHECK(to_array_json(split_canonical_array(strings)).text == strings);
    std::string objects = "[\n  {\n    \"stage\": \"uat\",\n    \"x\": [\n      1\n    ]\n  },\n"
                          "  {}\n]";
    std::vector<RawJson> elements = split_canonical_array(objects);
    REQUIRE(elements.size() == 2);
    CHECK(elements[0].text == "{\n  \"stage\": \"uat\",\n  \"x\": [\n    1\n  ]\n}");
    CHECK(elements[1].text == "{}");
    CHECK(to_array_json(elements).text == objects);
    CHECK(split_canonical_array("[]").empty());
    CHECK(to_array_json({}).text == "[]");
}
