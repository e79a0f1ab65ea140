#pragma once
// Imports of discovery exports (CSV): the inventory (assets) and the dependency map
// (`depends_on`). Pure functions of the file's text and a Backlog: reading the CSV, planning what
// each row changes, and applying the plan. Reading the file from disk is the store's job
// (store.hpp, read_input_file); the command writes the result under the file's lock.

#include "mbl/model.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

class ReleasableText; // load.hpp

// ---- CSV (RFC 4180, as spreadsheets write it) -----------------------------------------------

// One record of a CSV file: its fields and the line it starts on (1-based, counting the line
// breaks inside quoted fields of earlier records).
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// The mark between the whole and the fractional part of the file's numbers. The other one of `.`
// and `,` is then the group (thousands) separator: `1,024.5` with a decimal point, `1.024,5` with
// a decimal comma (read_number_cell says exactly what is accepted).
enum class DecimalMark { point, comma };

// How a CSV file was read: what read_csv detected, or what the caller forced.
struct CsvDialect {
    // The file's encoding as people name it: `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `UTF-16BE`
    // (both with a BOM), or the single-byte code page given (`Windows-1252`, `ISO-8859-1`, …).
    std::string encoding = "UTF-8";
    char delimiter = ',';                     // `,` `;` `\t` `|` (or any forced one)
    DecimalMark decimal = DecimalMark::point; // `;`-separated: comma; otherwise point
    bool delimiter_forced = false;            // given by the caller or a `sep=` first line
    bool decimal_forced = false;              // given by the caller
};

// `';'-separated Windows-1252, decimal comma`, `tab-separated UTF-16LE, decimal point`: how the
// summary and the errors say how a file was read.
std::string describe_dialect(const CsvDialect& dialect);

// What the caller forces; each one left empty is detected.
struct CsvReadOptions {
    std::optional<char> delimiter;       // else: from the header line (see read_csv)
    std::optional<std::string> encoding; // a name parse_encoding_name accepts; else UTF-8/16
    std::optional<DecimalMark> decimal;  // else: comma for `;`-separated files, else point
};

// `--delimiter` values: `,` `;` `|`, and a tab as `tab`, `\t` (backslash, t) or the character
// itself; nullopt for anything else.
std::optional<char> parse_delimiter(std::string_view text);

// The single-byte code pages `--encoding` accepts, by any of their names (case-insensitive):
// `windows-1252` (`cp1252`, `1252`), `iso-8859-1` (`latin1`), `iso-8859-15` (`latin9`),
// `windows-1250` (`cp1250`), `windows-1251` (`cp1251`), and `utf-8` (`utf8`: the default,
// without detection of UTF-16). Returns the name to show (`Windows-1252`); nullopt otherwise.
std::optional<std::string> parse_encoding_name(std::string_view text);

// The names above, for a usage error: `windows-1252 (cp1252), iso-8859-1 (latin1), …`.
std::string_view accepted_encoding_names();

struct CsvTable {
    std::vector<std::string> header; // the first record
    std::size_t header_line = 1;
    std::vector<CsvRecord> records; // every record after it, blank lines left out
    CsvDialect dialect;             // how the text was read (read_csv fills it in)
};

// A table read a record at a time (a CSV text, a workbook's sheet, or a CsvTable): the header
// and how the file was read first, then one record per call, so an import plans each row as it
// is read and never holds the whole table.
class TableReader {
  public:
    virtual ~TableReader() = default;
    const std::vector<std::string>& header() const { return header_; }
    std::size_t header_line() const { return header_line_; }
    const CsvDialect& dialect() const { return dialect_; }
    // The next record into `record` (its fields as many as the header's; the buffers `record`
    // holds are reused); false after the last. Refuses a record as the reader's whole-table
    // function does (read_csv, read_xlsx_sheet), when it reaches it.
    virtual bool next(CsvRecord& record) = 0;
    // Back before the first record: `next` gives the records again (a second pass).
    virtual void restart() = 0;
    // About how many records `next` gives in all, for reserving memory; 0 when unknown. Only a
    // hint: more or fewer records may come (a CSV's line breaks, which a quoted field may hold).
    virtual std::size_t expected_records() const { return 0; }

