#include "mbl/diff.hpp"

#include "backlog_members.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"

#include <unordered_map>

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

// Compares the entities of one kind matched by id, typed first: only an entity that differs is
// turned into members (backlog_members.hpp), so no second copy of a large backlog is made.
template <class Entity>
void diff_entities(std::string_view kind, const std::vector<Entity>& before,
                   const std::vector<Entity>& after, std::vector<EntityChange>& out) {
    if (detail::same_ids(before, after)) { // the usual case: pairs by position, no index
        for (std::size_t i = 0; i < after.size(); ++i) {
            diff_entity(kind, before[i], after[i], out);
        }
        return;
    }
    std::unordered_map<std::string_view, const Entity*> before_by_id;
    std::unordered_map<std::string_view, const Entity*> after_by_id;
    before_by_id.reserve(before.size());
    after_by_id.reserve(after.size());
    for (const Entity& entity : before) {
        before_by_id.emplace(entity.id, &entity); // the first of duplicate ids
    }
    for (const Entity& entity : after) {
        after_by_id.emplace(entity.id, &entity);
    }
    for (const Entity& entity : after) {
        if (after_by_id.at(entity.id) != &entity) {
            continue; // a later duplicate: compared once
        }
        auto old = before_by_id.find(entity.id);
        if (old == before_by_id.end()) {
            EntityChange change;
            change.kind = kind;
            change.id = entity.id;
            change.name = entity.name;
            change.value = RawJson{to_json_text(entity)};
            change.type = EntityChange::Type::added;
            out.push_back(std::move(change));
        } else {
            diff_entity(kind, *old->second, entity, out);
        }
    }
    for (const Entity& entity : before) {
        if (!after_by_id.contains(entity.id) && before_by_id.at(entity.id) == &entity) {
            EntityChange change;
            change.kind = kind;
            change.id = entity.id;
            change.type = EntityChange::Type::removed;
            change.name = entity.name;
            change.value = RawJson{to_json_text(entity)};
            out.push_back(std::move(change));
        }
    }
}

void diff_object(std::string_view kind, const RawObject& before, const RawObject& after,
                 std::vector<EntityChange>& out) {
    EntityChange change;
    change.kind = kind;
    diff_fields(before, after, "", change.fields);
    if (!change.fields.empty()) {
        out.push_back(std::move(change));
    }
}

} // namespace

BacklogDiff diff_backlogs(const Backlog& before, const Backlog& after) {
    detail::TopMembers old = detail::top_members_of(before);
    detail::TopMembers now = detail::top_members_of(after);
    BacklogDiff diff;
    diff_object("backlog", old.top, now.top, diff.changes);
    diff_object("settings", old.settings, now.settings, diff.changes);
    diff_entities("workload", before.workloads, after.workloads, diff.changes);
    diff_entities("asset", before.assets, after.assets, diff.changes);
    diff_entities("iteration", before.iterations, after.iterations, diff.changes);
    return diff;
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
