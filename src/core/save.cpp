#include "mbl/save.hpp"

#include "file_keys.hpp"
#include "json_write.hpp"
#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/limits.hpp"

#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <span>

namespace mbl {

namespace {

using detail::append_indent;
using detail::append_number;
using detail::append_quoted;
using detail::TextBuffer;

// Writes `values` as an array standing at `depth` (`[]` when empty; else one element a line at
// `depth + 1`, each written by `write`, and `]` at `depth`).
template <class T, class Write>
void write_array_at(TextBuffer& out, int depth, const std::vector<T>& values, Write write) {
    if (values.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        append_indent(out, depth + 1);
        write(values[i]);
    }
    out += '\n';
    append_indent(out, depth);
    out += ']';
}

// The last line of defence: a value the file cannot hold (a number that is not finite, a day
// past 9999-12-31) would make the file unreadable to mbl itself. Every command checks what it
// computes before it gets here, so this is a bug: nothing is written.
[[noreturn]] void refuse_to_write(std::string_view name, std::string_view value) {
    throw Error(ExitStatus::internal,
                fmt::format("internal error: mbl was about to write \"{}\": {}, which "
                            "backlog.json cannot hold; nothing was written (please report this "
                            "bug)",
                            name, value));
}

// Writes the members of one JSON object at `depth`: `{`, then `"key": value` lines, then `}`.
// `known` is the object's keys in canonical order (file_keys.hpp, which the loader reads too):
// the known members must come in that order, and a key out of it (or not in it) is an internal
// error, so the writer's order cannot drift from the list.
class ObjectWriter {
  public:
    ObjectWriter(TextBuffer& out, int depth, std::span<const std::string_view> known = {})
        : out_(out), depth_(depth), known_(known) {}

    // Starts member `name`, one of mbl's own keys (nothing in it to escape); the caller writes
    // its value next.
    TextBuffer& key(std::string_view name) {
        while (next_known_ < known_.size() && !same_key(known_[next_known_], name)) {
            ++next_known_; // a key left out (an optional one), or written later: not allowed
        }
        if (next_known_ == known_.size()) {
            throw Error(ExitStatus::internal,
                        fmt::format("internal error: the writer put \"{}\" out of the order of "
                                    "file_keys.hpp; nothing was written (please report this bug)",
                                    name));
        }
        ++next_known_;
        start_member();
        char* at = out_.extend(name.size() + 4);
        at[0] = '"';
        std::memcpy(at + 1, name.data(), name.size());
        std::memcpy(at + 1 + name.size(), "\": ", 3);
        return out_;
    }
    // Starts member `name`, a key from the file (escaped as needed).
    TextBuffer& raw_key(std::string_view name) {
        start_member();
        append_quoted(out_, name);
        out_ += ": ";
        return out_;
    }
    void string(std::string_view name, std::string_view value) { append_quoted(key(name), value); }
    void optional_string(std::string_view name, const std::optional<std::string>& value) {
        if (value) {
            string(name, *value);
        }
    }
    void number(std::string_view name, double value) {
        if (!std::isfinite(value)) {
            refuse_to_write(name, fmt::format("{}", value));
        }
        append_number(key(name), value);
    }
    void nullable_number(std::string_view name, const std::optional<double>& value) {
        if (value) {
            number(name, *value);
        } else {
            key(name) += "null";
        }
    }
    void boolean(std::string_view name, bool value) { key(name) += value ? "true" : "false"; }
    void date(std::string_view name, Date value) {
        if (value > latest_date) {
            refuse_to_write(name, value.to_string());
        }
        string(name, value.to_string());
    }
    void optional_date(std::string_view name, const std::optional<Date>& value) {
        if (value) {
            date(name, *value);
        }
    }
    template <class E> void enumeration(std::string_view name, E value) {
        string(name, to_string(value));
    }
    void strings(std::string_view name, const std::vector<std::string>& values) {
        key(name);
        write_array(values, [&](const std::string& value) { append_quoted(out_, value); });
    }
    // Members of a free-form object, written as members of this one.
    void raw_members(const RawObject& members) {
        for (const auto& [name, value] : members) {
            detail::append_raw(raw_key(name), value, depth_ + 1);
        }
    }
    void raw_object(std::string_view name, const RawObject& members) {
        detail::append_object(key(name), members, depth_ + 1);
    }
    // Writes `values` as an array at this object's member depth, each with `write_element`.
    template <class T, class Write> void write_array(const std::vector<T>& values, Write write) {
        write_array_at(out_, depth_ + 1, values, write);
    }
    int member_depth() const { return depth_ + 1; }
    void close() {
        if (empty_) {
            out_ += "{}";
            return;
        }
        out_ += '\n';
        append_indent(out_, depth_);
        out_ += '}';
    }

