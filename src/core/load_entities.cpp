#include "load_entities.hpp"

#include <algorithm>
#include <iterator>

namespace mbl::detail {

namespace {

// Index of each key in its keys:: array; checked against the arrays below.
enum TaskKey : std::size_t { task_title, task_estimate, task_done };
enum AssetKey : std::size_t {
    asset_id,
    asset_name,
    asset_kind,
    asset_workload,
    asset_owner,
    asset_strategy,
    asset_estimate,
    asset_priority,
    asset_status,
    asset_replicated_on,
    asset_committed_on,
    asset_depends_on,
    asset_tags,
    asset_attributes,
    asset_tasks,
    asset_notes
};
enum StageChangeKey : std::size_t { change_stage, change_date, change_reason, change_forced };
enum WorkloadKey : std::size_t {
    workload_id,
    workload_name,
    workload_priority,
    workload_owner,
    workload_depends_on,
    workload_stage,
    workload_stage_history,
    workload_target_date,
    workload_notes
};
enum IterationKey : std::size_t {
    iteration_id,
    iteration_name,
    iteration_start,
    iteration_end,
    iteration_capacity,
    iteration_state,
    iteration_committed,
    iteration_committed_at_start,
    iteration_completed,
    iteration_completed_estimate,
    iteration_notes
};
static_assert(keys::task[task_done] == "done");
static_assert(keys::asset[asset_notes] == "notes" && keys::asset[asset_tasks] == "tasks");
static_assert(keys::stage_change[change_forced] == "forced");
static_assert(keys::workload[workload_notes] == "notes");
static_assert(keys::iteration[iteration_notes] == "notes");
static_assert(keys::iteration[iteration_committed_at_start] == "committed_at_start");
static_assert(keys::backlog[backlog_iterations] == "iterations");

void report_missing(Reader& reader, std::string_view what, std::string_view key,
                    std::string_view example) {
    reader.report_container(Severity::error, "missing-key",
                            fmt::format("{} has no {}; add \"{}\": {}", what, key, key, example),
                            key);
}

Sink* wrong_container(Reader& reader, std::string_view expected, std::string_view found) {
    report_wrong_type(reader, expected, found);
    return reader.skip(found == "an object");
}

} // namespace

void RawMapSink::start(RawObject* destination) {
    destination_ = destination;
    gathered_.clear();
    keys_.clear();
}

void RawMapSink::key(Reader& reader, std::string_view key) {
    if (!keys_.insert(key)) {
        reader.fail_duplicate_key(key);
    }
    pending_key_ = key;
}

void RawMapSink::scalar(Reader&, Scalar& value) {
    add_raw_scalar(gathered_, std::move(pending_key_), value);
}

Sink* RawMapSink::begin_object(Reader& reader) {
    return add_raw_container(reader, gathered_, std::move(pending_key_), true);
}

Sink* RawMapSink::begin_array(Reader& reader) {
    return add_raw_container(reader, gathered_, std::move(pending_key_), false);
}

void RawMapSink::end(Reader&) {
    destination_->reserve(destination_->size() + gathered_.size() + spare_);
    std::move(gathered_.begin(), gathered_.end(), std::back_inserter(*destination_));
    gathered_.clear();
}

void TaskSink::start(Task* task) {
    task_ = task;
    reset_keys();
}

void TaskSink::end(Reader& reader) {
    if (!seen(task_title)) {
        report_missing(reader, "this task", "title", "\"Replicate\"");
    }
}

void TaskSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    switch (field) {
    case task_title:
        read_string(reader, value, task_->title);
        break;
    case task_estimate:
        read_optional_number(reader, value, task_->estimate);
        break;
    case task_done:
        read_boolean(reader, value, task_->done);
        break;
    }
}

void AssetSink::start(Asset* asset) {
    asset_ = asset;
    reset_keys();
}

void AssetSink::end(Reader& reader) {
    if (!seen(asset_id)) {
        report_missing(reader, "this asset", "id", "\"crm-sql-01\"");
    }
}

void AssetSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    Asset& a = *asset_;
    switch (field) {
    case asset_id:
        read_string(reader, value, a.id);
        break;
    case asset_name:
        read_string(reader, value, a.name);
        break;
    case asset_kind:
        read_enum(reader, value, a.kind);
        break;
    case asset_workload:
        read_optional_string(reader, value, a.workload);
        break;
    case asset_owner:
        read_optional_string(reader, value, a.owner);
        break;
    case asset_strategy:
        read_enum(reader, value, a.strategy);
        break;
    case asset_estimate:
        read_optional_number(reader, value, a.estimate);
        break;
    case asset_priority:
        read_integer(reader, value, a.priority);
        break;
    case asset_status:
        read_enum(reader, value, a.status);
        break;
    case asset_replicated_on:
        read_optional_date(reader, value, a.replicated_on);
        break;
    case asset_committed_on:
        read_optional_date(reader, value, a.committed_on);
        break;
    case asset_depends_on:
    case asset_tags:
        report_wrong_type(reader, "a list of strings", value.description());
        break;
    case asset_attributes:
        report_wrong_type(reader, "an object", value.description());
        break;
    case asset_tasks:
        report_wrong_type(reader, "a list of tasks", value.description());
        break;
    case asset_notes:
        read_optional_string(reader, value, a.notes);
        break;
    }
}

Sink* AssetSink::known_object(Reader& reader, std::size_t field) {
    if (field == asset_attributes) {
        attributes_.start(&asset_->attributes);
        return &attributes_;
    }
    return TypedObjectSink::known_object(reader, field);
}

