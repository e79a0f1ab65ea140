// The texts mbl writes into a repository's configuration: the `.gitattributes` line and the
// merge driver's command. Pure; store_git.cpp writes them.
#include "mbl/error.hpp"
#include "mbl/git.hpp"

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

std::string merge_attribute_line(std::string_view path) {
    for (char c : path) {
        if (std::string_view("*?[\"\\").find(c) != std::string_view::npos ||
            static_cast<unsigned char>(c) < 0x20) {
            throw input_error(fmt::format(
                "'{}' holds characters .gitattributes reads as a pattern or an escape; add a line "
                "'<pattern> merge=mbl' that matches it to .gitattributes by hand",
                path));
        }
    }
    if (path.find(' ') != std::string_view::npos) {
        return fmt::format("\"{}\" merge=mbl", path);
    }
    return fmt::format("{} merge=mbl", path);
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
    std::string out(attributes);
    if (!out.empty() && out.back() != '\n') {
        out += '\n';
    }
    out.append(line);
    out += '\n';
    return out;
}

std::string merge_driver_command(std::string_view program) {
    std::string quoted;
    bool safe = !program.empty();
    for (char c : program) {
        safe = safe && is_shell_safe(c);
    }
    if (safe) {
        quoted = program;
    } else {
        quoted = "'";
        for (char c : program) {
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        }
        quoted += "'";
    }
    return quoted + " merge-driver %O %A %B %P";
}

} // namespace mbl
