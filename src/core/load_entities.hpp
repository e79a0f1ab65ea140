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

  private:
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

// The top-level object.
class BacklogSink final : public TypedObjectSink {
  public:
    explicit BacklogSink(Backlog& backlog);
    bool format_seen() const { return seen(1); }
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
    ObjectListSink<WorkloadSink, Workload> workloads_{workload_, "workload"};
    ObjectListSink<AssetSink, Asset> assets_{asset_, "asset"};
    ObjectListSink<IterationSink, Iteration> iterations_{iteration_, "iteration"};
};

} // namespace mbl::detail
