#pragma once
// Changes to a backlog that the commands make: adding, setting fields, removing, filtering.
// Pure functions of a Backlog (and an explicit `today` where a date is recorded). Each refuses
// bad input with mbl::Error (ExitStatus::usage for a malformed FIELD=VALUE or value, ::input for
// an unknown id, with a "did you mean" suggestion) and leaves the backlog unchanged when it does.

#include "mbl/date.hpp"
#include "mbl/model.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

class ReleasableText; // load.hpp

// The asset with `id`, or Error(input): `unknown asset 'crm-sql-1'; did you mean 'crm-sql-01'?`.
Asset& require_asset(Backlog& backlog, std::string_view id);
const Asset& require_asset(const Backlog& backlog, std::string_view id);
Workload& require_workload(Backlog& backlog, std::string_view id);
const Workload& require_workload(const Backlog& backlog, std::string_view id);

// Appends `asset` after checking: a slug id (Error(usage)) not yet used (Error(input)
// `asset 'x' already exists`), a known workload (when set), known depends_on ids that close no
// cycle, priority 1-4, a non-negative estimate, valid UTF-8 text. Duplicate and empty tags are
// dropped. An empty name becomes the id. A `replicated` status with no replicated_on gets `today`.
void add_asset(Backlog& backlog, Asset asset, Date today);

// Sets one field from its command-line spelling. Fields: name (not empty), kind, workload
// (empty clears), owner (empty clears), strategy, estimate (a number, or `none`/empty to clear),
// priority, status, notes (empty clears), replicated_on (YYYY-MM-DD, empty clears),
// depends_on=a,b (comma list, empty clears; known ids, not itself, no duplicate, no cycle),
// tags=a,b (duplicates dropped), attributes.KEY=VALUE (VALUE read as JSON when it parses as a
// JSON value, else as a string; empty VALUE removes the key; KEY may contain dots). Setting
// status to `replicated` records `today` in replicated_on unless the asset already was
// replicated; setting it to anything else clears replicated_on. An unknown field is
// Error(usage) listing the fields. Returns a one-line description of the change
// (`status: in-progress -> replicated (replicated_on 2027-01-15)`, `estimate: none -> 16`).
std::string set_asset_field(Backlog& backlog, Asset& asset, std::string_view field,
                            std::string_view value, Date today);

// Splits `FIELD=VALUE` at the first `=`; Error(usage) when there is none.
std::pair<std::string, std::string> split_assignment(std::string_view assignment);

// What removing an entity changed besides the entity itself, for the one-line report.
struct RemovalReport {
    std::vector<std::string> dropped_references; // e.g. "crm-web-01.depends_on", "it-3.committed"
};

// Removes the asset. While other assets depend on it or iterations commit or completed it,
// refuses with Error(check_failed) listing the references and suggesting --force, unless
// `force`, which drops those references and lists them in the report.
RemovalReport remove_asset(Backlog& backlog, std::string_view id, bool force);

// Appends a workload (slug id not yet used, known depends_on workloads that close no cycle,
// priority 1-4), with the errors of add_asset. An empty name becomes the id.
void add_workload(Backlog& backlog, Workload workload);

// Fields: name, priority, owner, depends_on=a,b, target_date (empty clears), notes. Values are
// read and refused as in set_asset_field. `stage` (and `stage_history`) is refused with
// Error(usage) pointing at `mbl release advance`: a stage changes only through move_release
// (release.hpp), which checks the gates and records the history. Returns a one-line description
// of the change.
std::string set_workload_field(Backlog& backlog, Workload& workload, std::string_view field,
                               std::string_view value);

// Removes the workload. While assets belong to it or workloads depend on it, refuses listing
// them (Error(check_failed)), unless `force`: then its assets lose their `workload` and
// dependants their reference.
RemovalReport remove_workload(Backlog& backlog, std::string_view id, bool force);

// Criteria of `asset list`; every set criterion must hold.
struct AssetFilter {
    std::optional<AssetStatus> status;
    std::optional<AssetKind> kind;
    std::optional<std::string> workload;
    std::optional<std::string> iteration; // committed to, or completed in, this iteration
    std::optional<std::string> tag;
    std::optional<Strategy> strategy;
};

// The assets matching `filter`, in file order, in one pass over the assets. Unknown workload or
// iteration ids in the filter are Error(input) with a suggestion (a typo must not look like an
// empty result).
std::vector<const Asset*> filter_assets(const Backlog& backlog, const AssetFilter& filter);

// filter_assets' assets read from the text of a backlog file one by one (`asset list`): no model
// is built. `visit` is given each matching asset as it is read, valid during the call only, and
// before the whole text is known to be valid: keep what is needed of it, use it once this returns.
// Throws what load_backlog_or_throw(text, label) and then filter_assets throw for the same text.
// `filter.iteration` must be unset: the iterations come after the assets (use filter_assets).
void for_each_matching_asset(ReleasableText& text, const AssetFilter& filter,
                             std::string_view label,
                             const std::function<void(const Asset&)>& visit);

} // namespace mbl