  protected:
    std::vector<std::string> header_;
    std::size_t header_line_ = 1;
    CsvDialect dialect_;
};

// The records of a table already in memory.
class CsvTableReader final : public TableReader {
  public:
    explicit CsvTableReader(const CsvTable& table);
    bool next(CsvRecord& record) override;
    void restart() override { next_ = 0; }
    std::size_t expected_records() const override { return table_.records.size(); }

  private:
    const CsvTable& table_;
    std::size_t next_ = 0;
};

// Every record `reader` gives, as a table.
CsvTable read_table(TableReader& reader);

// `text` (which must outlive the reader) as CSV, read as read_csv says, one record at a time:
// the header is read (and refused as read_csv refuses it) before this returns, each record when
// `next` reaches it. UTF-8 text is never copied; other encodings are converted once.
std::unique_ptr<TableReader> open_csv(std::string_view text, std::string_view label,
                                      const CsvReadOptions& options = {});

// The same over `text` (which must outlive the reader), giving back the bytes each record was
// read from once it is read (restart() reads them back): a large export is never held whole.
std::unique_ptr<TableReader> open_csv(ReleasableText& text, std::string_view label,
                                      const CsvReadOptions& options = {});

// Reads `text` as CSV as spreadsheets write it, then as RFC 4180: records separated by CRLF or LF,
// fields quoted with `"` may hold the delimiter, doubled quotes and line breaks.
// - Encoding: a UTF-16LE or UTF-16BE byte-order mark means UTF-16 (converted to UTF-8; a lone
//   surrogate is refused with its line); otherwise UTF-8, its BOM skipped. With
//   `options.encoding`, the text is converted from that code page instead (a byte it does not
//   define is refused with its line).
// - Delimiter: `options.delimiter`; else a first line `sep=C` (Excel's own hint, skipped); else
//   the most frequent of `,` `;` and tab outside quotes on the first non-blank line. When none
//   occurs (one column), `,`; a tie between two that occur is refused (pass --delimiter).
// - Decimal mark: `options.decimal`; else comma for `;`-separated files, point otherwise. It is
//   only recorded in `dialect` here: read_number_cell applies it to numeric cells.
// Refuses with Error(input) `<label>:<line>: <reason>; <what to do>`, followed by `(read as
// <describe_dialect>)` where a wrong delimiter or encoding could be the cause: text that is not
// UTF-8 (line of the first bad byte, and a hint at --encoding), broken UTF-16 (a lone surrogate,
// an odd number of bytes), a byte the forced code page does not define, a forced code page on a
// file that is UTF-8 or UTF-16, a header that holds NUL bytes (UTF-16 without a BOM), a tie
// between delimiters, a quote inside an unquoted field or text after a closing quote, a quoted
// field left open at the end, a record with more fields than the header, an empty file or an
// empty header cell. A record with fewer fields is padded with empty ones
// (spreadsheets drop trailing empty cells). Error(usage) for an encoding name it does not know.
// UTF-8 text is parsed in place; other encodings are converted once, into one new string.
// (read_table over open_csv.)
CsvTable read_csv(std::string_view text, std::string_view label,
                  const CsvReadOptions& options = {});

// ---- Numbers as spreadsheets display them ------------------------------------------------------

// The reading of one numeric cell: `number` (JSON number text, `.` as the decimal mark, no group
// separators, the digits as written) when it fits the rule, else `problem`: why not and what to do,
// a phrase that follows the quoted cell (`is not a number; …`).
struct NumberReading {
    std::optional<std::string> number;
    std::string problem;
};

