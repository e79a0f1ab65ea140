// Three-way merges of list members (merge_lists.hpp).

#include "merge_lists.hpp"

#include "backlog_members.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace mbl::detail {
namespace {

using TextSet = std::unordered_set<std::string_view>;

TextSet texts_of(const std::vector<RawJson>* elements) {
    TextSet texts;
    if (elements != nullptr) {
        texts.reserve(elements->size());
        for (const RawJson& element : *elements) {
            texts.insert(element.text);
        }
    }
    return texts;
}

// True when `list` starts with every element of `base`, in order.
bool starts_with(const std::vector<RawJson>& list, const std::vector<RawJson>& base) {
    return list.size() >= base.size() && std::equal(base.begin(), base.end(), list.begin());
}

// The `date` of a history entry as its literal (ISO dates order as text); empty without one.
std::string date_of(const RawJson& entry) {
    auto members = split_canonical_object(entry.text); // kept: find_member points into it
    const RawJson* date = find_member(members, "date");
    return date ? date->text : std::string();
}

} // namespace

ListRule list_rule(std::string_view kind, std::string_view key) {
    if (kind == "workload") {
        return key == "depends_on"      ? ListRule::set
               : key == "stage_history" ? ListRule::append_only
                                        : ListRule::whole;
    }
    if (kind == "asset") {
        return key == "depends_on" || key == "tags" ? ListRule::set
               : key == "tasks"                     ? ListRule::by_position
                                                    : ListRule::whole;
    }
    if (kind == "iteration") {
        return key == "committed" || key == "completed" ? ListRule::set : ListRule::whole;
    }
    return ListRule::whole;
}

std::vector<RawJson> merge_sets(const std::vector<RawJson>* base, const std::vector<RawJson>& ours,
                                const std::vector<RawJson>& theirs) {
    TextSet in_base = texts_of(base);
    TextSet in_ours = texts_of(&ours);
    TextSet in_theirs = texts_of(&theirs);
    TextSet taken;
    std::vector<RawJson> merged;
    for (const RawJson& element : ours) {
        bool removed_by_theirs =
            in_base.contains(element.text) && !in_theirs.contains(element.text);
        if (!removed_by_theirs && taken.insert(element.text).second) {
            merged.push_back(element);
        }
    }
    for (const RawJson& element : theirs) {
        bool added_by_theirs = !in_ours.contains(element.text) && !in_base.contains(element.text);
        if (added_by_theirs && taken.insert(element.text).second) {
            merged.push_back(element);
        }
    }
    return merged;
}

std::optional<std::vector<RawJson>> merge_appended(const std::vector<RawJson>* base,
                                                   const std::vector<RawJson>& ours,
                                                   const std::vector<RawJson>& theirs) {
    static const std::vector<RawJson> nothing;
    const std::vector<RawJson>& before = base ? *base : nothing;
    if (!starts_with(ours, before) || !starts_with(theirs, before)) {
        return std::nullopt;
    }
    std::vector<RawJson> ours_new(ours.begin() + static_cast<std::ptrdiff_t>(before.size()),
                                  ours.end());
    TextSet in_ours_new = texts_of(&ours_new);
    std::vector<RawJson> theirs_new;
    for (auto it = theirs.begin() + static_cast<std::ptrdiff_t>(before.size()); it != theirs.end();
         ++it) {
        if (!in_ours_new.contains(it->text)) {
            theirs_new.push_back(*it);
        }
    }
    std::vector<RawJson> merged = before;
    merged.reserve(before.size() + ours_new.size() + theirs_new.size());
    std::size_t o = 0;
    std::size_t t = 0;
    while (o < ours_new.size() || t < theirs_new.size()) {
        bool take_theirs = o == ours_new.size() ||
                           (t < theirs_new.size() && date_of(theirs_new[t]) < date_of(ours_new[o]));
        merged.push_back(take_theirs ? theirs_new[t++] : ours_new[o++]);
    }
    return merged;
}

std::optional<PositionMerge> merge_by_position(const std::vector<RawJson>* base,
                                               const std::vector<RawJson>& ours,
                                               const std::vector<RawJson>& theirs) {
    static const std::vector<RawJson> nothing;
    const std::vector<RawJson>& before = base ? *base : nothing;
    if (ours.size() < before.size() || theirs.size() < before.size()) {
        return std::nullopt;
    }
    PositionMerge result;
    result.merged.reserve(std::max(ours.size(), theirs.size()));
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (ours[i] == theirs[i] || theirs[i] == before[i]) {
            result.merged.push_back(ours[i]);
        } else if (ours[i] == before[i]) {
            result.merged.push_back(theirs[i]);
        } else {
            result.conflicts.push_back(i);
            result.merged.push_back(ours[i]);
        }
    }
    TextSet ours_appended;
    for (std::size_t i = before.size(); i < ours.size(); ++i) {
        ours_appended.insert(ours[i].text);
        result.merged.push_back(ours[i]);
    }
    for (std::size_t i = before.size(); i < theirs.size(); ++i) {
        if (!ours_appended.contains(theirs[i].text)) {
            result.merged.push_back(theirs[i]);
        }
    }
    return result;
}

} // namespace mbl::detail
