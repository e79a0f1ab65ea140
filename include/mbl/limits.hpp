#pragma once
// The ranges of the numbers and days mbl accepts, reads and writes, in one place: the command
// line's checks, the edit functions, `mbl validate` and the JSON Schema (schema/
// backlog.schema.json, kept equal by tests/core/test_schema.cpp) all use these. Bounded inputs
// keep every sum mbl computes finite: a million assets at the largest estimate add up to 1e15.

#include "mbl/date.hpp"

#include <chrono>

namespace mbl {

// The largest estimate of an asset or a task, in settings.estimate_unit: a billion hours is far
// beyond any migration.
inline constexpr double max_estimate = 1e9;

// The largest total of one iteration: its capacity, the default capacity and the
// completed_estimate it records. What a million assets at max_estimate add up to, so that a
// velocity (completed estimates averaged) can always be an iteration's capacity.
inline constexpr double max_iteration_total = 1e15;

// settings.iteration_length_days runs from 1 to this (a time box, not a calendar).
inline constexpr int min_iteration_length_days = 1;
inline constexpr int max_iteration_length_days = 366;

// A task template's share of the asset's estimate, in percent.
inline constexpr double max_template_percent = 100;

// Priorities run from 1 (highest) to 4.
inline constexpr int highest_priority = 1;
inline constexpr int lowest_priority = 4;

// The last day mbl reads, computes or writes: days are YYYY-MM-DD, with four-digit years.
inline constexpr Date latest_date{std::chrono::sys_days{std::chrono::year_month_day{
    std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}}}};

} // namespace mbl
