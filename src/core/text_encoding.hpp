#pragma once
// The text of a CSV file as UTF-8, whatever a spreadsheet saved it as, and the iconv
// conversions under it. Private to the core library (csv_read.cpp, import_names.cpp).

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mbl::import_detail {

// An iconv conversion descriptor, closed when it goes (glibc's iconv: part of the C library).
struct IconvCloser {
    void operator()(void* handle) const;
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

// iconv_open(`to`, `from`); empty when the system cannot convert between the two.
IconvHandle open_iconv(const char* to, const char* from);

// `bytes` converted by `converter` into `out` (replacing it), which grows as the conversion
// needs. nullopt when all of it was converted; else the offset in `bytes` of the first byte it
// could not convert (`out` then holds what came before).
std::optional<std::size_t> convert_with_iconv(const IconvHandle& converter, std::string_view bytes,
                                              std::string& out);

struct Utf8Text {
    std::string_view text;  // the UTF-8 text, without a byte-order mark
    std::string encoding;   // as CsvDialect::encoding names it
    bool converted = false; // true: `text` lies in the caller's `storage` and is valid UTF-8
};

// `bytes` as UTF-8. A UTF-16LE or UTF-16BE byte-order mark: converted from UTF-16 into `storage`.
// `encoding` (a name parse_encoding_name accepts) other than UTF-8: converted from that code page
// through iconv into `storage`. Otherwise a view of `bytes`, its UTF-8 BOM skipped, not yet
// checked (csv_read checks it line by line).
// Error(input) `<label>:<line>: …` for a lone surrogate or an odd number of bytes in UTF-16, a
// byte the code page does not define, and a forced code page on a file that has a byte-order mark
// or holds non-ASCII text that is valid UTF-8 (it is UTF-8: leave out --encoding); Error(usage)
// for an encoding name parse_encoding_name does not accept.
Utf8Text decode_to_utf8(std::string_view bytes, const std::optional<std::string>& encoding,
                        std::string& storage, std::string_view label);

} // namespace mbl::import_detail
