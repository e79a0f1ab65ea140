// The .xlsx reader's small pieces (xlsx_cells.cpp, xlsx_xml.cpp): cell references, numbers,
// number formats, serial dates, `_xHHHH_` escapes and relationship targets.
#include "core/xlsx_detail.hpp"

#include <catch2/catch.hpp>

using namespace mbl::xlsx_detail;

TEST_CASE("parse_cell_reference and cell_reference: A1 to XFD1048576", "[xlsx]") {
    auto b12 = parse_cell_reference("B12");
    REQUIRE(b12);
    CHECK(b12->column == 1);
    CHECK(b12->row == 12);
    auto last = parse_cell_reference("XFD1048576");
    REQUIRE(last);
    CHECK(last->column == 16383);
    CHECK(cell_reference(16383, 1048576) == "XFD1048576");
    CHECK(cell_reference(26, 3) == "AA3");
    CHECK(cell_reference(0, 1) == "A1");
    for (const char* bad : {"XFE1", "A1048577", "A0", "1", "A", "a1", "AAAA1", "A1x", "", "A-1"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_cell_reference(bad));
    }
}

TEST_CASE("number_text: the shortest text, plain digits where they read well", "[xlsx]") {
    CHECK(number_text("12288") == "12288");
    CHECK(number_text("12288.0") == "12288");
    CHECK(number_text("1024.5") == "1024.5");
    CHECK(number_text("0.1") == "0.1");
    CHECK(number_text("2000000") == "2000000");
    CHECK(number_text("1.2345678901234E+20") == "1.2345678901234e+20");
    CHECK(number_text("-3.5E-05") == "-0.000035");
    CHECK(number_text("-0") == "0");
    CHECK(number_text(" 7 ") == "7");
    for (const char* bad : {"", "12,288", "abc", "1e", "nan", "inf", "0x10", "1 2"}) {
        CAPTURE(bad);
        CHECK_FALSE(number_text(bad));
    }
}

TEST_CASE("number shapes: built-in ids and custom format codes", "[xlsx]") {
    CHECK(builtin_number_shape(0) == NumberShape::number);
    CHECK(builtin_number_shape(3) == NumberShape::number); // #,##0
    CHECK(builtin_number_shape(14) == NumberShape::date);
    CHECK(builtin_number_shape(20) == NumberShape::time);
    CHECK(builtin_number_shape(22) == NumberShape::date_time);
    CHECK(builtin_number_shape(46) == NumberShape::time);
    CHECK(custom_number_shape("yyyy\\-mm\\-dd") == NumberShape::date);
    CHECK(custom_number_shape("[$-409]d\\-mmm\\-yy;@") == NumberShape::date);
    CHECK(custom_number_shape("dd/mm/yyyy hh:mm") == NumberShape::date_time);
    CHECK(custom_number_shape("[h]:mm") == NumberShape::time);
    CHECK(custom_number_shape("#,##0") == NumberShape::number);
    CHECK(custom_number_shape("[Red]0.00") == NumberShape::number);
    CHECK(custom_number_shape("0\" days\"") == NumberShape::number); // quoted text
    CHECK(custom_number_shape("General") == NumberShape::number);
}

TEST_CASE("date_text: 1900 and 1904 systems, times, out of range", "[xlsx]") {
    CHECK(date_text(1, NumberShape::date, false) == "1900-01-01");
    CHECK(date_text(59, NumberShape::date, false) == "1900-02-28");
    CHECK_FALSE(date_text(60, NumberShape::date, false)); // Excel's 1900-02-29
    CHECK(date_text(61, NumberShape::date, false) == "1900-03-01");
    CHECK(date_text(44197, NumberShape::date, false) == "2021-01-01");
    CHECK(date_text(44197.75, NumberShape::date_time, false) == "2021-01-01 18:00:00");
    CHECK(date_text(44197.0, NumberShape::date_time, false) == "2021-01-01");
    CHECK(date_text(44197.99999999, NumberShape::date_time, false) == "2021-01-02");
    CHECK(date_text(0.5, NumberShape::time, false) == "12:00:00");
    CHECK(date_text(0, NumberShape::date, true) == "1904-01-01");
    CHECK(date_text(2958465, NumberShape::date, false) == "9999-12-31");
    CHECK_FALSE(date_text(2958466, NumberShape::date, false));
    CHECK_FALSE(date_text(-1, NumberShape::date, false));
}

TEST_CASE("decode_xstring: Excel's _xHHHH_ escapes", "[xlsx]") {
    CHECK(decode_xstring("line_x000D_\nnext") == "line\r\nnext");
    CHECK(decode_xstring("_x005F_x0041_") == "_x0041_");
    CHECK(decode_xstring("caf_x00E9_ _x20AC_") == "caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(decode_xstring("_xD83D_") == "_xD83D_"); // a lone surrogate stays as written
    CHECK(decode_xstring("_x12_ _xZZZZ_ plain_x") == "_x12_ _xZZZZ_ plain_x");
}

TEST_CASE("resolve_target: relative, absolute, and nothing outside the archive", "[xlsx]") {
    CHECK(resolve_target("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
    CHECK(resolve_target("xl/workbook.xml", "/xl/worksheets/sheet1.xml") ==
          "xl/worksheets/sheet1.xml");
    // A part path inside the archive, written in two pieces (a parent step, then the file).
    CHECK(resolve_target("xl/workbook.xml", "./worksheets/.."
                                            "/sharedStrings.xml") == "xl/sharedStrings.xml");
    CHECK(resolve_target("xl/workbook.xml", "../docProps/app.xml") == "docProps/app.xml");
    CHECK(resolve_target("", "xl/workbook.xml") == "xl/workbook.xml");
    CHECK_FALSE(resolve_target("xl/workbook.xml", "../../etc/passwd"));
    CHECK_FALSE(resolve_target("xl/workbook.xml", "/../x.xml"));
    CHECK_FALSE(resolve_target("xl/workbook.xml", ""));
    CHECK_FALSE(resolve_target("xl/workbook.xml", ".."));
    CHECK(rels_part_of("xl/workbook.xml") == "xl/_rels/workbook.xml.rels");
    CHECK(rels_part_of("") == "_rels/.rels");
}
