// mbl iteration add/list/show/commit/uncommit/start/close (plan: command_iteration_plan.cpp;
// set, rm: command_iteration_edit.cpp)
#include "cli/command_iteration.hpp"

#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_iteration.hpp"
#include "cli/render_text.hpp"
#include "mbl/iteration_figures.hpp"
#include "mbl/iterations.hpp"
#include "mbl/planning.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>

namespace mbl::cli {
namespace {

struct IterationAddOptions {
    std::optional<std::string> start, name;
    std::optional<double> capacity;
};

struct IterationEditOptions {
    std::string id;
    std::vector<std::string> assets; // commit, uncommit
    bool carry_over = false;         // close
    bool force = false;              // close
    bool dry_run = false;            // close
};

Date parse_date_flag(std::string_view flag, const std::string& text) {
    std::optional<Date> date = Date::parse(text);
    if (!date) {
        throw usage_error(std::string(flag) + ": '" + text +
                          "' is not a valid date; use YYYY-MM-DD");
    }
    return *date;
}

void print_lines(std::ostream& out, const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
        out << terminal_safe(line) << '\n';
    }
}

std::string asset_count_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " asset" : " assets");
}

void run_iteration_add(const IterationAddOptions& options, const GlobalOptions& global,
                       std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    NewIteration request;
    request.name = options.name;
    if (options.start) {
        request.start = parse_date_flag("--start", *options.start);
    }
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        request.capacity = options.capacity.value_or(default_iteration_capacity(backlog).value);
        line = added_iteration_line(backlog, add_iteration(backlog, request, today));
    });
    out << terminal_safe(line) << '\n';
}

void run_iteration_list(const GlobalOptions& global, std::ostream& out) {
    OutputFormat format =
        output_format(global, {OutputFormat::table, OutputFormat::json, OutputFormat::csv});
    Date today = resolve_today(global);
    LoadedBacklog loaded = load_for_reading(global);
    const Backlog& backlog = loaded.backlog;
    if (format == OutputFormat::json) {
        render_iteration_list_json(out, backlog, today);
    } else if (format == OutputFormat::csv) {
        render_csv(out, iteration_table(backlog, today));
    } else if (backlog.iterations.empty()) {
        out << "No iterations yet; add one with 'mbl iteration add'.\n";
    } else {
        render_table(out, iteration_table(backlog, today), use_color(global));
    }
}

void run_iteration_show(const IterationEditOptions& options, const GlobalOptions& global,
                        std::ostream& out) {
    OutputFormat format = output_format(global, {OutputFormat::table, OutputFormat::json});
    Date today = resolve_today(global);
    LoadedBacklog loaded = load_for_reading(global);
    const Iteration& iteration = require_iteration(loaded.backlog, options.id);
    if (format == OutputFormat::json) {
        render_iteration_show_json(out, loaded.backlog, iteration, today);
    } else {
        render_fields(out, iteration_fields(loaded.backlog, iteration, today), use_color(global));
    }
}

void run_iteration_commit(const IterationEditOptions& options, const GlobalOptions& global,
                          std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::vector<std::string> added;
    std::string id;
    Date today = resolve_today(global);
    modify_backlog(global, [&](Backlog& backlog) {
        id = require_iteration(backlog, options.id).id;
        added = commit_assets(backlog, options.id, options.assets, today);
    });
    std::vector<std::string> lines;
    for (const std::string& asset : added) {
        lines.push_back("Committed " + asset + " to " + id);
    }
    if (added.empty()) {
        std::vector<std::string> asked;
        for (const std::string& asset : options.assets) {
            if (std::find(asked.begin(), asked.end(), asset) == asked.end()) {
                asked.push_back(asset);
            }
        }
        lines.push_back("Nothing to commit: " + id + " already commits " + comma_list(asked));
    }
    print_lines(out, lines);
}

void run_iteration_uncommit(const IterationEditOptions& options, const GlobalOptions& global,
                            std::ostream& out) {
    output_format(global, {OutputFormat::table});
    std::vector<std::string> removed;
    std::string id;
    modify_backlog(global, [&](Backlog& backlog) {
        id = require_iteration(backlog, options.id).id;
        removed = uncommit_assets(backlog, options.id, options.assets);
    });
    std::vector<std::string> lines;
    for (const std::string& asset : removed) {
        lines.push_back("Uncommitted " + asset + " from " + id);
    }
    print_lines(out, lines);
}

void run_iteration_start(const IterationEditOptions& options, const GlobalOptions& global,
                         std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    std::string line;
    modify_backlog(global, [&](Backlog& backlog) {
        start_iteration(backlog, options.id);
        const Iteration& started = require_iteration(backlog, options.id);
        IterationFigures figures = iteration_figures(backlog, started, today);
        line = "Started " + started.id + " with " + asset_count_text(figures.committed_assets) +
               " (" + amount(backlog, figures.committed_estimate) + ")";
    });
    out << terminal_safe(line) << '\n';
}

// `Closed it-6: 4 completed (52 hours); 2 unfinished back in the release backlog`.
std::string close_line(const Backlog& backlog, const std::string& id, const CloseReport& report) {
    std::string line = "Closed " + id + ": " + std::to_string(report.completed.size()) +
                       " completed (" + amount(backlog, report.completed_estimate) + ")";
    std::size_t unfinished = report.unfinished.size();
    std::size_t carried = report.carried.size();
    if (unfinished == 0) {
        return line;
    }
    line += "; " + std::to_string(unfinished) + " unfinished";
    std::string carried_to = "carried to " + report.carried_to.value_or("the next iteration");
    if (carried == 0) {
        return line + " back in the release backlog";
    }
    if (carried == unfinished) {
        return line + " " + carried_to;
    }
    return line + ": " + std::to_string(carried) + " " + carried_to + ", " +
           std::to_string(unfinished - carried) + " back in the release backlog";
}

