// A backlog read entity by entity (entity_stream.hpp). The top-level sink mirrors BacklogSink
// (load_entities.cpp) and `load` mirrors load.cpp's, with the entity lists handing each entity on
// instead of keeping it: the same sinks read the same values and report the same problems, so the
// errors are load_backlog_or_throw's, word for word.

#include "entity_stream.hpp"

#include "json_cursor.hpp"
#include "json_tokenizer.hpp"
#include "line_index.hpp"
#include "load_diagnosis.hpp"
#include "load_entities.hpp"
#include "mbl/error.hpp"

#include <charconv>
#include <fmt/format.h>
#include <functional>

namespace mbl::detail {
namespace {

// Index of each key in keys::backlog.
enum BacklogKey : std::size_t {
    backlog_schema,
    backlog_format,
    backlog_name,
    backlog_settings,
    backlog_workloads,
    backlog_assets,
    backlog_iterations
};
static_assert(keys::backlog[backlog_format] == "format");
static_assert(keys::backlog[backlog_iterations] == "iterations");

// Passes every event to the sink of the entity being read; when its object ends, hands the entity
// to `done`.
class EntityEndSink final : public Sink {
  public:
    explicit EntityEndSink(Sink*& target) : target_(target) {}
    void key(Reader& reader, std::string_view key) override { target_->key(reader, key); }
    void scalar(Reader& reader, Scalar& value) override { target_->scalar(reader, value); }
    Sink* begin_object(Reader& reader) override { return target_->begin_object(reader); }
    Sink* begin_array(Reader& reader) override { return target_->begin_array(reader); }
    void end(Reader& reader) override;
    std::function<void()> done;

  private:
    Sink*& target_;
};

void EntityEndSink::end(Reader& reader) {
    target_->end(reader);
    done();
}

// A list of entities read by the loader's ObjectListSink into a one-entity buffer, each handed to
// the receiver when it ends, then dropped. An element that is not an object is reported as the
// loader reports it, and not handed on.
template <class ElementSink, class Entity> class StreamedListSink final : public Sink {
  public:
    StreamedListSink(ElementSink& element, std::string_view element_name, EntityReceiver& receiver)
        : list_(element, element_name), receiver_(receiver) {
        end_.done = [this] {
            receiver_.receive(entity_.back());
            entity_.clear();
        };
    }
    void start() {
        entity_.clear();
        list_.start(&entity_);
    }
    void scalar(Reader& reader, Scalar& value) override {
        list_.scalar(reader, value);
        entity_.clear();
    }
    Sink* begin_object(Reader& reader) override {
        element_ = list_.begin_object(reader);
        return &end_;
    }
    Sink* begin_array(Reader& reader) override {
        Sink* skipped = list_.begin_array(reader);
        entity_.clear();
        return skipped;
    }

  private:
    ObjectListSink<ElementSink, Entity> list_;
    EntityReceiver& receiver_;
    std::vector<Entity> entity_; // the one being read (its capacity is kept)
    Sink* element_ = nullptr;
    EntityEndSink end_{element_};
};

// The top-level object, as BacklogSink reads it, its entities streamed.
class StreamedBacklogSink final : public TypedObjectSink {
  public:
    StreamedBacklogSink(Backlog& backlog, EntityReceiver& receiver)
        : TypedObjectSink(keys::backlog), backlog_(backlog),
          workloads_(workload_, "workload", receiver), assets_(asset_, "asset", receiver),
          iterations_(iteration_, "iteration", receiver) {}
    bool format_seen() const { return seen(backlog_format); }
    std::size_t format_offset() const { return format_offset_; }

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_object(Reader& reader, std::size_t field) override;
    Sink* known_array(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return backlog_.extras; }

