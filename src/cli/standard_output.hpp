#pragma once
// mbl's standard output: a stream over file descriptor 1 that remembers the first write error,
// so the program can say so and fail at the end (like coreutils' close_stdout) instead of exiting
// 0 with a truncated result (`mbl export csv > /dev/full`, a full disk behind a redirect, a
// closed stdout).

#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace mbl::cli {

// Buffered writes to a file descriptor. After the first failed write(2) it drops everything
// (nothing more is tried) and error() tells why. Flushed at each newline when `line_buffered` (a
// terminal), else when the buffer is full, and by sync() (std::flush).
class DescriptorBuffer final : public std::streambuf {
  public:
    DescriptorBuffer(int fd, bool line_buffered);
    ~DescriptorBuffer() override;
    DescriptorBuffer(const DescriptorBuffer&) = delete;
    DescriptorBuffer& operator=(const DescriptorBuffer&) = delete;

    // The errno of the first failed write, 0 when every write succeeded so far.
    int error() const { return error_; }

  protected:
    int_type overflow(int_type character) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

  private:
    bool flush_buffer();
    void write_all(const char* text, std::size_t count);

    int fd_;
    bool line_buffered_;
    int error_ = 0;
    std::vector<char> buffer_;
};

// What is left to do once a command has run with `output` as its stdout: flush it and check
// that every byte was written. Returns the exit status to use: `status` when all went well;
// else, after `mbl: error: writing to standard output: <reason>` on `err`, exit status 3 (an
// input/output error, as when the backlog itself cannot be written) unless `status` already
// says the command failed (2 or more). A reader that went away (EPIPE: `mbl asset list | head
// -1` with SIGPIPE ignored) ends the process quietly by SIGPIPE, as when SIGPIPE is not ignored.
int finish_standard_output(int status, DescriptorBuffer& output, std::ostream& err);

} // namespace mbl::cli
