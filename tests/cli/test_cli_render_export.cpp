// sheet_table: an export sheet as CSV, numeric columns kept numbers, text neutralised in a sheet
// for a spreadsheet and unchanged in a sheet for an agile tool's importer.
#include "cli/render_export.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace mbl;
using namespace mbl::cli;

TEST_CASE("sheet_table renders numeric columns as numbers and neutralises text",
          "[render_export]") {
    Sheet sheet;
    sheet.columns = {{"Title 1"}, {"Labels"}, {"Labels"}, {"delta", true}};
    sheet.rows = {{"=1+1", "a,b", "", "-5"}, {"-5", "say \"hi\"", "x\ny", ""}};
    sheet.for_spreadsheet = true;
    Table table = sheet_table(sheet);
    REQUIRE(table.columns.size() == 4);
    CHECK(table.columns[0].key == "Title 1");
    CHECK(table.columns[0].kind == ColumnKind::text);
    CHECK(table.columns[3].kind == ColumnKind::number);
    std::ostringstream out;
    render_csv(out, table);
    CHECK(out.str() == "Title 1,Labels,Labels,delta\n"
                       "'=1+1,\"a,b\",,-5\n"
                       "'-5,\"say \"\"hi\"\"\",\"x\ny\",\n");
}

TEST_CASE("sheet_table keeps the text of an agile tool's sheet unchanged", "[render_export]") {
    Sheet sheet;
    sheet.columns = {{"Title 1"}, {"Tags"}, {"Priority", true}};
    sheet.rows = {{"=SUM(1)", "@x, y", "-5"}, {"+1", "-a\tb", ""}};
    Table table = sheet_table(sheet);
    CHECK(table.columns[0].kind == ColumnKind::verbatim);
    CHECK(table.columns[2].kind == ColumnKind::number);
    std::ostringstream out;
    render_csv(out, table);
    CHECK(out.str() == "Title 1,Tags,Priority\n"
                       "=SUM(1),\"@x, y\",-5\n"
                       "+1,-a\tb,\n");
}
