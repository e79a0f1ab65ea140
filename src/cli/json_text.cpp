#include "cli/json_text.hpp"

#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

// `text` one level deeper: two spaces after each line break. Line breaks in JSON text are layout
// only (inside strings they are written `\n`).
std::string indented(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n') {
            out += "  ";
        }
    }
    return out;
}

std::string key_text(const std::string& key) {
    return nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::string json_object_with(std::string_view object_text, const std::vector<JsonMember>& members) {
    if (members.empty()) {
        return std::string(object_text);
    }
    std::string_view body = object_text.substr(0, object_text.rfind('}'));
    while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) {
        body.remove_suffix(1);
    }
    std::string out(body);
    bool first = out == "{";
    for (const auto& [key, value] : members) {
        out += first ? "\n  " : ",\n  ";
        out += key_text(key) + ": " + indented(value);
        first = false;
    }
    return out + "\n}";
}

std::string json_array_of(const std::vector<std::string>& elements) {
    if (elements.empty()) {
        return "[]";
    }
    std::string out = "[";
    for (std::size_t i = 0; i < elements.size(); ++i) {
        out += (i == 0 ? "\n  " : ",\n  ") + indented(elements[i]);
    }
    return out + "\n]";
}

} // namespace mbl::cli
