#pragma once
// Temporary copies of backlog files for the end-to-end tests to run `mbl` on, and the examples
// they start from.

#include "support/run_mbl.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::test {

// The bytes of a file; throws std::runtime_error when it cannot be read.
std::string read_file(const std::filesystem::path& path);

// Replaces a file's bytes; throws std::runtime_error when it cannot be written.
void write_file(const std::filesystem::path& path, std::string_view text);

// `examples/<name>/backlog.json` in the source tree (MBL_SOURCE_DIR).
std::filesystem::path example_path(std::string_view name);

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on destruction
// (read-only files and directories too).
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// A temporary directory holding `backlog.json`: a copy of an example or given text.
class TempBacklog {
  public:
    // A copy of `examples/<example>/backlog.json`.
    explicit TempBacklog(std::string_view example = "minimal");
    // A backlog.json with exactly `text`.
    static TempBacklog with_text(std::string_view text);

    const std::filesystem::path& dir() const { return dir_.path(); }
    std::filesystem::path file() const { return dir_.path() / "backlog.json"; }
    // The file as it was created (the example's bytes, or the text given).
    const std::string& original() const { return original_; }
    // The file's bytes now.
    std::string text() const { return read_file(file()); }
    // Replaces the file's bytes.
    void write(std::string_view text) const { write_file(file(), text); }
    // Runs mbl in dir() (unless `options.cwd` says otherwise), so it finds backlog.json itself
    // and names it "backlog.json" in its messages.
    RunResult run(const std::vector<std::string>& args, RunOptions options = {}) const;

  private:
    struct Text {};
    TempBacklog(Text, std::string_view text);

    TempDir dir_;
    std::string original_;
};

} // namespace mbl::test