// `cell` (already trimmed) read as a number in a file whose decimal mark is `mark`:
// - plain JSON numbers (`12288`, `-3`, `1024.5`, `2.5e3`) are read as written, with either mark,
//   except that with a decimal comma `12.288` (see the next rule) is 12288 (whether a double
//   holds `1e400` is the caller's question);
// - an optional `-`, then the digits in groups: a first group of 1 to 3 digits not starting with
//   0, then groups of exactly 3 digits, each after one group separator; then, optionally, the
//   decimal mark and at least one digit. The group separators are `,` with a decimal point, `.`
//   with a decimal comma, and with either a no-break space (U+00A0) or a narrow no-break space
//   (U+202F), as French Excel writes them; one cell uses one kind;
// - a decimal comma (`2,5`, `1024,5`) only in a file with a decimal comma.
// So `12,288` `1,024.5` read 12288 and 1024.5 with a decimal point; `12.288` `1.024,5` `2,5` read
// 12288, 1024.5 and 2.5 with a decimal comma. Everything else is refused: a cell that only the
// other mark can read (`1.024,5` or `2,5` with a decimal point: pass --decimal-comma), groups of
// the wrong size (`12,28`), mixed separators, letters, units, a `+` sign.
NumberReading read_number_cell(std::string_view cell, DecimalMark mark);

// ---- Inventory --------------------------------------------------------------------------------

// Which export the columns come from (the column mappings: docs/imports.md and
// src/core/import_presets.cpp). `azure_migrate` is Azure Migrate's CSV import template,
// `azure_migrate_assessment` the assessment export's `All_Assessed_Machines` sheet,
// `azure_migrate_discovered` the discovered-servers export, `aws_ads` AWS Application Discovery
// Service's import template, `rvtools` RVTools' vInfo sheet (4.x and 3.x headers, also with the
// sheet name before every header: `vInfoVMName`), `generic` any CSV with --map.
enum class ImportPreset {
    azure_migrate,
    rvtools,
    generic,
    azure_migrate_assessment,
    azure_migrate_discovered,
    aws_ads,
};

// `azure-migrate`, `rvtools`, `generic`, `azure-migrate-assessment`, `azure-migrate-discovered`,
// `aws-ads`; nullopt for anything else.
std::optional<ImportPreset> parse_import_preset(std::string_view text);
std::string_view to_string(ImportPreset preset);

// Every preset's name, in the order above (for messages and --help).
std::vector<std::string_view> import_preset_names();

// The inventory preset whose identifying columns `header` has (compared as the presets compare
// headers: case, spaces and punctuation ignored, a sheet-name prefix such as `vInfo` removed when
// every header has it). nullopt when none does; `generic` is never recognised.
std::optional<ImportPreset> detect_inventory_preset(const std::vector<std::string>& header);

// detect_inventory_preset, or Error(input) `<label>:<header_line>: …` listing each preset with
// the columns that identify it, and what to do (name one with --preset, or --preset generic
// --map).
ImportPreset detect_inventory_preset_or_throw(const std::vector<std::string>& header,
                                              std::string_view label, std::size_t header_line);

// True when `header` is Azure Migrate's dependency export (a source and a destination column,
// by server name or IP).
bool is_dependency_export(const std::vector<std::string>& header);

// The id an asset imported under `name` gets: letters spelled in ASCII where they have a
// spelling (`Zürich` is `zurich`, `Straße` `strasse`: glibc's transliteration), lowercase ASCII
// letters and digits kept, `.` `_` `-` kept, every run of other characters (spaces, letters
// with no ASCII spelling) one `-`, leading and trailing `-._` trimmed, at most 64 characters.
// Empty when nothing usable is left.
std::string slug_of(std::string_view name);

struct InventoryImportOptions {
    ImportPreset preset = ImportPreset::generic;
    std::optional<std::string> workload; // for new assets; must exist
    AssetKind kind = AssetKind::vm;      // for new assets
    // `COLUMN=FIELD` (as given to --map): FIELD is `name`, `id`, `source_id`, `ips`,
    // `attributes.KEY`, or `-` (skip the column). They take precedence over the preset's mapping
    // of the same column.
    std::vector<std::string> mappings;
    // Called every `progress_every` rows planned with (rows done, false), and once at the end
    // with (rows in all, true); empty: not called. (Rows are planned as they are read: how many
    // there are is known only at the end.)
    std::function<void(std::size_t, bool)> progress;
    std::size_t progress_every = 500;
    // false: each add and update row keeps of its `asset` only the id and name (what a report
    // of the plan shows), so a plan that is only reported (a dry run) holds no asset; such a plan
    // cannot be applied.
    bool keep_assets = true;
};

