// mbl import inventory/dependencies: discovery exports (CSV) into the backlog; work-items
// (command_import_work_items.cpp) registered beside them.
#include "cli/command_import_work_items.hpp"
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_import.hpp"
#include "mbl/import.hpp"
#include "mbl/input_file.hpp"
#include "mbl/store.hpp"
#include "mbl/xlsx.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>

namespace mbl::cli {
namespace {

struct ImportOptions {
    std::string file; // the CSV
    std::string preset;
    std::optional<std::string> workload;
    std::string kind = "vm";
    std::vector<std::string> mappings;
    std::optional<std::string> sheet; // of a workbook
    bool dry_run = false;
    // How the CSV is read (add_dialect_flags): empty or false means detected.
    std::string delimiter;
    std::string encoding;
    bool decimal_comma = false;
    bool decimal_point = false;
};

// Rows done so far (they are planned as they are read: how many there are is known only at
// the end), rewritten in place on stderr, only when stderr is a terminal that can clear a line
// (not TERM=dumb): a script reading stderr sees nothing extra.
std::function<void(std::size_t, bool)> progress_on(std::ostream& err, const GlobalOptions& global) {
    if (!global.facts.stderr_is_terminal || global.facts.dumb_term) {
        return {};
    }
    return [&err](std::size_t done, bool finished) {
        err << fmt::format("\rmbl: importing: {} rows", done);
        if (finished) {
            err << "\r\x1b[K"; // the line cleared: the report follows on stdout
        }
        err.flush();
    };
}

// --delimiter, --encoding, --decimal-comma and --decimal-point as read_csv's options.
CsvReadOptions read_options(const ImportOptions& options) {
    CsvReadOptions read;
    if (!options.delimiter.empty()) {
        read.delimiter = parse_delimiter(options.delimiter);
        if (!read.delimiter) {
            throw usage_error(fmt::format(
                "--delimiter must be ',', ';', tab (or \\t) or '|', not '{}'", options.delimiter));
        }
    }
    if (!options.encoding.empty()) {
        read.encoding = parse_encoding_name(options.encoding);
        if (!read.encoding) {
            throw usage_error(fmt::format("--encoding '{}': not an encoding mbl knows; use one of "
                                          "{} (UTF-8 and UTF-16 with a byte-order mark are "
                                          "detected without it)",
                                          options.encoding, accepted_encoding_names()));
        }
    }
    if (options.decimal_comma) {
        read.decimal = DecimalMark::comma;
    } else if (options.decimal_point) {
        read.decimal = DecimalMark::point;
    }
    return read;
}

// An export read a record at a time: a CSV read as --delimiter/--encoding/--decimal-* say (else
// as detected), or the chosen sheet of an .xlsx workbook (by its first bytes, whatever its name
// says), whose cells hold typed values and take none of those flags. Its header (and how it was
// read) is known once it is opened; the records are read as the import plans them. `label`
// names it in later errors: `FILE`, or `FILE:SHEET` (whose lines are row numbers).
struct ExportTable {
    std::unique_ptr<BacklogFileText> bytes; // the file, which `rows` reads (and gives back)
    std::unique_ptr<TableReader> rows;
    std::string sheet; // empty for a CSV
    std::string label;

