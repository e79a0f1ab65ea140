// Id tables (one per kind, built once), "did you mean" suggestions, duplicate ids and ids that
// are not slugs.

#include "mbl/suggest.hpp"
#include "prefetch.hpp"
#include "validate_rules.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>

namespace mbl::validation {

void IdTable::reserve(std::size_t count, std::size_t total_size) {
    std::size_t capacity = 16;
    while (capacity < 2 * count) {
        capacity *= 2;
    }
    slots_.assign(capacity, Slot{});
    buffer_.reserve(total_size);
    ids_.reserve(count);
    indexes_.reserve(count);
}

std::size_t IdTable::probe(std::string_view id, std::uint64_t hash) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const Slot& candidate = slots_[slot];
        if (candidate.entry == 0 ||
            (candidate.tag == tag_of(hash) && ids_[candidate.entry - 1] == id)) {
            return slot;
        }
    }
}

std::optional<std::size_t> IdTable::insert(std::string_view id, std::size_t index,
                                           std::uint64_t hash) {
    Slot& slot = slots_[probe(id, hash)];
    if (slot.entry != 0) {
        return indexes_[slot.entry - 1];
    }
    // Within the reserved size, so earlier views into buffer_ stay valid.
    std::size_t offset = buffer_.size();
    buffer_.append(id);
    ids_.push_back(std::string_view(buffer_).substr(offset, id.size()));
    indexes_.push_back(index);
    slot = Slot{tag_of(hash), static_cast<std::uint32_t>(ids_.size())};
    return std::nullopt;
}

std::optional<std::size_t> IdTable::find(std::string_view id) const {
    if (slots_.empty()) {
        return std::nullopt;
    }
    const Slot& slot = slots_[probe(id, hash_of(id))];
    if (slot.entry == 0) {
        return std::nullopt;
    }
    return indexes_[slot.entry - 1];
}

std::optional<std::string> IdSuggester::suggest(std::string_view word, const IdTable& table,
                                                std::string_view excluded) {
    std::string key = std::string(word) + '\n' + std::string(excluded);
    if (auto known = memo_.find(key); known != memo_.end()) {
        return known->second;
    }
    std::optional<std::string> suggestion;
    if (budget_ >= table.ids().size()) {
        budget_ -= table.ids().size();
        // Same bound as nearest_spelling: a candidate whose length differs by more than the
        // allowed distance cannot be close enough, so skip it before computing distances.
        std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
        std::vector<std::string_view> candidates;
        for (std::string_view id : table.ids()) {
            std::size_t difference =
                id.size() > word.size() ? id.size() - word.size() : word.size() - id.size();
            if (difference <= allowed && id != excluded) {
                candidates.push_back(id);
            }
        }
        constexpr std::size_t comparison_cost = 50;
        if (budget_ >= candidates.size() * comparison_cost) {
            budget_ -= candidates.size() * comparison_cost;
            suggestion = nearest_spelling(word, candidates);
        }
    }
    memo_.emplace(std::move(key), suggestion);
    return suggestion;
}

namespace {

// Indexes the ids of `items`, reporting each later duplicate with where the first one is.
// Empty ids are left out (check_slugs reports them).
template <class Item>
void index_ids_of(Context& context, const Kind& kind, const std::vector<Item>& items,
                  IdTable& table) {
    std::size_t total_size = 0;
    for (const Item& item : items) {
        total_size += item.id.size();
    }
    table.reserve(items.size(), total_size);
    // Three steps apart: the id of item i + 2d is fetched, the slot of item i + d (its hash
    // computed from the fetched id), item i inserted.
    constexpr std::size_t d = detail::prefetch_distance;
    std::vector<std::uint64_t> hashes(std::min(items.size(), d));
    auto start = [&](std::size_t i) {
        detail::prefetch_id_ahead(items, i + d);
        std::uint64_t hash = IdTable::hash_of(items[i].id);
        table.prefetch(hash);
        hashes[i % d] = hash;
    };
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        start(i);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::uint64_t hash = hashes[i % d];
        if (i + d < items.size()) {
            start(i + d);
        }
        const std::string& id = items[i].id;
        if (id.empty()) {
            continue;
        }
        auto first = table.insert(id, i, hash);
        if (!first) {
            continue;
        }
        context.error(fmt::format("/{}/{}/id", kind.array, i), "duplicate-id",
                      fmt::format("{} id {} is used twice (also at /{}/{}); ids must be unique "
                                  "among {}: rename one",
                                  kind.singular, display_id(id), kind.array, *first, kind.array));
    }
}

template <class Item>
void check_slugs_of(Context& context, const Kind& kind, const std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        detail::prefetch_id_ahead(items, i);
        const std::string& id = items[i].id;
        if (is_slug(id)) {
            continue;
        }
        std::string path = fmt::format("/{}/{}/id", kind.array, i);
        if (id.empty()) {
            context.error(std::move(path), "invalid-id",
                          fmt::format("{} at /{}/{} has no id; give it a unique slug such as "
                                      "{}-1",
                                      kind.singular, kind.array, i, kind.singular));
            continue;
        }
        context.error(std::move(path), "invalid-id",
                      fmt::format("{} id {} is not a slug; use lowercase letters, digits, `.`, "
                                  "`_` and `-`, starting with a letter or digit, at most 64 "
                                  "characters",
                                  kind.singular, display_id(id)));
    }
}

} // namespace

void index_ids(Context& context) {
    index_ids_of(context, workload_kind, context.backlog.workloads, context.workloads);
    index_ids_of(context, asset_kind, context.backlog.assets, context.assets);
    index_ids_of(context, iteration_kind, context.backlog.iterations, context.iterations);
}

void check_slugs(Context& context) {
    check_slugs_of(context, workload_kind, context.backlog.workloads);
    check_slugs_of(context, asset_kind, context.backlog.assets);
    check_slugs_of(context, iteration_kind, context.backlog.iterations);
}

} // namespace mbl::validation
