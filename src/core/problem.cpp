#include "mbl/problem.hpp"

#include "mbl/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

Error::Error(ExitStatus status, ErrorLocation location)
    : std::runtime_error(fmt::format("{}:{}:{}: {}", location.file, location.position.line,
                                     location.position.column, location.reason)),
      status_(status), location_(std::move(location)) {}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::error; });
}

std::string pointer_segment(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace mbl
