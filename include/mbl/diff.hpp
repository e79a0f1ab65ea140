#pragma once
// What changed between two versions of a backlog, entity by entity and field by field, for
// `mbl diff` (a review of a pull request, not of its lines).

#include "mbl/load.hpp"
#include "mbl/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mbl {

// One field whose value differs, as canonical JSON on each side; absent where the field is not
// there (an optional field set or cleared, an unknown key added or removed).
struct FieldChange {
    std::string field; // the member's key; `attributes.cores` for a key inside an object field
    std::optional<RawJson> before;
    std::optional<RawJson> after;
    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// A change a reader names by its meaning rather than by its field.
enum class Milestone {
    none,
    iteration_started,   // state planned -> active
    iteration_closed,    // state -> closed
    iteration_reopened,  // state closed -> planned or active
    iteration_unstarted, // state active -> planned
    workload_advanced,   // stage moved forward (planned -> ... -> production)
    workload_stepped_back,
};

struct EntityChange {
    enum class Type { added, removed, changed };
    std::string kind; // `backlog` (the top level), `settings`, `workload`, `asset`, `iteration`
    std::string id;   // empty for `backlog` and `settings`
    Type type = Type::changed;
    std::string name;                // the entity's name (after; before when removed), for readers
    std::optional<RawJson> value;    // added: the new entity, removed: the old one, as in the file
    std::vector<FieldChange> fields; // changed: each differing field, in the file's order
    Milestone milestone = Milestone::none;
    // For a milestone: the field it is read from (`state`, `stage`), also in `fields`.
    std::string milestone_field;
};

struct BacklogDiff {
    // In file order: the top level, settings, then workloads, assets and iterations; within a
    // kind, the entities of `after` in its order (added and changed), then those removed, in
    // `before`'s order. Order changes alone are not reported.
    std::vector<EntityChange> changes;
    bool empty() const { return changes.empty(); }
};

// Compares every field of every entity (matched by id), known and unknown keys alike, by its
// canonical text: `16` and `16.0` are the same estimate. A field whose value is an object on
// both sides (`attributes`, an unknown key's object) is compared key by key.
BacklogDiff diff_backlogs(const Backlog& before, const Backlog& after);

// The same diff, with `after` read from its text entity by entity as it is compared, so it is
// never built whole beside `before` (for large backlogs: `mbl diff` holds one version and the
// text it reads; a ReleasableText is given back as it is read). Throws what
// load_backlog_or_throw(after, after_label) throws, once the whole text is read.
BacklogDiff diff_backlogs(const Backlog& before, ReleasableText& after,
                          std::string_view after_label);
BacklogDiff diff_backlogs(const Backlog& before, std::string_view after,
                          std::string_view after_label);

// `started`, `closed`, `reopened`, `set back to planned`, `advanced`, `stepped back`; empty for
// none.
std::string_view milestone_verb(Milestone milestone);

} // namespace mbl