    // How the file was read, kept when `rows` is let go.
    CsvDialect dialect() const { return rows ? rows->dialect() : dialect_read; }
    // Once planned: the file and its reader are let go before the backlog is changed and
    // written, which then has their memory.
    void let_go() {
        dialect_read = rows->dialect();
        rows.reset();
        bytes.reset();
    }
    CsvDialect dialect_read;
};

ExportTable read_export(const ImportOptions& options, std::string_view preset) {
    CsvReadOptions read = read_options(options); // usage errors before the file is read
    const std::string& file = options.file;
    std::unique_ptr<BacklogFileText> bytes = open_input_file(file);
    switch (sniff_input_kind(bytes->view())) {
    case InputKind::csv: {
        if (options.sheet) {
            throw usage_error(fmt::format("--sheet: {} is not an .xlsx workbook", file));
        }
        std::unique_ptr<TableReader> rows = open_csv(*bytes, file, read);
        return {std::move(bytes), std::move(rows), "", file, {}};
    }
    case InputKind::ole_binary:
        throw input_error(fmt::format(
            "{}: an old binary Excel workbook (.xls) or a password-protected one, which mbl "
            "cannot read; open it in Excel and save it as .xlsx (Excel Workbook) without a "
            "password, or as CSV UTF-8",
            file));
    case InputKind::xlsx:
        break;
    }
    if (read.delimiter || read.encoding || read.decimal) {
        throw usage_error(fmt::format("--delimiter, --encoding, --decimal-comma and "
                                      "--decimal-point are for CSV files; {} is an .xlsx "
                                      "workbook, whose cells hold typed values",
                                      file));
    }
    std::string chosen =
        choose_sheet(xlsx_sheet_names(bytes->view(), file), options.sheet, preset, file);
    std::unique_ptr<TableReader> rows = open_xlsx_sheet(bytes->view(), chosen, file);
    return {std::move(bytes), std::move(rows), chosen, fmt::format("{}:{}", file, chosen), {}};
}

// `make_plan()`, an import's planning; for a CSV, an input error about a line of the file that
// does not say how the file was read gets `(read as …)` appended: a missing column is often a wrong
// delimiter. A workbook's errors pass unchanged.
template <typename MakePlan> auto explaining_dialect(const ExportTable& input, MakePlan make_plan) {
    try {
        return make_plan();
    } catch (const Error& error) {
        std::string_view message = error.what();
        if (!input.sheet.empty() || error.status() != ExitStatus::input ||
            !message.starts_with(input.label + ":") ||
            message.find("(read as ") != std::string_view::npos) {
            throw;
        }
        throw Error(error.status(),
                    fmt::format("{} (read as {})", message, describe_dialect(input.dialect())));
    }
}

// How the file is read: each flag forces what is otherwise detected. `numbers`: the command
// reads numeric cells (--decimal-comma, --decimal-point).
void add_dialect_flags(CLI::App& command, ImportOptions& options, bool numbers) {
    command
        .add_option("--delimiter", options.delimiter,
                    "The field delimiter: ',', ';', tab (or \\t) or '|' (default: the most "
                    "frequent of ',' ';' tab in the header line)")
        ->type_name("C");
    command
        .add_option("--encoding", options.encoding,
                    "A single-byte code page, e.g. windows-1252 (Excel's 'CSV (Comma "
                    "delimited)'), latin1 (default: UTF-8, or UTF-16 by its byte-order mark)")
        ->type_name("NAME");
    if (numbers) {
        CLI::Option* comma =
            command.add_flag("--decimal-comma", options.decimal_comma,
                             "Numbers are written 1.024,5 (default for ';'-separated files)");
        CLI::Option* point = command.add_flag(
            "--decimal-point", options.decimal_point,
            "Numbers are written 1,024.5 (default for ',' and tab-separated files)");
        comma->excludes(point);
    }
}

void run_import_inventory(const ImportOptions& options, const GlobalOptions& global,
                          std::ostream& out, std::ostream& err) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    std::optional<ImportPreset> preset = parse_import_preset(options.preset);
    if (!options.preset.empty() && !preset) {
        throw usage_error(fmt::format("--preset must be one of {}, not '{}'",
                                      fmt::join(import_preset_names(), ", "), options.preset));
    }
    InventoryImportOptions planning; // not `import`: clang-format reads that as C++20 modules
    planning.workload = options.workload;
    planning.kind = parse_choice<AssetKind>("kind", options.kind);
    planning.mappings = options.mappings;
    planning.progress = progress_on(err, global);

