#pragma once
// Three-way merge of backlogs by entity and field, for git's merge driver (`mbl merge-driver`):
// two people's edits of different fields, or of neighbouring lines, merge cleanly; only a field
// changed differently on both sides is a conflict.

#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mbl {

struct MergeConflict {
    enum class Kind {
        changed_both_ways,  // a field changed differently on both sides
        added_differently,  // an entity added on both sides with one field different
        removed_and_edited, // an entity removed on one side and edited on the other
        // The merge as a plan: clean field by field, yet the two sides' commitments together
        // over-commit an iteration, or commit one asset to two open iterations. The file keeps
        // both sides' commitments.
        over_committed,  // entity: the iteration
        committed_twice, // entity: the asset
    };
    Kind kind = Kind::changed_both_ways;
    std::string entity; // `asset crm-sql-01`, `workload crm`, `iteration it-2`, `settings`,
                        // `backlog` (the top level)
    std::string field;  // the member's key (`status`, `attributes.cores`); empty for
                        // removed_and_edited
    // The field's value on each side as canonical JSON; absent where the side does not have it
    // (for removed_and_edited: the side that removed the entity has none).
    std::optional<RawJson> base;
    std::optional<RawJson> ours;
    std::optional<RawJson> theirs;
    std::vector<std::string> edited_fields; // removed_and_edited: what the other side changed
    // over_committed and committed_twice: what happened, naming what each side committed
    // (`ours and theirs together commit 30 hours, ...`); base, ours and theirs are absent.
    std::string plan;
};

struct MergeResult {
    // The merge, with OURS's value for every conflicting field (and for an entity removed on one
    // side and edited on the other: ours, removed or edited).
    Backlog merged;
    std::vector<MergeConflict> conflicts;
    // Errors of validate_backlog in the merge that neither side has (two iterations started on
    // two branches, an asset removed on one and depended on in the other): clean field by field,
    // yet a broken backlog, so the caller reports them like conflicts.
    std::vector<Problem> broken_rules;
};

// Merges `ours` and `theirs`, both descended from `base` (null when they have no common
// ancestor: then everything is added on both sides).
//
// Workloads, assets and iterations are matched by id, settings and the top level by key; every
// member, known or unknown, is one field compared by its canonical text; a member whose value is
// an object on every side that has it (`attributes`, `task_templates`, an unknown key's object)
// merges key by key in the same way, its fields named `attributes.cores`.
// Per field: a change on one side wins; the same change on both sides is taken once; different
// changes are a conflict, except for lists with their own rule: `committed`, `completed`,
// `depends_on` and `tags` merge as sets (what either side added is added, what either removed is
// removed), `stage_history` keeps both sides' appended entries in date order, and an asset's
// `tasks` merge task by task (a task changed both ways is a conflict named `task N`); see
// docs/merging.md.
// The merge is then checked as a plan: an open iteration the merge over-commits (committed
// estimate above capacity) while neither side did, or an asset the merge commits to two open
// iterations while neither side did, is a conflict (over_committed, committed_twice). An entity
// removed on one side and unchanged on the other is removed; removed on one and edited on the other
// is a conflict. Order: ours' entities in ours' order, then those only theirs added, in theirs'
// order; within an entity, unknown keys likewise.
//
// Throws Error(check_failed) when one side has two entities of one kind with the same id (no
// merge by id is possible), naming the side ("ours has two assets 'x'").
MergeResult merge_backlogs(const Backlog* base, const Backlog& ours, const Backlog& theirs);

// What theirs changed from base, and what the merge's checks need of both (their plans, the rules
// theirs breaks): all merge_backlogs needs of them, so a caller can let base and theirs go before
// it loads ours. Throws like merge_backlogs when base or theirs has two entities with one id.
class TheirChanges {
  public:
    TheirChanges(const Backlog* base, const Backlog& theirs);
    // The same, with base read from its text entity by entity as it is compared with theirs, so
    // base is never built whole beside theirs (for large backlogs: the merge driver holds one
    // version and the text it reads). Throws what load_backlog_or_throw(base, base_label) throws,
    // once the whole text is read, then like the other.
    TheirChanges(ReleasableText& base, std::string_view base_label, const Backlog& theirs);
    ~TheirChanges();
    TheirChanges(TheirChanges&&) noexcept;
    TheirChanges& operator=(TheirChanges&&) noexcept;

    struct Data; // merge.cpp

  private:
    friend MergeResult merge_backlogs(const TheirChanges& theirs, Backlog&& ours);
    std::unique_ptr<Data> data_;
};

// The same merge, built in `ours`' place from theirs' changes: no copy of ours is made, and
// base and theirs need not be held. What is equal on two sides is found equal typed; only
// entities changed on both sides are compared field by field. For large backlogs: the
// merge-driver holds at most two versions at a time.
MergeResult merge_backlogs(const TheirChanges& theirs, Backlog&& ours);

// One line for a conflict, after its file's `PATH: `:
// `asset crm-sql-01 field status: ours "replicated", theirs "blocked" (base "in-progress")`,
// `asset web-01 field name: ours "A", theirs "B" (added on both sides)`,
// `asset web-01: removed in theirs, edited in ours (status); kept ours`,
// `iteration it-1: ours and theirs together commit 30 hours, above its capacity of 20 (ours
// added db, theirs added web); the file keeps both: ...`.
// Values are shown as one-line JSON, `none` where absent, shortened past 60 characters.
std::string describe(const MergeConflict& conflict);

} // namespace mbl
