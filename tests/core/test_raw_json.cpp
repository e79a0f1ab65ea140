#include "mbl/error.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/utf8.hpp"

#include <catch2/catch.hpp>

using namespace mbl;

TEST_CASE("parse_raw_json keeps numbers as written and writes canonically", "[raw_json]") {
    CHECK(parse_raw_json("1.10", 8)->text == "1.10");
    CHECK(parse_raw_json(" 123456789012345678901234 ", 8)->text == "123456789012345678901234");
    CHECK(parse_raw_json(R"({"x":1e2,"y":[true,null]})", 8)->text ==
          "{\n  \"x\": 1e2,\n  \"y\": [\n    true,\n    null\n  ]\n}");
    CHECK(parse_raw_json(R"("a\u00e9")", 8)->text == "\"aé\"");
    CHECK(parse_raw_json("[]", 8)->text == "[]");
}

TEST_CASE("parse_raw_json tells text that is not one JSON value", "[raw_json]") {
    CHECK_FALSE(parse_raw_json("linux", 8));
    CHECK_FALSE(parse_raw_json("", 8));
    CHECK_FALSE(parse_raw_json("1, 2", 8));
    CHECK_FALSE(parse_raw_json(R"(1, "x": 2)", 8));
    CHECK_FALSE(parse_raw_json("{", 8));
}

TEST_CASE("parse_raw_json refuses what a file may not hold", "[raw_json]") {
    CHECK_THROWS_WITH(parse_raw_json(R"({"a": 1, "a": 2})", 8), Catch::Contains("duplicate key"));
    CHECK(parse_raw_json("[[[1]]]", 3));
    CHECK_THROWS_WITH(parse_raw_json("[[[[1]]]]", 3), "nests deeper than 3 levels");
}

TEST_CASE("one_line puts a canonical value on one line", "[raw_json]") {
    CHECK(one_line(*parse_raw_json(R"({"a": [1, 2], "b": {}})", 8)) == R"({"a": [1, 2], "b": {}})");
    CHECK(one_line(RawJson{"\"x, y\""}) == "\"x, y\"");
}

TEST_CASE("is_valid_utf8 accepts exactly well-formed UTF-8", "[raw_json]") {
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("é 日本 🚀"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));         // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));     // overlong, three bytes
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));     // a surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("ab\xe6\x97"));       // cut short
    CHECK_FALSE(is_valid_utf8("\x80"));             // a lone continuation byte
}

TEST_CASE("one_line with a limit shortens on a UTF-8 boundary", "[raw_json]") {
    RawJson short_value{"[\n  1,\n  2\n]"};
    CHECK(one_line(short_value, 6) == "[1, 2]");
    CHECK(one_line(short_value, 5) == "[1...");
    RawJson accented{"\"éééé\""}; // each é is two bytes
    CHECK(one_line(accented, 7) == "\"é...");
}
