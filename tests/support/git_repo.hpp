#pragma once
// A real git repository in a temporary directory, holding a backlog.json, for the end-to-end
// tests of the merge driver and the diff. git runs with no global or system configuration, so
// the tests see only what they set.

#include "support/temp_backlog.hpp"

#include <mbl/git.hpp>
#include <string>
#include <vector>

namespace mbl::test {

class GitRepo {
  public:
    // `git init` on branch main, a local user, and `backlog.json` with `text` committed.
    explicit GitRepo(std::string_view text);

    const std::filesystem::path& dir() const { return dir_.path(); }
    std::filesystem::path file() const { return dir() / "backlog.json"; }
    std::string text() const { return read_file(file()); }
    void write(std::string_view text) const { write_file(file(), text); }

    // Runs git in the repository and returns what it did, whatever its exit code.
    GitOutput git(const std::vector<std::string>& args) const;
    // Runs git and throws std::runtime_error (with git's output) unless it succeeds.
    std::string git_ok(const std::vector<std::string>& args) const;
    // Writes `text` to backlog.json and commits everything with `message`.
    void commit(std::string_view text, const std::string& message) const;
    // Runs mbl in the repository, with git's configuration isolated as for git().
    RunResult mbl(const std::vector<std::string>& args) const;
    // `mbl git setup` with the built binary as the driver's program; requires it to succeed.
    void install_driver() const;

  private:
    TempDir dir_;
};

} // namespace mbl::test
