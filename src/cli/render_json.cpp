#include "cli/render_json.hpp"

namespace mbl::cli {

std::string indent_continuation_lines(const std::string& text, std::size_t indent) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        out += c;
        if (c == '\n') {
            out.append(indent, ' ');
        }
    }
    return out;
}

void render_json_array(std::ostream& out, const std::vector<std::string>& objects) {
    if (objects.empty()) {
        out << "[]\n";
        return;
    }
    out << "[\n";
    for (std::size_t i = 0; i < objects.size(); ++i) {
        out << "  " << indent_continuation_lines(objects[i], 2)
            << (i + 1 < objects.size() ? ",\n" : "\n");
    }
    out << "]\n";
}

} // namespace mbl::cli
