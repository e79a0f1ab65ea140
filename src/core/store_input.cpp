// read_input_file: the store's reader for files that are not backlogs (CSV exports), with
// messages about them rather than about backlog.json.
#include "mbl/error.hpp"
#include "mbl/input_file.hpp"
#include "mbl/store.hpp"

#include <fmt/format.h>
#include <system_error>

namespace mbl {

namespace {

// Refuses, naming `path`, a file to import that does not exist or is a directory; the other
// checks are the backlog's (open_backlog_for_reading).
void check_input_path(const std::filesystem::path& path) {
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (status.type() == std::filesystem::file_type::not_found) {
        throw input_error(
            fmt::format("{} does not exist; check the path of the file to import", path.string()));
    }
    if (status.type() == std::filesystem::file_type::directory) {
        throw input_error(fmt::format("{} is a directory; pass the path of the CSV file to import",
                                      path.string()));
    }
}

} // namespace

std::string read_input_file(const std::filesystem::path& path) {
    check_input_path(path);
    return read_backlog_file(path); // regular-file checks and read errors, named by path
}

std::unique_ptr<BacklogFileText> open_input_file(const std::filesystem::path& path) {
    check_input_path(path);
    return std::make_unique<BacklogFileText>(path, TextUse::reading, path.string());
}

} // namespace mbl
