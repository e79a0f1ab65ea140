#include "mbl/load.hpp"
#include "mbl/locate.hpp"
#include "mbl/validate.hpp"

#include <algorithm>
#include <unordered_set>

namespace mbl {

namespace {

// True when `path` or one of its ancestors is in `paths`.
bool under_any(const std::string& path, const std::unordered_set<std::string>& paths) {
    std::string_view prefix = path;
    for (;;) {
        if (paths.count(std::string(prefix)) != 0) {
            return true;
        }
        if (prefix.empty()) {
            return false;
        }
        prefix = prefix.substr(0, prefix.rfind('/'));
    }
}

} // namespace

CheckResult check_backlog_text(std::string_view text, std::string_view file_label) {
    LoadResult loaded = load_backlog(text, file_label);
    std::unordered_set<std::string> load_error_paths;
    for (const Problem& problem : loaded.problems) {
        if (problem.severity == Severity::error) {
            load_error_paths.insert(problem.path);
        }
    }
    std::vector<Problem> found = validate_backlog(loaded.backlog);
    if (!load_error_paths.empty()) {
        std::erase_if(found, [&](const Problem& p) { return under_any(p.path, load_error_paths); });
    }
    locate_problems(text, found);

    CheckResult result{std::move(loaded.backlog), std::move(loaded.problems)};
    result.problems.insert(result.problems.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const Problem& a, const Problem& b) {
                         return std::tie(a.position.line, a.position.column) <
                                std::tie(b.position.line, b.position.column);
                     });
    return result;
}

} // namespace mbl
