// markdown_escape and render_markdown_table: text from the file cannot break a cell or inject
// Markdown.
#include "cli/render_markdown.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace mbl::cli;
using mbl::test::lines_of;

TEST_CASE("markdown_escape escapes what Markdown acts on inline", "[render_markdown]") {
    CHECK(markdown_escape("crm-sql-01 (v2.1)") == "crm-sql-01 (v2.1)"); // nothing to escape
    CHECK(markdown_escape("a|b") == "a\\|b");
    CHECK(markdown_escape("*bold* _it_ `code` ~~x~~") ==
          "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~");
    CHECK(markdown_escape("[link](http://x) <b> &amp; $x$") ==
          "\\[link\\](http\\://x) \\<b\\> \\&amp; \\$x\\$");
    // Bare URLs, which GitHub would link by itself.
    CHECK(markdown_escape("see https://evil.example and www.evil.example") ==
          "see https\\://evil.example and www\\.evil.example");
    CHECK(markdown_escape("v2.1:8080 wwwx.y") == "v2.1:8080 wwwx.y");
    CHECK(markdown_escape("back\\slash") == "back\\\\slash");
}

TEST_CASE("markdown_escape keeps mentions and references from notifying anyone",
          "[render_markdown]") {
    // GitHub finds these in the rendered text, so a zero-width space (U+200B, written as a
    // character reference) goes after the `@`, the `#` or `GH-`: shown the same, matched by none.
    CHECK(markdown_escape("ask @octocat") == "ask @&#8203;octocat");
    CHECK(markdown_escape("@github/security-team") == "@&#8203;github/security-team");
    CHECK(markdown_escape("fixes #123, owner/repo#45 and GH-7") ==
          "fixes #&#8203;123, owner/repo#&#8203;45 and GH-&#8203;7");
    // Nothing GitHub would link: left as written.
    CHECK(markdown_escape("a@ b # 1 #x GH-x tag-7 @") == "a@ b # 1 #x GH-x tag-7 @");
}

TEST_CASE("markdown_escape keeps a cell on one line and shows control characters",
          "[render_markdown]") {
    CHECK(markdown_escape("two\nlines\r\nand\ttab") == "two lines  and tab");
    CHECK(markdown_escape("bell\x07") == "bell\\\\x07"); // terminal_safe's \x07, escaped
    CHECK(markdown_escape("Café 日本") == "Café 日本");
}

TEST_CASE("render_markdown_table: header, alignment, escaped cells", "[render_markdown]") {
    Table table;
    table.columns = {{"ID", "id"}, {"NAME", "name"}, {"ESTIMATE", "estimate", ColumnKind::number}};
    table.rows = {{{"a"}, {"x | y"}, {"16"}}, {{"b"}, {""}, {""}}};
    std::ostringstream out;
    render_markdown_table(out, table);
    CHECK(lines_of(out.str()) == std::vector<std::string>{"| ID | NAME | ESTIMATE |",
                                                          "| --- | --- | ---: |",
                                                          "| a | x \\| y | 16 |", "| b | | |"});
}
