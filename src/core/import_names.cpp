// Names of imports: presets' spellings and the id a server name becomes.
#include "mbl/import.hpp"

#include <algorithm>
#include <array>

namespace mbl {
namespace {

// In the order of ImportPreset.
constexpr std::array<std::string_view, 6> preset_names{
    "azure-migrate", "rvtools", "generic", "azure-migrate-assessment", "azure-migrate-discovered",
    "aws-ads"};
constexpr std::size_t max_slug_length = 64;

bool keeps(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool is_edge(char c) {
    return c == '.' || c == '_' || c == '-';
}

} // namespace

std::optional<ImportPreset> parse_import_preset(std::string_view text) {
    for (std::size_t i = 0; i < preset_names.size(); ++i) {
        if (preset_names[i] == text) {
            return static_cast<ImportPreset>(i);
        }
    }
    return std::nullopt;
}

std::string_view to_string(ImportPreset preset) {
    return preset_names[static_cast<std::size_t>(preset)];
}

std::vector<std::string_view> import_preset_names() {
    return {preset_names.begin(), preset_names.end()};
}

std::string slug_of(std::string_view name) {
    std::string slug;
    bool pending_dash = false;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (!keeps(c)) {
            pending_dash = true;
            continue;
        }
        if (pending_dash && !slug.empty() && slug.back() != '-') {
            slug += '-';
        }
        bool after_separator = pending_dash;
        pending_dash = false;
        if (c == '-' && after_separator && !slug.empty() && slug.back() == '-') {
            continue; // `a - b` is `a-b`
        }
        if (slug.empty() && is_edge(c)) {
            continue; // a slug starts with a letter or a digit
        }
        slug += c;
        if (slug.size() >= max_slug_length) {
            break;
        }
    }
    slug.resize(std::min(slug.size(), max_slug_length));
    while (!slug.empty() && is_edge(slug.back())) {
        slug.pop_back();
    }
    return slug;
}

} // namespace mbl