  private:
    // The names are often the very literals of file_keys.hpp (when the compiler merges equal
    // literals): equal addresses, no comparison. Equal text is what counts.
    static bool same_key(std::string_view known, std::string_view name) {
        return known.size() == name.size() &&
               (known.data() == name.data() || known.compare(name) == 0);
    }
    void start_member() {
        char* at = out_.extend(2);
        at[0] = empty_ ? '{' : ',';
        at[1] = '\n';
        empty_ = false;
        out_.indent(depth_ + 1);
    }

    TextBuffer& out_;
    int depth_;
    std::span<const std::string_view> known_;
    std::size_t next_known_ = 0; // where the next known key is looked for in known_
    bool empty_ = true;
};

void write_task(TextBuffer& out, const Task& task, int depth) {
    ObjectWriter object(out, depth, keys::task);
    object.string("title", task.title);
    object.nullable_number("estimate", task.estimate);
    object.boolean("done", task.done);
    object.raw_members(task.extras);
    object.close();
}

void write_asset(TextBuffer& out, const Asset& asset, int depth) {
    ObjectWriter object(out, depth, keys::asset);
    object.string("id", asset.id);
    object.string("name", asset.name);
    object.enumeration("kind", asset.kind);
    object.optional_string("workload", asset.workload);
    object.optional_string("owner", asset.owner);
    object.enumeration("strategy", asset.strategy);
    object.nullable_number("estimate", asset.estimate);
    object.number("priority", asset.priority);
    object.enumeration("status", asset.status);
    object.optional_date("replicated_on", asset.replicated_on);
    object.optional_date("committed_on", asset.committed_on);
    object.strings("depends_on", asset.depends_on);
    object.strings("tags", asset.tags);
    object.raw_object("attributes", asset.attributes);
    object.key("tasks");
    object.write_array(asset.tasks,
                       [&](const Task& task) { write_task(out, task, object.member_depth() + 1); });
    object.optional_string("notes", asset.notes);
    object.raw_members(asset.extras);
    object.close();
}

void write_stage_change(TextBuffer& out, const StageChange& change, int depth) {
    ObjectWriter object(out, depth, keys::stage_change);
    object.enumeration("stage", change.stage);
    object.date("date", change.date);
    object.optional_string("reason", change.reason);
    object.boolean("forced", change.forced);
    object.raw_members(change.extras);
    object.close();
}

void write_workload(TextBuffer& out, const Workload& workload, int depth) {
    ObjectWriter object(out, depth, keys::workload);
    object.string("id", workload.id);
    object.string("name", workload.name);
    object.number("priority", workload.priority);
    object.optional_string("owner", workload.owner);
    object.strings("depends_on", workload.depends_on);
    object.enumeration("stage", workload.stage);
    object.key("stage_history");
    object.write_array(workload.stage_history, [&](const StageChange& change) {
        write_stage_change(out, change, object.member_depth() + 1);
    });
    object.optional_date("target_date", workload.target_date);
    object.optional_string("notes", workload.notes);
    object.raw_members(workload.extras);
    object.close();
}

void write_iteration(TextBuffer& out, const Iteration& iteration, int depth) {
    ObjectWriter object(out, depth, keys::iteration);
    object.string("id", iteration.id);
    object.string("name", iteration.name);
    object.date("start", iteration.start);
    object.date("end", iteration.end);
    object.number("capacity", iteration.capacity);
    object.enumeration("state", iteration.state);
    object.strings("committed", iteration.committed);
    if (iteration.committed_at_start) {
        object.strings("committed_at_start", *iteration.committed_at_start);
    }
    if (iteration.completed) {
        object.strings("completed", *iteration.completed);
    }
    if (iteration.completed_estimate) {
        object.number("completed_estimate", *iteration.completed_estimate);
    }
    object.optional_string("notes", iteration.notes);
    object.raw_members(iteration.extras);
    object.close();
}

void write_task_template(TextBuffer& out, const TaskTemplate& task, int depth) {
    ObjectWriter object(out, depth, keys::task_template);
    object.string("title", task.title);
    object.number("percent", task.percent);
    object.raw_members(task.extras);
    object.close();
}

void write_task_templates(TextBuffer& out, const std::vector<KindTemplate>& kinds, int depth) {
    ObjectWriter object(out, depth);
    for (const KindTemplate& kind : kinds) {
        object.raw_key(kind.kind);
        object.write_array(kind.tasks, [&](const TaskTemplate& task) {
            write_task_template(out, task, object.member_depth() + 1);
        });
    }
    object.close();
}

void write_settings(TextBuffer& out, const Settings& settings, int depth) {
    ObjectWriter object(out, depth, keys::settings);
    object.enumeration("estimate_unit", settings.estimate_unit);
    object.number("iteration_length_days", settings.iteration_length_days);
    object.optional_date("first_iteration_start", settings.first_iteration_start);
    object.number("default_capacity", settings.default_capacity);
    if (!settings.task_templates.empty()) {
        object.key("task_templates");
        write_task_templates(out, settings.task_templates, object.member_depth());
    }
    // `work_item_states` is read into `extras` as written (load_settings.cpp): it goes first
    // among them, in its place after the known keys.
    RawObject work_item_states;
    RawObject others;
    for (const auto& member : settings.extras) {
        (member.first == "work_item_states" ? work_item_states : others).push_back(member);
    }
    object.raw_members(work_item_states);
    object.raw_members(others);
    object.close();
}

// The entities as an array at depth 0.
template <class T>
std::string array_text(const std::vector<const T*>& entities,
                       void (*write)(TextBuffer&, const T&, int)) {
    TextBuffer out;
    write_array_at(out, 0, entities, [&](const T* entity) { write(out, *entity, 1); });
    return out.take();
}

template <class T>
std::string entity_text(const T& entity, void (*write)(TextBuffer&, const T&, int)) {
    TextBuffer out;
    write(out, entity, 0);
    return out.take();
}

// The canonical text of `backlog` into `out`; when `flush` is not null, it is called whenever
// `out` holds at least `piece_size` bytes at the end of an entity, and empties it.
void write_backlog(TextBuffer& out, const Backlog& backlog,
                   const std::function<void(TextBuffer&)>* flush) {
    constexpr std::size_t piece_size = 1 << 16;
    auto maybe_flush = [&] {
        if (flush && out.size() >= piece_size) {
            (*flush)(out);
        }
    };
    ObjectWriter object(out, 0, keys::backlog);
    object.optional_string("$schema", backlog.schema);
    object.string("format", backlog.format);
    object.string("name", backlog.name);
    object.key("settings");
    write_settings(out, backlog.settings, 1);
    object.key("workloads");
    object.write_array(backlog.workloads, [&](const Workload& w) {
        write_workload(out, w, 2);
        maybe_flush();
    });
    object.key("assets");
    object.write_array(backlog.assets, [&](const Asset& a) {
        write_asset(out, a, 2);
        maybe_flush();
    });
    object.key("iterations");
    object.write_array(backlog.iterations, [&](const Iteration& i) {
        write_iteration(out, i, 2);
        maybe_flush();
    });
    object.raw_members(backlog.extras);
    object.close();
    out += '\n';
}

} // namespace

std::string to_canonical_text(const Backlog& backlog) {
    TextBuffer out(256 + backlog.assets.size() * 512);
    write_backlog(out, backlog, nullptr);
    if (backlog.layout != TextLayout{}) {
        return in_layout(out.view(), backlog.layout);
    }
    return out.take();
}

void write_canonical_text(const Backlog& backlog,
                          const std::function<void(std::string_view)>& consume) {
    TextBuffer out(1 << 17);
    bool plain = backlog.layout == TextLayout{};
    TextLayout first_piece = backlog.layout; // the byte-order mark goes before the first piece
    TextLayout next_pieces{backlog.layout.line_ending, false};
    std::function<void(TextBuffer&)> flush = [&](TextBuffer& piece) {
        if (plain) {
            consume(piece.view());
        } else {
            consume(in_layout(piece.view(), first_piece));
            first_piece = next_pieces;
        }
        piece.clear();
    };
    write_backlog(out, backlog, &flush);
    flush(out);
}

std::string to_json_text(const Asset& asset) {
    return entity_text(asset, write_asset);
}
std::string to_json_text(const Workload& workload) {
    return entity_text(workload, write_workload);
}
std::string to_json_text(const Iteration& iteration) {
    return entity_text(iteration, write_iteration);
}

std::string to_json_array_text(const std::vector<const Asset*>& assets) {
    return array_text(assets, write_asset);
}

JsonArrayText::JsonArrayText() : text_(std::make_unique<TextBuffer>()) {}
JsonArrayText::~JsonArrayText() = default;

void JsonArrayText::add(const Asset& asset) {
    // As write_array_at writes an array at depth 0.
    *text_ += empty_ ? "[\n" : ",\n";
    empty_ = false;
    text_->indent(1);
    write_asset(*text_, asset, 1);
}

std::string JsonArrayText::take() {
    *text_ += empty_ ? "[]" : "\n]";
    empty_ = true;
    return text_->take();
}

std::string to_json_array_text(const std::vector<const Workload*>& workloads) {
    return array_text(workloads, write_workload);
}

} // namespace mbl
