#include "backlog_members.hpp"

#include "json_write.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"

#include <array>
#include <nlohmann/json.hpp>

namespace mbl::detail {
namespace {

constexpr std::array<std::string_view, 4> structured_keys{"settings", "workloads", "assets",
                                                          "iterations"};

bool is_structured(std::string_view key) {
    for (std::string_view structured : structured_keys) {
        if (key == structured) {
            return true;
        }
    }
    return false;
}

// The text of a backlog with `members` (the top level, settings included) and `entities_key`
// holding the one object `entity` when not empty, read back by the loader.
Backlog load_members(const RawObject& top, const RawObject& settings, std::string_view entities_key,
                     const RawObject* entity, std::string_view label) {
    RawObject all = top;
    RawJson settings_json;
    append_object(settings_json.text, settings, 0);
    all.emplace_back("settings", std::move(settings_json));
    if (entity != nullptr) {
        RawJson list{"["};
        list.text += "\n  ";
        append_object(list.text, *entity, 1);
        list.text += "\n]";
        all.emplace_back(std::string(entities_key), std::move(list));
    }
    std::string text;
    append_object(text, all, 0);
    text += '\n';
    return load_backlog_or_throw(text, label);
}

// A minimal top level for loading one entity: the format only.
const RawObject& entity_shell() {
    static const RawObject shell{{"format", RawJson{"\"mbl/1\""}}, {"name", RawJson{"\"\""}}};
    return shell;
}

// The key of a member line (`"key": value`, without its indentation) and where its value starts.
std::pair<std::string, std::size_t> read_key(std::string_view member) {
    std::size_t close = 1;
    while (close < member.size() && member[close] != '"') {
        close += member[close] == '\\' ? 2 : 1;
    }
    return {string_value(member.substr(0, close + 1)), close + 3}; // past `": `
}

// `text` with one level (two spaces) taken off every line after the first.
std::string dedent(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && text.substr(i + 1, 2) == "  ") {
            i += 2;
        }
    }
    return out;
}

} // namespace

TopMembers top_members_of(const Backlog& backlog) {
    Backlog shell; // the top level and settings only
    shell.schema = backlog.schema;
    shell.format = backlog.format;
    shell.name = backlog.name;
    shell.settings = backlog.settings;
    shell.extras = backlog.extras;
    std::string text = to_canonical_text(shell);
    text.pop_back(); // the trailing newline

    TopMembers out;
    for (auto& [key, value] : split_canonical_object(text)) {
        if (key == "settings") {
            out.settings = split_canonical_object(value.text);
        } else if (!is_structured(key)) {
            out.top.emplace_back(std::move(key), std::move(value));
        }
    }
    return out;
}

RawObject members_of(const Workload& workload) {
    return split_canonical_object(to_json_text(workload));
}

RawObject members_of(const Asset& asset) {
    return split_canonical_object(to_json_text(asset));
}

RawObject members_of(const Iteration& iteration) {
    return split_canonical_object(to_json_text(iteration));
}

Backlog backlog_from_members(const TopMembers& members, std::string_view label) {
    return load_members(members.top, members.settings, "", nullptr, label);
}

Workload workload_from_members(const RawObject& members, std::string_view label) {
    return std::move(
        load_members(entity_shell(), {}, "workloads", &members, label).workloads.at(0));
}

Asset asset_from_members(const RawObject& members, std::string_view label) {
    return std::move(load_members(entity_shell(), {}, "assets", &members, label).assets.at(0));
}

Iteration iteration_from_members(const RawObject& members, std::string_view label) {
    return std::move(
        load_members(entity_shell(), {}, "iterations", &members, label).iterations.at(0));
}

RawObject split_canonical_object(std::string_view object) {
    RawObject members;
    if (object.size() < 4) { // `{}`
        return members;
    }
    std::string_view body = object.substr(2, object.size() - 4); // inside `{\n` and `\n}`
    std::size_t member_start = 0;
    auto take_member = [&](std::size_t end) {
        std::string_view member = body.substr(member_start + 2, end - member_start - 2);
        if (!member.empty() && member.back() == ',') {
            member.remove_suffix(1);
        }
        auto [key, value_start] = read_key(member);
        members.emplace_back(std::move(key), RawJson{dedent(member.substr(value_start))});
    };
    for (std::size_t newline = body.find('\n'); newline != std::string_view::npos;
         newline = body.find('\n', newline + 1)) {
        std::string_view next = body.substr(newline + 1, 3);
        if (next.size() == 3 && next[0] == ' ' && next[1] == ' ' && next[2] == '"') {
            take_member(newline);
            member_start = newline + 1;
        }
    }
    take_member(body.size());
    return members;
}

std::vector<RawJson> split_canonical_array(std::string_view array) {
    std::vector<RawJson> elements;
    if (array.size() < 4) { // `[]`
        return elements;
    }
    std::string_view body = array.substr(2, array.size() - 4); // inside `[\n` and `\n]`
    std::size_t element_start = 0;
    auto take_element = [&](std::size_t end) {
        std::string_view element = body.substr(element_start + 2, end - element_start - 2);
        if (!element.empty() && element.back() == ',') {
            element.remove_suffix(1);
        }
        elements.push_back(RawJson{dedent(element)});
    };
    // An element starts on a line indented by exactly two spaces that does not close one.
    for (std::size_t newline = body.find('\n'); newline != std::string_view::npos;
         newline = body.find('\n', newline + 1)) {
        std::string_view next = body.substr(newline + 1, 3);
        if (next.size() == 3 && next[0] == ' ' && next[1] == ' ' && next[2] != ' ' &&
            next[2] != '}' && next[2] != ']') {
            take_element(newline);
            element_start = newline + 1;
        }
    }
    take_element(body.size());
    return elements;
}

RawJson to_array_json(const std::vector<RawJson>& elements) {
    RawJson out;
    if (elements.empty()) {
        out.text = "[]";
        return out;
    }
    out.text = "[";
    for (std::size_t i = 0; i < elements.size(); ++i) {
        out.text += i == 0 ? "\n" : ",\n";
        append_indent(out.text, 1);
        append_raw(out.text, elements[i], 1);
    }
    out.text += "\n]";
    return out;
}

RawJson to_object_json(const RawObject& members) {
    RawJson out;
    append_object(out.text, members, 0);
    return out;
}

std::string string_value(std::string_view literal) {
    if (!literal.starts_with('"')) {
        return {};
    }
    if (literal.find('\\') == std::string_view::npos) {
        return std::string(literal.substr(1, literal.size() - 2)); // nothing to decode
    }
    // Canonical JSON, so nlohmann decodes its escapes without surprises.
    return nlohmann::json::parse(literal).get<std::string>();
}

const RawJson* find_member(const RawObject& members, std::string_view key) {
    for (const auto& [name, value] : members) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

} // namespace mbl::detail