    ExportTable input = read_export(options, options.preset); // refused before the lock
    TableReader& rows = *input.rows;
    bool detected = !preset;
    if (detected && !options.mappings.empty() && !detect_inventory_preset(rows.header())) {
        preset = ImportPreset::generic; // --map alone: the columns are the user's to name
        detected = false;
    }
    if (preset) {
        planning.preset = *preset;
    } else {
        planning.preset = explaining_dialect(input, [&] {
            return detect_inventory_preset_or_throw(rows.header(), input.label, rows.header_line());
        });
    }
    InventoryReport report;
    if (options.dry_run) {
        LoadedBacklog loaded = load_for_reading(global);
        report = explaining_dialect(input, [&] {
            return preview_inventory_import(loaded.backlog, rows, planning, input.label);
        });
    } else {
        modify_backlog(
            global,
            [&](Backlog& backlog) {
                report = explaining_dialect(
                    input, [&] { return import_inventory(backlog, rows, planning, input.label); });
            },
            ModelAfterWrite::freed); // the report of every row comes next
    }
    ImportSource source{options.file,    std::string(to_string(planning.preset)),
                        options.dry_run, detected,
                        input.sheet,     input.dialect()};
    if (format == OutputFormat::json) {
        render_inventory_import_json(out, source, report);
    } else {
        render_inventory_import(out, source, report, use_color(global));
    }
}

void run_import_dependencies(const ImportOptions& options, const GlobalOptions& global,
                             std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    if (!options.preset.empty() && options.preset != "azure-migrate") {
        throw usage_error(fmt::format("--preset: dependencies are read from Azure Migrate's "
                                      "dependency export only (azure-migrate), not '{}'",
                                      options.preset));
    }
    ExportTable input = read_export(options, options.preset);
    TableReader& rows = *input.rows;
    if (options.preset.empty() && !is_dependency_export(rows.header())) {
        throw input_error(fmt::format(
            "{}:{}: the header row is not Azure Migrate's dependency export "
            "(Source server name, "
            "Source IP, …, Destination server name, Destination IP, "
            "Destination port); is this "
            "the right file?{}",
            input.label, rows.header_line(),
            input.sheet.empty() ? fmt::format(" (read as {})", describe_dialect(rows.dialect()))
                                : std::string()));
    }
    DependencyPlan plan;
    if (options.dry_run) {
        LoadedBacklog loaded = load_for_reading(global);
        plan = explaining_dialect(
            input, [&] { return plan_dependency_import(loaded.backlog, rows, input.label); });
    } else {
        modify_backlog(
            global,
            [&](Backlog& backlog) {
                plan = explaining_dialect(
                    input, [&] { return plan_dependency_import(backlog, rows, input.label); });
                input.let_go();
                apply_dependency_plan(backlog, plan);
            },
            ModelAfterWrite::freed,             // the report of every pair comes next
            LoadLayout{.spare_attributes = 1}); // for dependency_ports
    }
    ImportSource source{options.file,           "azure-migrate", options.dry_run,
                        options.preset.empty(), input.sheet,     input.dialect()};
    if (format == OutputFormat::json) {
        render_dependency_import_json(out, source, plan);
    } else {
        render_dependency_import(out, source, plan, use_color(global));
    }
}

} // namespace

