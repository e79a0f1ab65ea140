#include "mbl/diff.hpp"

#include "backlog_members.hpp"
#include "entity_stream.hpp"
#include "flat_id_map.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <iterator>
#include <unordered_set>

namespace mbl {
namespace {

using detail::find_member;

bool is_object(const RawJson& value) {
    return value.text.starts_with('{');
}

// Appends to `changes` every field of `before`/`after` whose value differs, `after`'s keys first
// then the removed ones; objects on both sides are compared key by key.
void diff_fields(const RawObject& before, const RawObject& after, const std::string& prefix,
                 std::vector<FieldChange>& changes) {
    auto compare = [&](const std::string& key, const RawJson* old_value, const RawJson* new_value) {
        if (old_value && new_value && old_value->text == new_value->text) {
            return;
        }
        if (old_value && new_value && is_object(*old_value) && is_object(*new_value)) {
            diff_fields(detail::split_canonical_object(old_value->text),
                        detail::split_canonical_object(new_value->text), prefix + key + ".",
                        changes);
            return;
        }
        auto copy = [](const RawJson* value) {
            return value ? std::optional<RawJson>(*value) : std::nullopt;
        };
        changes.push_back({prefix + key, copy(old_value), copy(new_value)});
    };
    for (const auto& [key, value] : after) {
        compare(key, find_member(before, key), &value);
    }
    for (const auto& [key, value] : before) {
        if (find_member(after, key) == nullptr) {
            compare(key, &value, nullptr);
        }
    }
}

// The enum value a field's canonical text (a JSON string) spells, if any.
template <class E> std::optional<E> enum_of(const std::optional<RawJson>& value) {
    if (!value || value->text.size() < 2) {
        return std::nullopt;
    }
    return parse_enum<E>(std::string_view(value->text).substr(1, value->text.size() - 2));
}

Milestone iteration_milestone(const FieldChange& state) {
    auto before = enum_of<IterationState>(state.before);
    auto after = enum_of<IterationState>(state.after);
    if (!before || !after) {
        return Milestone::none;
    }
    if (*after == IterationState::closed) {
        return Milestone::iteration_closed;
    }
    if (*before == IterationState::closed) {
        return Milestone::iteration_reopened;
    }
    return *after == IterationState::active ? Milestone::iteration_started
                                            : Milestone::iteration_unstarted;
}

Milestone workload_milestone(const FieldChange& stage) {
    auto before = enum_of<Stage>(stage.before);
    auto after = enum_of<Stage>(stage.after);
    if (!before || !after) {
        return Milestone::none;
    }
    return *after > *before ? Milestone::workload_advanced : Milestone::workload_stepped_back;
}

void find_milestone(EntityChange& change) {
    for (const FieldChange& field : change.fields) {
        if (change.kind == "iteration" && field.field == "state") {
            change.milestone = iteration_milestone(field);
        } else if (change.kind == "workload" && field.field == "stage") {
            change.milestone = workload_milestone(field);
        } else {
            continue;
        }
        if (change.milestone != Milestone::none) {
            change.milestone_field = field.field;
        }
    }
}

// Appends the change of an entity present on both sides, if it changed.
template <class Entity>
void diff_entity(std::string_view kind, const Entity& before, const Entity& after,
                 std::vector<EntityChange>& out) {
    if (before == after) {
        return;
    }
    EntityChange change;
    change.kind = kind;
    change.id = after.id;
    change.name = after.name;
    diff_fields(detail::members_of(before), detail::members_of(after), "", change.fields);
    if (!change.fields.empty()) {
        find_milestone(change);
        out.push_back(std::move(change));
    }
}

// An entity only one side has, with its value as in the file.
template <class Entity>
EntityChange whole_entity(std::string_view kind, const Entity& entity, EntityChange::Type type) {
    EntityChange change;
    change.kind = kind;
    change.id = entity.id;
    change.type = type;
    change.name = entity.name;
    change.value = RawJson{to_json_text(entity)};
    return change;
}

// Compares the entities of one kind matched by id, `after`'s given one at a time (as they are
// read), typed first: only an entity that differs is turned into members (backlog_members.hpp),
// so no second copy of a large backlog is made, or even needed.
//
// While `after` holds the ids of `before` in the same order (the usual case) its entities pair
// by position and no index is built. At the first one out of place, `before` is indexed by id
// (the first of duplicate ids), the pairs so far are taken by id (a later duplicate among them
// is dropped: compared once), and the rest is compared by id: each id of `after` once, at its
// first entity; those of `before` no entity of `after` has are removed.
template <class Entity> class KindDiff {
  public:
    KindDiff(std::string_view kind, const std::vector<Entity>& before)
        : kind_(kind), before_(before) {}

    void add(const Entity& after) {
        std::size_t position = count_++;
        if (!indexed_) {
            if (position < before_.size() && before_[position].id == after.id) {
                std::size_t changes = changes_.size();
                diff_entity(kind_, before_[position], after, changes_);
                if (changes_.size() != changes) {
                    positions_.push_back(position);
                }
                return;
            }
            index_before(position);
        }
        compare_by_id(after);
    }

    // Appends the changes: `after`'s order (added and changed), then the removed in `before`'s.
    void finish(std::vector<EntityChange>& out) {
        if (!indexed_ && count_ != before_.size()) {
            index_before(count_); // `after` is `before` cut short
        }
        std::move(changes_.begin(), changes_.end(), std::back_inserter(out));
        for (std::size_t i = 0; indexed_ && i < before_.size(); ++i) {
            if (!matched_[i]) {
                out.push_back(whole_entity(kind_, before_[i], EntityChange::Type::removed));
            }
        }
    }

  private:
    // Switches to comparing by id, the first `paired` entities of `after` having had the ids of
    // `before`'s first ones.
    void index_before(std::size_t paired) {
        indexed_ = true;
        first_.reserve(before_.size());
        matched_.assign(before_.size(), false);
        for (std::size_t i = 0; i < before_.size(); ++i) {
            // A later duplicate is never compared nor removed: marked matched.
            matched_[i] = !first_.emplace(before_[i].id, i).second;
        }
        std::vector<bool> dropped(paired, false);
        for (std::size_t i = 0; i < paired; ++i) {
            dropped[i] = matched_[i];
            matched_[i] = true;
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < changes_.size(); ++i) {
            if (dropped[positions_[i]]) {
                continue;
            }
            if (kept != i) {
                changes_[kept] = std::move(changes_[i]);
            }
            ++kept;
        }
        changes_.resize(kept);
        positions_.clear();
    }

    void compare_by_id(const Entity& after) {
        const std::size_t* found = first_.find(after.id);
        if (found == nullptr) {
            if (added_.insert(after.id).second) {
                changes_.push_back(whole_entity(kind_, after, EntityChange::Type::added));
            }
            return;
        }
        if (matched_[*found]) {
            return; // a later duplicate in `after`: compared once
        }
        matched_[*found] = true;
        diff_entity(kind_, before_[*found], after, changes_);
    }

    std::string_view kind_;
    const std::vector<Entity>& before_;
    std::size_t count_ = 0; // entities of `after` so far
    std::vector<EntityChange> changes_;
    std::vector<std::size_t> positions_; // while paired by position: each change's
    bool indexed_ = false;
    detail::FlatIdMap<std::size_t> first_; // id -> its first in `before`
    std::vector<bool> matched_;            // of `before`: compared, or a later duplicate
    std::unordered_set<std::string> added_;
};

void diff_object(std::string_view kind, const RawObject& before, const RawObject& after,
                 std::vector<EntityChange>& out) {
    EntityChange change;
    change.kind = kind;
    diff_fields(before, after, "", change.fields);
    if (!change.fields.empty()) {
        out.push_back(std::move(change));
    }
}

// The entities of `after`, given one at a time, compared with `before`'s.
class EntityDiff final : public detail::EntityReceiver {
  public:
    explicit EntityDiff(const Backlog& before)
        : workloads_("workload", before.workloads), assets_("asset", before.assets),
          iterations_("iteration", before.iterations) {}
    void receive(const Workload& workload) override { workloads_.add(workload); }
    void receive(const Asset& asset) override { assets_.add(asset); }
    void receive(const Iteration& iteration) override { iterations_.add(iteration); }

