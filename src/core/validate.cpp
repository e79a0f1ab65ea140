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
//                                       12. unknown-kind, negative-percent, template-percent
//                                       13. replicated-open-tasks
//
// Every rule is linear in the size of the file (hash indexes by id, one sort for overlaps).

#include "mbl/validate.hpp"

#include "validate_rules.hpp"

#include <fmt/format.h>

namespace mbl {

namespace validation {

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

} // namespace validation

std::vector<Problem> validate_backlog(const Backlog& backlog,
                                      const std::vector<std::string>& unread) {
    using namespace validation;
    std::vector<Problem> problems;
    UnreadValues unread_values(unread);
    Context context(backlog, problems, unread_values);
    index_ids(context);
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
    check_task_templates(context);
    check_work_item_states(context);
    check_task_progress(context);
    if (!unread_values.empty()) { // a problem about a default, not about the file
        std::erase_if(problems,
                      [&](const Problem& problem) { return unread_values.covers(problem.path); });
    }
    return problems;
}

} // namespace mbl
