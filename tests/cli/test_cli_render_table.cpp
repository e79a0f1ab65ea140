#include "cli/render_table.hpp"
#include "cli/render_text.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace mbl::cli;

namespace {

using mbl::test::lines_of;

// The display column where `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
    return display_width(line.substr(0, line.find(needle)));
}

Table sample_table() {
    Table table;
    table.columns = {{"ID", "id"},
                     {"NAME", "name"},
                     {"ESTIMATE", "estimate", ColumnKind::number},
                     {"STATUS", "status"}};
    table.rows = {{{"a"}, {"Café"}, {"16"}, {"replicated", Tone::good}},
                  {{"b"}, {"日本語の名前"}, {"8.5"}, {"blocked", Tone::bad}},
                  {{"c"}, {"plain"}, {""}, {"not-started"}}};
    return table;
}

} // namespace

TEST_CASE("render_table aligns columns by display width", "[cli-render]") {
    std::ostringstream out;
    render_table(out, sample_table(), false);
    auto lines = lines_of(out.str());
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "ID  NAME          ESTIMATE  STATUS");
    // STATUS starts at the same display column on every line, whatever the name's script.
    std::size_t status_column = column_of(lines[0], "STATUS");
    CHECK(column_of(lines[1], "replicated") == status_column);
    CHECK(column_of(lines[2], "blocked") == status_column);
    CHECK(column_of(lines[3], "not-started") == status_column);
}

TEST_CASE("render_table right-aligns numbers and shows a missing one as -", "[cli-render]") {
    std::ostringstream out;
    render_table(out, sample_table(), false);
    auto lines = lines_of(out.str());
    std::size_t estimate_end = column_of(lines[0], "ESTIMATE") + 8;
    CHECK(column_of(lines[1], "16") + 2 == estimate_end);
    CHECK(column_of(lines[2], "8.5") + 3 == estimate_end);
    CHECK(lines[3].find("  -  ") != std::string::npos);
}

TEST_CASE("render_table leaves no trailing spaces", "[cli-render]") {
    Table table;
    table.columns = {{"ID", "id"}, {"OWNER", "owner"}};
    table.rows = {{{"long-identifier"}, {""}}, {{"x"}, {"ops"}}};
    std::ostringstream out;
    render_table(out, table, false);
    for (const std::string& line : lines_of(out.str())) {
        CHECK(line.back() != ' ');
    }
    CHECK(lines_of(out.str())[1] == "long-identifier");
}

TEST_CASE("render_table escapes control characters from the file", "[cli-render]") {
    Table table;
    table.columns = {{"NAME", "name"}, {"PRI", "priority", ColumnKind::number}};
    table.rows = {{{"x\x1b[2Jy\u202E"}, {"1"}}};
    std::ostringstream out;
    render_table(out, table, false);
    CHECK(out.str().find('\x1b') == std::string::npos);
    CHECK(lines_of(out.str())[1] == "x\\x1b[2Jy\\u202e    1");
}

TEST_CASE("render_table colours only toned cells, and only when asked", "[cli-render]") {
    std::ostringstream plain;
    render_table(plain, sample_table(), false);
    CHECK(plain.str().find('\x1b') == std::string::npos);

    std::ostringstream coloured;
    render_table(coloured, sample_table(), true);
    auto lines = lines_of(coloured.str());
    CHECK(lines[0].find('\x1b') == std::string::npos);
    CHECK(lines[1].find("\x1b[32mreplicated\x1b[0m") != std::string::npos);
    CHECK(lines[2].find("\x1b[31mblocked\x1b[0m") != std::string::npos);
    CHECK(lines[3].find('\x1b') == std::string::npos);
}

TEST_CASE("csv_field quotes per RFC 4180", "[cli-render]") {
    CHECK(csv_field("plain", ColumnKind::text) == "plain");
    CHECK(csv_field("a,b", ColumnKind::text) == "\"a,b\"");
    CHECK(csv_field("say \"hi\"", ColumnKind::text) == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines", ColumnKind::text) == "\"two\nlines\"");
    CHECK(csv_field("cr\r", ColumnKind::text) == "\"cr\r\"");
    CHECK(csv_field("", ColumnKind::text) == "");
}

TEST_CASE("csv_field neutralises formula-like text cells only", "[cli-render]") {
    CHECK(csv_field("=SUM(A1)", ColumnKind::text) == "'=SUM(A1)");
    CHECK(csv_field("+1", ColumnKind::text) == "'+1");
    CHECK(csv_field("-cmd", ColumnKind::text) == "'-cmd");
    CHECK(csv_field("@x", ColumnKind::text) == "'@x");
    CHECK(csv_field("\tx", ColumnKind::text) == "'\tx");
    CHECK(csv_field("\rx", ColumnKind::text) == "\"'\rx\"");
    CHECK(csv_field("=HYPERLINK(\"a\",\"b\")", ColumnKind::text) ==
          "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
    CHECK(csv_field("a=b", ColumnKind::text) == "a=b");
    CHECK(csv_field("-5", ColumnKind::number) == "-5");
}

TEST_CASE("append_csv_field appends what csv_field returns", "[cli-render]") {
    for (ColumnKind kind : {ColumnKind::text, ColumnKind::verbatim, ColumnKind::number}) {
        for (std::string text :
             {"", "plain", "a,b", "\"", "\"\"", "say \"hi\" \"twice\"", "=SUM(A1)", "-5", "\rx",
              "=HYPERLINK(\"a\",\"b\")", "end\"", "two\nlines", "@x,\"y\""}) {
            CAPTURE(text, static_cast<int>(kind));
            std::string line = "before,";
            append_csv_field(line, text, kind);
            CHECK(line == "before," + csv_field(text, kind));
        }
    }
    std::string line;
    append_csv_field(line, "'\"quoted\"'", ColumnKind::text);
    CHECK(line == "\"'\"\"quoted\"\"'\"");
}

TEST_CASE("render_csv writes the keys as header and \\n line ends", "[cli-render]") {
    std::ostringstream out;
    render_csv(out, sample_table());
    CHECK(out.str() == "id,name,estimate,status\n"
                       "a,Café,16,replicated\n"
                       "b,日本語の名前,8.5,blocked\n"
                       "c,plain,,not-started\n");
}

TEST_CASE("render_fields aligns values and indents children", "[cli-render]") {
    std::vector<Field> fields{{"id", "crm-sql-01"}, {"replicated_on", "2027-01-10"}, {"tags", ""}};
    Field attributes{"attributes", ""};
    attributes.children = {{"cores", "8"}, {"os", "Linux"}};
    fields.push_back(attributes);
    Field tasks{"tasks", ""};
    tasks.children = {{"", "[x] Replicate"}};
    fields.push_back(tasks);
    std::ostringstream out;
    render_fields(out, fields, false);
    CHECK(out.str() == "id:            crm-sql-01\n"
                       "replicated_on: 2027-01-10\n"
                       "tags:\n"
                       "attributes:\n"
                       "  cores: 8\n"
                       "  os:    Linux\n"
                       "tasks:\n"
                       "  [x] Replicate\n");
}
