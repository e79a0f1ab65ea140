#include "cli/render_release.hpp"

#include "cli/command_support.hpp"
#include "cli/render_entity.hpp"
#include "cli/render_number.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

namespace mbl::cli {
namespace {

constexpr std::array<std::string_view, 3> blocker_kind_names{
    "asset-not-done", "dependency-not-in-production", "stage-skipped"};

constexpr std::array<std::string_view, 5> group_names{"not-started", "in-progress", "blocked",
                                                      "replicated", "no-migration"};

// Headings of `release show`'s groups.
constexpr std::array<std::string_view, 5> group_headings{
    "not-started", "in-progress", "blocked", "replicated", "retire or retain, nothing to migrate"};

std::string stage_name(Stage stage) {
    return std::string(to_string(stage));
}

std::string count_of(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// `3 assets not replicated, 1 workload not in production, skips uat`.
std::string blocker_summary(const std::vector<Blocker>& blockers) {
    std::size_t assets = 0;
    std::size_t dependencies = 0;
    std::vector<std::string> parts;
    for (const Blocker& blocker : blockers) {
        if (blocker.kind == BlockerKind::asset_not_done) {
            ++assets;
        } else if (blocker.kind == BlockerKind::dependency_not_in_production) {
            ++dependencies;
        } else {
            parts.push_back(describe_blocker(blocker));
        }
    }
    if (assets > 0) {
        parts.push_back(count_of(assets, "asset", "assets") + " not replicated");
    }
    if (dependencies > 0) {
        parts.push_back(count_of(dependencies, "workload", "workloads") + " not in production");
    }
    return comma_list(parts);
}

std::string forecast_cell(const ReleaseReadiness& release) {
    if (release.remaining.assets == 0) {
        return "done";
    }
    if (!release.forecast_85) {
        return "-";
    }
    return release.forecast_85->to_string() + (release.blocked.empty() ? "" : " if unblocked");
}

// `56 hours`: rounded for people (sums of fractions carry binary noise).
std::string rounded_amount(const Backlog& backlog, double value) {
    return rounded_number(value) + " " + std::string(to_string(backlog.settings.estimate_unit));
}

// `crm-sql-01 (in-progress), erp-db-01 in erp-finance (not-started), ghost (unknown)`.
std::string waiting_on(const std::vector<UnmetDependency>& unmet) {
    std::vector<std::string> parts;
    for (const UnmetDependency& dependency : unmet) {
        std::string part = dependency.asset_id;
        if (dependency.workload) {
            part += " in " + *dependency.workload;
        }
        part += " (" +
                (dependency.status ? std::string(to_string(*dependency.status)) : "unknown") + ")";
        parts.push_back(std::move(part));
    }
    return comma_list(parts);
}

Table group_table(const std::vector<const ReleaseAsset*>& assets) {
    Table table;
    table.columns = {{"ID", "id"},
                     {"NAME", "name"},
                     {"KIND", "kind"},
                     {"STRATEGY", "strategy"},
                     {"ITERATION", "iteration"},
                     {"ESTIMATE", "estimate", ColumnKind::number},
                     {"WAITING ON", "unmet_dependencies"}};
    for (const ReleaseAsset* entry : assets) {
        const Asset& asset = *entry->asset;
        std::optional<double> estimate = effective_estimate(asset);
        table.rows.push_back({{asset.id},
                              {asset.name},
                              {std::string(to_string(asset.kind))},
                              {std::string(to_string(asset.strategy))},
                              {entry->iteration.value_or("")},
                              {estimate ? rounded_number(*estimate) : ""},
                              {waiting_on(entry->unmet), Tone::attention}});
    }
    return table;
}

std::vector<Field> release_header(const Backlog& backlog, const ReleaseBacklog& release) {
    const ReleaseReadiness& readiness = release.readiness;
    std::vector<Field> fields{{"workload", readiness.workload_id + " (" + readiness.name + ")"},
                              {"stage", stage_name(readiness.stage), tone_of(readiness.stage)},
                              {"next", next_step_text(readiness),
                               readiness.next_blockers.empty() ? Tone::good : Tone::attention}};
    for (const Blocker& blocker : readiness.next_blockers) {
        fields.back().children.push_back({"", describe_blocker(blocker)});
    }
    std::vector<std::string> dependencies;
    for (const ReleaseDependency& dependency : release.depends_on) {
        dependencies.push_back(dependency.workload_id + " (" +
                               (dependency.stage ? stage_name(*dependency.stage) : "unknown") +
                               ")");
    }
    fields.push_back({"depends on", dependencies.empty() ? "none" : comma_list(dependencies)});
    fields.push_back({"assets", std::to_string(readiness.assets_done) + " of " +
                                    std::to_string(readiness.assets) +
                                    " done (replicated, retire or retain)"});
    std::string remaining = rounded_amount(backlog, readiness.remaining.estimate);
    if (readiness.remaining.unestimated > 0) {
        remaining += " (" + std::to_string(readiness.remaining.unestimated) +
                     " not estimated: the forecast is optimistic)";
    }
    fields.push_back({"remaining", remaining});
    fields.push_back({"forecast 85%", forecast_cell(readiness)});
    return fields;
}

ReportJson blockers_json(const std::vector<Blocker>& blockers) {
    ReportJson list = ReportJson::array();
    for (const Blocker& blocker : blockers) {
        list.push_back({{"kind", blocker_kind_names[static_cast<std::size_t>(blocker.kind)]},
                        {"subject", blocker.subject},
                        {"detail", blocker.detail},
                        {"message", describe_blocker(blocker)}});
    }
    return list;
}

ReportJson readiness_json(const Workload* workload, const ReleaseReadiness& release) {
    ReportJson entry;
    entry["id"] = release.workload_id;
    entry["name"] = release.name;
    entry["priority"] = release.priority;
    entry["stage"] = stage_name(release.stage);
    entry["depends_on"] = workload ? workload->depends_on : std::vector<std::string>{};
    entry["assets_total"] = release.assets;
    entry["assets_done"] = release.assets_done;
    entry["remaining_estimate"] = json_number(release.remaining.estimate);
    entry["unestimated"] = release.remaining.unestimated;
    entry["ready_for_staging"] = release.ready_for_staging;
    entry["next_stage"] = release.next ? ReportJson(stage_name(*release.next)) : nullptr;
    entry["blockers"] = blockers_json(release.next_blockers);
    entry["forecast_85"] = date_or_null(release.forecast_85);
    entry["forecast_conditional"] = !release.blocked.empty();
    entry["blocked_assets"] = release.blocked;
    return entry;
}

} // namespace

std::string next_step_text(const ReleaseReadiness& release) {
    if (!release.next) {
        return "released";
    }
    if (release.next_blockers.empty()) {
        return "ready for " + stage_name(*release.next);
    }
    return stage_name(*release.next) + ": " + blocker_summary(release.next_blockers);
}

Table release_table(const std::vector<ReleaseReadiness>& releases) {
    Table table;
    table.columns = {{"WORKLOAD", "workload"},
                     {"STAGE", "stage"},
                     {"DONE", "assets_done", ColumnKind::number},
                     {"REMAINING", "remaining_estimate", ColumnKind::number},
                     {"UNESTIMATED", "unestimated", ColumnKind::number},
                     {"NEXT", "next"},
                     {"85%", "forecast_85"}};
    for (const ReleaseReadiness& release : releases) {
        bool clear = release.next && release.next_blockers.empty();
        table.rows.push_back(
            {{release.workload_id},
             {stage_name(release.stage), tone_of(release.stage)},
             {std::to_string(release.assets_done) + "/" + std::to_string(release.assets)},
             {rounded_number(release.remaining.estimate)},
             {std::to_string(release.remaining.unestimated)},
             {next_step_text(release), clear ? Tone::good : Tone::plain},
             {forecast_cell(release)}});
    }
    return table;
}

void render_release_show(std::ostream& out, const Backlog& backlog, const ReleaseBacklog& release,
                         bool color) {
    render_fields(out, release_header(backlog, release), color);
    std::array<std::vector<const ReleaseAsset*>, group_names.size()> groups;
    for (const ReleaseAsset& entry : release.assets) {
        groups[static_cast<std::size_t>(entry.group)].push_back(&entry);
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].empty()) {
            continue;
        }
        out << '\n'
            << group_headings[g] << " (" << count_of(groups[g].size(), "asset", "assets") << ")\n";
        render_table(out, group_table(groups[g]), color);
    }
    if (release.assets.empty()) {
        out << "\nNo assets in this release yet; add one with 'mbl asset add ID --workload "
            << release.readiness.workload_id << "'.\n";
    }
}

