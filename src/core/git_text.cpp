// The texts mbl writes into a repository's configuration: the `.gitattributes` line and the
// merge driver's command. Pure; store_git.cpp writes them.
#include "mbl/error.hpp"
#include "mbl/git.hpp"
#include "mbl/text_layout.hpp"

#include <fmt/format.h>

namespace mbl {
namespace {

bool is_shell_safe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_./+-").find(c) != std::string_view::npos;
}

std::string_view trimmed_end(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    return line;
}

} // namespace

std::string attribute_pattern(std::string_view path) {
    // For the pattern matcher (fnmatch): a backslash before each wildcard and backslash, and
    // before a leading `!` (else a negative pattern, which git ignores in attributes) or `#`.
    std::string pattern;
    for (std::size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (std::string_view("*?[\\").find(c) != std::string_view::npos ||
            (i == 0 && (c == '!' || c == '#'))) {
            pattern += '\\';
        }
        pattern += c;
    }
    bool needs_quotes = false;
    for (char c : pattern) {
        auto byte = static_cast<unsigned char>(c);
        needs_quotes = needs_quotes || byte <= 0x20 || byte == 0x7F || c == '"';
    }
    if (!needs_quotes) {
        return pattern;
    }
    // C-style quotes, which git reads in attribute lines that start with `"`.
    std::string quoted = "\"";
    for (char c : pattern) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (c == '\t') {
            quoted += "\\t";
        } else if (c == '\n') {
            quoted += "\\n";
        } else if (c == '\r') {
            quoted += "\\r";
        } else if (byte < 0x20 || byte == 0x7F) {
            quoted += fmt::format("\\{:03o}", byte);
        } else {
            quoted += c;
        }
    }
    return quoted + '"';
}

std::string merge_attribute_line(std::string_view path) {
    return attribute_pattern(path) + " merge=mbl";
}

std::optional<std::string> with_attribute_line(std::string_view attributes, std::string_view line) {
    std::size_t start = 0;
    while (start < attributes.size()) {
        std::size_t end = attributes.find('\n', start);
        if (end == std::string_view::npos) {
            end = attributes.size();
        }
        if (trimmed_end(attributes.substr(start, end - start)) == line) {
            return std::nullopt;
        }
        start = end + 1;
    }
    // In the file's own line ending: a .gitattributes written on Windows stays CRLF.
    std::string_view newline =
        detect_text_layout(attributes).line_ending == LineEnding::crlf ? "\r\n" : "\n";
    std::string out(attributes);
    if (!out.empty() && out.back() != '\n') {
        out += newline;
    }
    out.append(line);
    out += newline;
    return out;
}

std::string shell_word(std::string_view word) {
    bool safe = !word.empty();
    for (char c : word) {
        safe = safe && is_shell_safe(c);
    }
    if (safe) {
        return std::string(word);
    }
    std::string quoted = "'";
    for (char c : word) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

std::string merge_driver_command(std::string_view program) {
    return shell_word(program) + " merge-driver %O %A %B %P";
}

} // namespace mbl
