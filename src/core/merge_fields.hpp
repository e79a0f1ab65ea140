#pragma once
// The merge of one object's members field by field (merge.hpp's rules), for merge.cpp: plain
// fields, lists by their rule (merge_lists.hpp) and objects key by key.

#include "mbl/merge.hpp"
#include "mbl/model.hpp"
#include "merge_lists.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::detail {

class FieldMerger {
  public:
    // Every conflict found so far, in the order found.
    std::vector<MergeConflict> conflicts;

    // One object's members, merged field by field; `base` null when the object was added on
    // both sides. `kind` names the entity's kind for its lists' rules (list_rule; empty: none).
    // Free-form objects inside (`attributes`, an unknown key's object) merge key by key too, their
    // fields named `<key>.<inner key>`. A conflicting field keeps ours.
    RawObject merge_fields(std::string_view kind, const std::string& entity, const RawObject* base,
                           const RawObject& ours, const RawObject& theirs,
                           const std::string& field_prefix = "");

  private:
    // A list changed differently on both sides, merged by its rule; absent when the rule cannot
    // merge it (`whole`, or a side did more than the rule allows): then it is one value.
    std::optional<RawJson> merge_list(ListRule rule, const std::string& entity,
                                      const std::string& key, const RawJson* base,
                                      const RawJson& ours, const RawJson& theirs);
    RawJson merge_objects(const std::string& entity, const std::string& field, const RawJson* base,
                          const RawJson& ours, const RawJson& theirs);
};

// The fields whose values differ between `before` and `after` (added and removed ones too), in
// `after`'s order then `before`'s.
std::vector<std::string> changed_keys(const RawObject& before, const RawObject& after);

} // namespace mbl::detail
