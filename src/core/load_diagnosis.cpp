// The loader's diagnoses of unreadable files (load_diagnosis.hpp): other encodings, git conflicts.
#include "load_diagnosis.hpp"

#include "mbl/git.hpp"

#include <array>
#include <fmt/format.h>

namespace mbl::detail {
namespace {

constexpr std::array<std::string_view, 4> conflict_markers{"<<<<<<<", "|||||||",
                                                           "=======", ">>>>>>>"};

bool starts_with_marker(std::string_view line) {
    for (std::string_view marker : conflict_markers) {
        if (line.substr(0, marker.size()) == marker) {
            return true;
        }
    }
    return false;
}

// The lines of `text` that start a conflict (`<<<<<<<`).
std::size_t count_conflicts(std::string_view text) {
    std::size_t count = text.substr(0, 7) == "<<<<<<<" ? 1 : 0;
    for (std::size_t at = text.find("\n<<<<<<<"); at != std::string_view::npos;
         at = text.find("\n<<<<<<<", at + 1)) {
        ++count;
    }
    return count;
}

} // namespace

std::optional<std::string_view> wide_encoding(std::string_view text) {
    auto byte = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100U;
    };
    if (byte(0) == 0xFF && byte(1) == 0xFE && byte(2) == 0 && byte(3) == 0) {
        return "UTF-32";
    }
    if (byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) {
        return "UTF-32";
    }
    if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)) {
        return "UTF-16";
    }
    if (byte(0) == 0 && byte(1) == 0 && byte(2) == 0 && byte(3) < 0x100) {
        return "UTF-32BE";
    }
    if (byte(0) < 0x100 && byte(0) != 0 && byte(1) == 0 && byte(2) == 0 && byte(3) == 0) {
        return "UTF-32LE";
    }
    if (byte(0) == 0 && byte(1) != 0 && byte(1) < 0x100) {
        return "UTF-16BE";
    }
    if (byte(0) != 0 && byte(0) < 0x100 && byte(1) == 0) {
        return "UTF-16LE";
    }
    return std::nullopt;
}

std::string wide_encoding_message(std::string_view encoding, std::string_view file_label) {
    std::string file = shell_word(file_label);
    std::string converted = shell_word(std::string(file_label) + ".utf8");
    return fmt::format("the file is {} text ({}); mbl reads UTF-8 only. Convert it, for "
                       "example: iconv -f {} -t UTF-8 {} > {} && mv {} {}",
                       encoding.substr(0, 6),
                       encoding.size() > 6 ? "without a byte-order mark"
                                           : "it starts with a byte-order mark",
                       encoding, file, converted, converted, file);
}

std::optional<std::size_t> first_conflict_marker(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        if (starts_with_marker(text.substr(start, 7))) {
            return start;
        }
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::string conflict_message(std::string_view text, std::size_t offset, std::size_t line,
                             std::string_view file_label) {
    std::string file = shell_word(file_label);
    std::size_t conflicts = count_conflicts(text);
    std::string how_many =
        conflicts > 1 ? fmt::format("{} conflicts, the first marker", conflicts) : "marker";
    return fmt::format(
        "unresolved git merge conflict: the file still holds git's conflict markers ({} '{}' on "
        "line {}). Resolve it, then run 'git add {}': edit the file, keeping the lines you want "
        "and deleting the marker lines; or take one side whole with 'git checkout --ours {}' "
        "(or --theirs); or run 'mbl git setup' and then 'git checkout -m {}' to merge it again "
        "by entity with mbl's merge driver",
        how_many, text.substr(offset, 7), line, file, file, file);
}

} // namespace mbl::detail
