// The values the loader left unread (validate_rules.hpp): which problems they silence.

#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl::validation {

UnreadValues::UnreadValues(const std::vector<std::string>& pointers)
    : pointers_(pointers.begin(), pointers.end()) {}

bool UnreadValues::covers(std::string_view path) const {
    if (pointers_.empty()) {
        return false;
    }
    // The path itself and each of its ancestors: "/assets/3/status", "/assets/3", "/assets".
    for (std::size_t end = path.size(); end != 0 && end != std::string_view::npos;
         end = path.rfind('/', end - 1)) {
        if (pointers_.count(std::string(path.substr(0, end))) != 0) {
            return true;
        }
    }
    return false;
}

bool UnreadValues::covers(std::string_view array, std::size_t index, std::string_view field) const {
    return !pointers_.empty() && covers(fmt::format("/{}/{}/{}", array, index, field));
}

bool UnreadValues::ids_incomplete(std::string_view array) const {
    for (const std::string& pointer : pointers_) {
        std::string_view path = pointer;
        std::string prefix = fmt::format("/{}", array);
        if (path.substr(0, prefix.size()) != prefix) {
            continue;
        }
        std::string_view rest = path.substr(prefix.size()); // "", "/3" or "/3/id", …
        if (rest.empty()) {
            return true;
        }
        if (rest[0] != '/') {
            continue; // another key that starts the same ("/assetsx")
        }
        // "/3" alone is an element that is not an object: it names no id at all.
        std::size_t slash = rest.find('/', 1);
        if (slash != std::string_view::npos && rest.substr(slash) == "/id") {
            return true;
        }
    }
    return false;
}

} // namespace mbl::validation
