// The SIGBUS handler of guarded file mappings (file_mapping_guard.hpp). The handler only reads
// lock-free atomics and calls mmap, a plain system call.

#include "file_mapping_guard.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>

namespace mbl::store_detail {

namespace {

struct GuardedRange {
    std::atomic<std::uintptr_t> start{0}; // 0: the slot is free
    std::atomic<std::uintptr_t> end{0};
    std::atomic<bool> faulted{false};
};

std::array<GuardedRange, 16> guarded_ranges;
std::uintptr_t guard_page_size = 4096;
struct sigaction handler_before {};

void pass_on(int signal, siginfo_t* info, void* context) {
    if ((handler_before.sa_flags & SA_SIGINFO) && handler_before.sa_sigaction) {
        handler_before.sa_sigaction(signal, info, context);
        return;
    }
    if (handler_before.sa_handler != SIG_DFL && handler_before.sa_handler != SIG_IGN) {
        handler_before.sa_handler(signal);
        return;
    }
    // The default action: restored, and the faulting access, run again on return, raises it.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    ::sigaction(SIGBUS, &default_action, nullptr);
}

void on_bus_error(int signal, siginfo_t* info, void* context) {
    auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (GuardedRange& range : guarded_ranges) {
        std::uintptr_t start = range.start.load();
        std::uintptr_t end = range.end.load();
        if (start != 0 && start <= address && address < end) {
            // Zeros from the faulting page to the end of the range: the access, run again on
            // return, reads them.
            std::uintptr_t page = address & ~(guard_page_size - 1);
            void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            range.faulted.store(true);
            if (zeros != MAP_FAILED) {
                return;
            }
            break;
        }
    }
    pass_on(signal, info, context);
}

void install_handler() {
    guard_page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    struct sigaction action {};
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &handler_before);
}

} // namespace

int guard_file_mapping(const char* start, std::size_t length) {
    static std::once_flag installed;
    std::call_once(installed, install_handler);
    for (std::size_t slot = 0; slot < guarded_ranges.size(); ++slot) {
        GuardedRange& range = guarded_ranges[slot];
        std::uintptr_t free = 0;
        auto begin = reinterpret_cast<std::uintptr_t>(start);
        if (range.start.compare_exchange_strong(free, begin)) {
            range.faulted.store(false);
            range.end.store(begin + length); // 0 until now: the range matched nothing meanwhile
            return static_cast<int>(slot);
        }
    }
    return -1;
}

bool file_mapping_faulted(int slot) {
    return slot >= 0 && guarded_ranges[static_cast<std::size_t>(slot)].faulted.load();
}

void unguard_file_mapping(int slot) {
    if (slot >= 0) {
        GuardedRange& range = guarded_ranges[static_cast<std::size_t>(slot)];
        range.end.store(0);
        range.start.store(0);
    }
}

} // namespace mbl::store_detail