void setup_import(CLI::App& root, GlobalOptions& global, std::ostream& out, std::ostream& err) {
    CLI::App* imports = add_command_family(
        root, "import",
        "Read discovery exports (CSV or .xlsx workbooks) and agile tools' work items into the "
        "backlog",
        "mbl import inventory servers.csv --workload crm --dry-run");

    auto inventory_options = std::make_shared<ImportOptions>();
    CLI::App* inventory = add_command(
        *imports, "inventory",
        "Add or update assets from a discovery export: RVTools' vInfo sheet (rvtools; 4.x, 3.x "
        "and vInfo-prefixed headers), Azure Migrate's import template (azure-migrate), its "
        "assessment export (azure-migrate-assessment) and discovered servers "
        "(azure-migrate-discovered), AWS Application Discovery Service's import template "
        "(aws-ads), or any table with --map (generic). Without --preset the header row tells "
        "which (the output names it). An .xlsx workbook is read directly: the sheet --sheet "
        "names, else the preset's (vInfo for rvtools), else one a preset reads, else the "
        "first. "
        "Every preset keeps cores, memory_mb, disk_gb, disk_used_gb, os, "
        "power_state, datacenter/cluster/host, ips (a JSON array) and source_id. An asset is "
        "found "
        "by source_id (VM UUID, machine id, ExternalId) first, then by id (a slug of the "
        "server "
        "name), then by name, so a renamed VM updates its asset. A re-import updates the name "
        "and "
        "attributes only, never estimates, status, priority, iterations, tasks, notes or tags. "
        "Templates are skipped. Prints what was added, updated and skipped (table or json).",
        "mbl import inventory vInfo.csv --workload crm --kind vm");
    inventory
        ->add_option(
            "FILE", inventory_options->file,
            "The export: a CSV as a spreadsheet saved it (UTF-8, UTF-16 or --encoding; ',' "
            "';' or tab), or an .xlsx workbook")
        ->required();
    inventory
        ->add_option("--preset", inventory_options->preset,
                     "Which export it is: rvtools, azure-migrate, azure-migrate-assessment, "
                     "azure-migrate-discovered, aws-ads or generic (default: recognised from the "
                     "header row)")
        ->type_name("P");
    inventory
        ->add_option("--workload", inventory_options->workload,
                     "Workload of the new assets (must exist)")
        ->type_name("W");
    inventory
        ->add_option("--kind", inventory_options->kind,
                     "Kind of the new assets: vm (the default), database, file-share, storage, "
                     "app-service, "
                     "network or other")
        ->type_name("K");
    inventory
        ->add_option("--map", inventory_options->mappings,
                     "Map a column to name, id, source_id, ips, attributes.KEY, or - (skip it); "
                     "repeatable. Without --preset and with a header no preset knows, the preset "
                     "is generic")
        ->type_name("COLUMN=FIELD")
        ->allow_extra_args(false);
    inventory
        ->add_option("--sheet", inventory_options->sheet,
                     "The workbook's sheet to read (default: the preset's, else the first)")
        ->type_name("NAME");
    inventory->add_flag("--dry-run", inventory_options->dry_run,
                        "Print what would be added, updated and skipped; write nothing");
    add_dialect_flags(*inventory, *inventory_options, true);
    inventory->callback([inventory_options, &global, &out, &err] {
        run_import_inventory(*inventory_options, global, out, err);
    });

    auto dependency_options = std::make_shared<ImportOptions>();
    CLI::App* dependencies = add_command(
        *imports, "dependencies",
        "Add depends_on between known assets from Azure Migrate's dependency export (the "
        "source "
        "server depends on the destination). A server is matched by name, else by IP: the "
        "assets' ips attribute, then the IPs the file gives for the servers it names. The rows "
        "of one server pair (time slots, processes) make one dependency; the destination ports "
        "go to the source asset's dependency_ports attribute. Unknown servers are reported "
        "grouped by name or IP with their row count, never added; self-links are dropped; a "
        "dependency that would close a cycle is reported and left out.",
        "mbl import dependencies dependencies.csv --dry-run");
    dependencies
        ->add_option("FILE", dependency_options->file,
                     "The dependency export (CSV, or an .xlsx workbook)")
        ->required();
    dependencies
        ->add_option("--sheet", dependency_options->sheet,
                     "The workbook's sheet to read (default: the first)")
        ->type_name("NAME");
    dependencies
        ->add_option("--preset", dependency_options->preset,
                     "The export's format: azure-migrate (the only one; default: checked from "
                     "the header row)")
        ->type_name("P");
    dependencies->add_flag("--dry-run", dependency_options->dry_run,
                           "Print what would be added; write nothing");
    add_dialect_flags(*dependencies, *dependency_options, false);
    dependencies->callback([dependency_options, &global, &out] {
        run_import_dependencies(*dependency_options, global, out);
    });

    setup_import_work_items(*imports, global, out, err);
}

} // namespace mbl::cli
