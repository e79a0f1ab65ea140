#include "cli/render_diff.hpp"

#include "cli/render_markdown.hpp"
#include "cli/render_report_json.hpp"
#include "cli/render_text.hpp"
#include "mbl/raw_json.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <functional>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

using Type = EntityChange::Type;

std::string_view group_title(std::string_view kind) {
    if (kind == "backlog") {
        return "Backlog";
    }
    if (kind == "settings") {
        return "Settings";
    }
    return kind == "workload" ? "Workloads" : kind == "asset" ? "Assets" : "Iterations";
}

// `1 added, 2 changed` for the entities of one group; empty for backlog and settings.
std::string group_counts(const std::vector<const EntityChange*>& group) {
    if (group.front()->id.empty()) {
        return "";
    }
    std::string counts;
    for (auto [type, word] : {std::pair{Type::added, "added"}, std::pair{Type::removed, "removed"},
                              std::pair{Type::changed, "changed"}}) {
        auto count =
            std::count_if(group.begin(), group.end(),
                          [type = type](const EntityChange* c) { return c->type == type; });
        if (count > 0) {
            counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count, word);
        }
    }
    return counts;
}

// The changes split into runs of one kind, in order.
std::vector<std::vector<const EntityChange*>> groups_of(const BacklogDiff& diff) {
    std::vector<std::vector<const EntityChange*>> groups;
    for (const EntityChange& change : diff.changes) {
        if (groups.empty() || groups.back().front()->kind != change.kind) {
            groups.emplace_back();
        }
        groups.back().push_back(&change);
    }
    return groups;
}

const FieldChange* milestone_change(const EntityChange& change) {
    for (const FieldChange& field : change.fields) {
        if (change.milestone != Milestone::none && field.field == change.milestone_field) {
            return &field;
        }
    }
    return nullptr;
}

// How one notation writes the pieces of a change line.
struct Notation {
    std::function<std::string(const std::string&)> code;  // an id or a value
    std::function<std::string(const std::string&)> plain; // a name
    std::function<std::string(const std::string&)> field; // a field's key
    std::string arrow;
};

// The `stage_history` change that records a workload's stage move: its last entry is the new
// stage. Null when there is none.
const FieldChange* stage_record(const EntityChange& change, const FieldChange& stage) {
    for (const FieldChange& field : change.fields) {
        if (field.field != "stage_history" || !field.after || !stage.after) {
            continue;
        }
        ReportJson history = ReportJson::parse(field.after->text);
        if (!history.empty() && history.back().value("stage", "") == display_value(stage.after)) {
            return &field;
        }
    }
    return nullptr;
}

// ` on 2027-01-20`, `, forced: <reason>`: the stage_history entry of a stage move, in words.
std::string stage_record_words(const FieldChange& record, const Notation& notation) {
    ReportJson entry = ReportJson::parse(record.after->text).back();
    std::string words = " on " + notation.code(entry.value("date", "?"));
    if (entry.value("forced", false)) {
        words += ", forced";
    }
    std::string reason = entry.value("reason", "");
    return reason.empty() ? words : words + ": " + notation.plain(reason);
}

// The lines of one change, without indentation or bullet.
std::vector<std::string> change_lines(const EntityChange& change, const Notation& notation) {
    std::string subject = change.id.empty() ? "" : notation.code(change.id);
    std::string named = change.name.empty() || change.name == change.id
                            ? ""
                            : " (" + notation.plain(change.name) + ")";
    if (change.type != Type::changed) {
        return {subject + (change.type == Type::added ? ": added" : ": removed") + named};
    }
    std::vector<std::string> lines;
    auto transition = [&](const FieldChange& field) {
        return notation.code(display_value(field.before)) + " " + notation.arrow + " " +
               notation.code(display_value(field.after));
    };
    const FieldChange* milestone = milestone_change(change);
    const FieldChange* record = nullptr;
    if (milestone != nullptr) {
        std::string line = subject + ": " + std::string(milestone_verb(change.milestone));
        if (change.kind == "workload") {
            line += " " + transition(*milestone);
            record = stage_record(change, *milestone);
            line += record ? stage_record_words(*record, notation) : "";
        }
        lines.push_back(line);
    }
    for (const FieldChange& field : change.fields) {
        if (&field != milestone && &field != record) {
            lines.push_back((subject.empty() ? "" : subject + ": ") + notation.field(field.field) +
                            " " + transition(field));
        }
    }
    return lines;
}

