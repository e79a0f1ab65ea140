// mbl release list/show/advance
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_release.hpp"
#include "cli/render_text.hpp"
#include "mbl/release.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

namespace mbl::cli {
namespace {

struct ReleaseShowOptions {
    std::string id;
};

struct ReleaseAdvanceOptions {
    std::string id;
    std::optional<std::string> to;
    bool force = false;
    std::optional<std::string> reason;
    bool dry_run = false;
};

void run_release_list(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    LoadedBacklog loaded = load_for_reading(global);
    std::vector<ReleaseReadiness> releases =
        release_readiness(loaded.backlog, resolve_today(global));
    if (format == OutputFormat::json) {
        print_report_json(out, release_list_json(loaded.backlog, releases));
    } else if (format == OutputFormat::csv) {
        render_csv(out, release_table(releases));
    } else if (releases.empty()) {
        out << "No workloads yet; add one with 'mbl workload add'.\n";
    } else {
        render_table(out, release_table(releases), use_color(global));
        out << "\nDONE: assets replicated, retired or retained, of the release backlog. 85%: "
               "the release is done by then in 85% of the forecast's trials ('mbl forecast').\n";
        if (std::any_of(releases.begin(), releases.end(),
                        [](const ReleaseReadiness& release) { return !release.blocked.empty(); })) {
            out << "if unblocked: the release waits on blocked assets; the date holds only once "
                   "they are unblocked ('mbl forecast' names them).\n";
        }
    }
}

void run_release_show(const ReleaseShowOptions& options, const GlobalOptions& global,
                      std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    LoadedBacklog loaded = load_for_reading(global);
    ReleaseBacklog release = release_backlog(loaded.backlog, options.id, resolve_today(global));
    if (format == OutputFormat::json) {
        print_report_json(out, release_show_json(loaded.backlog, release));
    } else {
        render_release_show(out, loaded.backlog, release, use_color(global));
    }
}

void run_release_advance(const ReleaseAdvanceOptions& options, const GlobalOptions& global,
                         std::ostream& out, std::ostream& err) {
    output_format(global, {OutputFormat::table});
    StageMoveRequest request;
    if (options.to) {
        request.to = parse_choice<Stage>("stage", *options.to);
    }
    request.force = options.force;
    request.reason = options.reason;
    Date today = resolve_today(global);
    StageMove move;
    modify_or_preview(global, options.dry_run, [&](Backlog& backlog) {
        move = move_release(backlog, options.id, request, today);
    });
    print_change_lines(out, {stage_move_line(move)}, options.dry_run);
    for (const std::string& dependant : move.dependants_in_production) {
        print_warning(err, dependant + " is in production but depends on " + move.workload_id +
                               ", now at " + std::string(to_string(move.to)));
    }
}

} // namespace

void setup_release(CLI::App& root, GlobalOptions& global, std::ostream& out, std::ostream& err) {
    CLI::App* release = add_command_family(
        root, "release",
        "Each workload's release: readiness, its release backlog, and the stage gates "
        "(planned, migrating, staging, uat, production)",
        "mbl release advance crm");

    CLI::App* list = add_command(*release, "list",
                                 "One row per workload in planning order: stage, assets done, "
                                 "remaining estimate, what the next stage needs, the 85% "
                                 "forecast date (table, json or csv)",
                                 "mbl release list --format json");
    list->callback([&global, &out] { run_release_list(global, out); });

    auto show_options = std::make_shared<ReleaseShowOptions>();
    CLI::App* show = add_command(*release, "show",
                                 "A workload's release backlog grouped by status, with each "
                                 "asset's iteration, estimate and unmet dependencies (table or "
                                 "json)",
                                 "mbl release show crm");
    show->add_option("W", show_options->id, "Workload id")->required();
    show->callback([show_options, &global, &out] { run_release_show(*show_options, global, out); });

    auto advance_options = std::make_shared<ReleaseAdvanceOptions>();
    CLI::App* advance = add_command(
        *release, "advance",
        "Move a workload to its next stage (or --to STAGE, back too) through the gates, recorded "
        "with the day in its stage_history; a refused gate exits 1 listing each blocker",
        "mbl release advance crm --to production --force --reason \"UAT waived by CAB-114\"");
    advance->add_option("W", advance_options->id, "Workload id")->required();
    advance
        ->add_option("--to", advance_options->to,
                     "Target stage: planned, migrating, staging, uat or production (default: "
                     "the next one). Forward goes one stage at a time (planned to staging "
                     "passes migrating, recorded on the way); back is always allowed")
        ->type_name("STAGE");
    advance->add_flag("--force", advance_options->force,
                      "Pass the gates anyway (staging and later: every asset replicated, or "
                      "retire/retain; production: every workload it depends on in production; "
                      "no stage skipped). Needs --reason; recorded with forced: true");
    advance
        ->add_option("--reason", advance_options->reason,
                     "Why: recorded in the stage_history entry (required with --force)")
        ->type_name("TEXT");
    advance->add_flag("--dry-run", advance_options->dry_run,
                      "Show the move that would be recorded (or the blockers that refuse it); "
                      "write nothing");
    advance->callback([advance_options, &global, &out, &err] {
        run_release_advance(*advance_options, global, out, err);
    });
}

} // namespace mbl::cli
