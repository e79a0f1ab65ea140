#pragma once
// Exit codes (README.md, the exit codes) and the one exception type for expected
// failures. `main` catches `mbl::Error` once and prints `mbl: error: <what()>`.

#include "mbl/problem.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace mbl {

enum class ExitStatus : int {
    success = 0,
    check_failed = 1, // validate found problems, fmt --check, a refused gate
    usage = 2,        // bad command line
    input = 3,        // file missing/unreadable, invalid JSON, unknown id, newer format
    locked = 4,       // another mbl holds the lock past the timeout
    internal = 70,    // a defect in mbl: an unexpected exception (EX_SOFTWARE, sysexits.h)
};

// Where in a file an error is, for errors about a file's text.
struct ErrorLocation {
    std::string file; // as the user named it
    SourcePosition position;
    std::string reason; // the message without the `file:line:column: ` prefix
};

// An expected failure: the message says what is wrong, where, and what to do.
class Error : public std::runtime_error {
  public:
    Error(ExitStatus status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    // An error at a place in a file; the message is `file:line:column: reason`.
    Error(ExitStatus status, ErrorLocation location);
    ExitStatus status() const { return status_; }
    // Set for errors about a place in a file (syntax errors, a newer format, …).
    const std::optional<ErrorLocation>& location() const { return location_; }

  private:
    ExitStatus status_;
    std::optional<ErrorLocation> location_;
};

// Shorthands for the common kinds.
inline Error input_error(const std::string& message) {
    return {ExitStatus::input, message};
}
inline Error usage_error(const std::string& message) {
    return {ExitStatus::usage, message};
}

} // namespace mbl