// A field name: as it is when it is a plain key (`replicated_on`, `attributes.cores`: letters,
// digits, `._$-`, underscores only inside, where Markdown reads no emphasis), else escaped.
std::string markdown_field(const std::string& field) {
    bool plain = !field.empty() && field.front() != '_' && field.back() != '_' &&
                 std::all_of(field.begin(), field.end(), [](char c) {
                     return std::isalnum(static_cast<unsigned char>(c)) ||
                            std::string_view("._$-").find(c) != std::string_view::npos;
                 });
    return plain ? field : markdown_escape(field);
}

std::string_view milestone_key(Milestone milestone) {
    switch (milestone) {
    case Milestone::iteration_unstarted:
        return "unstarted";
    case Milestone::workload_stepped_back:
        return "stepped_back";
    default:
        return milestone_verb(milestone);
    }
}

std::string_view type_key(Type type) {
    return type == Type::added ? "added" : type == Type::removed ? "removed" : "changed";
}

ReportJson json_of(const RawJson& value) {
    return ReportJson::parse(value.text);
}

} // namespace

std::string display_value(const std::optional<RawJson>& value) {
    constexpr std::size_t limit = 80;
    if (!value) {
        return "none";
    }
    ReportJson parsed = json_of(*value);
    if (parsed.is_null() || (parsed.is_array() && parsed.empty())) {
        return "none";
    }
    if (parsed.is_string()) {
        return parsed.get<std::string>();
    }
    if (parsed.is_array() && std::all_of(parsed.begin(), parsed.end(),
                                         [](const auto& item) { return item.is_string(); })) {
        std::string joined;
        for (const auto& item : parsed) {
            joined += (joined.empty() ? "" : ", ") + item.get<std::string>();
        }
        return joined;
    }
    return one_line(*value, limit);
}

void render_diff_text(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels) {
    if (diff.empty()) {
        out << terminal_safe(
                   fmt::format("No changes between {} and {}.", labels.before, labels.after))
            << '\n';
        return;
    }
    auto as_is = [](const std::string& text) { return text; };
    Notation notation{as_is, as_is, as_is, "->"};
    out << terminal_safe(fmt::format("Changes from {} to {}", labels.before, labels.after)) << '\n';
    for (const auto& group : groups_of(diff)) {
        std::string counts = group_counts(group);
        out << '\n'
            << group_title(group.front()->kind) << (counts.empty() ? "" : " (" + counts + ")")
            << '\n';
        for (const EntityChange* change : group) {
            for (const std::string& line : change_lines(*change, notation)) {
                out << "  " << terminal_safe(line) << '\n';
            }
        }
    }
}

void render_diff_markdown(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels) {
    out << "### Backlog changes\n\n"
        << terminal_safe(markdown_code(labels.before) + " → " + markdown_code(labels.after))
        << "\n";
    if (diff.empty()) {
        out << "\nNo changes.\n";
        return;
    }
    Notation notation{markdown_code, markdown_escape, markdown_field, "→"};
    for (const auto& group : groups_of(diff)) {
        std::string counts = group_counts(group);
        out << "\n**" << group_title(group.front()->kind) << "**"
            << (counts.empty() ? "" : " (" + counts + ")") << "\n\n";
        for (const EntityChange* change : group) {
            for (const std::string& line : change_lines(*change, notation)) {
                out << "- " << terminal_safe(line) << '\n';
            }
        }
    }
}

void render_diff_json(std::ostream& out, const BacklogDiff& diff, const DiffLabels& labels) {
    ReportJson document;
    document["before"] = labels.before;
    document["after"] = labels.after;
    ReportJson changes = ReportJson::array();
    for (const EntityChange& change : diff.changes) {
        ReportJson entry;
        entry["kind"] = change.kind;
        entry["id"] = change.id.empty() ? ReportJson(nullptr) : ReportJson(change.id);
        entry["change"] = type_key(change.type);
        if (!change.id.empty()) {
            entry["name"] = change.name;
        }
        if (change.value) {
            entry["value"] = json_of(*change.value);
        }
        if (change.milestone != Milestone::none) {
            entry["milestone"] = milestone_key(change.milestone);
        }
        if (change.type == Type::changed) {
            ReportJson fields = ReportJson::array();
            for (const FieldChange& field : change.fields) {
                ReportJson item;
                item["field"] = field.field;
                if (field.before) {
                    item["before"] = json_of(*field.before);
                }
                if (field.after) {
                    item["after"] = json_of(*field.after);
                }
                fields.push_back(std::move(item));
            }
            entry["fields"] = std::move(fields);
        }
        changes.push_back(std::move(entry));
    }
    document["changes"] = std::move(changes);
    print_report_json(out, document);
}

} // namespace mbl::cli
