// decode_to_utf8 and the --encoding names. UTF-16 is converted by hand (a dozen lines, with the
// line of a lone surrogate); single-byte code pages through glibc's iconv (part of the C library:
// no new dependency), which knows their tables, including the bytes Windows-1252 leaves undefined.
#include "text_encoding.hpp"

#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fmt/format.h>
#include <iconv.h>
#include <memory>

namespace mbl {
namespace {

struct CodePage {
    std::string_view shown;                // CsvDialect::encoding
    std::string_view iconv_name;           // for iconv_open
    std::array<std::string_view, 4> names; // what --encoding accepts (lowercase)
};

constexpr std::array code_pages{
    CodePage{"UTF-8", "UTF-8", {"utf-8", "utf8"}},
    CodePage{"Windows-1252", "WINDOWS-1252", {"windows-1252", "cp1252", "1252", "win-1252"}},
    CodePage{"ISO-8859-1", "ISO-8859-1", {"iso-8859-1", "latin1", "latin-1", "iso8859-1"}},
    CodePage{"ISO-8859-15", "ISO-8859-15", {"iso-8859-15", "latin9", "latin-9", "iso8859-15"}},
    CodePage{"Windows-1250", "WINDOWS-1250", {"windows-1250", "cp1250", "1250"}},
    CodePage{"Windows-1251", "WINDOWS-1251", {"windows-1251", "cp1251", "1251"}},
};

const CodePage* find_code_page(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    for (const CodePage& page : code_pages) {
        for (std::string_view name : page.names) {
            if (!name.empty() && name == lower) {
                return &page;
            }
        }
    }
    return nullptr;
}

} // namespace

std::optional<std::string> parse_encoding_name(std::string_view text) {
    if (const CodePage* page = find_code_page(text)) {
        return std::string(page->shown);
    }
    return std::nullopt;
}

std::string_view accepted_encoding_names() {
    return "windows-1252 (cp1252), iso-8859-1 (latin1), iso-8859-15 (latin9), windows-1250 "
           "(cp1250), windows-1251 (cp1251), utf-8";
}

namespace import_detail {

void IconvCloser::operator()(void* handle) const {
    iconv_close(static_cast<iconv_t>(handle));
}

IconvHandle open_iconv(const char* to, const char* from) {
    iconv_t raw = iconv_open(to, from);
    return IconvHandle(raw == reinterpret_cast<iconv_t>(-1) ? nullptr : raw);
}

std::optional<std::size_t> convert_with_iconv(const IconvHandle& converter, std::string_view bytes,
                                              std::string& out) {
    auto* raw = static_cast<iconv_t>(converter.get());
    out.resize(bytes.size() + bytes.size() / 4 + 16);
    char* in = const_cast<char*>(bytes.data()); // iconv's signature; it does not write there
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    while (in_left > 0) {
        char* to = out.data() + written;
        std::size_t out_left = out.size() - written;
        std::size_t result = iconv(raw, &in, &in_left, &to, &out_left);
        written = out.size() - out_left;
        if (result != static_cast<std::size_t>(-1)) {
            break;
        }
        if (errno != E2BIG) {
            out.resize(written);
            return static_cast<std::size_t>(in - bytes.data());
        }
        out.resize(out.size() + in_left * 3 + 16); // room for 3 bytes a byte, and again if not
    }
    out.resize(written);
    return std::nullopt;
}

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

// The 1-based line of byte `offset` of `text`, counting LF bytes before it.
std::size_t line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// UTF-16 (after its byte-order mark) into `out`.
void convert_utf16(std::string_view bytes, bool big_endian, std::string& out, std::string_view name,
                   std::string_view label) {
    auto unit_at = [&](std::size_t i) {
        auto first = static_cast<unsigned char>(bytes[i]);
        auto second = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char32_t>(big_endian ? (first << 8) | second : (second << 8) | first);
    };
    out.reserve(bytes.size() / 2 + bytes.size() / 8 + 16); // mostly ASCII: half the bytes
    std::size_t line = 1;
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        char32_t unit = unit_at(i);
        if (unit == '\n') {
            ++line;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
            char32_t low = unit_at(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            throw input_error(fmt::format("{}:{}: a lone UTF-16 surrogate (0x{:04X}) in this {} "
                                          "file; the file is damaged: save it again from the "
                                          "spreadsheet",
                                          label, line, static_cast<unsigned>(unit), name));
        }
        append_utf8(out, unit);
    }
    if (i < bytes.size()) {
        throw input_error(fmt::format("{}:{}: the {} file ends in the middle of a character (an "
                                      "odd number of bytes); the file is cut short: save it again",
                                      label, line, name));
    }
}

// `bytes` from the single-byte code page `page` into `out`.
void convert_code_page(std::string_view bytes, const CodePage& page, std::string& out,
                       std::string_view label) {
    IconvHandle converter = open_iconv("UTF-8", std::string(page.iconv_name).c_str());
    if (!converter) {
        throw input_error(fmt::format("{}: this system cannot convert from {} (iconv); convert "
                                      "the file to UTF-8 first",
                                      label, page.shown));
    }
    if (std::optional<std::size_t> offset = convert_with_iconv(converter, bytes, out)) {
        throw input_error(fmt::format(
            "{}:{}: byte 0x{:02X} is not a character in {} (read with --encoding); is the file "
            "in another encoding? Try another --encoding, or save it as 'CSV UTF-8'",
            label, line_at(bytes, *offset), static_cast<unsigned char>(bytes[*offset]),
            page.shown));
    }
}

// A forced code page on a file that is UTF-8 after all: refused, since the result would be
// mojibake (`MÃ¼ller`).
void refuse_utf8_as_code_page(std::string_view bytes, const CodePage& page,
                              std::string_view label) {
    if (bytes.starts_with(utf8_bom) || bytes.starts_with(utf16le_bom) ||
        bytes.starts_with(utf16be_bom)) {
        std::string_view found = bytes.starts_with(utf8_bom)      ? "UTF-8"
                                 : bytes.starts_with(utf16le_bom) ? "UTF-16LE"
                                                                  : "UTF-16BE";
        throw input_error(fmt::format("{}:1: --encoding {}, but the file starts with a {} "
                                      "byte-order mark: it is {}; leave out --encoding",
                                      label, page.shown, found, found));
    }
    auto non_ascii = std::find_if(bytes.begin(), bytes.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (non_ascii != bytes.end() && is_valid_utf8(bytes)) {
        throw input_error(fmt::format(
            "{}:{}: --encoding {}, but the file is valid UTF-8 with non-ASCII text on this line "
            "(reading it as {} would garble it); leave out --encoding",
            label, line_at(bytes, static_cast<std::size_t>(non_ascii - bytes.begin())), page.shown,
            page.shown));
    }
}

} // namespace

Utf8Text decode_to_utf8(std::string_view bytes, const std::optional<std::string>& encoding,
                        std::string& storage, std::string_view label) {
    const CodePage* page = nullptr;
    if (encoding) {
        page = find_code_page(*encoding);
        if (page == nullptr) {
            throw usage_error(fmt::format("--encoding '{}': not an encoding mbl knows; use one of "
                                          "{}",
                                          *encoding, accepted_encoding_names()));
        }
    }
    if (page != nullptr && page->shown != "UTF-8") {
        refuse_utf8_as_code_page(bytes, *page, label);
        convert_code_page(bytes, *page, storage, label);
        return {storage, std::string(page->shown), true};
    }
    if (page == nullptr && (bytes.starts_with(utf16le_bom) || bytes.starts_with(utf16be_bom))) {
        bool big_endian = bytes.starts_with(utf16be_bom);
        std::string_view name = big_endian ? "UTF-16BE" : "UTF-16LE";
        convert_utf16(bytes.substr(2), big_endian, storage, name, label);
        return {storage, std::string(name), true};
    }
    if (bytes.starts_with(utf8_bom)) {
        return {bytes.substr(utf8_bom.size()), "UTF-8 with BOM", false};
    }
    return {bytes, "UTF-8", false};
}

} // namespace import_detail
} // namespace mbl
