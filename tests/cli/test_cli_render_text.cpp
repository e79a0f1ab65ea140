#include "cli/render_text.hpp"

#include <catch2/catch.hpp>

using mbl::cli::display_width;
using mbl::cli::terminal_safe;

TEST_CASE("terminal_safe keeps ordinary text, including non-ASCII", "[cli-render]") {
    CHECK(terminal_safe("CRM database") == "CRM database");
    CHECK(terminal_safe("Café 日本 🚀") == "Café 日本 🚀");
    CHECK(terminal_safe("C:\\share") == "C:\\share");
}

TEST_CASE("terminal_safe escapes C0 controls and DEL", "[cli-render]") {
    CHECK(terminal_safe("a\x1b[31mred") == "a\\x1b[31mred");
    CHECK(terminal_safe("tab\there") == "tab\\x09here");
    CHECK(terminal_safe("bell\x07") == "bell\\x07");
    CHECK(terminal_safe("del\x7f") == "del\\x7f");
    CHECK(terminal_safe(std::string("nul\0x", 5)) == "nul\\x00x");
}

TEST_CASE("terminal_safe escapes newlines unless asked to keep them", "[cli-render]") {
    CHECK(terminal_safe("a\nb\r") == "a\\x0ab\\x0d");
    CHECK(terminal_safe("a\nb\r", true) == "a\nb\\x0d");
}

TEST_CASE("terminal_safe escapes C1 controls and bidi overrides", "[cli-render]") {
    CHECK(terminal_safe("x\u0085y") == "x\\u0085y");
    CHECK(terminal_safe("\xc2\x9b"
                        "31m") == "\\u009b31m"); // CSI as a C1 control
    CHECK(terminal_safe("evil\u202Etxt.exe") == "evil\\u202etxt.exe");
    CHECK(terminal_safe("\u202A\u202B\u202C\u202D") == "\\u202a\\u202b\\u202c\\u202d");
    CHECK(terminal_safe("\u2066\u2067\u2068\u2069") == "\\u2066\\u2067\\u2068\\u2069");
    CHECK(terminal_safe("\u2065\u206A") == "\u2065\u206A"); // neighbours pass
}

TEST_CASE("terminal_safe escapes the invisible bidi marks", "[cli-render]") {
    CHECK(terminal_safe("a\u200Eb\u200Fc") == "a\\u200eb\\u200fc");     // LRM, RLM
    CHECK(terminal_safe("a\u061Cb") == "a\\u061cb");                    // Arabic letter mark
    CHECK(terminal_safe("\u200D\u2010\u061B") == "\u200D\u2010\u061B"); // neighbours pass
}

TEST_CASE("terminal_safe shows invalid UTF-8 bytes as \\xNN", "[cli-render]") {
    CHECK(terminal_safe("a\xff"
                        "b") == "a\\xffb");
    CHECK(terminal_safe("\xc3") == "\\xc3");                   // truncated sequence
    CHECK(terminal_safe("\xc0\xaf") == "\\xc0\\xaf");          // overlong '/'
    CHECK(terminal_safe("\xed\xa0\x80") == "\\xed\\xa0\\x80"); // UTF-16 surrogate
    CHECK(terminal_safe("\xe6\x97") == "\\xe6\\x97");          // cut in the middle of 日
}

TEST_CASE("display_width counts columns, not bytes", "[cli-render]") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("é") == 1);       // precomposed: 2 bytes, 1 column
    CHECK(display_width("e\u0301") == 1); // e + combining acute
    CHECK(display_width("日本語") == 6);  // wide: 2 columns each
    CHECK(display_width("ｶﾀｶﾅ") == 4);    // halfwidth katakana: 1 column each
    CHECK(display_width("한국") == 4);
    CHECK(display_width("🚀") == 2);
    CHECK(display_width("\xff") == 1);
}
