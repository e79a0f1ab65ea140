#include "json_tokenizer.hpp"

#include "mbl/utf8.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <fmt/format.h>

namespace mbl::detail {

namespace {

TokenScan error_at(const char* at, std::string message) {
    TokenScan scan;
    scan.error = std::move(message);
    scan.error_at = at;
    return scan;
}

std::string escaped_byte(unsigned char byte) {
    return fmt::format("\\x{:02x}", byte);
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// Reads the four hex digits after `\u` at `at` (which points at the backslash).
bool read_hex4(const char* at, const char* end, std::uint32_t& value) {
    if (end - at < 6) {
        return false;
    }
    value = 0;
    for (int i = 2; i < 6; ++i) {
        char c = at[i];
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0) {
            return false;
        }
        value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
}

// Decodes the escape at `at` (a backslash) onto `out`; returns the byte after it, or nullptr.
const char* decode_escape(const char* at, const char* end, std::string& out, TokenScan& error) {
    if (end - at < 2) {
        error = error_at(end, "unexpected end of input inside a string; a closing '\"' is missing");
        return nullptr;
    }
    switch (at[1]) {
    case '"':
    case '\\':
    case '/':
        out += at[1];
        return at + 2;
    case 'b':
        out += '\b';
        return at + 2;
    case 'f':
        out += '\f';
        return at + 2;
    case 'n':
        out += '\n';
        return at + 2;
    case 'r':
        out += '\r';
        return at + 2;
    case 't':
        out += '\t';
        return at + 2;
    case 'u':
        break;
    default:
        error = error_at(at, "invalid escape in a string; the escapes are \\\" \\\\ \\/ \\b \\f "
                             "\\n \\r \\t and \\uXXXX");
        return nullptr;
    }
    std::uint32_t code_point = 0;
    if (!read_hex4(at, end, code_point)) {
        error = error_at(at, "invalid \\u escape in a string; write four hex digits, as \\u00e9");
        return nullptr;
    }
    const char* after = at + 6;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
        error = error_at(at, "a \\u escape for a low surrogate (U+DC00..U+DFFF) must follow a "
                             "high one (U+D800..U+DBFF)");
        return nullptr;
    }
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
        std::uint32_t low = 0;
        if (end - after < 2 || after[0] != '\\' || after[1] != 'u' || !read_hex4(after, end, low) ||
            low < 0xDC00 || low > 0xDFFF) {
            error = error_at(at, "a \\u escape for a high surrogate (U+D800..U+DBFF) must be "
                                 "followed by a low one (\\uDC00..\\uDFFF)");
            return nullptr;
        }
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
        after += 6;
    }
    append_utf8(out, code_point);
    return after;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

const char* skip_digits(const char* at, const char* end) {
    while (at != end && is_digit(*at)) {
        ++at;
    }
    return at;
}

// The characters that could belong to a number-like token, for error messages.
std::string_view number_like(const char* at, const char* end) {
    const char* stop = at;
    while (stop != end && stop - at < 40 &&
           (is_digit(*stop) || *stop == '-' || *stop == '+' || *stop == '.' || *stop == 'e' ||
            *stop == 'E')) {
        ++stop;
    }
    return {at, static_cast<std::size_t>(stop - at)};
}

} // namespace

const char* find_byte_to_escape(const char* at, const char* end) {
#if MBL_JSON_SSE2
    // As find_string_stop, but bytes of 0x80 and above pass: flipping the top bit makes the
    // signed comparison an unsigned one (c < 0x20 exactly when (c ^ 0x80) < (0x20 ^ 0x80)).
    const __m128i top_bit = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i below_space = _mm_set1_epi8(static_cast<char>(0x20 ^ 0x80));
    auto stops_in = [&](const char* from) {
        __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                                  _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))),
                                     _mm_cmplt_epi8(_mm_xor_si128(chunk, top_bit), below_space));
        return static_cast<unsigned>(_mm_movemask_epi8(stops));
    };
    if (end - at >= 16) {
        for (; end - at >= 16; at += 16) {
            if (unsigned mask = stops_in(at); mask != 0) {
                return at + __builtin_ctz(mask);
            }
        }
        // The last bytes: the 16 that end the text. Those of them before `at` were looked at
        // already and hold no stop, so the first stop found is the first from `at`.
        if (at != end) {
            const char* last = end - 16;
            if (unsigned mask = stops_in(last); mask != 0) {
                return last + __builtin_ctz(mask);
            }
        }
        return end;
    }
#endif
    while (at != end && static_cast<unsigned char>(*at) >= 0x20 && *at != '"' && *at != '\\') {
        ++at;
    }
    return at;
}

