#pragma once
// Numbers for people in the reports: estimates, averages and percentages, rounded so a table
// stays readable (JSON output keeps the exact values).

#include <string>

namespace mbl::cli {

// `value` rounded to one decimal, without a trailing `.0`: `92`, `9.4`, `-3.5`; `0` for -0.
std::string rounded_number(double value);

// `part` as a whole percentage of `whole`, with the sign: `58%`; `0%` when `whole` is not
// above 0.
std::string percent_of(double part, double whole);

} // namespace mbl::cli
