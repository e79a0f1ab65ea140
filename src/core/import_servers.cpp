// ServerIndex (assets by name and IP) and the `dependency_ports` attribute. Attribute values are
// read with mbl's own JSON tokenizer (json_tokenizer.hpp), not a JSON tree.
#include "import_servers.hpp"

#include "import_columns.hpp"
#include "json_tokenizer.hpp"
#include "mbl/raw_json.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace mbl::import_detail {
namespace {

// The strings and numbers of one JSON value, each with the object key it is under (empty when
// none): enough for `["10.0.0.4"]` and `{"crm-sql-01": [445, 1433]}`.
struct ValueCollector {
    std::string current_key;
    std::vector<std::pair<std::string, std::string>> strings;
    std::vector<std::pair<std::string, double>> numbers;
    int depth = 0; // deeper than two containers: not a shape read here
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number(std::string_view, double value, bool) {
        numbers.emplace_back(current_key, value);
        return true;
    }
    bool string(std::string_view value, std::string_view) {
        strings.emplace_back(current_key, value);
        return true;
    }
    bool key(std::string_view key) {
        current_key = key;
        return true;
    }
    bool start_object() { return enter(); }
    bool end_object() { return leave(); }
    bool start_array() { return enter(); }
    bool end_array() { return leave(); }
    void syntax_error(std::string, std::size_t) {}

  private:
    bool enter() { return ++depth <= 2; }
    bool leave() {
        --depth;
        return true;
    }
};

ValueCollector collect(const RawJson& value) {
    ValueCollector collector;
    std::size_t reached = 0;
    detail::JsonTokenizer<ValueCollector> tokenizer(value.text, collector, &reached);
    if (!tokenizer.run()) {
        return {};
    }
    return collector;
}

const RawJson* attribute_of(const Asset& asset, std::string_view key) {
    for (const auto& [name, value] : asset.attributes) {
        if (name == key) {
            return &value;
        }
    }
    return nullptr;
}

} // namespace

std::vector<std::string> asset_ips(const Asset& asset) {
    std::vector<std::string> ips;
    for (const char* key : {"ips", "ip"}) {
        if (const RawJson* value = attribute_of(asset, key)) {
            for (const auto& entry : collect(*value).strings) {
                add_ips(ips, entry.second);
            }
        }
    }
    return ips;
}

namespace {

constexpr std::size_t ambiguous = static_cast<std::size_t>(-1);

} // namespace

ServerIndex::ServerIndex(const Backlog& backlog, const KeyTable& ids)
    : by_id_(ids), by_name_(backlog.assets.size()), by_ip_(backlog.assets.size()) {
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        const Asset& asset = backlog.assets[i];
        by_name_.insert(ascii_lower(asset.name), i);
        for (const std::string& ip : asset_ips(asset)) {
            claim(by_ip_, ip, i);
        }
    }
}

void ServerIndex::claim(KeyTable& table, std::string_view ip, std::size_t asset) {
    auto [held, added] = table.insert(ip, asset);
    if (!added && *held != asset) {
        *held = ambiguous;
    }
}

std::optional<std::size_t> ServerIndex::named(std::string_view name) const {
    if (name.empty()) {
        return std::nullopt;
    }
    if (const std::size_t* found = by_id_.find(slug_of(name))) {
        return *found;
    }
    if (const std::size_t* found = by_name_.find(ascii_lower(name))) {
        return *found;
    }
    return std::nullopt;
}

void ServerIndex::learn(std::string_view name, std::string_view ip) {
    if (name.empty() || ip.empty()) {
        return;
    }
    std::string key = ascii_lower(ip);
    if (by_ip_.find(key) != nullptr) {
        return; // the backlog's own addresses win
    }
    if (auto asset = named(name)) {
        claim(learned_ip_, key, *asset);
    }
}

ServerIndex::Match ServerIndex::find(std::string_view name, std::string_view ip) const {
    if (auto asset = named(name)) {
        return {asset, false};
    }
    if (ip.empty()) {
        return {};
    }
    std::string key = ascii_lower(ip);
    if (const std::size_t* own = by_ip_.find(key)) { // one lookup: large tables miss caches
        return {*own == ambiguous ? std::nullopt : std::optional(*own), true};
    }
    const std::size_t* learned = learned_ip_.find(key);
    if (learned == nullptr || *learned == ambiguous) {
        return {};
    }
    return {*learned, true};
}

std::vector<DependencyPortsUpdate> dependency_ports_updates(const Backlog& backlog,
                                                            std::vector<PairPorts> ports) {
    std::sort(ports.begin(), ports.end(), [](const PairPorts& a, const PairPorts& b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    std::vector<DependencyPortsUpdate> updates;
    std::size_t assets = 0; // the depending ones: at most one update each
    for (std::size_t i = 0; i < ports.size(); ++i) {
        assets += i == 0 || ports[i].from != ports[i - 1].from ? 1 : 0;
    }
    updates.reserve(assets);
    for (auto group = ports.begin(); group != ports.end();) {
        std::size_t index = group->from;
        auto group_end = std::find_if(group, ports.end(),
                                      [&](const PairPorts& pair) { return pair.from != index; });
        const Asset& asset = backlog.assets[index];
        const RawJson* current = attribute_of(asset, "dependency_ports");
        // The current value's keys in their order, with their ports; then the new keys.
        std::vector<std::pair<std::string, std::set<int>>> merged;
        if (current != nullptr) {
            ValueCollector old = collect(*current);
            for (const auto& [key, port] : old.numbers) {
                if (merged.empty() || merged.back().first != key) {
                    merged.emplace_back(key, std::set<int>{});
                }
                if (port >= 0 && port <= 65535 && port == static_cast<int>(port)) {
                    merged.back().second.insert(static_cast<int>(port));
                }
            }
        }
        for (; group != group_end; ++group) {
            const std::string_view target = group->to;
            auto at = std::find_if(merged.begin(), merged.end(),
                                   [&](const auto& entry) { return entry.first == target; });
            if (at == merged.end()) {
                merged.emplace_back(std::string(target), std::set<int>{});
                at = merged.end() - 1;
            }
            at->second.insert(group->ports.begin(), group->ports.end());
        }
        std::string text = "{";
        for (const auto& [to, to_ports] : merged) {
            text += fmt::format("{}{}: [{}]", text.size() > 1 ? ", " : "", json_quote(to),
                                fmt::join(to_ports, ", "));
        }
        std::optional<RawJson> value = parse_raw_json(text + "}", 3);
        if (value && (current == nullptr || current->text != value->text)) {
            updates.push_back({asset.id, std::move(*value)});
        }
    }
    return updates;
}

} // namespace mbl::import_detail
