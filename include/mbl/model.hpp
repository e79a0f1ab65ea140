#pragma once
// The backlog as plain values: what `backlog.json` holds, typed (README.md, "The file").
//
// Rules shared by every type here:
// - Vectors keep the file's order; the writer keeps it too.
// - `std::optional` fields are written only when they hold a value, except the nullable numbers
//   `Asset::estimate` and `Task::estimate`, always written (`null` when absent) so a person
//   editing the file sees where an estimate goes. Every other field is always written (with its
//   default when the file did not have it).
// - `extras` holds the object's unknown keys in their original order, each value as canonical
//   JSON text (see RawJson), so they are written back unchanged after the known keys.

#include "mbl/date.hpp"
#include "mbl/text_layout.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mbl {

// One JSON value as canonical text: pretty-printed with two-space indentation as if it stood
// at depth 0 (nested lines start with their own indentation only). The writer re-indents it to
// the depth where it is written. Numbers keep the spelling they had in the file.
struct RawJson {
    std::string text;
    friend bool operator==(const RawJson&, const RawJson&) = default;
};

// Keys of an object in file order with their values. Used for unknown keys and for the
// free-form `attributes` of an asset.
using RawObject = std::vector<std::pair<std::string, RawJson>>;

enum class EstimateUnit { hours, days, points };
enum class AssetKind { vm, database, file_share, storage, app_service, network, other };
enum class Strategy { rehost, replatform, refactor, rearchitect, rebuild, replace, retire, retain };
enum class AssetStatus { not_started, in_progress, replicated, blocked };
enum class Stage { planned, migrating, staging, uat, production };
enum class IterationState { planned, active, closed };

// One task of a template: its title and its share of the asset's estimate, in percent.
struct TaskTemplate {
    std::string title;
    double percent = 0;
    RawObject extras;
    friend bool operator==(const TaskTemplate&, const TaskTemplate&) = default;
};

// The tasks an asset of one kind is broken into (`settings.task_templates`, keyed by kind).
// `kind` is kept as written; validation checks it names an AssetKind.
struct KindTemplate {
    std::string kind;
    std::vector<TaskTemplate> tasks;
    friend bool operator==(const KindTemplate&, const KindTemplate&) = default;
};

struct Settings {
    EstimateUnit estimate_unit = EstimateUnit::hours;
    int iteration_length_days = 14;
    std::optional<Date> first_iteration_start;
    double default_capacity = 0;
    std::vector<KindTemplate> task_templates; // written only when not empty
    RawObject extras;
    friend bool operator==(const Settings&, const Settings&) = default;
};

// One entry of a workload's `stage_history`: the stage it entered, on which day, and, when a
// gate was forced, why.
struct StageChange {
    Stage stage = Stage::planned;
    Date date;
    std::optional<std::string> reason;
    bool forced = false;
    RawObject extras;
    friend bool operator==(const StageChange&, const StageChange&) = default;
};

struct Workload {
    std::string id;
    std::string name;
    int priority = 2;
    std::optional<std::string> owner;
    std::vector<std::string> depends_on;
    Stage stage = Stage::planned;
    std::vector<StageChange> stage_history;
    std::optional<Date> target_date;
    std::optional<std::string> notes;
    RawObject extras;
    friend bool operator==(const Workload&, const Workload&) = default;
};

struct Task {
    std::string title;
    std::optional<double> estimate;
    bool done = false;
    RawObject extras;
    friend bool operator==(const Task&, const Task&) = default;
};

struct Asset {
    std::string id;
    std::string name;
    AssetKind kind = AssetKind::other;
    std::optional<std::string> workload;
    std::optional<std::string> owner;
    Strategy strategy = Strategy::rehost;
    std::optional<double> estimate; // absent or null: not yet estimated
    int priority = 2;
    AssetStatus status = AssetStatus::not_started;
    std::optional<Date> replicated_on;
    // The day it was committed to the iteration that commits it now, when that iteration was
    // already active (set by `iteration commit`): the burndown's scope grows on that day.
    std::optional<Date> committed_on;
    std::vector<std::string> depends_on;
    std::vector<std::string> tags;
    RawObject attributes;
    std::vector<Task> tasks;
    std::optional<std::string> notes;
    RawObject extras;
    friend bool operator==(const Asset&, const Asset&) = default;
};

struct Iteration {
    std::string id;
    std::string name;
    Date start;
    Date end;
    double capacity = 0;
    IterationState state = IterationState::planned;
    std::vector<std::string> committed;
    // The commitment when the iteration started, so scope added or removed later shows.
    std::optional<std::vector<std::string>> committed_at_start;
    std::optional<std::vector<std::string>> completed;
    std::optional<double> completed_estimate;
    std::optional<std::string> notes;
    RawObject extras;
    friend bool operator==(const Iteration&, const Iteration&) = default;
};

inline constexpr const char* current_format = "mbl/1";

struct Backlog {
    std::optional<std::string> schema; // "$schema"
    std::string format = current_format;
    std::string name;
    Settings settings;
    std::vector<Workload> workloads;
    std::vector<Asset> assets;
    std::vector<Iteration> iterations;
    RawObject extras;
    // Not a key of the file: its line ending and byte-order mark, as the loader found them and
    // as the writer writes them back (LF and no mark for a backlog made in code).
    TextLayout layout;
    friend bool operator==(const Backlog&, const Backlog&) = default;
};

// True for `replicated` assets and for `retire`/`retain` ones, which need no migration.
bool is_done_for_release(const Asset& asset);

// The estimate that counts for planning: the sum of the tasks' estimates when any task has
// one, else the asset's own `estimate` (absent when neither is set).
std::optional<double> effective_estimate(const Asset& asset);

// Pointers into `backlog`'s vectors by id; null when absent. Linear scans: callers that look up
// many ids build an index instead.
const Asset* find_asset(const Backlog& backlog, std::string_view id);
Asset* find_asset(Backlog& backlog, std::string_view id);
const Workload* find_workload(const Backlog& backlog, std::string_view id);
Workload* find_workload(Backlog& backlog, std::string_view id);
const Iteration* find_iteration(const Backlog& backlog, std::string_view id);
Iteration* find_iteration(Backlog& backlog, std::string_view id);

// True when `id` is a slug: `[a-z0-9][a-z0-9._-]*`, at most 64 characters.
bool is_slug(std::string_view id);

} // namespace mbl
