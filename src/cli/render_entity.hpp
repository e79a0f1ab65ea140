#pragma once
// Assets and workloads as rows, CSV cells and `show` fields. Builds the shapes of
// render_table.hpp from the model; prints nothing itself.

#include "cli/render_table.hpp"
#include "mbl/model.hpp"

#include <string>
#include <vector>

namespace mbl::cli {

// The tone of a status or stage word: replicated/production good, in-progress attention,
// blocked bad, the rest plain.
Tone tone_of(AssetStatus status);
Tone tone_of(Stage stage);

// One attribute or unknown-key value for people: strings without quotes, other JSON compact on
// one line.
std::string display_json_value(const RawJson& value);

// The asset list's columns, ID, NAME, KIND, WORKLOAD, STRATEGY, ESTIMATE (effective), PRI,
// STATUS, and no row yet; add_asset_row adds one.
Table asset_table();
void add_asset_row(Table& table, const Asset& asset);

// Every field of `asset`, its attributes and tasks, and the iterations that commit it. An empty
// list (depends_on, tags, iterations) and a missing workload read `none`.
std::vector<Field> asset_fields(const Backlog& backlog, const Asset& asset);

// Columns ID, NAME, PRI, OWNER, STAGE, ASSETS (how many belong to it), DEPENDS ON.
Table workload_table(const Backlog& backlog);

// Every field of `workload`, its assets (how many, how many done) and its stage history. An
// empty depends_on reads `none`.
std::vector<Field> workload_fields(const Backlog& backlog, const Workload& workload);

} // namespace mbl::cli
