#include "cli/standard_output.hpp"

#include "mbl/error.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace mbl::cli {

namespace {
constexpr std::size_t buffer_size = 64 << 10;
} // namespace

DescriptorBuffer::DescriptorBuffer(int fd, bool line_buffered)
    : fd_(fd), line_buffered_(line_buffered) {
    buffer_.resize(buffer_size);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

DescriptorBuffer::~DescriptorBuffer() {
    flush_buffer();
}

void DescriptorBuffer::write_all(const char* text, std::size_t count) {
    while (count > 0 && error_ == 0) {
        ssize_t written = ::write(fd_, text, count);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            error_ = written < 0 ? errno : ENOSPC;
            return;
        }
        text += written;
        count -= static_cast<std::size_t>(written);
    }
}

bool DescriptorBuffer::flush_buffer() {
    write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type character) {
    if (!flush_buffer()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(character, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(character);
        pbump(1);
        if (line_buffered_ && traits_type::to_char_type(character) == '\n') {
            flush_buffer();
        }
    }
    return error_ == 0 ? traits_type::not_eof(character) : traits_type::eof();
}

std::streamsize DescriptorBuffer::xsputn(const char* text, std::streamsize count) {
    if (error_ != 0) {
        return 0;
    }
    if (count <= 0) { // an empty write may come with a null `text` (an empty string_view)
        return 0;
    }
    const auto size = static_cast<std::size_t>(count);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), text, size);
        pbump(static_cast<int>(size));
    } else { // larger than what is left: the buffer, then the text, straight through
        flush_buffer();
        write_all(text, size);
    }
    if (line_buffered_ && std::find(text, text + size, '\n') != text + size) {
        flush_buffer();
    }
    return error_ == 0 ? count : 0;
}

int DescriptorBuffer::sync() {
    return flush_buffer() ? 0 : -1;
}

int finish_standard_output(int status, DescriptorBuffer& output, std::ostream& err) {
    output.pubsync();
    const int error_number = output.error();
    if (error_number == 0) {
        return status;
    }
    if (error_number == EPIPE) { // the reader is gone: end as a pipeline expects, quietly
        std::signal(SIGPIPE, SIG_DFL);
        std::raise(SIGPIPE);
    }
    err << "mbl: error: writing to standard output: " << std::strerror(error_number) << '\n';
    return status >= static_cast<int>(ExitStatus::usage) ? status
                                                         : static_cast<int>(ExitStatus::input);
}

} // namespace mbl::cli
