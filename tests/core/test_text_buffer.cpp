#include "core/json_write.hpp"
#include "core/text_buffer.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <string>

using mbl::detail::TextBuffer;

namespace {

// JSON quoting one byte at a time, the plain way: what the writer's quoting must equal.
std::string quoted_one_by_one(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20) {
            out += fmt::format("\\u{:04x}", byte);
        } else {
            out += c;
        }
    }
    return out + "\"";
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
}

TEST_CASE("a text buffer indents two spaces a level, deep levels included", "[text_buffer]") {
    for (int depth : {0, 1, 3, 31, 32, 33, 50}) {
        TextBuffer buffer; // no capacity: the first indentation grows it
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
// every length around those steps, with the byte to escape at every place, and none at all.
TEST_CASE("strings are quoted the same at every length and escape position", "[text_buffer]") {
    for (char special : {'"', '\\', '\n', '\t', '\x01', '\x1f'}) {
        for (std::size_t length = 0; length <= 50; ++length) {
            for (std::size_t place = 0; place <= length; ++place) {
                std::string text(length, 'a');
                for (std::size_t i = 0; i < length; ++i) {
                    text[i] =
                        static_cast<char>(i % 3 == 0 ? '\xc3' : 'a' + i % 26); // UTF-8 bytes pass
                }
                if (place < length) {
                    text[place] = special;
                }
                std::string expected = quoted_one_by_one(text);
                std::string into_string;
                mbl::detail::append_quoted(into_string, text);
                TextBuffer into_buffer;
                mbl::detail::append_quoted(into_buffer, text);
                INFO("length " << length << ", byte to escape at " << place);
                REQUIRE(into_string == expected);
                REQUIRE(into_buffer.view() == expected);
            }
        }
    }
}
