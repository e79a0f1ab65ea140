#pragma once
// The spelling of every enumeration in the file (`not-started`, `file-share`, …), in one table per
// type, so the loader, the writer, the CLI and error messages agree.

#include "mbl/model.hpp"
#include "mbl/suggest.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

template <class E> struct EnumSpelling;

template <> struct EnumSpelling<EstimateUnit> {
    static constexpr std::array<std::string_view, 3> names{"hours", "days", "points"};
};
template <> struct EnumSpelling<AssetKind> {
    static constexpr std::array<std::string_view, 7> names{
        "vm", "database", "file-share", "storage", "app-service", "network", "other"};
};
template <> struct EnumSpelling<Strategy> {
    static constexpr std::array<std::string_view, 8> names{"rehost",      "replatform", "refactor",
                                                           "rearchitect", "rebuild",    "replace",
                                                           "retire",      "retain"};
};
template <> struct EnumSpelling<AssetStatus> {
    static constexpr std::array<std::string_view, 4> names{"not-started", "in-progress",
                                                           "replicated", "blocked"};
};
template <> struct EnumSpelling<Stage> {
    static constexpr std::array<std::string_view, 5> names{"planned", "migrating", "staging", "uat",
                                                           "production"};
};
template <> struct EnumSpelling<IterationState> {
    static constexpr std::array<std::string_view, 3> names{"planned", "active", "closed"};
};

// The file's spelling of `value`.
template <class E> constexpr std::string_view to_string(E value) {
    return EnumSpelling<E>::names[static_cast<std::size_t>(value)];
}

// The value spelled `text` exactly (case-sensitive), or nullopt.
template <class E> constexpr std::optional<E> parse_enum(std::string_view text) {
    const auto& names = EnumSpelling<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

// `a, b or c`: the alternatives joined for messages; `a` alone, `a or b` for two, empty for none.
inline std::string join_alternatives(const std::vector<std::string_view>& alternatives) {
    std::string out;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == alternatives.size()) ? " or " : ", ";
        }
        out += alternatives[i];
    }
    return out;
}

// `a, b or c`: the allowed spellings of `E`, for error messages.
template <class E> std::string allowed_values() {
    const auto& names = EnumSpelling<E>::names;
    return join_alternatives({names.begin(), names.end()});
}

// The message for `value` that is no spelling of `E`, for `field` (`status`):
// `invalid status 'replicatd'; did you mean 'replicated'? Expected not-started, …` when it looks
// like a typo of one (see nearest_spelling), else `invalid status 'x'; expected not-started, …`.
template <class E>
std::string invalid_enum_message(std::string_view field, std::string_view value) {
    const auto& names = EnumSpelling<E>::names;
    std::string message = "invalid " + std::string(field) + " '" + std::string(value) + "'; ";
    if (auto nearest = nearest_spelling(value, {names.begin(), names.end()})) {
        return message + "did you mean '" + *nearest + "'? Expected " + allowed_values<E>();
    }
    return message + "expected " + allowed_values<E>();
}

} // namespace mbl
