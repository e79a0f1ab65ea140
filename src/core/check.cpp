#include "mbl/load.hpp"
#include "mbl/locate.hpp"
#include "mbl/validate.hpp"

#include <algorithm>
#include <tuple>

namespace mbl {

namespace {

// check_backlog_text, on `whole` or, when not null, on `releasable` (whose view is `whole`).
CheckResult check(std::string_view whole, ReleasableText* releasable, std::string_view file_label) {
    LoadResult loaded =
        releasable ? load_backlog(*releasable, file_label) : load_backlog(whole, file_label);
    // A value the loader could not read leaves a default in its place (a date of 1970-01-01, a
    // missing id): validation skips those (`unread`), so it reports only what is in the file.
    std::vector<Problem> found = validate_backlog(loaded.backlog, loaded.unread);
    if (releasable && !found.empty()) {
        releasable->restore_all();
    }
    locate_problems(whole, found);

    const bool load_errors = has_errors(loaded.problems);
    CheckResult result{std::move(loaded.backlog), std::move(loaded.problems), load_errors};
    result.problems.insert(result.problems.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const Problem& a, const Problem& b) {
                         return std::tie(a.position.line, a.position.column) <
                                std::tie(b.position.line, b.position.column);
                     });
    return result;
}

} // namespace

CheckResult check_backlog_text(std::string_view text, std::string_view file_label) {
    return check(text, nullptr, file_label);
}

CheckResult check_backlog_text(ReleasableText& text, std::string_view file_label) {
    return check(text.view(), &text, file_label);
}

} // namespace mbl
