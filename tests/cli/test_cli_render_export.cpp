// sheet_table: an export sheet as CSV, numeric columns kept numbers, text neutralised.
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

TEST_CASE("CsvSheetWriter writes a sheet as it is built, as render_csv writes the whole table",
          "[render_export]") {
    std::vector<SheetColumn> columns = {{"Title 1"}, {"Labels"}, {"Labels"}, {"delta", true}};
    std::vector<std::vector<std::string>> rows = {
        {"=1+1", "a,b", "", "-5"}, {"-5", "say \"hi\"", "x\ny", ""}, {"@sum", "\tx", "+1", "1e3"}};
    std::ostringstream streamed;
    CsvSheetWriter writer(streamed);
    writer.columns(columns);
    std::string after_header = streamed.str();
    CHECK(after_header == "Title 1,Labels,Labels,delta\n"); // the header comes before any row
    for (const auto& row : rows) {
        writer.row(row);
    }
    Sheet sheet;
    sheet.columns = columns;
    sheet.rows = rows;
    std::ostringstream whole;
    render_csv(whole, sheet_table(sheet));
    CHECK(streamed.str() == whole.str());
    CHECK(streamed.str().ends_with("'@sum,'\tx,'+1,1e3\n"));
}

TEST_CASE("collect_sheet keeps the columns and rows a sheet writer gives it", "[render_export]") {
    Sheet sheet = collect_sheet([](SheetSink& sink) {
        sink.columns({{"a"}, {"b", true}});
        sink.row({"x", "1"});
        sink.row({"y", "2"});
    });
    REQUIRE(sheet.columns.size() == 2);
    CHECK(sheet.columns[1].numeric);
    CHECK(sheet.rows == std::vector<std::vector<std::string>>{{"x", "1"}, {"y", "2"}});
}
