// mbl asset add/list/show/set/rm
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_entity.hpp"
#include "cli/render_release.hpp"
#include "cli/render_text.hpp"
#include "mbl/edit.hpp"
#include "mbl/iterations.hpp"
#include "mbl/release.hpp"
#include "mbl/save.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

struct AssetAddOptions {
    std::string id;
    std::optional<std::string> name, kind, workload, strategy, estimate, priority, status;
    std::vector<std::string> depends_on, tags, attributes;
};

struct AssetListOptions {
    std::optional<std::string> status, kind, workload, iteration, tag, strategy;
};

struct AssetEditOptions {
    std::string id;
    std::vector<std::string> assignments; // set: FIELD=VALUE...
    bool force = false;                   // rm
    bool dry_run = false;                 // rm
};

// Warns about each release past migrating that the change made unready (release.hpp).
void warn_readiness_lost(std::ostream& err, const std::vector<ReadinessLost>& lost) {
    for (const ReadinessLost& release : lost) {
        print_warning(err, release.message);
    }
}

// The replication day warnings (iterations.hpp) when the change made `asset` replicated or moved
// its replicated_on; none otherwise.
std::vector<std::string> replication_warnings(const Backlog& backlog, const Asset& asset,
                                              AssetStatus status_before,
                                              const std::optional<Date>& replicated_on_before) {
    bool changed = status_before != asset.status || replicated_on_before != asset.replicated_on;
    return changed ? replication_date_warnings(backlog, asset) : std::vector<std::string>{};
}

void print_warnings(std::ostream& err, const std::vector<std::string>& warnings) {
    for (const std::string& warning : warnings) {
        print_warning(err, warning);
    }
}

void run_asset_add(const AssetAddOptions& options, const GlobalOptions& global, std::ostream& out,
                   std::ostream& err) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    Asset added;
    std::vector<ReadinessLost> lost;
    std::vector<std::string> warnings;
    std::vector<AutomaticStageMove> moves;
    modify_backlog(global, [&](Backlog& backlog) {
        std::vector<std::string> ready = ready_releases_past_migrating(backlog);
        Asset asset;
        asset.id = options.id;
        asset.name = options.name.value_or("");
        asset.workload = options.workload;
        asset.depends_on = options.depends_on;
        asset.tags = options.tags;
        add_asset(backlog, std::move(asset), today);
        // Values that need reading go through the same code as `asset set`.
        Asset& stored = require_asset(backlog, options.id);
        const std::pair<const char*, const std::optional<std::string>&> typed[] = {
            {"kind", options.kind},
            {"strategy", options.strategy},
            {"estimate", options.estimate},
            {"priority", options.priority},
            {"status", options.status}};
        for (const auto& [field, value] : typed) {
            if (value) {
                set_asset_field(backlog, stored, field, *value, today);
            }
        }
        for (const std::string& attribute : options.attributes) {
            auto [key, value] = split_assignment(attribute);
            set_asset_field(backlog, stored, "attributes." + key, value, today);
        }
        added = stored;
        lost = readiness_lost(backlog, ready);
        warnings = replication_warnings(backlog, stored, AssetStatus::not_started, std::nullopt);
        moves = start_migrating_workloads(backlog, {added.id}, today);
    });
    std::string details(to_string(added.kind));
    if (added.workload) {
        details += ", workload " + *added.workload;
    }
    out << terminal_safe("Added asset " + added.id + " (" + details + ")") << '\n';
    for (const AutomaticStageMove& move : moves) {
        out << terminal_safe(automatic_move_line(move)) << '\n';
    }
    warn_readiness_lost(err, lost);
    print_warnings(err, warnings);
}