  private:
    Backlog& backlog_;
    std::size_t format_offset_ = 0;
    SettingsSink settings_;
    WorkloadSink workload_;
    AssetSink asset_;
    IterationSink iteration_;
    StreamedListSink<WorkloadSink, Workload> workloads_;
    StreamedListSink<AssetSink, Asset> assets_;
    StreamedListSink<IterationSink, Iteration> iterations_;
};

void StreamedBacklogSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    switch (field) {
    case backlog_schema:
        read_optional_string(reader, value, backlog_.schema);
        break;
    case backlog_format:
        format_offset_ = reader.current_offset();
        read_string(reader, value, backlog_.format);
        break;
    case backlog_name:
        read_string(reader, value, backlog_.name);
        break;
    case backlog_settings:
        report_wrong_type(reader, "an object", value.description());
        break;
    default:
        report_wrong_type(reader, "a list of objects", value.description());
        break;
    }
}

Sink* StreamedBacklogSink::known_object(Reader& reader, std::size_t field) {
    if (field == backlog_settings) {
        settings_.start(&backlog_.settings);
        return &settings_;
    }
    return TypedObjectSink::known_object(reader, field);
}

Sink* StreamedBacklogSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case backlog_workloads:
        workloads_.start();
        return &workloads_;
    case backlog_assets:
        assets_.start();
        return &assets_;
    case backlog_iterations:
        iterations_.start();
        return &iterations_;
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

// What follows is load.cpp's load and load_backlog_or_throw, over the streamed sink.

std::optional<int> format_version(std::string_view format) {
    constexpr std::string_view prefix = "mbl/";
    if (format.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    int version = 0;
    const char* first = format.data() + prefix.size();
    const char* last = format.data() + format.size();
    auto [end, error] = std::from_chars(first, last, version);
    if (error != std::errc{} || end != last || first == last) {
        return std::nullopt;
    }
    return version;
}

Error error_at(std::string_view label, SourcePosition at, std::string message) {
    return Error(ExitStatus::input, ErrorLocation{std::string(label), at, std::move(message)});
}

void check_format(const Backlog& backlog, const StreamedBacklogSink& root, std::string_view text,
                  ReleasableText* releasable, std::string_view label) {
    if (!root.format_seen()) {
        throw error_at(label, {1, 1},
                       "not an mbl backlog: the top-level key \"format\": \"mbl/1\" is missing");
    }
    auto version = format_version(backlog.format);
    auto at = [&] {
        if (releasable) {
            releasable->restore_all();
        }
        return LineIndex(text).position(root.format_offset());
    };
    if (!version) {
        throw error_at(label, at(),
                       fmt::format("unknown format {}; this mbl reads {}",
                                   json_quote(backlog.format), json_quote(current_format)));
    }
    if (*version > 1) {
        throw error_at(label, at(),
                       fmt::format("this file is format {}, newer than this mbl understands ({}); "
                                   "upgrade mbl to read it",
                                   backlog.format, current_format));
    }
}

Error fatal_error(std::string_view text, std::size_t offset, const std::string& message,
                  std::string_view label) {
    LineIndex lines(text);
    if (auto marker = first_conflict_marker(text)) {
        SourcePosition at = lines.position(*marker);
        return error_at(label, at, conflict_message(text, *marker, at.line, label));
    }
    return error_at(label, lines.position(offset), message);
}

// The first few errors of `problems` (positions found in `text`), as load_backlog_or_throw
// lists them.
[[noreturn]] void throw_errors(std::string_view text, const Reader& reader,
                               std::string_view label) {
    LineIndex lines(text);
    constexpr std::size_t shown = 5;
    std::string message;
    std::size_t errors = 0;
    for (std::size_t i = 0; i < reader.problems.size(); ++i) {
        const Problem& problem = reader.problems[i];
        if (problem.severity != Severity::error) {
            continue;
        }
        if (++errors <= shown) {
            SourcePosition at = lines.position(reader.problem_offsets[i]);
            message += fmt::format("{}{}:{}:{}: {}", errors == 1 ? "" : "\n", label, at.line,
                                   at.column, problem.message);
        }
    }
    if (errors > shown) {
        message +=
            fmt::format("\n… and {} more; run 'mbl validate' to see them all", errors - shown);
    }
    throw input_error(message);
}

Backlog stream(std::string_view whole, ReleasableText* releasable, EntityReceiver& receiver,
               std::string_view label) {
    if (auto encoding = wide_encoding(whole)) {
        throw error_at(label, {1, 1}, wide_encoding_message(*encoding, label));
    }
    std::string_view text = without_bom(whole);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw error_at(label, {1, 1},
                       "the file is empty; a backlog is a JSON object with \"format\": "
                       "\"mbl/1\" (run 'mbl init' to create one)");
    }
    Backlog backlog;
    backlog.layout = detect_text_layout(whole);
    StreamedBacklogSink root(backlog, receiver);
    Reader reader(text, root, max_json_depth, releasable);
    JsonTokenizer(text, reader, reader.reached()).run();

    bool needs_positions = reader.fatal_message || !reader.problems.empty();
    if (releasable && needs_positions) {
        releasable->restore_all();
    }
    if (reader.fatal_message) {
        throw fatal_error(text, reader.fatal_offset, *reader.fatal_message, label);
    }
    check_format(backlog, root, text, releasable, label);
    if (has_errors(reader.problems)) {
        throw_errors(text, reader, label);
    }
    if (releasable && needs_positions) {
        releasable->release_before(whole.data() + whole.size()); // given back again
    }
    return backlog;
}

} // namespace

Backlog stream_backlog_or_throw(std::string_view text, EntityReceiver& receiver,
                                std::string_view file_label) {
    return stream(text, nullptr, receiver, file_label);
}

Backlog stream_backlog_or_throw(ReleasableText& text, EntityReceiver& receiver,
                                std::string_view file_label) {
    return stream(text.view(), &text, receiver, file_label);
}

} // namespace mbl::detail
