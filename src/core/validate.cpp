// validate_backlog: builds the id tables once, then runs every rule group in a fixed order.
//
// Order of the problems (stable, so CI output diffs cleanly): by rule group, in this order,
// then in file order (workloads, then assets, then iterations, each by index):
//   1. duplicate-id                      6. priority-range
//   2. invalid-id                        7. iteration-length-setting, iteration-dates,
//   3. unknown-workload, unknown-asset,     iteration-length
//      self-dependency                   8. multiple-active, overlapping-iterations
//   4. dependency-cycle                  9. double-commitment, duplicate-commitment
//   5. negative-estimate,               10. stage-not-ready
//      negative-capacity                11. closed-without-completed
//
// Every rule is linear in the size of the file (hash indexes by id, one sort for overlaps).

#include "mbl/validate.hpp"

#include "mbl/suggest.hpp"
#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl {

namespace validation {

std::optional<std::size_t> IdTable::find(std::string_view id) const {
    auto found = first_index.find(id);
    if (found == first_index.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::optional<std::string> IdSuggester::suggest(std::string_view word, const IdTable& table,
                                                std::string_view excluded) {
    std::string key = std::string(word) + '\n' + std::string(excluded);
    if (auto known = memo_.find(key); known != memo_.end()) {
        return known->second;
    }
    std::optional<std::string> suggestion;
    if (budget_ >= table.ids.size()) {
        budget_ -= table.ids.size();
        // Same bound as nearest_spelling: a candidate whose length differs by more than the
        // allowed distance cannot be close enough, so skip it before computing distances.
        std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
        std::vector<std::string_view> candidates;
        for (std::string_view id : table.ids) {
            std::size_t difference =
                id.size() > word.size() ? id.size() - word.size() : word.size() - id.size();
            if (difference <= allowed && id != excluded) {
                candidates.push_back(id);
            }
        }
        constexpr std::size_t comparison_cost = 50;
        if (budget_ >= candidates.size() * comparison_cost) {
            budget_ -= candidates.size() * comparison_cost;
            suggestion = nearest_spelling(word, candidates);
        }
    }
    memo_.emplace(std::move(key), suggestion);
    return suggestion;
}

void Context::error(std::string path, std::string code, std::string message) {
    problems.push_back(
        Problem{Severity::error, std::move(path), std::move(message), {}, std::move(code)});
}

void Context::warning(std::string path, std::string code, std::string message) {
    problems.push_back(
        Problem{Severity::warning, std::move(path), std::move(message), {}, std::move(code)});
}

std::string display_id(std::string_view id) {
    if (is_slug(id)) {
        return std::string(id);
    }
    return fmt::format("\"{}\"", id);
}

std::string label(const Kind& kind, std::string_view id, std::size_t index) {
    if (id.empty()) {
        return fmt::format("/{}/{}", kind.array, index);
    }
    return display_id(id);
}

std::string describe(const Kind& kind, std::string_view id, std::size_t index) {
    if (id.empty()) {
        return fmt::format("{} at /{}/{}", kind.singular, kind.array, index);
    }
    return fmt::format("{} {}", kind.singular, display_id(id));
}

std::string did_you_mean(const std::optional<std::string>& suggestion, std::string_view otherwise) {
    if (suggestion) {
        return fmt::format("; did you mean {}?", *suggestion);
    }
    return std::string(otherwise);
}

namespace {

// Indexes the ids of `items`, reporting each later duplicate with where the first one is.
// Empty ids are left out (check_slugs reports them).
template <class Item>
IdTable index_ids(Context& context, const Kind& kind, const std::vector<Item>& items) {
    IdTable table;
    table.first_index.reserve(items.size());
    table.ids.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& id = items[i].id;
        if (id.empty()) {
            continue;
        }
        auto [first, inserted] = table.first_index.try_emplace(id, i);
        if (inserted) {
            table.ids.push_back(id);
            continue;
        }
        context.error(fmt::format("/{}/{}/id", kind.array, i), "duplicate-id",
                      fmt::format("{} id {} is used twice (also at /{}/{}); ids must be unique "
                                  "among {}: rename one",
                                  kind.singular, display_id(id), kind.array, first->second,
                                  kind.array));
    }
    return table;
}

template <class Item>
void check_slugs_of(Context& context, const Kind& kind, const std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& id = items[i].id;
        if (is_slug(id)) {
            continue;
        }
        std::string path = fmt::format("/{}/{}/id", kind.array, i);
        if (id.empty()) {
            context.error(std::move(path), "invalid-id",
                          fmt::format("{} at /{}/{} has no id; give it a unique slug such as "
                                      "{}-1",
                                      kind.singular, kind.array, i, kind.singular));
            continue;
        }
        context.error(std::move(path), "invalid-id",
                      fmt::format("{} id {} is not a slug; use lowercase letters, digits, `.`, "
                                  "`_` and `-`, starting with a letter or digit, at most 64 "
                                  "characters",
                                  kind.singular, display_id(id)));
    }
}

} // namespace

void check_slugs(Context& context) {
    check_slugs_of(context, workload_kind, context.backlog.workloads);
    check_slugs_of(context, asset_kind, context.backlog.assets);
    check_slugs_of(context, iteration_kind, context.backlog.iterations);
}

} // namespace validation

std::vector<Problem> validate_backlog(const Backlog& backlog) {
    using namespace validation;
    std::vector<Problem> problems;
    Context context{backlog, problems, {}, {}, {}, {}, {}};
    context.workloads = index_ids(context, workload_kind, backlog.workloads);
    context.assets = index_ids(context, asset_kind, backlog.assets);
    context.iterations = index_ids(context, iteration_kind, backlog.iterations);
    check_slugs(context);
    check_references(context);
    check_cycles(context);
    check_numbers(context);
    check_priorities(context);
    check_iteration_dates(context);
    check_iteration_states(context);
    check_commitments(context);
    check_release_readiness(context);
    check_closed_iterations(context);
    return problems;
}

} // namespace mbl
