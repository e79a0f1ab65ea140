#pragma once
// mbl's own JSON reader (RFC 8259, strict): it walks the text once, without recursion, and sends
// SAX events to a handler, telling it where each token ends. It exists for speed and for exact
// positions: no per-character callbacks, no copy of a string without escapes beyond the one its
// handler keeps, numbers handed over as written. nlohmann's SAX parser did this job before; it
// cost about 66% of a load (its lexer copies every character into a token buffer one by one).
//
// A handler provides:
//   bool null(); bool boolean(bool);
//   bool number(std::string_view spelling, double value, bool is_integer);
//   bool string(std::string_view value, std::string_view literal);
//     (`value` points into the text when the string holds no escape, else into a buffer that
//     the next string overwrites: a handler copies what it keeps; `literal` is the string as
//     written, quotes included, when it holds no escape, so it is already canonical JSON text;
//     else empty)
//   bool key(std::string_view key);
//     (`key` points into the text when the key holds no escape, else into a buffer that the
//     next string overwrites)
//   bool start_object(); bool end_object(); bool start_array(); bool end_array();
//   void syntax_error(std::string message, std::size_t offset);
// A callback returning false stops the walk. `*reached` holds the offset just past the token that
// triggered the callback.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
// The SSE2 paths (x86-64 always has SSE2). MBL_PORTABLE_JSON (CMake: -DMBL_SIMD=OFF) turns them
// off, so that the portable path, which other processors take, is built and tested here too.
#if defined(__SSE2__) && !defined(MBL_PORTABLE_JSON)
#define MBL_JSON_SSE2 1
#include <emmintrin.h>
#else
#define MBL_JSON_SSE2 0
#endif

namespace mbl::detail {

// What a scan of one token found: where it ends, or why it is not valid JSON and where.
struct TokenScan {
    const char* end = nullptr; // past the token; nullptr when `error` is set
    bool plain = false;        // a string without escapes
    std::string error;         // without the "invalid JSON: " prefix
    const char* error_at = nullptr;
};

// Skips JSON whitespace. Indentation comes in runs of spaces after a line break: with SSE2 a
// run of up to 16 spaces is skipped in one step.
inline const char* skip_whitespace(const char* at, const char* end) {
    // The shapes of a pretty-printed file first: nothing to skip (before ':' and ','), one space
    // (after ':'), a line break and its indentation (before a key or an element).
    if (at == end || static_cast<unsigned char>(*at) > ' ') {
        return at;
    }
    if (*at == ' ' && end - at >= 2 && static_cast<unsigned char>(at[1]) > ' ') {
        return at + 1;
    }
    if (*at == '\n') {
        ++at;
    }
    for (;;) {
#if MBL_JSON_SSE2
        if (end - at >= 16) {
            __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
            auto spaces =
                static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(' '))));
            if (spaces != 0xFFFF) {
                at += __builtin_ctz(~spaces);
            } else {
                at += 16;
                continue;
            }
        }
#endif
        if (at != end && (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t')) {
            ++at;
            continue;
        }
        return at;
    }
}

// The first byte at or after `at` that ends a string's fast path: its closing quote, a backslash,
// a control character or any byte of 0x80 and above (checked as UTF-8 on the slow path), or
// `end`. Inline: it runs for every string and key of a file.
inline const char* find_string_stop(const char* at, const char* end) {
#if MBL_JSON_SSE2
    // 16 bytes at a time: the quote, the backslash, and (as signed bytes below 0x20) both the
    // control characters and every byte of 0x80 and above.
    while (end - at >= 16) {
        __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))),
                                     _mm_cmplt_epi8(chunk, _mm_set1_epi8(0x20)));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
        if (mask != 0) {
            return at + __builtin_ctz(mask);
        }
        at += 16;
    }
#endif
    for (; at != end; ++at) {
        auto byte = static_cast<unsigned char>(*at);
        if (byte < 0x20 || byte == '"' || byte == '\\' || byte >= 0x80) {
            break;
        }
    }
    return at;
}

// The first byte at or after `at` that a JSON string literal must escape (`"`, `\`, control
// characters), or `end`.
const char* find_byte_to_escape(const char* at, const char* end);

// Reads the string whose opening quote is at `at` (checked UTF-8). A string without escapes is
// left in place (`plain`): its content is the text between the quotes. Any other is decoded
// into `out`.
TokenScan scan_string(const char* at, const char* end, std::string& out);

// A JSON number as written, with its value.
struct ScannedNumber {
    std::string_view spelling; // as written ("0" for "-0", as an integer zero is written)
    double value = 0;
    bool is_integer = false; // no fraction or exponent, and within 64 bits
};
// Reads the number that starts at `at`.
TokenScan scan_number(const char* at, const char* end, ScannedNumber& number);

// The message for a token that cannot start here; `expected` says what could.
TokenScan unexpected_token(const char* at, const char* end, std::string_view expected);

