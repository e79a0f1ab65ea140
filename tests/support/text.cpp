#include "support/text.hpp"

#include <stdexcept>

namespace mbl::test {

TextPosition position_of(std::string_view text, std::string_view needle, std::size_t occurrence) {
    std::size_t at = text.find(needle);
    for (std::size_t i = 0; i < occurrence && at != std::string_view::npos; ++i) {
        at = text.find(needle, at + 1);
    }
    if (at == std::string_view::npos) {
        throw std::runtime_error("position_of: '" + std::string(needle) + "' not found");
    }
    std::string_view before = text.substr(0, at);
    std::size_t line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::size_t line = 1;
    for (char c : before) {
        line += c == '\n' ? 1 : 0;
    }
    return {line, at - line_start + 1};
}

std::string location(std::string_view file, TextPosition position) {
    return std::string(file) + ":" + std::to_string(position.line) + ":" +
           std::to_string(position.column);
}

std::string replace_once(std::string_view text, std::string_view from, std::string_view to,
                         std::string_view after) {
    std::size_t start = 0;
    if (!after.empty()) {
        start = text.find(after);
        if (start == std::string_view::npos) {
            throw std::runtime_error("replace_once: anchor '" + std::string(after) + "' not found");
        }
    }
    std::size_t at = text.find(from, start);
    if (at == std::string_view::npos) {
        throw std::runtime_error("replace_once: '" + std::string(from) + "' not found");
    }
    std::string result(text);
    result.replace(at, from.size(), to);
    return result;
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

} // namespace mbl::test
