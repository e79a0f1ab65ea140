#include "support/git_repo.hpp"

#include <cstdlib>
#include <stdexcept>

namespace mbl::test {
namespace {

// What keeps the user's own git configuration out of the tests, for git run here and for mbl.
const std::map<std::string, std::string> isolated_git{{"GIT_CONFIG_GLOBAL", "/dev/null"},
                                                      {"GIT_CONFIG_NOSYSTEM", "1"}};

void isolate_git_once() {
    static bool done = [] {
        for (const auto& [name, value] : isolated_git) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        return true;
    }();
    (void)done;
}

} // namespace

GitRepo::GitRepo(std::string_view text) {
    isolate_git_once();
    git_ok({"init", "-q", "-b", "main"});
    git_ok({"config", "user.name", "Test"});
    git_ok({"config", "user.email", "test@example.com"});
    git_ok({"config", "commit.gpgsign", "false"});
    commit(text, "base");
}

GitOutput GitRepo::git(const std::vector<std::string>& args) const {
    return run_git(args, dir());
}

std::string GitRepo::git_ok(const std::vector<std::string>& args) const {
    GitOutput output = git(args);
    if (output.exit_code != 0) {
        std::string command = "git";
        for (const std::string& arg : args) {
            command += " " + arg;
        }
        throw std::runtime_error(command + " failed:\n" + output.out + output.err);
    }
    return output.out;
}

void GitRepo::commit(std::string_view text, const std::string& message) const {
    write(text);
    git_ok({"add", "-A"});
    git_ok({"commit", "-q", "-m", message});
}

RunResult GitRepo::mbl(const std::vector<std::string>& args) const {
    RunOptions options;
    options.cwd = dir();
    options.env = isolated_git;
    return run_mbl(args, options);
}

void GitRepo::install_driver() const {
    RunResult result = mbl({"git", "setup", "--program", MBL_BINARY});
    if (result.exit_code != 0) {
        throw std::runtime_error("mbl git setup failed: " + result.err);
    }
}

} // namespace mbl::test
