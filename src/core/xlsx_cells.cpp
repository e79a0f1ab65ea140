// Cell values as text: references (`B12`), numbers in their shortest form, serial dates, and
// which number formats show dates (ECMA-376 Part 1, 18.8.30 numFmt).
#include "mbl/date.hpp"
#include "xlsx_detail.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace mbl::xlsx_detail {
namespace {

constexpr std::size_t max_columns = 16384;  // XFD
constexpr std::size_t max_rows = 1'048'576; // Excel's last row

NumberShape shape_of(bool date, bool time) {
    if (date) {
        return time ? NumberShape::date_time : NumberShape::date;
    }
    return time ? NumberShape::time : NumberShape::number;
}

} // namespace

NumberShape builtin_number_shape(unsigned id) {
    if (id >= 14 && id <= 17) {
        return NumberShape::date; // m/d/yyyy, d-mmm-yy, d-mmm, mmm-yy
    }
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
        return NumberShape::time; // h:mm AM/PM, h:mm:ss, mm:ss, [h]:mm:ss, mm:ss.0
    }
    return id == 22 ? NumberShape::date_time : NumberShape::number; // m/d/yyyy h:mm
}

NumberShape custom_number_shape(std::string_view format_code) {
    bool date = false;
    bool time = false;
    for (std::size_t i = 0; i < format_code.size(); ++i) {
        char c = format_code[i];
        if (c == '"') { // literal text
            std::size_t close = format_code.find('"', i + 1);
            i = close == std::string_view::npos ? format_code.size() : close;
        } else if (c == '[') { // a colour, a condition, a locale ([$-409]); [h] is still a time
            std::size_t close = format_code.find(']', i + 1);
            std::string_view inside = format_code.substr(i + 1, close - i - 1);
            time = time || inside.find_first_of("hHsS") != std::string_view::npos;
            i = close == std::string_view::npos ? format_code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') { // an escaped, spacing or fill character
            ++i;
        } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
            date = true;
        } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
            time = true;
        }
    }
    return shape_of(date, time);
}

std::optional<CellPosition> parse_cell_reference(std::string_view reference) {
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < reference.size() && i < 3 && reference[i] >= 'A' && reference[i] <= 'Z') {
        column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
        ++i;
    }
    std::size_t row = 0;
    std::string_view digits = reference.substr(i);
    if (i == 0 || column > max_columns || digits.empty() || digits.size() > 7 ||
        std::from_chars(digits.data(), digits.data() + digits.size(), row).ptr !=
            digits.data() + digits.size() ||
        row == 0 || row > max_rows) {
        return std::nullopt;
    }
    return CellPosition{column - 1, row};
}

std::string cell_reference(std::size_t column, std::size_t row) {
    std::string letters;
    for (std::size_t number = column + 1; number > 0; number = (number - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (number - 1) % 26));
    }
    return fmt::format("{}{}", letters, row);
}

std::optional<std::string> number_text(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
        value.remove_suffix(1);
    }
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
        !std::isfinite(number)) {
        return std::nullopt;
    }
    if (number == 0) {
        return "0";
    }
    std::array<char, 400> buffer;
    double magnitude = std::fabs(number);
    // Plain digits where they read well (12288, 0.25), the shortest form elsewhere (1e-07).
    auto result = magnitude >= 1e-6 && magnitude < 1e15
                      ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), number,
                                      std::chars_format::fixed)
                      : std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    return std::string(buffer.data(), result.ptr);
}

std::string decode_xstring(std::string text) {
    std::size_t at = text.find("_x");
    if (at == std::string::npos) {
        return text;
    }
    std::string out = text.substr(0, at);
    while (at < text.size()) {
        unsigned code = 0;
        bool escape = text.compare(at, 2, "_x") == 0 && at + 7 <= text.size() &&
                      text[at + 6] == '_' &&
                      std::from_chars(text.data() + at + 2, text.data() + at + 6, code, 16).ptr ==
                          text.data() + at + 6 &&
                      (code < 0xD800 || code > 0xDFFF);
        if (!escape) {
            out += text[at++];
            continue;
        }
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | code >> 6);
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | code >> 12);
            out += static_cast<char>(0x80 | (code >> 6 & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
        at += 7;
    }
    return out;
}

std::optional<std::string> date_text(double value, NumberShape shape, bool date1904) {
    using namespace std::chrono;
    if (!std::isfinite(value) || value < 0 || value >= 2958466) { // 9999-12-31 is 2958465
        return std::nullopt;
    }
    auto day_number = static_cast<long>(std::floor(value));
    auto seconds = static_cast<long>(std::lround((value - std::floor(value)) * 86400));
    if (seconds == 86400) {
        ++day_number;
        seconds = 0;
    }
    std::string time =
        fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (shape == NumberShape::time) {
        return time;
    }
    sys_days day;
    if (date1904) {
        day = sys_days(year{1904} / January / 1) + days(day_number);
    } else if (day_number == 0 || day_number == 60) {
        return std::nullopt; // Excel's 1900-01-00 and its fictitious 1900-02-29
    } else {
        // Excel counts 1900-02-29, which never was: serial 1 is 1900-01-01, 61 is 1900-03-01.
        day = sys_days(year{1899} / December / (day_number < 60 ? 31 : 30)) + days(day_number);
    }
    if (year_month_day(day).year() > year{9999}) {
        return std::nullopt;
    }
    std::string date = Date{day}.to_string();
    if (shape == NumberShape::date_time && seconds != 0) {
        return date + " " + time;
    }
    return date;
}

} // namespace mbl::xlsx_detail