// What one row does.
enum class RowAction { add, update, unchanged, skip };

struct PlannedRow {
    std::size_t line = 0;
    RowAction action = RowAction::skip;
    std::string id;                  // add, update, unchanged: the asset's id
    std::string name;                // the server name from the row (may be empty for skip)
    std::vector<std::string> fields; // update: what changes (`name`, `attributes.cores`)
    std::string reason;              // skip: why
    Asset asset; // add: the new asset; update: the asset as it will be after the row
    std::size_t attribute_count = 0; // add: how many attributes the new asset has
};

struct InventoryPlan {
    std::vector<PlannedRow> rows;             // one per CSV record, in file order
    std::vector<std::string> ignored_columns; // columns nothing maps (in file order)
    std::size_t count(RowAction action) const;
};

// What importing `table` into `backlog` would do, without changing it. Every preset writes the
// planner's facts under the same attribute names (docs/imports.md): `cores`, `memory_mb` (MB),
// `disk_gb` and `disk_used_gb` (GB to two decimals; MiB / 1024), `os`, `power_state`,
// `datacenter`, `cluster`, `host`, `ips` (a JSON array of every address, split at `;` `,` and
// spaces, each once) and `source_id` (the export's stable key: RVTools `VM UUID`, else `VI SDK
// Server/VM ID`; Azure Migrate's machine id; AWS `ExternalId`, else `VMware.VCenterId/
// VMware.MoRefId`). A row's id is slug_of(its name) unless a column maps to `id`. The asset a row
// updates is the one with the row's `source_id`, else with that id, else with exactly that name
// (case ignored): its name and the attributes the row has values for are set; nothing else of it
// changes (estimate, status, priority, tasks, notes, tags, workload, iterations). Other rows add
// assets with `options.kind` and `options.workload`. Rows are skipped with a reason: no name, a
// name with no usable id, the same id or source_id as an earlier row (reported with that row's
// line), a name or id matching an asset whose source_id differs, an RVTools template (`Template`
// True, 1 or yes).
// Refuses with Error(input) `<label>:<line>: …` a missing name column (`*Server name` for
// azure-migrate, `VM` for rvtools, …, a column mapped to `name` or `id` for generic) and a cell
// that a numeric column (`*Cores`, …) cannot read as a number; Error(usage) a bad --map (no
// `=`, an unknown column or field) and an unknown workload (Error(input)).
// Each record is planned as `rows` gives it (the table is never held whole). An `unchanged`
// row's `asset` is left empty (the backlog has it).
InventoryPlan plan_inventory_import(const Backlog& backlog, TableReader& rows,
                                    const InventoryImportOptions& options, std::string_view label);
InventoryPlan plan_inventory_import(const Backlog& backlog, const CsvTable& table,
                                    const InventoryImportOptions& options, std::string_view label);

// Applies the `add` and `update` rows of `plan` (made from this same backlog) to `backlog`.
// The id of an updated asset never changes (a renamed server keeps its asset's id).
void apply_inventory_plan(Backlog& backlog, const InventoryPlan& plan);

// The same, moving the assets out of `plan` rather than copying them (a large import then holds
// them once): afterwards the `asset` of each add and update row holds only its id and name, which
// is all a report of the plan needs besides the other fields of the row.
void apply_inventory_plan(Backlog& backlog, InventoryPlan&& plan);

// One row of an inventory import as its report shows it: a PlannedRow without the asset, and
// the name the asset has after the row.
struct ImportedRow {
    std::size_t line = 0;
    RowAction action = RowAction::skip;
    std::string id;                  // add, update, unchanged: the asset's id
    std::string name;                // the server name from the row (may be empty for skip)
    std::string asset_name;          // add, update: the asset's name after the row
    std::vector<std::string> fields; // update: what changes (`name`, `attributes.cores`)
    std::string reason;              // skip: why
    std::size_t attribute_count = 0; // add: how many attributes the new asset has
};

// What an inventory import did, or would do: its rows, one per record, in file order.
struct InventoryReport {
    std::vector<ImportedRow> rows;
    std::vector<std::string> ignored_columns; // columns nothing maps (in file order)
    std::size_t count(RowAction action) const;
};