    // The diff of the top levels, then the entities' changes, in diff_backlogs' order.
    BacklogDiff finish(const Backlog& before, const Backlog& after) {
        detail::TopMembers old = detail::top_members_of(before);
        detail::TopMembers now = detail::top_members_of(after);
        BacklogDiff diff;
        diff_object("backlog", old.top, now.top, diff.changes);
        diff_object("settings", old.settings, now.settings, diff.changes);
        workloads_.finish(diff.changes);
        assets_.finish(diff.changes);
        iterations_.finish(diff.changes);
        return diff;
    }

  private:
    KindDiff<Workload> workloads_;
    KindDiff<Asset> assets_;
    KindDiff<Iteration> iterations_;
};

} // namespace

BacklogDiff diff_backlogs(const Backlog& before, const Backlog& after) {
    EntityDiff entities(before);
    for (const Workload& workload : after.workloads) {
        entities.receive(workload);
    }
    for (const Asset& asset : after.assets) {
        entities.receive(asset);
    }
    for (const Iteration& iteration : after.iterations) {
        entities.receive(iteration);
    }
    return entities.finish(before, after);
}

BacklogDiff diff_backlogs(const Backlog& before, ReleasableText& after,
                          std::string_view after_label) {
    EntityDiff entities(before);
    Backlog top = detail::stream_backlog_or_throw(after, entities, after_label);
    return entities.finish(before, top);
}

BacklogDiff diff_backlogs(const Backlog& before, std::string_view after,
                          std::string_view after_label) {
    EntityDiff entities(before);
    Backlog top = detail::stream_backlog_or_throw(after, entities, after_label);
    return entities.finish(before, top);
}

std::string_view milestone_verb(Milestone milestone) {
    switch (milestone) {
    case Milestone::none:
        return "";
    case Milestone::iteration_started:
        return "started";
    case Milestone::iteration_closed:
        return "closed";
    case Milestone::iteration_reopened:
        return "reopened";
    case Milestone::iteration_unstarted:
        return "set back to planned";
    case Milestone::workload_advanced:
        return "advanced";
    case Milestone::workload_stepped_back:
        return "stepped back";
    }
    return "";
}

} // namespace mbl
