#pragma once
// JSON documents of the reports (velocity, forecast, status, burndown): built with
// nlohmann::ordered_json so keys keep the order they are set in (stable output), dates as
// `YYYY-MM-DD`, unknown values as null.

#include "cli/json_number.hpp"
#include "mbl/date.hpp"
#include "mbl/forecast.hpp"
#include "mbl/model.hpp"
#include "mbl/status.hpp"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace mbl::cli {

using ReportJson = nlohmann::ordered_json;

// `date` as `YYYY-MM-DD`, or null.
ReportJson date_or_null(const std::optional<Date>& date);

// json_number(`value`), or null.
ReportJson number_or_null(const std::optional<double>& value);

// The days of a burndown: [{"day", "remaining" (null after today), "ideal", "scope"}].
ReportJson burndown_days_json(const Burndown& burndown);

// Where `today` falls in the active iteration, 1-based; none outside its dates.
std::optional<int> iteration_day(const ActiveIterationStatus& active, Date today);

// Days from the active iteration's start to its end, both included; 0 when it ends first.
int iteration_length_days(const ActiveIterationStatus& active);

// The one count of done and remaining work every view shares (measure_progress): {"assets",
// "done", "remaining", "remaining_estimate", "unestimated", "blocked"}; `status`, `forecast`
// and `report` all print it as "overall".
ReportJson overall_json(const BacklogProgress& progress);

// `mbl status --format json`: {"today", "unit", "active": {"id", "name", "start", "end", "day",
// "length_days", "days_left", "capacity", "committed_estimate", "done_estimate", "burndown"} or
// null, "ready_for_staging", "attention": [{"kind", "subject", "message"}], "assets",
// "assets_done", "overall"}.
ReportJson status_json(const StatusReport& report, const Backlog& backlog, Date today);

// `mbl velocity --format json`: {"unit", "iterations": [{"id", "name", "start", "end",
// "committed_estimate", "completed_estimate", "assets_migrated"}], "average",
// "standard_deviation", "minimum", "maximum"} (the four null without iterations).
ReportJson velocity_json(const Velocity& velocity, std::string_view unit);

// `mbl forecast --format json`: {"unit", "trials", "seed", "closed_iterations", "confidence",
// "spread_percent", "weak", "samples", "first_iteration_start", "iteration_length_days", "by",
// "releases": [completion], "all": completion or null}; a completion is {"workload",
// "remaining_estimate", "assets_left", "unestimated", "percentiles": [{"percent", "iterations",
// "date"}], "average_velocity_date", "done_by": [{"percent", "done_percent"}], "conditional",
// "blocked_assets"}, then "overall" (of the whole backlog) (docs/forecasting.md).
ReportJson forecast_json(const Forecast& forecast, const Backlog& backlog, std::size_t trials,
                         std::uint64_t seed, const std::optional<std::string>& by);

// The document with two-space indentation and a newline; invalid UTF-8 in strings replaced
// rather than thrown on.
void print_report_json(std::ostream& out, const ReportJson& document);

} // namespace mbl::cli
