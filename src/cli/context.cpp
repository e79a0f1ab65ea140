#include "cli/context.hpp"

#include "cli/render_text.hpp"
#include "mbl/error.hpp"
#include "mbl/store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <vector>

namespace mbl::cli {
namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

// How long to wait for the lock. The option check keeps the seconds within 0 to
// max_lock_timeout_seconds; options built in code are bounded here too (nan as 0).
std::chrono::milliseconds lock_timeout(const GlobalOptions& options) {
    double seconds = options.lock_timeout_seconds;
    double bounded = seconds > 0 ? std::min(seconds, max_lock_timeout_seconds) : 0.0;
    return std::chrono::milliseconds(std::llround(bounded * 1000.0));
}

Date local_date() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    using namespace std::chrono;
    year_month_day day{year{local.tm_year + 1900}, month{static_cast<unsigned>(local.tm_mon + 1)},
                       std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    return Date{sys_days{day}};
}

} // namespace

std::string label_for(const std::filesystem::path& path, bool given) {
    if (given || path.is_relative()) {
        return path.string();
    }
    std::filesystem::path relative = path.lexically_relative(std::filesystem::current_path());
    return relative.empty() ? path.string() : relative.string();
}

BacklogFile new_backlog_file(const GlobalOptions& options) {
    std::filesystem::path path =
        options.file.value_or(environment("MBL_FILE").value_or("backlog.json"));
    return {path, label_for(path, true)};
}

BacklogFile resolve_backlog_file(const GlobalOptions& options) {
    std::optional<std::string> env_file = environment("MBL_FILE");
    std::filesystem::path path =
        find_backlog_file(options.file, env_file, std::filesystem::current_path());
    return {path, label_for(path, options.file.has_value() || env_file.has_value())};
}

Date resolve_today(const GlobalOptions& options) {
    if (options.today) {
        return *options.today;
    }
    if (auto from_environment = environment("MBL_TODAY")) {
        return parse_date_option(*from_environment, "MBL_TODAY");
    }
    return local_date();
}

LoadedBacklog load_for_reading(const GlobalOptions& options) {
    BacklogFile file = resolve_backlog_file(options);
    LoadedBacklogFile loaded = load_backlog_file(file.path, file.label);
    static auto* kept =
        new std::vector<std::unique_ptr<Backlog>>(); // never freed, see LoadedBacklog
    kept->push_back(std::make_unique<Backlog>(std::move(loaded.backlog)));
    return {std::move(file), std::move(loaded.text), *kept->back()};
}

bool modify_or_preview(const GlobalOptions& options, bool dry_run,
                       const std::function<void(Backlog&)>& change) {
    if (!dry_run) {
        return modify_backlog(options, change);
    }
    LoadedBacklog loaded = load_for_reading(options);
    change(loaded.backlog);
    return false;
}

void print_change_lines(std::ostream& out, const std::vector<std::string>& lines, bool dry_run) {
    std::string_view indent;
    if (dry_run) {
        out << "Dry run, nothing written; without --dry-run:\n";
        indent = "  ";
    }
    for (const std::string& line : lines) {
        out << indent << terminal_safe(line) << '\n';
    }
}

bool modify_backlog(const GlobalOptions& options, const std::function<void(Backlog&)>& change) {
    BacklogFile file = resolve_backlog_file(options);
    return update_backlog_file(file.path, lock_timeout(options), change, file.label);
}

void deliver_output(const std::string& text, const std::optional<std::string>& output,
                    const BacklogFile& backlog, std::ostream& out, std::string_view what) {
    if (!output || *output == "-") {
        out << text;
        return;
    }
    if (output->empty()) {
        throw usage_error("-o: give a file name, or - for stdout");
    }
    std::error_code ignored;
    if (std::filesystem::equivalent(*output, backlog.path, ignored)) {
        throw usage_error("-o " + *output + " is the backlog file " + backlog.label + "; write " +
                          std::string(what) + " to another file");
    }
    write_file_atomically(*output, text);
}

} // namespace mbl::cli
