// read_number_cell: numbers as spreadsheets display them (`12,288`, `1.024,5`), read by the rule
// written above its declaration in import.hpp. Written by hand: std::from_chars and strtod know
// no group separators, and a locale (std::locale, strtod_l) would accept what the rule refuses
// (`1,2,3`, groups of any size) and depend on the locales installed.
#include "mbl/import.hpp"

#include <array>
#include <fmt/format.h>

namespace mbl {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";            // U+00A0
constexpr std::string_view narrow_no_break_space = "\xE2\x80\xAF"; // U+202F

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::size_t digits_at(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_digit(text[end])) {
        ++end;
    }
    return end - at;
}

// `text` (without its sign) is a JSON number: 0 or digits not starting with 0, an optional
// fraction, an optional exponent.
bool is_plain_json_number(std::string_view text) {
    std::size_t at = digits_at(text, 0);
    if (at == 0 || (at > 1 && text[0] == '0')) {
        return false;
    }
    if (at < text.size() && text[at] == '.') {
        std::size_t fraction = digits_at(text, at + 1);
        if (fraction == 0) {
            return false;
        }
        at += 1 + fraction;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
            ++at;
        }
        std::size_t exponent = digits_at(text, at);
        if (exponent == 0) {
            return false;
        }
        at += exponent;
    }
    return at == text.size();
}

// The digit runs of `text` and the separator before each run after the first (`.`, `,`, or a
// no-break space of either width, as the bytes written); nullopt for anything else in it, or for
// more pieces than any number has (a fixed array: no allocation per cell).
struct Pieces {
    static constexpr std::size_t most = 24;
    std::array<std::string_view, most> runs;
    std::array<std::string_view, most> separators; // separators[i] comes before runs[i + 1]
    std::size_t count = 0;                         // runs
};

std::optional<Pieces> split_pieces(std::string_view text) {
    Pieces pieces;
    std::size_t at = 0;
    while (true) {
        if (pieces.count == Pieces::most) {
            return std::nullopt;
        }
        std::size_t run = digits_at(text, at);
        pieces.runs[pieces.count++] = text.substr(at, run);
        at += run;
        if (at == text.size()) {
            return pieces;
        }
        std::string_view rest = text.substr(at);
        std::size_t width = 0;
        if (rest[0] == '.' || rest[0] == ',') {
            width = 1;
        } else if (rest.starts_with(no_break_space)) {
            width = no_break_space.size();
        } else if (rest.starts_with(narrow_no_break_space)) {
            width = narrow_no_break_space.size();
        } else {
            return std::nullopt;
        }
        pieces.separators[pieces.count - 1] = rest.substr(0, width);
        at += width;
    }
}

// `body` (no sign) read with `mark`, by the grouped rule; nullopt when it does not fit.
std::optional<std::string> read_grouped(std::string_view body, DecimalMark mark) {
    std::optional<Pieces> pieces = split_pieces(body);
    if (!pieces) {
        return std::nullopt;
    }
    const std::string_view decimal = mark == DecimalMark::point ? "." : ",";
    const std::string_view group = mark == DecimalMark::point ? "," : ".";
    std::size_t integer_runs = pieces->count;
    std::string_view fraction;
    if (pieces->count > 1 && pieces->separators[pieces->count - 2] == decimal) {
        fraction = pieces->runs[pieces->count - 1];
        --integer_runs;
        if (fraction.empty()) {
            return std::nullopt;
        }
    }
    std::string_view group_separator;
    std::string number;
    number.reserve(body.size());
    for (std::size_t i = 0; i < integer_runs; ++i) {
        std::string_view run = pieces->runs[i];
        if (i > 0) {
            std::string_view separator = pieces->separators[i - 1];
            bool allowed = separator == group || separator == no_break_space ||
                           separator == narrow_no_break_space;
            if (!allowed || (!group_separator.empty() && separator != group_separator) ||
                run.size() != 3) {
                return std::nullopt;
            }
            group_separator = separator;
        }
        number += run;
    }
    std::string_view first = pieces->runs[0];
    if (first.empty() || (first.size() > 1 && first[0] == '0')) {
        return std::nullopt; // `,5`, `012`
    }
    if (integer_runs > 1 && (first.size() > 3 || first[0] == '0')) {
        return std::nullopt; // `1234,567`, `0,500` with a decimal point
    }
    if (!fraction.empty()) {
        number += '.';
        number += fraction;
    }
    return number;
}

// With a decimal comma, `12.288` and `1.024.000` are grouped integers, not decimals.
bool is_dot_grouped_integer(std::string_view body) {
    std::optional<Pieces> pieces = split_pieces(body);
    if (!pieces || pieces->count < 2) {
        return false;
    }
    for (std::size_t i = 0; i + 1 < pieces->count; ++i) {
        if (pieces->separators[i] != ".") {
            return false;
        }
    }
    return read_grouped(body, DecimalMark::comma).has_value();
}

std::optional<std::string> read_with(std::string_view body, DecimalMark mark) {
    if (is_plain_json_number(body) &&
        !(mark == DecimalMark::comma && is_dot_grouped_integer(body))) {
        return std::string(body);
    }
    return read_grouped(body, mark);
}

std::string_view mark_name(DecimalMark mark) {
    return mark == DecimalMark::point ? "a decimal point" : "a decimal comma";
}

} // namespace

NumberReading read_number_cell(std::string_view cell, DecimalMark mark) {
    std::string_view body = cell;
    bool negative = body.starts_with('-');
    if (negative) {
        body.remove_prefix(1);
    }
    NumberReading reading;
    if (auto number = read_with(body, mark)) {
        reading.number = negative ? "-" + *number : std::move(*number);
        return reading;
    }
    DecimalMark other = mark == DecimalMark::point ? DecimalMark::comma : DecimalMark::point;
    if (auto number = read_with(body, other)) {
        reading.problem =
            fmt::format("is not a number with {}: only {} reads it ({}{}); pass --{} if the file's "
                        "numbers are written that way",
                        mark_name(mark), mark_name(other), negative ? "-" : "", *number,
                        other == DecimalMark::point ? "decimal-point" : "decimal-comma");
        return reading;
    }
    reading.problem =
        mark == DecimalMark::point
            ? "is not a number; write it with digits, ',' between groups of three and '.' for "
              "decimals (e.g. 16, 12,288 or 2.5)"
            : "is not a number; write it with digits, '.' between groups of three and ',' for "
              "decimals (e.g. 16, 12.288 or 2,5)";
    return reading;
}

} // namespace mbl
