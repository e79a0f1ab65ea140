#pragma once
// The pieces of the .xlsx reader (xlsx_*.cpp): the zip container (libzip), the streaming XML
// parser (expat), the workbook's parts and the cells. Private to the core library.

#include "mbl/xlsx.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_file;

namespace mbl::xlsx_detail {

// [[noreturn]] Error(input) `<label>: <part>: <reason>`.
[[noreturn]] void refuse_part(std::string_view label, std::string_view part,
                              std::string_view reason);

// The archive, opened over the bytes (not copied: they must outlive it).
class ZipArchive {
  public:
    // Error(input) when `bytes` are not a readable zip archive.
    ZipArchive(std::string_view bytes, std::string_view label, const XlsxLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Whether the archive holds `part` (a path without a leading `/`, ASCII case ignored as
    // OPC part names are).
    bool has(std::string_view part) const;
    // Inflates `part`, handing its bytes to `sink` a piece at a time. Error(input) when it is
    // missing, encrypted, damaged (CRC), or over the limits on size and compression ratio, before
    // or while inflating.
    void read(std::string_view part, const std::function<void(std::string_view)>& sink) const;

    const std::string& label() const { return label_; }

  private:
    friend class ZipPartReader;
    zip* archive_ = nullptr;
    std::string label_;
    XlsxLimits limits_;
};

// One part of the archive inflated a piece at a time, on demand (ZipArchive::read's pull form),
// with the same refusals.
class ZipPartReader {
  public:
    ZipPartReader(const ZipArchive& archive, std::string_view part);
    ~ZipPartReader();
    ZipPartReader(const ZipPartReader&) = delete;
    ZipPartReader& operator=(const ZipPartReader&) = delete;

    // The next inflated bytes (valid until the next call); empty at the end.
    std::string_view read();

  private:
    static constexpr std::size_t buffer_size = 64 * 1024;
    bool too_big(std::uint64_t size) const;
    [[noreturn]] void refuse_size(std::string_view which, std::uint64_t size) const;

    std::string label_;
    std::string part_;
    XlsxLimits limits_;
    zip_file* file_ = nullptr;
    std::uint64_t compressed_ = 0;
    std::optional<std::uint64_t> declared_;
    std::uint64_t total_ = 0;
    std::unique_ptr<char[]> buffer_;
};

// What the XML parser reports, with element and attribute names stripped of their namespace
// prefix (`x:row` and `row` alike: some writers use prefixes, Strict OOXML other namespaces).
class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    // `attributes`: local name, value, local name, value, …, nullptr (expat's layout).
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view text) = 0;
};

// The value of attribute `name` (local name) in expat's `attributes`, or nullopt.
std::optional<std::string_view> attribute(const char** attributes, std::string_view name);

// `part` of `archive` through expat into `handler`, a piece at a time on demand: each
// parse_more inflates and parses the next piece (64 KiB), and returns false once the part has
// been parsed to its end. Refuses as parse_part.
class XmlPartParser {
  public:
    XmlPartParser(const ZipArchive& archive, std::string_view part, XmlHandler& handler);
    ~XmlPartParser();
    XmlPartParser(const XmlPartParser&) = delete;
    XmlPartParser& operator=(const XmlPartParser&) = delete;
    bool parse_more();

  private:
    struct State; // expat's parser and what its callbacks share
    std::string label_;
    std::string part_;
    ZipPartReader input_;
    std::unique_ptr<State> state_;
    bool finished_ = false;
};

// Streams `part` of `archive` through expat into `handler`. Error(input) `<label>: <part>: …`
// for malformed XML (with its line), any DOCTYPE (so no entity is ever declared or expanded),
// nesting deeper than 256 elements, and what ZipArchive::read refuses. A handler refuses by
// throwing Error itself.
void parse_part(const ZipArchive& archive, std::string_view part, XmlHandler& handler);

// `target` of a relationship in `source_part`'s .rels, as a part path: relative to the source's
// folder, or from the root when it starts with `/`; `.` and `..` resolved. nullopt when it leaves
// the archive (`../../x`) or is empty.
std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target);

// `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`.
std::string rels_part_of(std::string_view part);

