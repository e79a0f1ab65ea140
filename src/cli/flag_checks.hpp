#pragma once
// Checks of flag values for CLI11's `check()`: each returns an empty string when `text` is
// acceptable, else the reason, worded for `mbl: error: --flag: <reason>`.

#include <string>

namespace mbl::cli {

// A whole number from 1 up (a count: --last, --trials).
std::string check_count(const std::string& text);

// A number of Monte Carlo trials: 1 to 10,000,000 (more would run for minutes).
std::string check_trials(const std::string& text);

// A whole number from 0 up that fits 64 bits (--seed).
std::string check_whole_number(const std::string& text);

// A real day as YYYY-MM-DD (--by).
std::string check_date(const std::string& text);

} // namespace mbl::cli