ReportJson release_list_json(const Backlog& backlog,
                             const std::vector<ReleaseReadiness>& releases) {
    std::unordered_map<std::string_view, const Workload*> workloads; // the first of each id
    for (const Workload& workload : backlog.workloads) {
        workloads.emplace(workload.id, &workload);
    }
    ReportJson list = ReportJson::array();
    for (const ReleaseReadiness& release : releases) {
        auto found = workloads.find(release.workload_id);
        list.push_back(readiness_json(found == workloads.end() ? nullptr : found->second, release));
    }
    return list;
}

ReportJson release_show_json(const Backlog& backlog, const ReleaseBacklog& release) {
    const ReleaseReadiness& readiness = release.readiness;
    ReportJson document = readiness_json(find_workload(backlog, readiness.workload_id), readiness);
    ReportJson dependencies = ReportJson::array();
    for (const ReleaseDependency& dependency : release.depends_on) {
        dependencies.push_back(
            {{"id", dependency.workload_id},
             {"stage", dependency.stage ? ReportJson(stage_name(*dependency.stage)) : nullptr}});
    }
    document["dependencies"] = std::move(dependencies);
    ReportJson assets = ReportJson::array();
    for (const ReleaseAsset& entry : release.assets) {
        const Asset& asset = *entry.asset;
        ReportJson unmet = ReportJson::array();
        for (const UnmetDependency& dependency : entry.unmet) {
            unmet.push_back(
                {{"id", dependency.asset_id},
                 {"workload", dependency.workload ? ReportJson(*dependency.workload) : nullptr},
                 {"status",
                  dependency.status ? ReportJson(to_string(*dependency.status)) : nullptr}});
        }
        ReportJson item;
        item["id"] = asset.id;
        item["name"] = asset.name;
        item["kind"] = to_string(asset.kind);
        item["strategy"] = to_string(asset.strategy);
        item["status"] = to_string(asset.status);
        item["estimate"] = number_or_null(asset.estimate);
        item["effective_estimate"] = number_or_null(effective_estimate(asset));
        item["iteration"] = entry.iteration ? ReportJson(*entry.iteration) : nullptr;
        item["group"] = group_names[static_cast<std::size_t>(entry.group)];
        item["unmet_dependencies"] = std::move(unmet);
        assets.push_back(std::move(item));
    }
    document["assets"] = std::move(assets);
    return document;
}

std::string stage_move_line(const StageMove& move) {
    if (!move.recorded) {
        return move.workload_id + " is already at " + stage_name(move.to) + "; nothing changed";
    }
    std::string line = move.workload_id + ": stage " + stage_name(move.from) + " -> " +
                       stage_name(move.to) + " on " + move.recorded->date.to_string();
    if (move.passed_through) {
        line += " (via " + stage_name(move.passed_through->stage) + ")";
    }
    const std::optional<std::string>& reason = move.recorded->reason;
    if (!move.forced.empty()) {
        line += " (forced past " + count_of(move.forced.size(), "blocker", "blockers") +
                (reason ? ": " + *reason : std::string()) + ")";
    } else if (reason) {
        line += " (reason: " + *reason + ")";
    }
    return line;
}

std::string automatic_move_line(const AutomaticStageMove& move) {
    return move.workload_id + ": stage planned -> " + stage_name(move.recorded.stage) + " on " +
           move.recorded.date.to_string() + ", " + move.recorded.reason.value_or("automatic");
}

} // namespace mbl::cli
