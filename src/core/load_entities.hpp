#pragma once
// The sinks that read each object of the file into its model type.

#include "file_keys.hpp"
#include "load_fields.hpp"

namespace mbl::detail {

// The free-form `attributes` object: every key kept as a raw value, in order. The members are
// gathered in a reused vector and moved to `destination` when the object ends, so each object's
// vector is allocated once, at its size.
class RawMapSink final : public Sink {
  public:
    void start(RawObject* destination);
    void key(Reader& reader, std::string_view key) override;
    void scalar(Reader& reader, Scalar& value) override;
    Sink* begin_object(Reader& reader) override;
    Sink* begin_array(Reader& reader) override;
    void end(Reader& reader) override;
    // Room for this many more entries in each object read (LoadLayout::spare_attributes).
    void set_spare(std::size_t spare) { spare_ = spare; }

  private:
    std::size_t spare_ = 0;
    RawObject* destination_ = nullptr;
    RawObject gathered_;
    KeySet keys_;
    std::string pending_key_;
};

class TaskSink final : public TypedObjectSink {
  public:
    TaskSink() : TypedObjectSink(keys::task) {}
    void start(Task* task);
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    RawObject& extras() override { return task_->extras; }

  private:
    Task* task_ = nullptr;
};

class AssetSink final : public TypedObjectSink {
  public:
    AssetSink() : TypedObjectSink(keys::asset) {}
    void start(Asset* asset);
    void set_spare_attributes(std::size_t spare) { attributes_.set_spare(spare); }
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_object(Reader& reader, std::size_t field) override;
    Sink* known_array(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return asset_->extras; }

  private:
    Asset* asset_ = nullptr;
    StringListSink list_;
    RawMapSink attributes_;
    TaskSink task_;
    ObjectListSink<TaskSink, Task> tasks_{task_, "task"};
};

class StageChangeSink final : public TypedObjectSink {
  public:
    StageChangeSink() : TypedObjectSink(keys::stage_change) {}
    void start(StageChange* change);
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    RawObject& extras() override { return change_->extras; }

  private:
    StageChange* change_ = nullptr;
};

class WorkloadSink final : public TypedObjectSink {
  public:
    WorkloadSink() : TypedObjectSink(keys::workload) {}
    void start(Workload* workload);
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_array(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return workload_->extras; }

  private:
    Workload* workload_ = nullptr;
    StringListSink list_;
    StageChangeSink change_;
    ObjectListSink<StageChangeSink, StageChange> history_{change_, "stage_history entry"};
};

class IterationSink final : public TypedObjectSink {
  public:
    IterationSink() : TypedObjectSink(keys::iteration) {}
    void start(Iteration* iteration);
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_array(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return iteration_->extras; }

  private:
    Iteration* iteration_ = nullptr;
    StringListSink list_;
};

class TaskTemplateSink final : public TypedObjectSink {
  public:
    TaskTemplateSink() : TypedObjectSink(keys::task_template) {}
    void start(TaskTemplate* task);
    void end(Reader& reader) override;

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    RawObject& extras() override { return task_->extras; }

  private:
    TaskTemplate* task_ = nullptr;
};

// `settings.task_templates`: an object whose keys are asset kinds, each a list of task templates.
class KindTemplatesSink final : public Sink {
  public:
    void start(std::vector<KindTemplate>* destination);
    void key(Reader& reader, std::string_view key) override;
    void scalar(Reader& reader, Scalar& value) override;
    Sink* begin_object(Reader& reader) override;
    Sink* begin_array(Reader& reader) override;

  private:
    std::vector<KindTemplate>* destination_ = nullptr;
    KeySet keys_;
    std::string pending_kind_;
    TaskTemplateSink task_;
    ObjectListSink<TaskTemplateSink, TaskTemplate> tasks_{task_, "task template"};
};

class SettingsSink final : public TypedObjectSink {
  public:
    SettingsSink() : TypedObjectSink(keys::settings) {}
    void start(Settings* settings);

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_object(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return settings_->extras; }

  private:
    Settings* settings_ = nullptr;
    KindTemplatesSink templates_;
};

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

// The top-level object: its scalars, settings and unknown keys read into `backlog`. Its three
// lists of entities are a subclass's (known_array): kept whole by BacklogSink, handed on one by
// one by entity_stream.cpp's.
class TopLevelSink : public TypedObjectSink {
  public:
    explicit TopLevelSink(Backlog& backlog);
    bool format_seen() const { return seen(backlog_format); }
    std::size_t format_offset() const { return format_offset_; }
    // LoadLayout::spare_attributes.
    void set_spare_attributes(std::size_t spare) { asset_.set_spare_attributes(spare); }

  protected:
    void known_scalar(Reader& reader, std::size_t field, Scalar& value) override;
    Sink* known_object(Reader& reader, std::size_t field) override;
    RawObject& extras() override { return backlog_.extras; }

    Backlog& backlog_;
    // What reads one entity of each list, for the subclass's list sinks.
    WorkloadSink workload_;
    AssetSink asset_;
    IterationSink iteration_;

  private:
    std::size_t format_offset_ = 0;
    SettingsSink settings_;
};

// The top-level object, its entities kept in the backlog.
class BacklogSink final : public TopLevelSink {
  public:
    explicit BacklogSink(Backlog& backlog) : TopLevelSink(backlog) {}

  protected:
    Sink* known_array(Reader& reader, std::size_t field) override;

  private:
    ObjectListSink<WorkloadSink, Workload> workloads_{workload_, "workload"};
    ObjectListSink<AssetSink, Asset> assets_{asset_, "asset"};
    ObjectListSink<IterationSink, Iteration> iterations_{iteration_, "iteration"};
};

// What load_backlog does with a text, the top-level sink given (`root`, reading into `backlog`):
// throws Error(input) for what makes the text unreadable as a whole (load.hpp: a syntax error, a
// missing or newer format, UTF-16, conflict markers, a file that changed while it was read),
// and gives back the problems met while reading values, with their positions, and the pointers
// of the values left unread (LoadResult's).
struct TextRead {
    std::vector<Problem> problems;
    std::vector<std::string> unread;
};
TextRead read_backlog_text(std::string_view whole, ReleasableText* releasable, TopLevelSink& root,
                           Backlog& backlog, std::string_view file_label);

// Throws Error(input) listing the first five errors of `problems` (then how many more), as
// load_backlog_or_throw does; nothing when there is none.
void throw_if_errors(const std::vector<Problem>& problems, std::string_view file_label);

} // namespace mbl::detail
