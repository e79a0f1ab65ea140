#include "core/json_write.hpp"
#include "core/text_buffer.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <memory>
#include <string>

using mbl::detail::TextBuffer;

namespace {

// JSON quoting one byte at a time, the plain way: what the writer's quoting must equal.
std::string quoted_one_by_one(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += byte < 0x20 ? fmt::format("\\u{:04x}", byte) : std::string(1, c);
        }
    }
    return out + "\"";
}

std::string buffer_text(TextBuffer& buffer) {
    return std::string(buffer.view());
}

} // namespace

TEST_CASE("a text buffer grows past its capacity and keeps every byte", "[text_buffer]") {
    TextBuffer buffer(3);
    std::string expected;
    for (int i = 0; i < 200; ++i) {
        std::string piece = std::to_string(i) + ",";
        buffer.append(piece);
        buffer.push_back('x');
        buffer.append(std::size_t(2), ' ');
        expected += piece + "x  ";
    }
    CHECK(buffer.size() == expected.size());
    CHECK(buffer.view() == expected);
    CHECK(buffer.take() == expected);
    CHECK(buffer.size() == 0);
    buffer += "again";
    CHECK(buffer.view() == "again");
    buffer.clear();
    CHECK(buffer.view().empty());
    CHECK(buffer.take().empty());
}

// Pieces larger than what the buffer holds, and than twice it: growth must count what is there.
TEST_CASE("a text buffer takes pieces larger than its room", "[text_buffer]") {
    TextBuffer buffer(100);
    buffer.append(std::string(90, 'a'));
    buffer.append(std::string(300, 'c'));
    buffer.append(std::size_t(1000), 'd');
    CHECK(buffer_text(buffer) ==
          std::string(90, 'a') + std::string(300, 'c') + std::string(1000, 'd'));
}

TEST_CASE("a text buffer takes empty pieces, an empty view without data too", "[text_buffer]") {
    TextBuffer buffer;
    buffer.append(std::string_view{});
    buffer.append(std::string_view{}.data(), 0);
    mbl::detail::append_quoted(buffer, std::string_view{});
    CHECK(buffer.view() == "\"\"");
}

TEST_CASE("a text buffer indents two spaces a level, deep levels included", "[text_buffer]") {
    for (int depth : {0, 1, 3, 31, 32, 33, 50}) {
        TextBuffer buffer; // no room yet: the first indentation grows it
        buffer.push_back('[');
        buffer.indent(depth);
        buffer.push_back(']');
        CHECK(buffer.view() == "[" + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "]");
    }
}

TEST_CASE("a text buffer hands out room to fill", "[text_buffer]") {
    TextBuffer buffer;
    buffer += "ab";
    char* at = buffer.extend(3);
    at[0] = 'c';
    at[1] = 'd';
    at[2] = 'e';
    buffer += 'f';
    CHECK(buffer.view() == "abcdef");
}

// The writer finds the bytes to escape 16 at a time and then in the last 16 bytes of the text:
// every length around those steps, every byte value at every place. Each text is in memory of
// its exact size, so a read past its end is caught by the sanitizers.
TEST_CASE("strings are quoted the same at every length, byte and place", "[json_write]") {
    for (int special = 0; special < 256; ++special) {
        for (std::size_t length = 1; length <= 40; ++length) {
            for (std::size_t place = 0; place < length; ++place) {
                auto exact = std::make_unique<char[]>(length);
                for (std::size_t i = 0; i < length; ++i) {
                    exact[i] = i % 3 == 0 ? '\xc3' : static_cast<char>('a' + i % 26); // UTF-8
                }
                exact[place] = static_cast<char>(special);
                std::string_view text(exact.get(), length);
                std::string expected = quoted_one_by_one(text);
                std::string into_string;
                mbl::detail::append_quoted(into_string, text);
                TextBuffer into_buffer;
                mbl::detail::append_quoted(into_buffer, text);
                INFO("length " << length << ", byte " << special << " at " << place);
                REQUIRE(into_string == expected);
                REQUIRE(into_buffer.view() == expected);
            }
        }
    }
}

TEST_CASE("numbers and raw values are written the same into a buffer and a string",
          "[json_write]") {
    for (double value :
         {16.0, -3.0, -0.0, 999999999999999.0, 1e15, 1e20, 0.1, 0.00012345678901234567,
          -2.2250738585072014e-308, 5e-324, 1.7976931348623157e308}) {
        std::string into_string;
        mbl::detail::append_number(into_string, value);
        TextBuffer into_buffer;
        mbl::detail::append_number(into_buffer, value);
        INFO(value);
        CHECK(into_buffer.view() == into_string);
    }
    mbl::RawObject members{{"plain", mbl::RawJson{"1"}},
                           {"nested", mbl::RawJson{"{\n  \"a\": [\n    1\n  ]\n}"}},
                           {"quote\"d", mbl::RawJson{"\"x\""}}};
    std::string into_string;
    mbl::detail::append_object(into_string, members, 2);
    TextBuffer into_buffer;
    mbl::detail::append_object(into_buffer, members, 2);
    CHECK(into_buffer.view() == into_string);
    CHECK(into_string ==
          "{\n      \"plain\": 1,\n      \"nested\": {\n        \"a\": [\n          1\n"
          "        ]\n      },\n      \"quote\\\"d\": \"x\"\n    }");
}
