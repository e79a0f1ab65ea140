// plan_dependency_import and apply_dependency_plan: the Azure Migrate dependency export
// (agentless dependency analysis, "Export application dependencies") as `depends_on`.
//
// Most rows of a real export name the destination only by its IP, so each side is matched by
// name, then by IP (import_servers.hpp: hash lookups, never a scan per row). Rows are aggregated
// per server pair before anything is planned. Cycles are refused as every edit refuses them
// (check_depends_on, with its words), over the backlog's lists plus what earlier pairs added, on
// a graph of asset positions (import_graph.hpp), so the import never writes a cycle that
// `validate` would then report.
#include "field_values.hpp"
#include "import_columns.hpp"
#include "import_graph.hpp"
#include "import_pairs.hpp"
#include "import_servers.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <span>
#include <stdexcept>
#include <unordered_map>

namespace mbl {

using import_detail::ascii_lower;
using import_detail::ImportGraph;
using import_detail::PairIndex;
using import_detail::PortLists;
using import_detail::ServerIndex;

namespace {

struct Side {
    std::optional<std::size_t> name;
    std::optional<std::size_t> ip;
};

struct DependencyColumns {
    Side source;
    Side destination;
    std::optional<std::size_t> port;
};

std::optional<std::size_t> find_column(const std::vector<std::string>& keys,
                                       std::string_view wanted) {
    auto found = std::find(keys.begin(), keys.end(), wanted);
    return found == keys.end() ? std::nullopt : std::optional<std::size_t>(found - keys.begin());
}

DependencyColumns dependency_columns(const TableReader& rows, std::string_view label) {
    std::vector<std::string> keys = import_detail::header_keys(rows.header());
    DependencyColumns columns{
        {find_column(keys, "sourceservername"), find_column(keys, "sourceip")},
        {find_column(keys, "destinationservername"), find_column(keys, "destinationip")},
        find_column(keys, "destinationport")};
    for (auto [side, name] :
         {std::pair{&columns.source, "Source"}, std::pair{&columns.destination, "Destination"}}) {
        if (!side->name && !side->ip) {
            throw input_error(fmt::format(
                "{}:{}: no '{} server name' or '{} IP' column; expected Azure Migrate's "
                "dependency export (Source server name, Source IP, …, Destination server name, "
                "Destination IP, Destination port)",
                label, rows.header_line(), name, name));
        }
    }
    return columns;
}

std::string_view cell(const CsvRecord& record, std::optional<std::size_t> column) {
    return column ? trim(record.fields[*column]) : std::string_view{};
}

// What the rows say about one server pair.
struct PairRows {
    std::size_t from = 0; // asset indexes
    std::size_t to = 0;
    std::size_t line = 0;
    std::size_t rows = 0;
};

// Unknown servers, grouped by side and name (or IP when the rows give no name).
class UnknownServers {
  public:
    void count(std::string_view side, std::string_view name, std::string_view ip,
               std::size_t line) {
        std::string key =
            fmt::format("{}\n{}", side, name.empty() ? "ip " + std::string(ip) : ascii_lower(name));
        auto [at, added] = index_.emplace(std::move(key), list_.size());
        if (added) {
            list_.push_back({std::string(side), std::string(name), std::string(ip), 0, line});
        }
        ++list_[at->second].rows;
    }
    std::vector<UnknownServer> take() { return std::move(list_); }