// plan_inventory_import then apply_inventory_plan, with the same rows and the same backlog
// after, holding each new or changed asset once and never a row's asset in the report: the
// rows are planned as `rows` gives them (reserving for rows.expected_records()), the assets kept
// apart from the report's rows and moved into `backlog` after the last row (into an empty
// backlog, as they are: not copied). Refuses what plan_inventory_import refuses, leaving
// `backlog` as it was. `options.keep_assets` is not read.
InventoryReport import_inventory(Backlog& backlog, TableReader& rows,
                                 const InventoryImportOptions& options, std::string_view label);

// The report import_inventory would give, `backlog` unchanged (a dry run): no asset is held.
InventoryReport preview_inventory_import(const Backlog& backlog, TableReader& rows,
                                         const InventoryImportOptions& options,
                                         std::string_view label);

// ---- Dependencies -----------------------------------------------------------------------------

// One `depends_on` the import adds: `from` depends on `to` (the source server on the
// destination), first seen at `line`, on `rows` rows of the file (time slots, processes, ports).
struct PlannedDependency {
    std::size_t line = 0;
    std::string from;
    std::string to;
    std::size_t rows = 0;
};

// A dependency left out, and why.
struct DependencyRemark {
    std::size_t line = 0;
    std::string reason;
};

// A server of the file that is no asset of the backlog, with the rows that name it: by `name`
// when the rows give one, else by `ip`.
struct UnknownServer {
    std::string side; // "source" or "destination"
    std::string name;
    std::string ip;       // the first row's
    std::size_t rows = 0; // rows where it stayed unknown
    std::size_t line = 0; // the first of them
};

// `attributes.dependency_ports` of the asset `asset` as the import leaves it: for each asset it
// depends on, the destination ports seen, ascending (`{"crm-sql-01": [445, 1433]}`).
struct DependencyPortsUpdate {
    std::string asset;
    RawJson ports;
};

struct DependencyPlan {
    std::vector<PlannedDependency> added;
    std::size_t already_present = 0; // server pairs the asset already had in depends_on
    std::size_t duplicates = 0;      // rows for a pair an earlier row gave
    std::size_t self_links = 0;      // rows whose source and destination are the same asset
    std::size_t matched_by_ip = 0;   // rows with a side found by its IP, not its name
    // Servers the backlog does not know, in the order they first appear; nothing is invented.
    std::vector<UnknownServer> unknown_servers;
    std::vector<DependencyRemark> cycles;     // dependencies left out: they would close a cycle
    std::vector<DependencyPortsUpdate> ports; // only assets whose dependency_ports change
};

// The `depends_on` entries Azure Migrate's agentless dependency export `table` adds to
// `backlog`. Each side of a row (source, destination) is matched to an asset by its server name
// (slug_of the name, then the exact name, case-insensitively), else by its IP: against the
// assets' `attributes.ips` (and a legacy `attributes.ip` text), else against the IPs the same
// file gives for servers it names (`Source server name` with `Source IP`, and likewise for
// destinations). An IP that two assets claim matches neither. Rows are aggregated into one
// dependency per server pair; the destination ports seen are merged into the source asset's
// `attributes.dependency_ports` (a re-import of the same file changes nothing). Self-links are
// dropped; a pair that would close a dependency cycle (with the backlog's or earlier rows'
// dependencies) is left out and reported; unknown servers are reported grouped, with their row
// count. Error(input) `<label>:<line>: …` when a side has neither a server name nor an IP
// column.
// `rows` is read twice (TableReader::restart): first for the file's own name-to-IP pairs, then
// for the dependencies; neither pass holds the table.
DependencyPlan plan_dependency_import(const Backlog& backlog, TableReader& rows,
                                      std::string_view label);
DependencyPlan plan_dependency_import(const Backlog& backlog, const CsvTable& table,
                                      std::string_view label);

// Appends the planned `depends_on` entries to their assets and sets their dependency_ports. On a
// large backlog, load it with a spare attribute each (LoadLayout::spare_attributes = 1): the
// attributes then take the ports in place.
void apply_dependency_plan(Backlog& backlog, const DependencyPlan& plan);

} // namespace mbl
