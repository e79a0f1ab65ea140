// BacklogFileText: the file's bytes mapped where they lie in the page cache (no copy, no fresh
// memory to zero: reading a 57 MB file this way costs a few page-table entries instead of 57 MB
// of new pages), or, when it cannot be mapped, read into anonymous memory. Blocks the loader has
// read past are replaced with zero pages (given back to the system) and read back with the file
// still open when needed again, checked against a hash of each block taken when it was given
// back. A mapped file shows what another program writes into it in place, so the loader asks
// (check_read_unchanged) whether the file is still as it was once it has read it all; a mapped
// file cut short reads as zeros past its new end (file_mapping_guard.hpp), never a crash.

#include "file_mapping_guard.hpp"
#include "mbl/error.hpp"
#include "mbl/store.hpp"
#include "store_detail.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
// xxHash (Debian: libxxhash-dev), used header-only (XXH_INLINE_ALL: nothing to link or install):
// XXH3 hashes about 15 GB/s here, five times zlib's crc32, so hashing every released block and
// checking every block read back costs about 1% of an edit of a 500 MB file.
#define XXH_INLINE_ALL
#include <xxhash.h>

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

// Bytes are given back, hashed and read back in blocks of this size (whole pages).
std::size_t block_size() {
    static const auto size = std::max(page_size(), std::size_t{64} << 10);
    return size;
}

std::uint64_t hash_of(const char* bytes, std::size_t count) {
    return XXH3_64bits(bytes, count);
}

template <class Identity> Identity identity_of(int fd, const fs::path& path) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        throw input_error(
            fmt::format("cannot read {}: {}", path.string(), store_detail::errno_text(errno)));
    }
    return {info.st_dev, info.st_ino, info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec};
}

char* map_memory(std::size_t bytes) {
    void* memory =
        ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        throw std::bad_alloc();
    }
    return static_cast<char*>(memory);
}

// Zero pages over [at, at + bytes) (whole pages), in place of what was there: given back to the
// system, they read as zeros and take no memory until written.
void map_zeros(char* at, std::size_t bytes) {
    if (bytes > 0) { // best effort: should the kernel refuse, the bytes stay in memory
        ::mmap(at, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    }
}

} // namespace

BacklogFileText::BacklogFileText(const fs::path& path, TextUse use, std::string label)
    : path_(path), label_(label.empty() ? path.string() : std::move(label)), use_(use) {
    std::size_t expected = 0;
    store_detail::FileDescriptor file = store_detail::open_backlog_for_reading(path, expected);
    const auto opened = identity_of<Identity>(file.get(), path);
    capacity_ = whole_pages(expected + 1); // one byte more: the end of the file is seen in place
    data_ = map_memory(capacity_);
    fd_ = file.release();
    try {
        if (map_file(0, expected)) {
            size_ = expected;
            mapped_ = true;
        } else {
            read_whole();
        }
        // Written to while it was read: the bytes may be half old, half new.
        identity_ = identity_of<Identity>(fd_, path_);
        if (identity_ != opened || static_cast<long long>(size_) != identity_.size) {
            throw_changed();
        }
    } catch (...) {
        store_detail::unguard_file_mapping(guard_);
        ::munmap(data_, capacity_);
        ::close(fd_);
        throw;
    }
}

