// The delimiter of a CSV file (detected from its header line, or forced), --delimiter's
// spellings, and how a dialect is described to people.
#include "csv_dialect.hpp"

#include "mbl/error.hpp"
#include "mbl/import.hpp"

#include <array>
#include <fmt/format.h>

namespace mbl {

std::optional<char> parse_delimiter(std::string_view text) {
    if (text == "," || text == ";" || text == "|") {
        return text[0];
    }
    if (text == "tab" || text == "TAB" || text == "\\t" || text == "\t") {
        return '\t';
    }
    return std::nullopt;
}

std::string describe_dialect(const CsvDialect& dialect) {
    std::string delimiter =
        dialect.delimiter == '\t' ? "tab" : fmt::format("'{}'", dialect.delimiter);
    return fmt::format("{}-separated {}, decimal {}", delimiter, dialect.encoding,
                       dialect.decimal == DecimalMark::comma ? "comma" : "point");
}

namespace import_detail {
namespace {

constexpr std::array<char, 3> candidates{',', ';', '\t'};

std::string_view shown(char delimiter) {
    switch (delimiter) {
    case ',':
        return "','";
    case ';':
        return "';'";
    default:
        return "tab";
    }
}

} // namespace

DelimiterChoice choose_delimiter(std::string_view text, std::optional<char> forced,
                                 std::string_view label, std::string_view encoding) {
    DelimiterChoice choice;
    if (forced) {
        if (*forced == '"' || *forced == '\n' || *forced == '\r') {
            throw usage_error("--delimiter: a quote or a line break cannot separate fields");
        }
        choice.delimiter = *forced;
        choice.forced = true;
        return choice;
    }
    // Excel's `sep=;` hint line.
    if (text.size() >= 5 && text.starts_with("sep=") && text[4] != '"' &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
        std::size_t end = text.find('\n');
        choice.delimiter = text[4];
        choice.forced = true;
        choice.skipped_bytes = end == std::string_view::npos ? text.size() : end + 1;
        choice.skipped_lines = 1;
        return choice;
    }
    // The first non-blank line, up to its first line break outside quotes.
    std::size_t line = 1;
    std::size_t at = 0;
    while (at < text.size() && (text[at] == '\n' || text[at] == '\r')) {
        line += text[at] == '\n' ? 1 : 0;
        ++at;
    }
    std::array<std::size_t, 3> counts{};
    bool quoted = false;
    for (; at < text.size(); ++at) {
        char c = text[at];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                counts[i] += c == candidates[i] ? 1 : 0;
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (counts[i] > counts[best]) {
            best = i;
        }
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i != best && counts[i] == counts[best] && counts[best] > 0) {
            throw input_error(fmt::format(
                "{}:{}: the header line ({}) has as many {} as {} outside quotes, so the "
                "delimiter is unclear; pass --delimiter {}",
                label, line, encoding, shown(candidates[best]), shown(candidates[i]),
                candidates[best] == '\t' ? "tab" : std::string(1, candidates[best])));
        }
    }
    choice.delimiter = candidates[best];
    return choice;
}

} // namespace import_detail
} // namespace mbl
