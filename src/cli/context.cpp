#include "cli/context.hpp"

#include "cli/render_text.hpp"
#include "mbl/error.hpp"
#include "mbl/store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>
#include <malloc.h>
#include <memory>
#include <streambuf>
#include <sys/mman.h>
#include <unistd.h>
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

namespace {

// The model of a large file is hundreds of thousands of small allocations, which glibc takes from
// its heap, backed by 4 kB pages: one page fault, and one page zeroed, every 4 kB. Growing the
// heap once by about what the model of `text` takes and asking the kernel for
// transparent huge pages there, as glibc's own `glibc.malloc.hugetlb=1` tunable does, makes that
// one fault every 2 MB: at 100,000 assets, 24,000 page faults become about 2,000 and the query's
// system time drops by two thirds (docs/performance.md). Nothing is given back to the system
// before exit (the model of a read-only command is never freed anyway). Pages never touched cost
// address space only. Small files (under 16 MB) keep the defaults. This is a process-wide
// allocator setting: the tool's choice, not the library's.
// How much: three times the file. The loader's vector of assets, reserved for as many small
// assets as the file could hold (about 1.5 times the file, mostly never touched), comes from this
// heap too, and the strings of the model (about the file's size) after it: with twice the file,
// a 1,000,000-asset model outgrew the huge pages by 400 MB, taken in 4 kB pages (100,000 page
// faults, a third of the load's system time).
void grow_heap_in_huge_pages(std::uintmax_t file_bytes) {
    constexpr std::size_t huge_page = std::size_t(2) << 20;
    std::uintmax_t bytes = file_bytes * 3;
    if (bytes < 24 * huge_page) {
        return;
    }
    constexpr std::uintmax_t largest_pad = std::numeric_limits<int>::max() & ~(huge_page - 1);
    if (mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max()) == 0 ||
        mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 || // the largest: 31 MB come from the heap
        mallopt(M_TOP_PAD, static_cast<int>(std::min(bytes, largest_pad))) == 0) {
        return;
    }
    auto* before = static_cast<char*>(sbrk(0));
    void* (*volatile allocate)(std::size_t) = std::malloc; // not optimised away with the free
    void* block = allocate(31 << 20); // grows the heap by the block and the pad
    std::free(block);
    auto* after = static_cast<char*>(sbrk(0));
    mallopt(M_TOP_PAD, 16 << 20); // should the model outgrow it, in large steps
    auto start = (reinterpret_cast<std::uintptr_t>(before) + huge_page - 1) & ~(huge_page - 1);
    auto end = reinterpret_cast<std::uintptr_t>(after);
    if (before != reinterpret_cast<char*>(-1) && end > start) {
        madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE); // a hint only
    }
}

} // namespace

// A backlog that lives until the process exits, never freed (see LoadedBacklog): a new one for
// each call.
Backlog& kept_backlog() {
    static auto* kept = new std::vector<std::unique_ptr<Backlog>>();
    kept->push_back(std::make_unique<Backlog>());
    return *kept->back();
}

namespace {

// The file's size in bytes; 0 when it cannot be read (the load then says why).
std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size(path, error);
    return error ? 0 : size;
}

} // namespace

LoadedBacklog load_for_reading(const GlobalOptions& options) {
    BacklogFile file = resolve_backlog_file(options);
    grow_heap_in_huge_pages(file_size_or_zero(file.path));
    LoadedBacklogFile loaded = load_backlog_file(file.path, file.label);
    Backlog& backlog = kept_backlog();
    backlog = std::move(loaded.backlog);
    return {std::move(file), std::move(loaded.text), backlog};
}

LoadedBacklog load_checked_for_reading(const GlobalOptions& options,
                                       std::vector<Problem>& problems) {
    BacklogFile file = resolve_backlog_file(options);
    auto text = std::make_unique<BacklogFileText>(file.path, TextUse::reading, file.label);
    grow_heap_in_huge_pages(text->view().size());
    CheckResult checked = check_backlog_text(*text, file.label);
    problems = std::move(checked.problems);
    Backlog& backlog = kept_backlog();
    if (!checked.load_errors) {
        backlog = std::move(checked.backlog); // the model load_backlog_or_throw would build
        return {std::move(file), std::move(text), backlog};
    }
    // The loader found errors: refuse the file exactly as load_for_reading does. The check
    // released the text as it read it: read it back, to be released again by the load.
    checked.backlog = Backlog();
    text->restore_all();
    backlog = load_backlog_or_throw(*text, file.label);
    return {std::move(file), std::move(text), backlog};
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

bool modify_backlog(const GlobalOptions& options, const std::function<void(Backlog&)>& change,
                    ModelAfterWrite after, const LoadLayout& layout) {
    BacklogFile file = resolve_backlog_file(options);
    grow_heap_in_huge_pages(file_size_or_zero(file.path));
    if (after == ModelAfterWrite::freed) {
        return update_backlog_file(file.path, lock_timeout(options), change, file.label, layout);
    }
    return update_backlog_file(file.path, lock_timeout(options), change, kept_backlog(), file.label,
                               layout);
}

namespace {

// A stream buffer that hands its text on in pieces of up to 64 kB (to write_file_atomically).
class PieceBuffer final : public std::streambuf {
  public:
    explicit PieceBuffer(const std::function<void(std::string_view)>& write_piece)
        : write_piece_(write_piece), buffer_(1 << 16) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

  protected:
    int_type overflow(int_type character) override {
        hand_on();
        if (!traits_type::eq_int_type(character, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(character);
            pbump(1);
        }
        return traits_type::not_eof(character);
    }
    int sync() override {
        hand_on();
        return 0;
    }

  private:
    void hand_on() {
        if (pptr() > pbase()) {
            write_piece_(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

    const std::function<void(std::string_view)>& write_piece_;
    std::vector<char> buffer_;
};

} // namespace

void deliver_output(const std::function<void(std::ostream&)>& write,
                    const std::optional<std::string>& output, const BacklogFile& backlog,
                    std::ostream& out, std::string_view what) {
    if (!output || *output == "-") {
        write(out);
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
    write_file_atomically(*output, [&](const std::function<void(std::string_view)>& write_piece) {
        PieceBuffer pieces(write_piece);
        std::ostream stream(&pieces);
        write(stream);
        stream.flush();
        return true;
    });
}

} // namespace mbl::cli