// One relationship of a .rels part.
struct Relationship {
    std::string id;
    std::string type; // its last path segment: `worksheet`, `sharedStrings`, `styles`, …
    std::string target;
    bool external = false;
};
// The relationships of `part` (empty when it has no .rels part).
std::vector<Relationship> read_relationships(const ZipArchive& archive, std::string_view part);

struct SheetEntry {
    std::string name;
    std::string relationship_id;
};

struct WorkbookPart {
    std::string path; // `xl/workbook.xml`
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    std::vector<Relationship> relationships;
};
// The workbook part (found through `_rels/.rels`), its sheets, date system and relationships.
WorkbookPart read_workbook(const ZipArchive& archive);

// The part a relationship of the workbook of `type` points to; nullopt when there is none.
// Error(input) for a target outside the archive or external.
std::optional<std::string> workbook_target(const ZipArchive& archive, const WorkbookPart& workbook,
                                           const Relationship& relationship);

// How a number cell's style shows it.
enum class NumberShape { number, date, date_time, time };

// Per cell style index (the `s` of a cell, into cellXfs), how it shows numbers.
std::vector<NumberShape> read_number_shapes(const ZipArchive& archive, std::string_view part);

// The shared-string table, held in one buffer (a million strings as std::string would cost
// twice their text).
class SharedStrings {
  public:
    std::size_t size() const { return ends_.size(); }
    std::string_view operator[](std::size_t index) const {
        std::size_t start = index == 0 ? 0 : ends_[index - 1];
        return std::string_view(text_).substr(start, ends_[index] - start);
    }
    void push_back(std::string_view text) {
        text_ += text;
        ends_.push_back(text_.size());
    }
    void shrink_to_fit() {
        text_.shrink_to_fit();
        ends_.shrink_to_fit();
    }

  private:
    std::string text_;
    std::vector<std::size_t> ends_;
};

// The shared strings, rich text runs joined, phonetic runs (`rPh`) left out. Error(input) past
// `limits.max_shared_strings` or `max_shared_string_bytes`.
SharedStrings read_shared_strings(const ZipArchive& archive, std::string_view part,
                                  const XlsxLimits& limits);

// How a built-in (numFmtId) or custom (formatCode) number format shows numbers.
NumberShape builtin_number_shape(unsigned id);
NumberShape custom_number_shape(std::string_view format_code);

// A cell reference's 0-based column (`B12` → 1) and 1-based row (12); nullopt when malformed or
// past Excel's XFD1048576.
struct CellPosition {
    std::size_t column = 0;
    std::size_t row = 0;
};
std::optional<CellPosition> parse_cell_reference(std::string_view reference);
// `B12` for column 1, row 12.
std::string cell_reference(std::size_t column, std::size_t row);

// The shortest text of the number `value` (a cell's `<v>`): `12288`, `1024.5`, `1e-07`;
// nullopt when `value` is not a number.
std::optional<std::string> number_text(std::string_view value);

// `text` with the escapes of ECMA-376's ST_Xstring decoded: `_xHHHH_` is the character U+HHHH
// (Excel writes a carriage return as `_x000D_`, a literal `_x` as `_x005F_x`). Surrogates are
// left as written.
std::string decode_xstring(std::string text);

// The serial number `value` as `YYYY-MM-DD` (`date`), with ` HH:MM:SS` (`date_time`, when it has
// a time of day), or `HH:MM:SS` (`time`); nullopt when it is outside 0 .. 9999-12-31.
std::optional<std::string> date_text(double value, NumberShape shape, bool date1904);

// What reading a sheet needs besides the sheet: the archive (over bytes the caller keeps), the
// shared strings, the styles' number shapes, the date system, the limits.
struct WorkbookSources {
    std::unique_ptr<ZipArchive> archive;
    SharedStrings shared_strings;
    std::vector<NumberShape> shapes;
    bool date1904 = false;
    XlsxLimits limits;
};

// The sheet part `part` (named `sheet` in messages) read a record at a time (xlsx_sheet.cpp):
// the header row is read before this returns.
std::unique_ptr<TableReader> open_sheet(std::unique_ptr<WorkbookSources> sources,
                                        std::string_view part, std::string_view sheet);

} // namespace mbl::xlsx_detail
