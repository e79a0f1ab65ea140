#pragma once
// Private to validation (validate*.cpp): the indexes every rule shares, built once, and one
// function per rule group. Each group appends its problems in file order; validate_backlog
// calls the groups in the order documented in validate.cpp.

#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mbl::validation {

// How one kind of record is named in messages and where its array is in the file.
struct Kind {
    std::string_view singular; // "asset"
    std::string_view array;    // "assets", also the top-level key
};
inline constexpr Kind workload_kind{"workload", "workloads"};
inline constexpr Kind asset_kind{"asset", "assets"};
inline constexpr Kind iteration_kind{"iteration", "iterations"};

// The ids of one kind, indexed once: each non-empty id maps to the first index holding it.
// Open addressing over a power-of-two array of (hash, entry) slots, with the ids copied into one
// contiguous buffer, so a lookup usually touches one slot and one id. (std::unordered_map
// chases three scattered nodes per lookup, which dominated validating 100,000 assets.)
class IdTable {
  public:
    IdTable() = default;
    IdTable(const IdTable&) = delete; // ids_ views point into buffer_
    IdTable& operator=(const IdTable&) = delete;

    // Prepares for `count` ids of `total_size` characters in all; insert no more than that.
    void reserve(std::size_t count, std::size_t total_size);

    // Adds `id` (non-empty) at `index` and returns nullopt, or, when `id` is already there,
    // returns the index holding it and adds nothing. `hash` is hash_of(id).
    std::optional<std::size_t> insert(std::string_view id, std::size_t index, std::uint64_t hash);
    static std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
    // Starts loading the slot where an id of hash `hash` is looked for first: a table of a
    // million ids is out of the cache, and an insert waits for its slot.
    void prefetch(std::uint64_t hash) const {
        __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }

    // The first index holding `id`, or nullopt.
    std::optional<std::size_t> find(std::string_view id) const;

    // The distinct ids in file order (for suggestions).
    const std::vector<std::string_view>& ids() const { return ids_; }

  private:
    // 8 bytes: a million ids' slots (16 MB) stay in the last-level cache.
    struct Slot {
        std::uint32_t tag = 0;   // the upper half of the id's hash (the lower half places it)
        std::uint32_t entry = 0; // 1 + position in ids_ and indexes_; 0 when the slot is free
    };
    static std::uint32_t tag_of(std::uint64_t hash) {
        return static_cast<std::uint32_t>(hash >> 32);
    }
    // The slot holding `id` (of hash `hash`), or the free slot where it belongs.
    std::size_t probe(std::string_view id, std::uint64_t hash) const;

    std::vector<Slot> slots_;
    std::string buffer_; // the ids back to back; reserved once, never reallocated
    std::vector<std::string_view> ids_;
    std::vector<std::size_t> indexes_;
};

// "Did you mean …?" for dangling ids of one kind, with nearest_spelling over that kind's table
// (always the same table for one suggester). Results are memoised per (word, excluded id), and the
// work spent is capped so that thousands of dangling ids in a 100,000-asset file stay fast: once
// the budget is spent, no more suggestions (the cap only removes hints, never problems, and is
// deterministic).
class IdSuggester {
  public:
    // The id of `table` closest to `word`, other than `excluded`, if close enough.
    std::optional<std::string> suggest(std::string_view word, const IdTable& table,
                                       std::string_view excluded = {});

  private:
    std::unordered_map<std::string, std::optional<std::string>> memo_;
    std::size_t budget_ = 10'000'000; // work units: 1 per candidate scanned, 50 per comparison
};

inline constexpr std::size_t no_index = static_cast<std::size_t>(-1);

// The known dependencies of one kind in compressed form: record `i` depends on
// `targets[offsets[i] .. offsets[i + 1])`, and `slots` holds each edge's depends_on index.
// Self-dependencies and unknown ids are left out.
struct DependencyGraph {
    std::vector<std::size_t> offsets{0};
    std::vector<std::size_t> targets;
    std::vector<std::size_t> slots;
};

// The values the loader could not read (LoadResult::unread): each left a default in the
// backlog, which no rule may take for what the file says.
class UnreadValues {
  public:
    UnreadValues() = default;
    explicit UnreadValues(const std::vector<std::string>& pointers);

    bool empty() const { return pointers_.empty(); }
    // True when the value at JSON pointer `path`, or a value holding it, was not read.
    bool covers(std::string_view path) const;
    // True when field `field` of element `index` of top-level array `array` was not read.
    bool covers(std::string_view array, std::size_t index, std::string_view field) const;
    // True when some id of the records in `array` was not read (an id, or the whole array),
    // so an id missing from that kind's table may well be in the file.
    bool ids_incomplete(std::string_view array) const;

  private:
    std::unordered_set<std::string> pointers_;
};

// What every rule sees: the backlog, its id tables, and where problems go.
struct Context {
    Context(const Backlog& validated, std::vector<Problem>& found,
            const UnreadValues& unread_values)
        : backlog(validated), problems(found), unread(unread_values) {}

    const Backlog& backlog;
    std::vector<Problem>& problems;
    // Rules skip what depends on these; validate_backlog drops any problem at or inside one.
    const UnreadValues& unread;
    IdTable workloads;
    IdTable assets;
    IdTable iterations;
    IdSuggester workload_suggestions;
    IdSuggester asset_suggestions;
    // Resolved once by check_references (which runs before every rule that uses them), so no
    // id is looked up twice: each asset's workload index (no_index when absent or unknown)
    // and the dependency graphs.
    std::vector<std::size_t> asset_workload;
    DependencyGraph workload_dependencies;
    DependencyGraph asset_dependencies;

    void error(std::string path, std::string code, std::string message);
    void warning(std::string path, std::string code, std::string message);
};

// `id` as written in messages: bare when it is a slug, else in double quotes (so an empty or
// spaced id is visible).
std::string display_id(std::string_view id);

// "crm-sql-01", or "/assets/3" when the id is empty: a record named among others of its kind.
std::string label(const Kind& kind, std::string_view id, std::size_t index);

// "asset crm-sql-01", or "asset at /assets/3" when the id is empty.
std::string describe(const Kind& kind, std::string_view id, std::size_t index);

// "; did you mean X?" when there is a suggestion, else `otherwise`.
std::string did_you_mean(const std::optional<std::string>& suggestion, std::string_view otherwise);

// Rule groups, in the order validate_backlog runs them.
void index_ids(Context& context); // fills the id tables, reporting duplicate ids
void check_slugs(Context& context);
void check_references(Context& context);
void check_cycles(Context& context);
void check_numbers(Context& context);
void check_priorities(Context& context);
void check_iteration_dates(Context& context);
void check_iteration_states(Context& context);
void check_commitments(Context& context);
void check_release_readiness(Context& context);
void check_closed_iterations(Context& context);
void check_task_templates(Context& context);
// settings.work_item_states: known tools, each state meaning a status or `ignore`.
void check_work_item_states(Context& context);
void check_task_progress(Context& context);

} // namespace mbl::validation
