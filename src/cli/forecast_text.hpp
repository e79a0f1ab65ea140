#pragma once
// The sentences that say what a forecast is based on and which of its dates are conditional,
// shared by `mbl forecast` and `mbl report` so both say it the same way (docs/forecasting.md).

#include "mbl/forecast.hpp"

#include <string>
#include <string_view>

namespace mbl::cli {

// What the throughput comes from and how far to trust it, one sentence without a final period:
// `No closed iteration yet: throughput assumed between 10 and 30 points per iteration
// (default_capacity 20 +/-50%): very low confidence`;
// `Based on 2 closed iterations (18, 22 points): low confidence; each trial's pace widened by
// +/-33% for so few samples`; `Based on 6 closed iterations (…): good confidence`.
std::string forecast_basis(const Forecast& forecast, std::string_view unit);

// `crm: dates only if unblocked (waiting on crm-db, crm-app)` naming up to five assets (then
// `and N more`); empty when the forecast is not conditional. `label` names the row.
std::string conditional_note(const CompletionForecast& completion, std::string_view label);

} // namespace mbl::cli