Sink* AssetSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case asset_depends_on:
        list_.start(&asset_->depends_on);
        return &list_;
    case asset_tags:
        list_.start(&asset_->tags);
        return &list_;
    case asset_tasks:
        tasks_.start(&asset_->tasks);
        return &tasks_;
    case asset_attributes:
        return wrong_container(reader, "an object", "an array");
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

void StageChangeSink::start(StageChange* change) {
    change_ = change;
    reset_keys();
}

void StageChangeSink::end(Reader& reader) {
    if (!seen(change_stage)) {
        report_missing(reader, "this stage_history entry", "stage", "\"staging\"");
    }
    if (!seen(change_date)) {
        report_missing(reader, "this stage_history entry", "date", "\"2027-01-04\"");
    }
}

void StageChangeSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    switch (field) {
    case change_stage:
        read_enum(reader, value, change_->stage);
        break;
    case change_date:
        read_date(reader, value, change_->date);
        break;
    case change_reason:
        read_optional_string(reader, value, change_->reason);
        break;
    case change_forced:
        read_boolean(reader, value, change_->forced);
        break;
    }
}

void WorkloadSink::start(Workload* workload) {
    workload_ = workload;
    reset_keys();
}

void WorkloadSink::end(Reader& reader) {
    if (!seen(workload_id)) {
        report_missing(reader, "this workload", "id", "\"crm\"");
    }
}

void WorkloadSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    Workload& w = *workload_;
    switch (field) {
    case workload_id:
        read_string(reader, value, w.id);
        break;
    case workload_name:
        read_string(reader, value, w.name);
        break;
    case workload_priority:
        read_integer(reader, value, w.priority);
        break;
    case workload_owner:
        read_optional_string(reader, value, w.owner);
        break;
    case workload_depends_on:
        report_wrong_type(reader, "a list of strings", value.description());
        break;
    case workload_stage:
        read_enum(reader, value, w.stage);
        break;
    case workload_stage_history:
        report_wrong_type(reader, "a list of stage changes", value.description());
        break;
    case workload_target_date:
        read_optional_date(reader, value, w.target_date);
        break;
    case workload_notes:
        read_optional_string(reader, value, w.notes);
        break;
    }
}

Sink* WorkloadSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case workload_depends_on:
        list_.start(&workload_->depends_on);
        return &list_;
    case workload_stage_history:
        history_.start(&workload_->stage_history);
        return &history_;
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

void IterationSink::start(Iteration* iteration) {
    iteration_ = iteration;
    reset_keys();
}

void IterationSink::end(Reader& reader) {
    if (!seen(iteration_id)) {
        report_missing(reader, "this iteration", "id", "\"it-1\"");
    }
    if (!seen(iteration_start)) {
        report_missing(reader, "this iteration", "start", "\"2027-01-04\"");
    }
    if (!seen(iteration_end)) {
        report_missing(reader, "this iteration", "end", "\"2027-01-17\"");
    }
}

void IterationSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    Iteration& it = *iteration_;
    switch (field) {
    case iteration_id:
        read_string(reader, value, it.id);
        break;
    case iteration_name:
        read_string(reader, value, it.name);
        break;
    case iteration_start:
        read_date(reader, value, it.start);
        break;
    case iteration_end:
        read_date(reader, value, it.end);
        break;
    case iteration_capacity:
        read_number(reader, value, it.capacity);
        break;
    case iteration_state:
        read_enum(reader, value, it.state);
        break;
    case iteration_committed:
    case iteration_committed_at_start:
        report_wrong_type(reader, "a list of asset ids", value.description());
        break;
    case iteration_completed:
        if (value.type == Scalar::Type::null) {
            it.completed.reset();
        } else {
            report_wrong_type(reader, "a list of asset ids or null", value.description());
        }
        break;
    case iteration_completed_estimate:
        read_optional_number(reader, value, it.completed_estimate);
        break;
    case iteration_notes:
        read_optional_string(reader, value, it.notes);
        break;
    }
}

Sink* IterationSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case iteration_committed:
        list_.start(&iteration_->committed);
        return &list_;
    case iteration_committed_at_start:
        list_.start(&iteration_->committed_at_start.emplace());
        return &list_;
    case iteration_completed:
        list_.start(&iteration_->completed.emplace());
        return &list_;
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

TopLevelSink::TopLevelSink(Backlog& backlog) : TypedObjectSink(keys::backlog), backlog_(backlog) {}

void TopLevelSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
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

Sink* TopLevelSink::known_object(Reader& reader, std::size_t field) {
    if (field == backlog_settings) {
        settings_.start(&backlog_.settings);
        return &settings_;
    }
    return TypedObjectSink::known_object(reader, field);
}

Sink* BacklogSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case backlog_workloads:
        workloads_.start(&backlog_.workloads);
        return &workloads_;
    case backlog_assets: {
        // Reserved for as many assets as the rest of the file could hold at a small size
        // (canonical assets take about 250 bytes at the least, generated ones about 570), so the
        // vector is not moved while it grows: the pages reserved and not used are never touched,
        // so they cost address space, not memory. A denser file just grows past it.
        constexpr std::size_t small_asset_bytes = 256;
        backlog_.assets.reserve(reader.bytes_left() / small_asset_bytes);
        assets_.start(&backlog_.assets);
        return &assets_;
    }
    case backlog_iterations:
        iterations_.start(&backlog_.iterations);
        return &iterations_;
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

} // namespace mbl::detail
