#pragma once
// The merge of workloads, assets and iterations matched by id (merge.cpp), from what theirs
// changed (merge_changes.hpp): theirs' entities that differ from base, with base's versions, and
// those theirs removed.
// Equal entities are found equal typed; only one changed on both sides is turned into members and
// merged field by field (merge_fields.hpp), so the merge holds no second copy of a backlog, and
// needs nothing more of base and theirs than their changes.

#include "backlog_members.hpp"
#include "flat_id_map.hpp"
#include "mbl/error.hpp"
#include "mbl/merge.hpp"
#include "merge_changes.hpp"
#include "merge_fields.hpp"

#include <fmt/format.h>
#include <optional>
#include <string_view>
#include <vector>

namespace mbl::detail {

template <class Entity> using Index = FlatIdMap<const Entity*>;

// `entities` by id; Error(check_failed) naming `side` when two share one (no merge by id).
template <class Entity>
Index<Entity> index_by_id(const std::vector<Entity>& entities, std::string_view side,
                          std::string_view plural) {
    Index<Entity> index;
    index.reserve(entities.size());
    for (const Entity& entity : entities) {
        if (!index.emplace(entity.id, &entity).second) {
            throw two_with_one_id(side, plural, entity.id);
        }
    }
    return index;
}

template <class Entity> const Entity* find_in(const Index<Entity>& index, std::string_view id) {
    const Entity* const* found = index.find(id);
    return found == nullptr ? nullptr : *found;
}

inline Workload entity_from_members(const RawObject& members, const std::string& label,
                                    const Workload*) {
    return workload_from_members(members, "the merged " + label);
}
inline Asset entity_from_members(const RawObject& members, const std::string& label, const Asset*) {
    return asset_from_members(members, "the merged " + label);
}
inline Iteration entity_from_members(const RawObject& members, const std::string& label,
                                     const Iteration*) {
    return iteration_from_members(members, "the merged " + label);
}

class EntityMerger {
  public:
    explicit EntityMerger(FieldMerger& fields) : fields_(fields) {}

    // `ours` becomes the merge with `theirs`' changes, in place: ours' entities in ours' order
    // (each merged with theirs'), then those only theirs added, in theirs' order. Conflicts go
    // to the FieldMerger's list: ours' entities first, then those removed in ours and edited in
    // theirs. Throws like index_by_id when ours has two entities with one id.
    template <class Entity>
    void merge(std::string_view singular, std::string_view plural, std::vector<Entity>& ours,
               const KindChanges<Entity>& theirs) {
        FlatIdMap<const std::pair<Entity, std::optional<Entity>>*> changed;
        changed.reserve(theirs.changed.size());
        for (const auto& change : theirs.changed) {
            changed.emplace(change.first.id, &change);
        }
        Index<Entity> removed = index_by_id(theirs.removed, "base", plural);
        std::vector<const Entity*> added_by_theirs;
        std::vector<MergeConflict> removed_by_ours; // reported after ours' own entities
        {
            Index<Entity> ours_index = index_by_id(ours, "ours", plural);
            for (const auto& [their, original] : theirs.changed) {
                if (find_in(ours_index, their.id) != nullptr) {
                    continue;
                }
                if (!original) {
                    added_by_theirs.push_back(&their);
                } else { // removed in ours, edited in theirs
                    removed_by_ours.push_back(
                        removed_and_edited(label(singular, their.id), *original, their, true));
                }
            }
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            Entity& our = ours[i];
            bool keep = true;
            if (auto* const* found = changed.find(our.id)) {
                merge_changed(singular, our, (*found)->first, (*found)->second);
            } else if (const Entity* original = find_in(removed, our.id)) {
                keep = !(our == *original);
                if (keep) {
                    fields_.conflicts.push_back(
                        removed_and_edited(label(singular, our.id), *original, our, false));
                } // else removed in theirs, unchanged in ours: removed
            }     // else unchanged in theirs, or added in ours: ours
            if (keep) {
                if (kept != i) {
                    ours[kept] = std::move(our);
                }
                ++kept;
            }
        }
        ours.erase(ours.begin() + static_cast<std::ptrdiff_t>(kept), ours.end());
        ours.reserve(ours.size() + added_by_theirs.size());
        for (const Entity* their : added_by_theirs) {
            ours.push_back(*their);
        }
        for (MergeConflict& conflict : removed_by_ours) {
            fields_.conflicts.push_back(std::move(conflict));
        }
    }

  private:
    static std::string label(std::string_view singular, std::string_view id) {
        return fmt::format("{} {}", singular, id);
    }

    // `our` merged with `their`, which differs from `original` (none: added on both sides).
    template <class Entity>
    void merge_changed(std::string_view singular, Entity& our, const Entity& their,
                       const std::optional<Entity>& original) {
        if (our == their) {
            return; // the same change on both sides
        }
        if (original && our == *original) {
            our = their; // changed in theirs only
            return;
        }
        std::string name = label(singular, our.id);
        std::optional<RawObject> base_members;
        if (original) {
            base_members = members_of(*original);
        }
        RawObject merged =
            fields_.merge_fields(singular, name, base_members ? &*base_members : nullptr,
                                 members_of(our), members_of(their));
        our = entity_from_members(merged, name, &our);
    }

    // `edited` is the side that kept the entity; the other (ours when `removed_in_ours`)
    // removed it.
    template <class Entity>
    static MergeConflict removed_and_edited(const std::string& entity, const Entity& base,
                                            const Entity& edited, bool removed_in_ours) {
        RawObject base_members = members_of(base);
        RawObject edited_members = members_of(edited);
        std::optional<RawJson> edited_json = to_object_json(edited_members);
        return {MergeConflict::Kind::removed_and_edited,
                entity,
                "",
                to_object_json(base_members),
                removed_in_ours ? std::nullopt : edited_json,
                removed_in_ours ? edited_json : std::nullopt,
                changed_keys(base_members, edited_members),
                {}};
    }

    FieldMerger& fields_;
};

} // namespace mbl::detail
