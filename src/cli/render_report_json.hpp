#pragma once
// JSON documents of the reports (velocity, forecast, status, burndown): built with
// nlohmann::ordered_json so keys keep the order they are set in (stable output), dates as
// `YYYY-MM-DD`, unknown values as null.

#include "mbl/date.hpp"
#include "mbl/status.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

namespace mbl::cli {

using ReportJson = nlohmann::ordered_json;

// `value` as the file spells numbers: whole numbers without a fraction (`96`, not `96.0`).
ReportJson json_number(double value);

// `date` as `YYYY-MM-DD`, or null.
ReportJson date_or_null(const std::optional<Date>& date);

// json_number(`value`), or null.
ReportJson number_or_null(const std::optional<double>& value);

// The days of a burndown: [{"day", "remaining" (null after today), "ideal"}].
ReportJson burndown_days_json(const Burndown& burndown);

// The document with two-space indentation and a newline; invalid UTF-8 in strings replaced
// rather than thrown on.
void print_report_json(std::ostream& out, const ReportJson& document);

} // namespace mbl::cli