  private:
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<UnknownServer> list_;
};

std::optional<int> port_of(std::string_view text) {
    int port = 0;
    if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != text.npos) {
        return std::nullopt;
    }
    for (char c : text) {
        port = port * 10 + (c - '0');
    }
    return port <= 65535 ? std::optional<int>(port) : std::nullopt;
}

// The server pairs of the rows of `rows`, matched to assets of `backlog`, with what `plan`
// counts of them (duplicates, self-links, matches by IP, unknown servers). The indexes this
// needs are let go on return, before the pairs are planned.
std::vector<PairRows> read_pairs(const Backlog& backlog, const KeyTable& ids, TableReader& rows,
                                 const DependencyColumns& columns, DependencyPlan& plan,
                                 PortLists& ports) {
    ServerIndex index(backlog, ids);
    CsvRecord record;
    while (rows.next(record)) { // the file's own name-to-IP pairs
        for (const Side& side : {columns.source, columns.destination}) {
            index.learn(cell(record, side.name), cell(record, side.ip));
        }
    }
    rows.restart();

    UnknownServers unknown;
    std::vector<PairRows> pairs;                        // as the file first gives them
    PairIndex pair_index(rows.expected_records());      // a pair a row at most: never grown
    std::vector<std::pair<std::size_t, int>> row_ports; // (pair, port) of each row with one
    while (rows.next(record)) {
        bool by_ip = false;
        auto resolve = [&](const Side& side, std::string_view which) {
            std::string_view name = cell(record, side.name);
            std::string_view ip = cell(record, side.ip);
            ServerIndex::Match match = index.find(name, ip);
            by_ip = by_ip || match.by_ip;
            if (!match.asset) {
                unknown.count(which, name, ip, record.line);
            }
            return match.asset;
        };
        auto from = resolve(columns.source, "source");
        auto to = resolve(columns.destination, "destination");
        if (!from || !to) {
            continue;
        }
        plan.matched_by_ip += by_ip ? 1 : 0;
        if (*from == *to) {
            ++plan.self_links;
            continue;
        }
        auto [at, first] = pair_index.insert(*from, *to, pairs.size());
        if (first) {
            pairs.push_back({*from, *to, record.line, 0});
        } else {
            ++plan.duplicates;
        }
        ++pairs[at].rows;
        if (auto port = port_of(cell(record, columns.port))) {
            row_ports.emplace_back(at, *port);
        }
    }
    plan.unknown_servers = unknown.take();
    ports = import_detail::port_lists(pairs.size(), row_ports);
    return pairs;
}

// Each id of `backlog` with the first asset holding it.
KeyTable first_asset_by_id(const Backlog& backlog) {
    KeyTable ids(backlog.assets.size());
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        ids.insert(backlog.assets[i].id, i);
    }
    return ids;
}

} // namespace

DependencyPlan plan_dependency_import(const Backlog& backlog, TableReader& rows,
                                      std::string_view label) {
    DependencyColumns columns = dependency_columns(rows, label);
    DependencyPlan plan;
    std::optional<ImportGraph> graph; // the depends_on lists as they will be, for the checks
    std::vector<PairRows> pairs;
    PortLists pair_ports;
    {
        const KeyTable ids = first_asset_by_id(backlog); // let go with the server indexes
        graph.emplace(backlog, ids);
        pairs = read_pairs(backlog, ids, rows, columns, plan, pair_ports);
    }
    std::vector<import_detail::PairPorts> ports; // of the pairs not left out
    ports.reserve(pairs.size());
    plan.added.reserve(pairs.size()); // at most one each: never a doubled capacity
    for (std::size_t pair = 0; pair < pairs.size(); ++pair) {
        const PairRows& rows = pairs[pair];
        const std::string& from_id = backlog.assets[rows.from].id;
        const std::string& to_id = backlog.assets[rows.to].id;
        if (graph->lists(rows.from, rows.to)) {
            ++plan.already_present;
        } else if (std::optional<Error> error = graph->check(rows.from, rows.to)) {
            plan.cycles.push_back(
                {rows.line, fmt::format("{} -> {} left out: {}", from_id, to_id, error->what())});
            continue;
        } else {
            graph->add(rows.from, rows.to);
            plan.added.push_back({rows.line, from_id, to_id, rows.rows});
        }
        ports.push_back({rows.from, to_id, pair_ports.of(pair)});
    }
    plan.ports = import_detail::dependency_ports_updates(backlog, ports);
    return plan;
}

DependencyPlan plan_dependency_import(const Backlog& backlog, const CsvTable& table,
                                      std::string_view label) {
    CsvTableReader rows(table);
    return plan_dependency_import(backlog, rows, label);
}

void apply_dependency_plan(Backlog& backlog, const DependencyPlan& plan) {
    const KeyTable index = first_asset_by_id(backlog);
    auto asset_with = [&](std::string_view id) -> Asset& {
        const std::size_t* at = index.find(id);
        if (at == nullptr) {
            throw std::out_of_range("apply_dependency_plan: no asset " + std::string(id));
        }
        return backlog.assets[*at];
    };
    // The ports first: in place when the backlog was loaded with a spare attribute each
    // (LoadLayout::spare_attributes), else each asset's attributes move to a larger block, and
    // what follows (the depends_on entries) fits in the blocks they leave.
    for (const DependencyPortsUpdate& update : plan.ports) {
        RawObject& attributes = asset_with(update.asset).attributes;
        auto existing = std::find_if(attributes.begin(), attributes.end(), [](const auto& entry) {
            return entry.first == "dependency_ports";
        });
        if (existing == attributes.end()) {
            // Exactly one more (nothing when there is room): doubling the capacity of every
            // linked asset's attributes would cost more than the ports themselves.
            attributes.reserve(attributes.size() + 1);
            attributes.emplace_back("dependency_ports", update.ports);
        } else {
            existing->second = update.ports;
        }
    }
    for (const PlannedDependency& dependency : plan.added) {
        asset_with(dependency.from).depends_on.push_back(dependency.to);
    }
}

} // namespace mbl