BacklogFileText::~BacklogFileText() {
    store_detail::unguard_file_mapping(guard_);
    if (data_) {
        ::munmap(data_, capacity_);
    }
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

bool BacklogFileText::map_file(std::size_t from, std::size_t to) {
    if (from >= to) {
        return false; // an empty file: nothing to map
    }
    if (guard_ < 0) {
        guard_ = store_detail::guard_file_mapping(data_, whole_pages(to));
        if (guard_ < 0) {
            return false;
        }
    }
    void* mapped = ::mmap(data_ + from, whole_pages(to) - from, PROT_READ, MAP_PRIVATE | MAP_FIXED,
                          fd_, static_cast<off_t>(from));
    return mapped != MAP_FAILED;
}

void BacklogFileText::read_whole() {
    // Huge pages where the system allows them on request: a 500 MB file is read with a few hundred
    // page faults instead of a hundred thousand (best effort).
    ::madvise(data_, capacity_, MADV_HUGEPAGE);
    for (;;) {
        if (size_ == capacity_) { // the file grew since it was opened
            std::size_t larger = capacity_ * 2;
            char* moved = map_memory(larger);
            std::copy(data_, data_ + size_, moved);
            ::munmap(data_, capacity_);
            data_ = moved;
            capacity_ = larger;
        }
        std::size_t count = store_detail::read_some(fd_, path_, data_ + size_, capacity_ - size_);
        if (count == 0) {
            break;
        }
        size_ += count;
    }
}

void BacklogFileText::release_before(const char* position) {
    std::size_t offset = std::min(static_cast<std::size_t>(position - data_), size_);
    std::size_t end = offset / block_size() * block_size();
    // Blocks before released_end_ are zeros already, except the restored window; the blocks
    // released now are all here still, and hashed first.
    for (std::size_t block = released_end_; block < end; block += block_size()) {
        block_hashes_.push_back(hash_of(data_ + block, block_size()));
    }
    auto give_back = [&](std::size_t from, std::size_t to) {
        if (from < to) {
            map_zeros(data_ + from, to - from);
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

void BacklogFileText::throw_changed() const {
    throw input_error(use_ == TextUse::rewriting
                          ? fmt::format("{} changed while mbl was writing; nothing written, run "
                                        "the command again",
                                        label_)
                          : fmt::format("{} changed while mbl was reading it; run the command "
                                        "again",
                                        label_));
}

// Reads the released blocks in [from, to) again and checks each against its hash.
void BacklogFileText::read_back(std::size_t from, std::size_t to) {
    if (from >= to) {
        return;
    }
    if (mapped_) {
        // Mapped again rather than copied, unless the file is shorter now (its pages past the
        // end would read as zeros) or the mapping fails (then read as below).
        if (identity_of<Identity>(fd_, path_).size != identity_.size) {
            throw_changed();
        }
        if (map_file(from, to)) {
            check_hashes(from, to);
            return;
        }
    }
    for (std::size_t at = from; at < to;) {
        ssize_t count = ::pread(fd_, data_ + at, to - at, static_cast<off_t>(at));
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            throw input_error(
                fmt::format("cannot read {} again: {}", label_, store_detail::errno_text(errno)));
        }
        if (count == 0) { // cut short in place since it was read
            throw_changed();
        }
        at += static_cast<std::size_t>(count);
    }
    check_hashes(from, to);
}

void BacklogFileText::check_hashes(std::size_t from, std::size_t to) const {
    for (std::size_t block = from; block < to; block += block_size()) {
        if (hash_of(data_ + block, block_size()) != block_hashes_[block / block_size()]) {
            throw_changed();
        }
    }
}

void BacklogFileText::restore(std::size_t offset, std::size_t length) {
    const std::size_t block = block_size();
    std::size_t from = offset / block * block;
    std::size_t end = std::min(offset + length, size_);
    std::size_t to = std::min((end + block - 1) / block * block, released_end_);
    if (from >= to) {
        return; // nothing released there
    }
    if (restored_from_ == restored_to_ || to < restored_from_ || from > restored_to_) {
        // Disjoint from the restored window: that one is given back, this one becomes it.
        if (restored_from_ < restored_to_) {
            map_zeros(data_ + restored_from_, restored_to_ - restored_from_);
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

void BacklogFileText::check_read_unchanged() {
    if (store_detail::file_mapping_faulted(guard_) ||
        (mapped_ && identity_of<Identity>(fd_, path_) != identity_)) {
        throw_changed();
    }
}

void BacklogFileText::check_unchanged() const {
    struct stat named {};
    if (identity_of<Identity>(fd_, path_) != identity_ || ::stat(path_.c_str(), &named) != 0 ||
        named.st_dev != identity_.device || named.st_ino != identity_.inode) {
        throw_changed();
    }
}

} // namespace mbl
