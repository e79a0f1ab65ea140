#pragma once
// Exit codes (SPEC.md, "Output and exit codes") and the one exception type for expected
// failures. `main` catches `mbl::Error` once and prints `mbl: error: <what()>`.

#include <stdexcept>
#include <string>

namespace mbl {

enum class ExitStatus : int {
    success = 0,
    check_failed = 1, // validate found problems, fmt --check, a refused gate
    usage = 2,        // bad command line
    input = 3,        // file missing/unreadable, invalid JSON, unknown id, newer format
    locked = 4,       // another mbl holds the lock past the timeout
};

// An expected failure: the message says what is wrong, where, and what to do.
class Error : public std::runtime_error {
  public:
    Error(ExitStatus status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    ExitStatus status() const { return status_; }

  private:
    ExitStatus status_;
};

// Shorthands for the common kinds.
inline Error input_error(const std::string& message) {
    return {ExitStatus::input, message};
}
inline Error usage_error(const std::string& message) {
    return {ExitStatus::usage, message};
}

} // namespace mbl
