#include "cli/terminal_output.hpp"

#include "cli/render_text.hpp"

#include <iostream>

namespace mbl::cli {
namespace {

constexpr std::size_t pending_limit = 1 << 16;

// Where the text can be cut without splitting a UTF-8 sequence: before a lead byte whose sequence
// is not all there yet (at most 3 bytes from the end), else the end.
std::size_t whole_characters(std::string_view text) {
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        auto byte = static_cast<unsigned char>(text[text.size() - back]);
        if ((byte & 0xC0) == 0x80) {
            continue; // a continuation byte: look further back for its lead
        }
        std::size_t length = (byte & 0xE0) == 0xC0   ? 2
                             : (byte & 0xF0) == 0xE0 ? 3
                             : (byte & 0xF8) == 0xF0 ? 4
                                                     : 1;
        return length > back ? text.size() - back : text.size();
    }
    return text.size();
}

} // namespace

TerminalSafeBuffer::~TerminalSafeBuffer() {
    send_pending(true);
    terminal_.pubsync();
}

void TerminalSafeBuffer::escape_as(OutputFormat format) {
    send_pending(true);
    switch (format) {
    case OutputFormat::table:
    case OutputFormat::text:
        escaping_ = Escaping::none;
        break;
    case OutputFormat::json:
        escaping_ = Escaping::json;
        break;
    default: // csv, markdown, github, html
        escaping_ = Escaping::text;
        break;
    }
}

bool TerminalSafeBuffer::send_pending(bool at_end) {
    std::size_t cut = at_end ? pending_.size() : whole_characters(pending_);
    if (cut == 0) {
        return true;
    }
    std::string_view whole = std::string_view(pending_).substr(0, cut);
    std::string escaped =
        escaping_ == Escaping::json ? terminal_safe_json(whole) : terminal_safe(whole, true);
    pending_.erase(0, cut);
    auto size = static_cast<std::streamsize>(escaped.size());
    return terminal_.sputn(escaped.data(), size) == size;
}

std::streamsize TerminalSafeBuffer::xsputn(const char* text, std::streamsize count) {
    if (escaping_ == Escaping::none) {
        return terminal_.sputn(text, count);
    }
    pending_.append(text, static_cast<std::size_t>(count));
    if (pending_.size() >= pending_limit && !send_pending(false)) {
        return 0;
    }
    return count;
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) {
        return traits_type::not_eof(ch);
    }
    char c = traits_type::to_char_type(ch);
    return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

int TerminalSafeBuffer::sync() {
    bool sent = send_pending(false);
    return sent && terminal_.pubsync() == 0 ? 0 : -1;
}

TerminalSafeStdout::TerminalSafeStdout(std::ostream& out, bool is_terminal) : out_(out) {
    if (is_terminal) {
        buffer_ = std::make_unique<TerminalSafeBuffer>(*out_.rdbuf());
        original_ = out_.rdbuf(buffer_.get());
    }
}

TerminalSafeStdout::~TerminalSafeStdout() {
    if (buffer_) {
        out_.flush();
        out_.rdbuf(original_);
        buffer_.reset(); // sends what waited for the rest of a character
    }
}

} // namespace mbl::cli
