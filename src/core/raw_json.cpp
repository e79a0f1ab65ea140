#include "mbl/raw_json.hpp"

#include "json_tokenizer.hpp"
#include "load_entities.hpp"
#include "mbl/error.hpp"
#include "mbl/utf8.hpp"

#include <fmt/format.h>

namespace mbl {

std::optional<RawJson> parse_raw_json(std::string_view text, int max_depth) {
    // Read as the one member of a wrapping object, by the loader's own raw capture.
    std::string wrapped = "{\"value\": ";
    wrapped.append(text);
    wrapped += "\n}";
    RawObject members;
    detail::RawMapSink root;
    root.start(&members);
    detail::Reader reader(wrapped, root, max_depth + 1);
    detail::JsonTokenizer(wrapped, reader, reader.reached()).run();
    if (reader.fatal_message && !reader.fatal_is_syntax) {
        bool too_deep = reader.fatal_message->starts_with("nesting deeper");
        throw usage_error(too_deep ? fmt::format("nests deeper than {} levels", max_depth)
                                   : *reader.fatal_message);
    }
    if (reader.fatal_message || members.size() != 1) {
        return std::nullopt; // not JSON, or `1, "x": 2` smuggling a second member
    }
    return std::move(members.front().second);
}

std::string one_line(const RawJson& value) {
    // Canonical text breaks lines only between elements: drop each break and its indentation,
    // keeping a space after a comma.
    std::string out;
    const std::string& text = value.text;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            out += text[i];
            continue;
        }
        while (i + 1 < text.size() && text[i + 1] == ' ') {
            ++i;
        }
        if (!out.empty() && out.back() == ',') {
            out += ' ';
        }
    }
    return out;
}

std::string one_line(const RawJson& value, std::size_t limit) {
    std::string text = one_line(value);
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = limit < 3 ? 0 : limit - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return text.substr(0, cut) + "...";
}

bool is_valid_utf8(std::string_view text) {
    const char* at = text.data();
    const char* end = at + text.size();
    while (at < end) {
        std::size_t length = utf8_sequence_length(at, end);
        if (length == 0) {
            return false;
        }
        at += length;
    }
    return true;
}

} // namespace mbl
