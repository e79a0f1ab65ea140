// mbl import inventory/dependencies: discovery exports (CSV) into the backlog.
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_import.hpp"
#include "mbl/import.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>
#include <unistd.h>

namespace mbl::cli {
namespace {

struct ImportOptions {
    std::string file; // the CSV
    std::string preset;
    std::optional<std::string> workload;
    std::string kind = "vm";
    std::vector<std::string> mappings;
    bool dry_run = false;
    // How the CSV is read (add_dialect_flags): empty or false means detected.
    std::string delimiter;
    std::string encoding;
    bool decimal_comma = false;
    bool decimal_point = false;
};

// Rows done out of all, rewritten in place on stderr, only when stderr is a terminal: a
// script reading stderr sees nothing extra.
std::function<void(std::size_t, std::size_t)> progress_on(std::ostream& err) {
    if (isatty(STDERR_FILENO) != 1) {
        return {};
    }
    return [&err](std::size_t done, std::size_t total) {
        err << fmt::format("\rmbl: importing: {}/{} rows", done, total);
        if (done == total) {
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

CsvTable read_export(const ImportOptions& options) {
    CsvReadOptions read = read_options(options); // usage errors before the file is read
    return read_csv(read_input_file(options.file), options.file, read);
}

// `make_plan()`, an import's planning; an input error about a line of `file` that does not say how
// the file was read gets `(read as …)` appended: a missing column is often a wrong delimiter.
template <typename MakePlan>
auto explaining_dialect(const std::string& file, const CsvTable& table, MakePlan make_plan) {
    try {
        return make_plan();
    } catch (const Error& error) {
        std::string_view message = error.what();
        if (error.status() != ExitStatus::input || !message.starts_with(file + ":") ||
            message.find("(read as ") != std::string_view::npos) {
            throw;
        }
        throw Error(error.status(),
                    fmt::format("{} (read as {})", message, describe_dialect(table.dialect)));
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
    if (!preset) {
        throw usage_error(fmt::format(
            "--preset must be azure-migrate, rvtools or generic, not '{}'", options.preset));
    }
    InventoryImportOptions import;
    import.preset = *preset;
    import.workload = options.workload;
    import.kind = parse_choice<AssetKind>("kind", options.kind);
    import.mappings = options.mappings;
    import.progress = progress_on(err);

    CsvTable table = read_export(options); // refused before the lock is taken
    InventoryPlan plan;
    if (options.dry_run) {
        LoadedBacklog loaded = load_for_reading(global);
        plan = explaining_dialect(options.file, table, [&] {
            return plan_inventory_import(loaded.backlog, table, import, options.file);
        });
    } else {
        modify_backlog(global, [&](Backlog& backlog) {
            plan = explaining_dialect(options.file, table, [&] {
                return plan_inventory_import(backlog, table, import, options.file);
            });
            apply_inventory_plan(backlog, plan);
        });
    }
    ImportSource source{options.file, options.preset, options.dry_run, table.dialect};
    if (format == OutputFormat::json) {
        render_inventory_import_json(out, source, plan);
    } else {
        render_inventory_import(out, source, plan, use_color(global));
    }
}

void run_import_dependencies(const ImportOptions& options, const GlobalOptions& global,
                             std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    if (options.preset != "azure-migrate") {
        throw usage_error(fmt::format("--preset: dependencies are read from Azure Migrate's "
                                      "dependency export only (azure-migrate), not '{}'",
                                      options.preset));
    }
    CsvTable table = read_export(options);
    DependencyPlan plan;
    if (options.dry_run) {
        LoadedBacklog loaded = load_for_reading(global);
        plan = explaining_dialect(options.file, table, [&] {
            return plan_dependency_import(loaded.backlog, table, options.file);
        });
    } else {
        modify_backlog(global, [&](Backlog& backlog) {
            plan = explaining_dialect(options.file, table, [&] {
                return plan_dependency_import(backlog, table, options.file);
            });
            apply_dependency_plan(backlog, plan);
        });
    }
    ImportSource source{options.file, options.preset, options.dry_run, table.dialect};
    if (format == OutputFormat::json) {
        render_dependency_import_json(out, source, plan);
    } else {
        render_dependency_import(out, source, plan, use_color(global));
    }
}

} // namespace

void setup_import(CLI::App& root, GlobalOptions& global, std::ostream& out, std::ostream& err) {
    CLI::App* imports = add_command_family(
        root, "import", "Read discovery exports (CSV) into the backlog",
        "mbl import inventory servers.csv --preset azure-migrate --workload crm --dry-run");

    auto inventory_options = std::make_shared<ImportOptions>();
    CLI::App* inventory = add_command(
        *imports, "inventory",
        "Add or update assets from a discovery export: Azure Migrate's import template "
        "(azure-migrate), RVTools' vInfo sheet saved as CSV (rvtools), or any CSV with --map "
        "(generic). The id is a slug of the server name; a re-import updates the name and "
        "attributes only, never estimates, status, priority, iterations, tasks, notes or tags. "
        "RVTools templates are skipped. Prints what was added, updated and skipped (table or "
        "json).",
        "mbl import inventory vInfo.csv --preset rvtools --workload crm --kind vm");
    inventory
        ->add_option("FILE", inventory_options->file,
                     "The CSV export as a spreadsheet saved it (UTF-8, UTF-16 or --encoding; ',' "
                     "';' or tab)")
        ->required();
    inventory
        ->add_option("--preset", inventory_options->preset,
                     "Which export it is: azure-migrate, rvtools or generic")
        ->type_name("P")
        ->required();
    inventory
        ->add_option("--workload", inventory_options->workload,
                     "Workload of the new assets (must exist)")
        ->type_name("W");
    inventory
        ->add_option(
            "--kind", inventory_options->kind,
            "Kind of the new assets: vm (the default), database, file-share, storage, app-service, "
            "network or other")
        ->type_name("K");
    inventory
        ->add_option("--map", inventory_options->mappings,
                     "Map a column to name, id, attributes.KEY, or - (skip it); repeatable")
        ->type_name("COLUMN=FIELD")
        ->allow_extra_args(false);
    inventory->add_flag("--dry-run", inventory_options->dry_run,
                        "Print what would be added, updated and skipped; write nothing");
    add_dialect_flags(*inventory, *inventory_options, true);
    inventory->callback([inventory_options, &global, &out, &err] {
        run_import_inventory(*inventory_options, global, out, err);
    });

    auto dependency_options = std::make_shared<ImportOptions>();
    dependency_options->preset = "azure-migrate";
    CLI::App* dependencies = add_command(
        *imports, "dependencies",
        "Add depends_on between known assets from Azure Migrate's dependency export (the source "
        "server depends on the destination). Unknown servers are reported, not added; "
        "duplicates and self-links are dropped; a dependency that would close a cycle is "
        "reported and left out.",
        "mbl import dependencies dependencies.csv --preset azure-migrate --dry-run");
    dependencies->add_option("FILE", dependency_options->file, "The dependency export (CSV)")
        ->required();
    dependencies
        ->add_option("--preset", dependency_options->preset,
                     "The export's format: azure-migrate (the default and only one)")
        ->type_name("P");
    dependencies->add_flag("--dry-run", dependency_options->dry_run,
                           "Print what would be added; write nothing");
    add_dialect_flags(*dependencies, *dependency_options, false);
    dependencies->callback([dependency_options, &global, &out] {
        run_import_dependencies(*dependency_options, global, out);
    });
}

} // namespace mbl::cli