TokenScan scan_string(const char* at, const char* end, std::string& out) {
    const char* run = at + 1; // past the opening quote
    const char* p = find_string_stop(run, end);
    if (p != end && *p == '"') { // the common case: no escape, ASCII only
        TokenScan scan;
        scan.end = p + 1;
        scan.plain = true;
        return scan;
    }
    out.clear();
    for (;;) {
        p = find_string_stop(p, end);
        out.append(run, p);
        if (p == end) {
            return error_at(end, "unexpected end of input inside a string; a closing '\"' is "
                                 "missing");
        }
        auto byte = static_cast<unsigned char>(*p);
        if (byte == '"') {
            TokenScan scan;
            scan.end = p + 1;
            return scan;
        }
        if (byte == '\\') {
            TokenScan error;
            p = decode_escape(p, end, out, error);
            if (!p) {
                return error;
            }
        } else if (byte < 0x20) {
            return error_at(p, fmt::format("control character {} in a string; write it escaped "
                                           "(\\n, \\t or \\u00{:02x})",
                                           escaped_byte(byte), byte));
        } else {
            std::size_t length = utf8_sequence_length(p, end);
            if (length == 0) {
                return error_at(p, fmt::format("invalid UTF-8 byte {} in a string; save the file "
                                               "as UTF-8",
                                               escaped_byte(byte)));
            }
            out.append(p, length);
            p += length;
        }
        run = p;
    }
}

TokenScan scan_number(const char* at, const char* end, ScannedNumber& number) {
    const char* p = at;
    if (p != end && *p == '-') {
        ++p;
    }
    if (p == end || !is_digit(*p)) {
        return unexpected_token(at, end, "a value");
    }
    bool leading_zero = *p == '0';
    const char* integer_end = skip_digits(p, end);
    auto invalid = [&] {
        return error_at(at, fmt::format("invalid number '{}'", number_like(at, end)));
    };
    if (leading_zero && integer_end - p > 1) {
        return error_at(at, fmt::format("invalid number '{}': JSON numbers have no leading zeros",
                                        number_like(at, end)));
    }
    p = integer_end;
    bool is_integer = true;
    if (p != end && *p == '.') {
        is_integer = false;
        const char* digits = ++p;
        p = skip_digits(p, end);
        if (p == digits) {
            return invalid();
        }
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        is_integer = false;
        ++p;
        if (p != end && (*p == '+' || *p == '-')) {
            ++p;
        }
        const char* digits = p;
        p = skip_digits(p, end);
        if (p == digits) {
            return invalid();
        }
    }
    number.spelling = std::string_view(at, static_cast<std::size_t>(p - at));
    if (is_integer) {
        std::int64_t value = 0;
        auto [stop, error] = std::from_chars(at, p, value);
        if (error == std::errc{} && stop == p) {
            number.value = static_cast<double>(value);
            number.is_integer = true;
            if (value == 0) {
                number.spelling = "0"; // "-0" is the integer zero
            }
        } else if (*at != '-') {
            std::uint64_t unsigned_value = 0;
            auto [unsigned_stop, unsigned_error] = std::from_chars(at, p, unsigned_value);
            number.is_integer = unsigned_error == std::errc{} && unsigned_stop == p;
            number.value = static_cast<double>(unsigned_value);
        }
    }
    if (!number.is_integer) {
        auto [stop, error] = std::from_chars(at, p, number.value);
        bool negative_exponent = number.spelling.find("e-") != std::string_view::npos ||
                                 number.spelling.find("E-") != std::string_view::npos;
        if (error == std::errc::result_out_of_range && negative_exponent) {
            number.value = 0; // too small for a double: it reads as zero, as strtod gives
        } else if (error != std::errc{} || stop != p) {
            return error_at(
                at, fmt::format("the number {} is beyond what a double can hold", number.spelling));
        }
    }
    TokenScan scan;
    scan.end = p;
    return scan;
}

TokenScan unexpected_token(const char* at, const char* end, std::string_view expected) {
    if (at == end) {
        return error_at(at, fmt::format("unexpected end of input; expected {}", expected));
    }
    auto byte = static_cast<unsigned char>(*at);
    std::string seen;
    if (byte >= 0x80 || byte < 0x20) {
        seen = fmt::format("byte {}", escaped_byte(byte));
    } else {
        const char* stop = at;
        while (stop != end && stop - at < 20 && static_cast<unsigned char>(*stop) > 0x20 &&
               static_cast<unsigned char>(*stop) < 0x7f && *stop != ',' && *stop != ':' &&
               *stop != '}' && *stop != ']') {
            ++stop;
        }
        if (stop == at) {
            stop = at + 1;
        }
        seen = fmt::format("'{}'", std::string_view(at, static_cast<std::size_t>(stop - at)));
    }
    return error_at(at, fmt::format("unexpected {}; expected {}", seen, expected));
}

} // namespace mbl::detail
