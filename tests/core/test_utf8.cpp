// utf8_sequence_length and is_valid_utf8 (mbl/utf8.hpp): the one UTF-8 check of the project.
#include "mbl/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

std::size_t length_of(const std::string& bytes) {
    return mbl::utf8_sequence_length(bytes.data(), bytes.data() + bytes.size());
}

} // namespace

TEST_CASE("utf8_sequence_length measures well-formed sequences", "[utf8]") {
    CHECK(length_of("a") == 1);
    CHECK(length_of("\xC3\xA9x") == 2);        // é
    CHECK(length_of("\xE2\x82\xAC") == 3);     // €
    CHECK(length_of("\xF0\x9F\x98\x80") == 4); // 😀
    CHECK(length_of("\xF4\x8F\xBF\xBF") == 4); // U+10FFFF
    CHECK(length_of("\xED\x9F\xBF") == 3);     // U+D7FF, just below the surrogates
}

TEST_CASE("utf8_sequence_length refuses what RFC 3629 forbids", "[utf8]") {
    CHECK(length_of("\x80") == 0);             // a continuation byte alone
    CHECK(length_of("\xC0\xAF") == 0);         // overlong '/'
    CHECK(length_of("\xC1\xBF") == 0);         // overlong
    CHECK(length_of("\xE0\x80\xAF") == 0);     // overlong, three bytes
    CHECK(length_of("\xF0\x80\x80\xAF") == 0); // overlong, four bytes
    CHECK(length_of("\xED\xA0\x80") == 0);     // U+D800, a surrogate
    CHECK(length_of("\xF4\x90\x80\x80") == 0); // past U+10FFFF
    CHECK(length_of("\xF5\x80\x80\x80") == 0);
    CHECK(length_of("\xFF") == 0);
    CHECK(length_of("\xE2\x82") == 0); // cut short
    CHECK(length_of("\xC3(") == 0);    // not a continuation
}

TEST_CASE("is_valid_utf8 checks every sequence of a text", "[utf8]") {
    CHECK(mbl::is_valid_utf8(""));
    CHECK(mbl::is_valid_utf8("plain ASCII"));
    CHECK(mbl::is_valid_utf8("Zürich \xE2\x82\xAC \xF0\x9F\x98\x80"));
    CHECK_FALSE(mbl::is_valid_utf8("Z\xFCrich")); // Latin-1
    CHECK_FALSE(mbl::is_valid_utf8("ok \xED\xA0\x80"));
    CHECK_FALSE(mbl::is_valid_utf8("cut \xF0\x9F\x98"));
}
