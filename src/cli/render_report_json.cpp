#include "cli/render_report_json.hpp"

#include <cmath>
#include <cstdint>

namespace mbl::cli {

ReportJson json_number(double value) {
    constexpr double limit = 9007199254740992.0; // 2^53: every whole double below is exact
    if (std::trunc(value) == value && std::abs(value) < limit) {
        return static_cast<std::int64_t>(value);
    }
    return value;
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
        days.push_back(std::move(entry));
    }
    return days;
}

void print_report_json(std::ostream& out, const ReportJson& document) {
    out << document.dump(2, ' ', false, ReportJson::error_handler_t::replace) << '\n';
}

} // namespace mbl::cli