template <class Handler> class JsonTokenizer {
  public:
    JsonTokenizer(std::string_view text, Handler& handler, std::size_t* reached)
        : begin_(text.data()), at_(text.data()), end_(text.data() + text.size()), handler_(handler),
          reached_(reached) {}

    // Walks the whole text; false when a callback stopped it or the text is not JSON.
    bool run() {
        bool need_value = true;
        for (;;) {
            at_ = skip_whitespace(at_, end_);
            if (need_value) {
                if (!value(need_value)) {
                    return false;
                }
                continue;
            }
            if (open_.empty()) {
                return at_ == end_ || fail(unexpected_token(at_, end_, "the end of the file"));
            }
            bool in_object = open_.back();
            if (at_ == end_) {
                return fail_at_end(in_object ? "',' or '}'" : "',' or ']'");
            }
            if (*at_ == ',') {
                ++at_;
                if (in_object && !member_key()) {
                    return false;
                }
                need_value = true;
            } else if (*at_ == (in_object ? '}' : ']')) {
                ++at_;
                open_.pop_back();
                mark();
                if (!(in_object ? handler_.end_object() : handler_.end_array())) {
                    return false;
                }
            } else {
                return fail(unexpected_token(at_, end_, in_object ? "',' or '}'" : "',' or ']'"));
            }
        }
    }

  private:
    // Reads the value at `at_`; `need_value` stays true when a container opened and its first
    // element is next.
    bool value(bool& need_value) {
        if (at_ == end_) {
            return fail_at_end("a value");
        }
        need_value = false;
        switch (*at_) {
        case '{':
            ++at_;
            open_.push_back(true);
            mark();
            if (!handler_.start_object()) {
                return false;
            }
            at_ = skip_whitespace(at_, end_);
            if (at_ != end_ && *at_ == '}') {
                ++at_;
                open_.pop_back();
                mark();
                return handler_.end_object();
            }
            need_value = true;
            return member_key();
        case '[':
            ++at_;
            open_.push_back(false);
            mark();
            if (!handler_.start_array()) {
                return false;
            }
            at_ = skip_whitespace(at_, end_);
            if (at_ != end_ && *at_ == ']') {
                ++at_;
                open_.pop_back();
                mark();
                return handler_.end_array();
            }
            need_value = true;
            return true;
        case '"':
            return read_string(false);
        case 't':
            return literal("true") && handler_.boolean(true);
        case 'f':
            return literal("false") && handler_.boolean(false);
        case 'n':
            return literal("null") && handler_.null();
        default:
            return read_number();
        }
    }

    // Reads `"key" :` after `{` or `,` in an object.
    bool member_key() {
        at_ = skip_whitespace(at_, end_);
        if (at_ == end_) {
            return fail_at_end("a key in double quotes");
        }
        if (*at_ != '"') {
            return fail(unexpected_token(at_, end_, "a key in double quotes"));
        }
        if (!read_string(true)) {
            return false;
        }
        at_ = skip_whitespace(at_, end_);
        if (at_ == end_) {
            return fail_at_end("':' after the key");
        }
        if (*at_ != ':') {
            return fail(unexpected_token(at_, end_, "':' after the key"));
        }
        ++at_;
        return true;
    }

    bool read_string(bool is_key) {
        const char* start = at_;
        const char* stop = find_string_stop(at_ + 1, end_);
        if (stop != end_ && *stop == '"') { // the common case, without a call: plain ASCII
            at_ = stop + 1;
            mark();
            auto content = std::string_view(start + 1, static_cast<std::size_t>(stop - start - 1));
            if (is_key) {
                return handler_.key(content);
            }
            return handler_.string(content, std::string_view(start, content.size() + 2));
        }
        TokenScan scan = scan_string(at_, end_, text_);
        if (!scan.end) {
            return fail(std::move(scan));
        }
        at_ = scan.end;
        mark();
        std::string_view literal;
        if (scan.plain) {
            literal = std::string_view(start, static_cast<std::size_t>(at_ - start));
        }
        if (is_key) {
            return handler_.key(scan.plain ? literal.substr(1, literal.size() - 2)
                                           : std::string_view(text_));
        }
        return handler_.string(
            scan.plain ? literal.substr(1, literal.size() - 2) : std::string_view(text_), literal);
    }

    bool read_number() {
        ScannedNumber number;
        TokenScan scan = scan_number(at_, end_, number);
        if (!scan.end) {
            return fail(std::move(scan));
        }
        at_ = scan.end;
        mark();
        return handler_.number(number.spelling, number.value, number.is_integer);
    }

    bool literal(std::string_view word) {
        if (std::string_view(at_, static_cast<std::size_t>(end_ - at_)).substr(0, word.size()) !=
            word) {
            return fail(unexpected_token(at_, end_, "a value"));
        }
        at_ += word.size();
        mark();
        return true;
    }

    // Tells the handler where the token just read ends, before its callback.
    void mark() { *reached_ = static_cast<std::size_t>(at_ - begin_); }

    bool fail(TokenScan scan) {
        handler_.syntax_error(std::move(scan.error),
                              static_cast<std::size_t>(scan.error_at - begin_));
        return false;
    }
    bool fail_at_end(std::string_view expected) {
        TokenScan scan;
        scan.error = "unexpected end of input; expected " + std::string(expected);
        scan.error_at = end_;
        return fail(std::move(scan));
    }

    const char* begin_;
    const char* at_;
    const char* end_;
    Handler& handler_;
    std::size_t* reached_;
    std::string
        open_; // per open container: 1 an object, 0 an array (a byte each: faster than bits)
    std::string text_; // the string or key just read, reused
};

} // namespace mbl::detail
