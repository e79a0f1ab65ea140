#pragma once
// A fixed-size array of zero bytes, for tables read at random (KeyTable, ImportGraph, FlatIdMap). A
// large one is mapped on its own with the request that the kernel back it with 2 MB pages
// (MADV_HUGEPAGE, best effort): the allocator gives any block over 32 MB its own mapping in 4 kB
// pages, where a lookup among a million entries misses the TLB nearly every time, and the table
// of a 100,000-asset backlog, taken from the heap grown in huge pages (cli/context.cpp), does
// not; that alone made a lookup at 1,000,000 assets twice as slow as at 100,000. Private to the
// core library.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <type_traits>
#include <utility>

namespace mbl {

// `T`: trivially copyable, its all-zero bytes a valid value.
template <class T> class HugeArray {
    static_assert(std::is_trivially_copyable_v<T>);

  public:
    HugeArray() = default;
    explicit HugeArray(std::size_t count) : size_(count) {
        const std::size_t bytes = count * sizeof(T);
        if (bytes < mapped_from) {
            data_ = static_cast<T*>(::operator new(bytes == 0 ? 1 : bytes, alignment));
            std::memset(static_cast<void*>(data_), 0, bytes);
            return;
        }
        mapped_ = bytes + huge_page; // room to start at a huge page
        void* mapping =
            ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapping == MAP_FAILED) {
            throw std::bad_alloc();
        }
        mapping_ = static_cast<char*>(mapping);
        auto start = (reinterpret_cast<std::uintptr_t>(mapping) + huge_page - 1) & ~(huge_page - 1);
        ::madvise(reinterpret_cast<void*>(start), bytes, MADV_HUGEPAGE); // a hint only
        data_ = reinterpret_cast<T*>(start); // zero, as every new mapping
    }
    HugeArray(HugeArray&& other) noexcept { swap(other); }
    HugeArray& operator=(HugeArray&& other) noexcept {
        HugeArray(std::move(other)).swap(*this);
        return *this;
    }
    HugeArray(const HugeArray&) = delete;
    HugeArray& operator=(const HugeArray&) = delete;
    ~HugeArray() {
        if (mapping_ != nullptr) {
            ::munmap(mapping_, mapped_);
        } else if (data_ != nullptr) {
            ::operator delete(data_, alignment);
        }
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }

  private:
    static constexpr std::size_t huge_page = std::size_t(2) << 20;
    static constexpr std::size_t mapped_from = std::size_t(4) << 20;
    static constexpr std::align_val_t alignment{alignof(T) < 64 ? 64 : alignof(T)};

    void swap(HugeArray& other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(mapping_, other.mapping_);
        std::swap(mapped_, other.mapped_);
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    char* mapping_ = nullptr; // when mapped on its own
    std::size_t mapped_ = 0;
};

} // namespace mbl
