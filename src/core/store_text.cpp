// BacklogFileText: the file's bytes in anonymous memory whose pages are given back
// (madvise(MADV_DONTNEED): they read as zeros after) as a loader reads past them, and read back
// with pread from the file still open when needed again.

#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace mbl {

namespace {

std::size_t page_size() {
    static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

std::size_t whole_pages(std::size_t bytes) {
    std::size_t page = page_size();
    return (bytes + page - 1) / page * page;
}

char* map_memory(std::size_t bytes) {
    void* memory =
        ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        throw std::bad_alloc();
    }
    return static_cast<char*>(memory);
}

} // namespace

BacklogFileText::BacklogFileText(const fs::path& path) : path_(path) {
    std::size_t expected = 0;
    store_detail::FileDescriptor file = store_detail::open_backlog_for_reading(path, expected);
    capacity_ = whole_pages(expected + 1); // one byte more: the end of the file is seen in place
    data_ = map_memory(capacity_);
    // Huge pages where the system allows them on request: a 500 MB file is read with a few hundred
    // page faults instead of a hundred thousand (best effort).
    ::madvise(data_, capacity_, MADV_HUGEPAGE);
    fd_ = file.release();
    try {
        for (;;) {
            if (size_ == capacity_) { // the file grew since it was opened
                std::size_t larger = capacity_ * 2;
                char* moved = map_memory(larger);
                std::copy(data_, data_ + size_, moved);
                ::munmap(data_, capacity_);
                data_ = moved;
                capacity_ = larger;
            }
            std::size_t count =
                store_detail::read_some(fd_, path_, data_ + size_, capacity_ - size_);
            if (count == 0) {
                return;
            }
            size_ += count;
        }
    } catch (...) {
        ::munmap(data_, capacity_);
        ::close(fd_);
        throw;
    }
}

BacklogFileText::~BacklogFileText() {
    if (data_) {
        ::munmap(data_, capacity_);
    }
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void BacklogFileText::release_before(const char* position) {
    std::size_t offset = std::min(static_cast<std::size_t>(position - data_), size_);
    std::size_t end = offset / page_size() * page_size();
    // Pages before released_end_ are zeros already, except the restored window.
    auto give_back = [&](std::size_t from, std::size_t to) {
        if (from < to) { // best effort: should the kernel refuse, the bytes stay in memory
            ::madvise(data_ + from, to - from, MADV_DONTNEED);
        }
    };
    give_back(restored_from_, std::min(restored_to_, end));
    give_back(released_end_, end);
    restored_from_ = std::max(restored_from_, end);
    if (restored_from_ >= restored_to_) {
        restored_from_ = restored_to_ = 0;
    }
    released_end_ = std::max(released_end_, end);
}

void BacklogFileText::read_back(std::size_t from, std::size_t to) {
    while (from < to) {
        ssize_t count = ::pread(fd_, data_ + from, to - from, static_cast<off_t>(from));
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            throw input_error(fmt::format("cannot read {} again: {}", path_.string(),
                                          store_detail::errno_text(errno)));
        }
        if (count == 0) { // cut short in place since it was read: what is missing stays zero
            return;
        }
        from += static_cast<std::size_t>(count);
    }
}

void BacklogFileText::restore(std::size_t offset, std::size_t length) {
    std::size_t from = offset / page_size() * page_size();
    std::size_t to = std::min(whole_pages(std::min(offset + length, size_)), released_end_);
    if (from >= to) {
        return; // nothing released there
    }
    if (restored_from_ == restored_to_ || to < restored_from_ || from > restored_to_) {
        // Disjoint from the restored window: that one is given back, this one becomes it.
        if (restored_from_ < restored_to_) {
            ::madvise(data_ + restored_from_, restored_to_ - restored_from_, MADV_DONTNEED);
        }
        read_back(from, to);
        restored_from_ = from;
        restored_to_ = to;
        return;
    }
    read_back(from, std::min(to, restored_from_)); // the window grows at either end
    read_back(std::max(from, restored_to_), to);
    restored_from_ = std::min(restored_from_, from);
    restored_to_ = std::max(restored_to_, to);
}

} // namespace mbl
