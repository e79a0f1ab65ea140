// Reading `settings`, with its task templates and the meanings of work item states.

#include "load_entities.hpp"

namespace mbl::detail {

namespace {
enum SettingsKey : std::size_t {
    settings_unit,
    settings_length,
    settings_first_start,
    settings_default_capacity,
    settings_task_templates,
    settings_work_item_states
};
enum TaskTemplateKey : std::size_t { template_title, template_percent };
static_assert(keys::settings[settings_task_templates] == "task_templates");
static_assert(keys::settings[settings_work_item_states] == "work_item_states");
static_assert(keys::task_template[template_percent] == "percent");
} // namespace

void TaskTemplateSink::start(TaskTemplate* task) {
    task_ = task;
    reset_keys();
}

void TaskTemplateSink::end(Reader& reader) {
    if (!seen(template_title)) {
        reader.report_container(Severity::error, "missing-key",
                                "this task template has no title; add \"title\": \"Replicate\"",
                                "title");
    }
}

void TaskTemplateSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    switch (field) {
    case template_title:
        read_string(reader, value, task_->title);
        break;
    case template_percent:
        read_number(reader, value, task_->percent);
        break;
    }
}

void KindTemplatesSink::start(std::vector<KindTemplate>* destination) {
    destination_ = destination;
    keys_.clear();
}

void KindTemplatesSink::key(Reader& reader, std::string_view key) {
    if (!keys_.insert(key)) {
        reader.fail_duplicate_key(key);
    }
    pending_kind_ = key;
}

void KindTemplatesSink::scalar(Reader& reader, Scalar& value) {
    report_wrong_type(reader, "a list of task templates", value.description());
}

Sink* KindTemplatesSink::begin_object(Reader& reader) {
    report_wrong_type(reader, "a list of task templates", "an object");
    return reader.skip(true);
}

Sink* KindTemplatesSink::begin_array(Reader&) {
    KindTemplate& kind = destination_->emplace_back();
    kind.kind = std::move(pending_kind_);
    tasks_.start(&kind.tasks);
    return &tasks_;
}

void SettingsSink::start(Settings* settings) {
    settings_ = settings;
    reset_keys();
}

void SettingsSink::known_scalar(Reader& reader, std::size_t field, Scalar& value) {
    Settings& s = *settings_;
    switch (field) {
    case settings_unit:
        read_enum(reader, value, s.estimate_unit);
        break;
    case settings_length:
        read_integer(reader, value, s.iteration_length_days);
        break;
    case settings_first_start:
        read_optional_date(reader, value, s.first_iteration_start);
        break;
    case settings_default_capacity:
        read_number(reader, value, s.default_capacity);
        break;
    case settings_task_templates:
        report_wrong_type(reader, "an object of task lists by asset kind", value.description());
        break;
    case settings_work_item_states:
        report_wrong_type(reader, "an object of state meanings by tool", value.description());
        break;
    }
}

Sink* SettingsSink::known_object(Reader& reader, std::size_t field) {
    if (field == settings_task_templates) {
        templates_.start(&settings_->task_templates);
        return &templates_;
    }
    if (field == settings_work_item_states) {
        // Free-form by tool and state: kept as written (in `extras`, which the writer puts
        // right after the known keys, this one first); validate checks its values.
        return add_raw_container(reader, settings_->extras, keys::settings[field], true);
    }
    return TypedObjectSink::known_object(reader, field);
}

} // namespace mbl::detail
