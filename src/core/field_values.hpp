#pragma once
// Command-line values of the edit functions (edit.hpp): numbers, priorities, enumerations,
// dates, comma lists and ids, each refused with the message a person at a terminal needs.
// Private to the core library.

#include "mbl/enums.hpp"
#include "mbl/error.hpp"
#include "mbl/limits.hpp"
#include "mbl/model.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

// `text` as a number from 0 to `maximum` (limits.hpp: max_estimate for estimates,
// max_iteration_total for capacities); Error(usage) `<field> must be a number from 0 to
// 1000000000, not '<text>'` otherwise.
double parse_non_negative_number(std::string_view text, std::string_view field,
                                 double maximum = max_estimate);

// `text` as a priority 1-4; Error(usage) `priority must be a whole number from 1 to 4, not '7'`.
int parse_priority(std::string_view text);

// Error(usage) when `priority` is outside 1-4.
void check_priority(int priority);

// Error(usage) when `estimate` is not a number from 0 to `maximum` (limits.hpp: max_estimate,
// or max_iteration_total for a capacity): `<field> must be a number from 0 to 1000000000, not …`.
void check_estimate(double estimate, std::string_view field, double maximum = max_estimate);

// Error(input) when `value`, which mbl computed from numbers in the file to write it back (a sum,
// a share), is not a number from 0 to `maximum`: `<what> would be inf, outside 0 to
// 1000000000000000; …` pointing at `mbl validate`, which names the number out of range.
void check_computed_number(double value, double maximum, std::string_view what);

// The value of `E` spelled `text` (trimmed); Error(usage) naming the allowed values otherwise.
template <class E> E parse_enum_value(std::string_view text, std::string_view field) {
    if (auto value = parse_enum<E>(trim(text))) {
        return *value;
    }
    throw usage_error(invalid_enum_message<E>(field, trim(text)));
}

// `text` as a `YYYY-MM-DD` day; Error(usage) naming `field` otherwise.
Date parse_date_value(std::string_view text, std::string_view field);

// Error(usage) when free text for `field` is not valid UTF-8 (the file could not be read back).
void check_text(std::string_view text, std::string_view field);

// Free text where empty means absent (owner, notes); checked with check_text.
std::optional<std::string> optional_text(std::string_view value, std::string_view field);

// `a, b,,c` as {"a", "b", "c"}: items trimmed, empty items dropped, order kept.
std::vector<std::string> split_comma_list(std::string_view text);

// Error(input) `unknown <kind> '<id>'; did you mean '<nearest>'?`, or, with no close id,
// pointing at `mbl <kind> list`; with no ids at all (a new backlog), at `mbl <kind> add`.
Error unknown_id_error(std::string_view kind, std::string_view id,
                       const std::vector<std::string_view>& known_ids);

// The ids of `entities` (anything with an `id`), for suggestions.
template <class Entity> std::vector<std::string_view> ids_of(const std::vector<Entity>& entities) {
    std::vector<std::string_view> ids;
    ids.reserve(entities.size());
    for (const Entity& entity : entities) {
        ids.push_back(entity.id);
    }
    return ids;
}

// The one entity of `entities` with `id`. Error(input) when there is none (with a suggestion),
// or more than one: a duplicated id (reported by validate) makes every edit ambiguous.
template <class Entities>
auto& require_unique(Entities& entities, std::string_view kind, std::string_view id) {
    auto is_it = [&](const auto& entity) { return entity.id == id; };
    auto found = std::find_if(entities.begin(), entities.end(), is_it);
    if (found == entities.end()) {
        throw unknown_id_error(kind, id, ids_of(entities));
    }
    if (auto again = std::find_if(std::next(found), entities.end(), is_it);
        again != entities.end()) {
        throw input_error(fmt::format("{} id '{}' is used by more than one {} (entries {} and {}); "
                                      "give each its own id first ('mbl validate' lists them)",
                                      kind, id, kind, found - entities.begin() + 1,
                                      again - entities.begin() + 1));
    }
    return *found;
}

// Refuses a new `kind` id that is not a slug (Error(usage)) or already used (Error(input)).
void check_new_id(std::string_view kind, std::string_view id, bool already_used);

// Error(usage) `unknown field '<field>'; did you mean '<nearest>'? Fields: a, b, c`.
Error unknown_field_error(std::string_view field, const std::vector<std::string_view>& fields);

// Error(check_failed) refusing to remove `kind` `id` while `references` name it, listing them
// (the first few) and pointing at --force.
Error refused_removal(std::string_view kind, std::string_view id,
                      const std::vector<std::string>& references);

// Spellings for change descriptions: `none` for what is unset or empty.
std::string describe(const std::optional<std::string>& value);
std::string describe(const std::optional<double>& value);
std::string describe(const std::optional<Date>& value);
std::string describe(const std::vector<std::string>& values);

// `<field>: <before> -> <after>`.
std::string describe_change(std::string_view field, std::string_view before,
                            std::string_view after);

} // namespace mbl