void run_asset_list(const AssetListOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    AssetFilter filter;
    if (options.status) {
        filter.status = parse_choice<AssetStatus>("status", *options.status);
    }
    if (options.kind) {
        filter.kind = parse_choice<AssetKind>("kind", *options.kind);
    }
    if (options.strategy) {
        filter.strategy = parse_choice<Strategy>("strategy", *options.strategy);
    }
    filter.workload = options.workload;
    filter.iteration = options.iteration;
    filter.tag = options.tag;
    // Only what is printed is kept of each asset listed: its text, or its row.
    JsonArrayText json;
    Table table = asset_table();
    auto keep = [&](const Asset& asset) {
        if (format == OutputFormat::json) {
            json.add(asset);
        } else {
            add_asset_row(table, asset);
        }
    };
    if (filter.iteration) { // the iterations come after the assets: the backlog is loaded
        LoadedBacklog loaded = load_for_reading(global);
        for (const Asset* asset : filter_assets(loaded.backlog, filter)) {
            keep(*asset);
        }
    } else { // read asset by asset: the backlog is not built
        BacklogFile file = resolve_backlog_file(global);
        BacklogFileText text(file.path, TextUse::reading, file.label);
        for_each_matching_asset(text, filter, file.label, keep);
    }
    if (format == OutputFormat::json) {
        out << json.take() << '\n';
    } else if (format == OutputFormat::csv) {
        render_csv(out, table);
    } else if (table.rows.empty()) {
        out << "No assets match.\n";
    } else {
        render_table(out, table, use_color(global));
    }
}

void run_asset_show(const AssetEditOptions& options, const GlobalOptions& global,
                    std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    const Asset& asset = require_asset(loaded.backlog, options.id);
    if (format == OutputFormat::json) {
        out << to_json_text(asset) << '\n';
    } else {
        render_fields(out, asset_fields(loaded.backlog, asset), use_color(global));
    }
}

void run_asset_set(const AssetEditOptions& options, const GlobalOptions& global, std::ostream& out,
                   std::ostream& err) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    std::vector<std::string> lines;
    std::vector<ReadinessLost> lost;
    std::vector<std::string> warnings;
    modify_backlog(global, [&](Backlog& backlog) {
        std::vector<std::string> ready = ready_releases_past_migrating(backlog);
        Asset& asset = require_asset(backlog, options.id);
        const AssetStatus status_before = asset.status;
        const std::optional<Date> replicated_on_before = asset.replicated_on;
        bool status_set = false;
        for (const std::string& assignment : options.assignments) {
            auto [field, value] = split_assignment(assignment);
            status_set = status_set || field == "status";
            std::string change = set_asset_field(backlog, asset, field, value, today);
            if (field.ends_with('+') || field.ends_with('-')) { // depends_on+=, tags-=
                field.pop_back();
            }
            lines.push_back(change_line(options.id, field, change));
        }
        lost = readiness_lost(backlog, ready);
        warnings = replication_warnings(backlog, asset, status_before, replicated_on_before);
        if (status_set) { // work on its workload may have begun
            for (const AutomaticStageMove& move :
                 start_migrating_workloads(backlog, {asset.id}, today)) {
                lines.push_back(automatic_move_line(move));
            }
        }
    });
    for (const std::string& line : lines) {
        out << terminal_safe(line) << '\n';
    }
    warn_readiness_lost(err, lost);
    print_warnings(err, warnings);
}

void run_asset_rm(const AssetEditOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    RemovalReport report;
    modify_or_preview(global, options.dry_run, [&](Backlog& backlog) {
        report = remove_asset(backlog, options.id, options.force);
    });
    std::string line = "Removed asset " + options.id;
    if (!report.dropped_references.empty()) {
        line += " (dropped references: " + comma_list(report.dropped_references) + ")";
    }
    print_change_lines(out, {line}, options.dry_run);
}

} // namespace