void run_iteration_close(const IterationEditOptions& options, const GlobalOptions& global,
                         std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Date today = resolve_today(global);
    std::vector<std::string> lines;
    modify_or_preview(global, options.dry_run, [&](Backlog& backlog) {
        const Iteration& closing = require_iteration(backlog, options.id);
        check_close_date(closing, today, options.force);
        std::string id = closing.id;
        double carry_capacity = default_iteration_capacity(backlog).value;
        std::size_t iterations_before = backlog.iterations.size();
        CloseReport report =
            close_iteration(backlog, id, options.carry_over, carry_capacity, today);
        if (backlog.iterations.size() > iterations_before) {
            lines.push_back(added_iteration_line(backlog, backlog.iterations.back()));
        }
        lines.push_back(close_line(backlog, id, report));
        std::vector<std::string> returned = returned_to_backlog(backlog, report);
        if (!returned.empty()) {
            lines.push_back("Back in the release backlog: " + comma_list(returned));
        }
    });
    print_change_lines(out, lines, options.dry_run);
}

} // namespace

void setup_iteration(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* iteration = add_command_family(
        root, "iteration",
        "Time boxes: add, list, show, plan, commit, start, close, set and rm iterations",
        "mbl iteration plan --commit");

    auto add_options = std::make_shared<IterationAddOptions>();
    CLI::App* add = add_command(*iteration, "add",
                                "Add the next iteration (it-N), starting the day after the last "
                                "one ends",
                                "mbl iteration add --capacity 100");
    add->add_option("--start", add_options->start,
                    "First day, YYYY-MM-DD (later than the default leaves a gap; never earlier)")
        ->type_name("DATE");
    add->add_option("--capacity", add_options->capacity,
                    "Capacity in the estimate unit (default: the average completed estimate of "
                    "the last three closed iterations, else settings.default_capacity)")
        ->type_name("N");
    add->add_option("--name", add_options->name, "Display name (default: Iteration N)")
        ->type_name("TEXT");
    add->callback([add_options, &global, &out] { run_iteration_add(*add_options, global, out); });

    CLI::App* list = add_command(*iteration, "list",
                                 "List iterations with committed and done estimates (table, "
                                 "json or csv)",
                                 "mbl iteration list --format json");
    list->callback([&global, &out] { run_iteration_list(global, out); });

    auto show_options = std::make_shared<IterationEditOptions>();
    CLI::App* show = add_command(*iteration, "show",
                                 "Show an iteration and its backlog: each committed asset with "
                                 "its status and tasks (table or json)",
                                 "mbl iteration show it-6");
    show->add_option("ID", show_options->id, "Iteration id")->required();
    show->callback(
        [show_options, &global, &out] { run_iteration_show(*show_options, global, out); });

    setup_iteration_plan(*iteration, global, out);

    auto commit_options = std::make_shared<IterationEditOptions>();
    CLI::App* commit =
        add_command(*iteration, "commit",
                    "Commit assets to an open iteration (all or nothing). To an active one, each "
                    "asset records the day (committed_on, from --today): the burndown's total "
                    "scope grows that day",
                    "mbl iteration commit it-7 crm-web-01 shop-lb");
    commit->add_option("ID", commit_options->id, "Iteration id")->required();
    commit->add_option("ASSET", commit_options->assets, "Asset ids")->required();
    commit->callback(
        [commit_options, &global, &out] { run_iteration_commit(*commit_options, global, out); });

    auto uncommit_options = std::make_shared<IterationEditOptions>();
    CLI::App* uncommit =
        add_command(*iteration, "uncommit", "Take assets out of an open iteration (all or nothing)",
                    "mbl iteration uncommit it-7 shop-lb");
    uncommit->add_option("ID", uncommit_options->id, "Iteration id")->required();
    uncommit->add_option("ASSET", uncommit_options->assets, "Asset ids")->required();
    uncommit->callback([uncommit_options, &global, &out] {
        run_iteration_uncommit(*uncommit_options, global, out);
    });

    auto start_options = std::make_shared<IterationEditOptions>();
    CLI::App* start = add_command(*iteration, "start",
                                  "Start a planned iteration (at most one is active); records "
                                  "its commitment so scope changes show",
                                  "mbl iteration start it-7");
    start->add_option("ID", start_options->id, "Iteration id")->required();
    start->callback(
        [start_options, &global, &out] { run_iteration_start(*start_options, global, out); });

    auto close_options = std::make_shared<IterationEditOptions>();
    CLI::App* close = add_command(*iteration, "close",
                                  "Close an iteration: records what was completed (replicated "
                                  "within its dates) and the completed estimate",
                                  "mbl iteration close it-6 --carry-over");
    close->add_option("ID", close_options->id, "Iteration id")->required();
    close->add_flag("--carry-over", close_options->carry_over,
                    "Commit the unfinished assets to the next planned iteration (added when "
                    "there is none) instead of returning them to their release backlog");
    close->add_flag("--force", close_options->force,
                    "Close it even before its first day (nothing can be completed yet)");
    close->add_flag("--dry-run", close_options->dry_run,
                    "Show what closing would record and where the unfinished assets would go; "
                    "write nothing");
    close->callback(
        [close_options, &global, &out] { run_iteration_close(*close_options, global, out); });

    setup_iteration_edit(*iteration, global, out);
}

} // namespace mbl::cli
