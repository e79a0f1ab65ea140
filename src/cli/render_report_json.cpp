#include "cli/render_report_json.hpp"

#include "mbl/enums.hpp"
#include "mbl/figure.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

constexpr std::array<std::string_view, 6> attention_kind_names{
    "over-commitment",      "unestimated-committed", "blocked-committed",
    "in-progress-past-end", "stale-active",          "tasks-done"};

std::string_view name_of(AttentionKind kind) {
    return attention_kind_names[static_cast<std::size_t>(kind)];
}

ReportJson active_json(const ActiveIterationStatus& active, Date today) {
    ReportJson document;
    document["id"] = active.iteration_id;
    document["name"] = active.name;
    document["start"] = active.start.to_string();
    document["end"] = active.end.to_string();
    std::optional<int> day = iteration_day(active, today);
    document["day"] = day ? ReportJson(*day) : ReportJson(nullptr);
    document["length_days"] = iteration_length_days(active);
    document["days_left"] = active.days_left;
    document["capacity"] = json_number(active.capacity);
    document["committed_estimate"] = json_number(active.committed_estimate);
    document["done_estimate"] = json_number(active.done_estimate);
    document["burndown"] = burndown_days_json(active.burndown);
    return document;
}

ReportJson completion_json(const CompletionForecast& completion) {
    ReportJson percentiles = ReportJson::array();
    for (const PercentileDate& at : completion.percentiles) {
        percentiles.push_back({{"percent", at.percent},
                               {"iterations", at.iterations},
                               {"date", at.date.to_string()}});
    }
    ReportJson done_by = ReportJson::array();
    for (const auto& [percent, done] : completion.done_by) {
        done_by.push_back({{"percent", percent}, {"done_percent", json_number(done)}});
    }
    ReportJson document;
    document["workload"] =
        completion.workload ? ReportJson(*completion.workload) : ReportJson(nullptr);
    document["remaining_estimate"] = json_number(completion.remaining.estimate);
    document["assets_left"] = completion.remaining.assets;
    document["unestimated"] = completion.remaining.unestimated;
    document["percentiles"] = std::move(percentiles);
    document["average_velocity_date"] = date_or_null(completion.average_velocity_date);
    document["done_by"] = std::move(done_by);
    document["conditional"] = completion.conditional();
    document["blocked_assets"] = completion.blocked;
    return document;
}

} // namespace

std::optional<int> iteration_day(const ActiveIterationStatus& active, Date today) {
    if (today < active.start || active.end < today) {
        return std::nullopt;
    }
    return active.start.days_until(today) + 1;
}

int iteration_length_days(const ActiveIterationStatus& active) {
    return std::max(0, active.start.days_until(active.end) + 1);
}

ReportJson date_or_null(const std::optional<Date>& date) {
    return date ? ReportJson(date->to_string()) : ReportJson(nullptr);
}

ReportJson number_or_null(const std::optional<double>& value) {
    return value ? json_number(*value) : ReportJson(nullptr);
}

ReportJson burndown_days_json(const Burndown& burndown) {
    ReportJson days = ReportJson::array();
    for (const BurndownDay& day : burndown.days) {
        ReportJson entry;
        entry["day"] = day.day.to_string();
        entry["remaining"] = number_or_null(day.remaining);
        entry["ideal"] = json_number(day.ideal);
        entry["scope"] = json_number(day.scope);
        days.push_back(std::move(entry));
    }
    return days;
}

void print_report_json(std::ostream& out, const ReportJson& document) {
    out << document.dump(2, ' ', false, ReportJson::error_handler_t::replace) << '\n';
}

ReportJson overall_json(const BacklogProgress& progress) {
    ReportJson document;
    document["assets"] = progress.assets;
    document["done"] = progress.done;
    document["remaining"] = progress.remaining.assets;
    document["remaining_estimate"] = json_number(progress.remaining.estimate);
    document["unestimated"] = progress.remaining.unestimated;
    document["blocked"] = progress.blocked;
    return document;
}

ReportJson status_json(const StatusReport& report, const Backlog& backlog, Date today) {
    ReportJson attention = ReportJson::array();
    for (const Attention& item : report.attention) {
        attention.push_back(
            {{"kind", name_of(item.kind)}, {"subject", item.subject}, {"message", item.message}});
    }
    ReportJson document;
    document["today"] = today.to_string();
    document["unit"] = to_string(backlog.settings.estimate_unit);
    document["active"] = report.active ? active_json(*report.active, today) : ReportJson(nullptr);
    document["ready_for_staging"] = report.ready_for_staging;
    document["attention"] = std::move(attention);
    document["assets"] = report.assets;
    document["assets_done"] = report.assets_done;
    document["overall"] = overall_json(report.progress);
    return document;
}

ReportJson velocity_json(const Velocity& velocity, std::string_view unit) {
    ReportJson iterations = ReportJson::array();
    for (const IterationVelocity& iteration : velocity.iterations) {
        ReportJson entry;
        entry["id"] = iteration.iteration_id;
        entry["name"] = iteration.name;
        entry["start"] = iteration.start.to_string();
        entry["end"] = iteration.end.to_string();
        entry["committed_estimate"] = json_number(iteration.committed_estimate);
        entry["completed_estimate"] = json_number(iteration.completed_estimate);
        entry["assets_migrated"] = iteration.assets_migrated;
        iterations.push_back(std::move(entry));
    }
    bool any = !velocity.iterations.empty();
    auto summary = [any](double value) { return any ? json_number(value) : ReportJson(nullptr); };
    ReportJson document;
    document["unit"] = unit;
    document["iterations"] = std::move(iterations);
    document["average"] = summary(velocity.average);
    document["standard_deviation"] = summary(velocity.standard_deviation);
    document["minimum"] = summary(velocity.minimum);
    document["maximum"] = summary(velocity.maximum);
    return document;
}

ReportJson forecast_json(const Forecast& forecast, const Backlog& backlog, std::size_t trials,
                         std::uint64_t seed, const std::optional<std::string>& by) {
    ReportJson releases = ReportJson::array();
    for (const CompletionForecast& release : forecast.releases) {
        releases.push_back(completion_json(release));
    }
    ReportJson document;
    document["unit"] = to_string(backlog.settings.estimate_unit);
    document["trials"] = trials;
    document["seed"] = seed;
    document["closed_iterations"] = forecast.closed_iterations;
    document["confidence"] = forecast_confidence(forecast.closed_iterations);
    document["spread_percent"] = std::lround(forecast.spread * 100);
    document["weak"] = forecast.weak;
    ReportJson samples = ReportJson::array();
    for (double sample : forecast.samples) {
        samples.push_back(json_number(sample));
    }
    document["samples"] = std::move(samples);
    document["first_iteration_start"] = forecast.first_iteration_start.to_string();
    document["iteration_length_days"] = forecast.iteration_length_days;
    document["by"] = by ? ReportJson(*by) : ReportJson(nullptr);
    document["releases"] = std::move(releases);
    document["all"] = forecast.whole ? completion_json(*forecast.whole) : ReportJson(nullptr);
    document["overall"] = overall_json(measure_progress(backlog));
    return document;
}

} // namespace mbl::cli