void setup_asset(CLI::App& root, GlobalOptions& global, std::ostream& out, std::ostream& err) {
    CLI::App* asset = add_command_family(root, "asset", "Add, list, show, change and remove assets",
                                         "mbl asset list --workload crm --format json");

    auto add_options = std::make_shared<AssetAddOptions>();
    CLI::App* add = add_command(*asset, "add", "Add an asset to the migration backlog",
                                "mbl asset add crm-sql-01 --kind database --workload crm "
                                "--estimate 16 --attr cores=8");
    add->add_option("ID", add_options->id, "Asset id (a slug: a-z, 0-9, '.', '_', '-')")
        ->required();
    add->add_option("--name", add_options->name, "Display name")->type_name("TEXT");
    add->add_option("--kind", add_options->kind,
                    "vm, database, file-share, storage, "
                    "app-service, network or other")
        ->type_name("KIND");
    add->add_option("--workload", add_options->workload, "Workload id it belongs to")
        ->type_name("W");
    add->add_option("--strategy", add_options->strategy,
                    "rehost, replatform, refactor, rearchitect, rebuild, replace, retire or "
                    "retain")
        ->type_name("S");
    add->add_option("--estimate", add_options->estimate, "Estimate in the file's unit")
        ->type_name("N");
    add->add_option("--priority", add_options->priority, "1 (highest) to 4")->type_name("1-4");
    add->add_option("--status", add_options->status,
                    "not-started, in-progress, replicated or blocked")
        ->type_name("S");
    add->add_option("--depends-on", add_options->depends_on, "Asset it depends on (repeatable)")
        ->type_name("ID")
        ->allow_extra_args(false);
    add->add_option("--tag", add_options->tags, "Tag (repeatable)")
        ->type_name("T")
        ->allow_extra_args(false);
    add->add_option("--attr", add_options->attributes,
                    "Attribute KEY=VALUE, VALUE read as JSON when it is JSON (repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    add->callback(
        [add_options, &global, &out, &err] { run_asset_add(*add_options, global, out, err); });

    auto list_options = std::make_shared<AssetListOptions>();
    CLI::App* list = add_command(*asset, "list", "List assets, filtered (table, json or csv)",
                                 "mbl asset list --workload crm --status not-started");
    list->add_option("--status", list_options->status,
                     "Only this status: " + allowed_values<AssetStatus>())
        ->type_name("S");
    list->add_option("--kind", list_options->kind, "Only this kind: " + allowed_values<AssetKind>())
        ->type_name("K");
    list->add_option("--workload", list_options->workload, "Only assets of this workload")
        ->type_name("W");
    list->add_option("--iteration", list_options->iteration,
                     "Only assets committed to this iteration")
        ->type_name("I");
    list->add_option("--tag", list_options->tag, "Only assets with this tag")->type_name("T");
    list->add_option("--strategy", list_options->strategy,
                     "Only this strategy: " + allowed_values<Strategy>())
        ->type_name("S");
    list->callback([list_options, &global, &out] { run_asset_list(*list_options, global, out); });

    auto show_options = std::make_shared<AssetEditOptions>();
    CLI::App* show = add_command(*asset, "show", "Show every field of an asset (table or json)",
                                 "mbl asset show crm-sql-01");
    show->add_option("ID", show_options->id, "Asset id")->required();
    show->callback([show_options, &global, &out] { run_asset_show(*show_options, global, out); });

    auto set_options = std::make_shared<AssetEditOptions>();
    CLI::App* set = add_command(
        *asset, "set",
        "Change fields: name, kind, workload, owner, strategy, estimate, priority, status, notes, "
        "replicated_on, depends_on=a,b, tags=a,b, attributes.KEY=VALUE (all or nothing); "
        "depends_on+=a and tags+=x append, depends_on-=a and tags-=x remove. Starting an asset "
        "moves its planned workload to migrating",
        "mbl asset set crm-sql-01 status=replicated estimate=12");
    set->add_option("ID", set_options->id, "Asset id")->required();
    set->add_option("FIELD=VALUE", set_options->assignments, "Changes to make")->required();
    set->callback(
        [set_options, &global, &out, &err] { run_asset_set(*set_options, global, out, err); });

    auto rm_options = std::make_shared<AssetEditOptions>();
    CLI::App* rm = add_command(*asset, "rm", "Remove an asset; refuses while it is referenced",
                               "mbl asset rm crm-sql-01 --force");
    rm->add_option("ID", rm_options->id, "Asset id")->required();
    rm->add_flag("--force", rm_options->force,
                 "Also drop the references to it (dependencies, iteration commitments)");
    rm->add_flag("--dry-run", rm_options->dry_run,
                 "Show what would be removed and which references dropped; write nothing");
    rm->callback([rm_options, &global, &out] { run_asset_rm(*rm_options, global, out); });
}

} // namespace mbl::cli
