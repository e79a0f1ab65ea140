#include "support/temp_backlog.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace mbl::test {

std::string read_file(const fs::path& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, std::string_view text) {
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!output.flush()) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

fs::path example_path(std::string_view name) {
    return fs::path(MBL_SOURCE_DIR) / "examples" / name / "backlog.json";
}

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        (fs::path(base != nullptr && *base != '\0' ? base : "/tmp") / "mbl-e2e-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp " + pattern + ": " + std::strerror(errno));
    }
    path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
    std::error_code ignored;
    // A test may leave read-only directories behind; make them removable first.
    for (auto it = fs::recursive_directory_iterator(path_, ignored);
         it != fs::recursive_directory_iterator(); it.increment(ignored)) {
        if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
        }
    }
    fs::remove_all(path_, ignored);
}

TempBacklog::TempBacklog(std::string_view example)
    : TempBacklog(Text{}, read_file(example_path(example))) {}

TempBacklog::TempBacklog(Text, std::string_view text) : original_(text) {
    write(text);
}

RunResult TempBacklog::run(const std::vector<std::string>& args, RunOptions options) const {
    if (options.cwd.empty()) {
        options.cwd = dir();
    }
    return run_mbl(args, options);
}

TempBacklog TempBacklog::with_text(std::string_view text) {
    return TempBacklog(Text{}, text);
}

} // namespace mbl::test
