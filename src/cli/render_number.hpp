#pragma once
// Numbers for people in the reports: estimates, averages and percentages, rounded once by the
// one rule of every view (figure.hpp).

#include <string>

namespace mbl::cli {

// A computed number as every view writes it (format_figure): at most two decimals, trailing
// zeros trimmed: `92`, `8.67`, `-3.5`; `0` for -0.
std::string rounded_number(double value);

// `part` as a whole percentage of `whole`, with the sign: `58%`; `0%` when `whole` is not
// above 0.
std::string percent_of(double part, double whole);

} // namespace mbl::cli
