// Names of imports: presets' spellings and the id a server name becomes.
#include "mbl/import.hpp"
#include "text_encoding.hpp"

#include <algorithm>
#include <array>
#include <locale.h>

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

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// `text` (UTF-8) spelled in ASCII by glibc's transliteration in the C.UTF-8 locale, whatever the
// process's own: `ü` is `u`, `ß` `ss`, `Ł` `L`; what has no ASCII spelling (`日本`) is `?`.
// `text` itself when it is not valid UTF-8 or the system cannot convert it.
std::string ascii_spelling(std::string_view text) {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
    if (utf8 == locale_t{}) {
        return std::string(text);
    }
    locale_t previous = uselocale(utf8); // the transliteration follows the thread's locale
    std::string spelled;
    import_detail::IconvHandle converter = import_detail::open_iconv("ASCII//TRANSLIT", "UTF-8");
    bool converted = converter && !import_detail::convert_with_iconv(converter, text, spelled);
    uselocale(previous);
    return converted ? spelled : std::string(text);
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
    std::string spelled = is_ascii(name) ? std::string() : ascii_spelling(name);
    if (!spelled.empty()) {
        name = spelled;
    }
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
