// plan_dependency_import and apply_dependency_plan: the Azure Migrate dependency export
// (agentless dependency analysis, "Export application dependencies") as `depends_on`.
//
// Cycles are refused with the check every edit runs (dependency_list.hpp, check_depends_on, the
// same search `asset set depends_on=…` uses), over the backlog's lists plus what earlier rows
// added, so the import never writes a cycle that `validate` would then report.
#include "dependency_list.hpp"
#include "field_values.hpp"
#include "import_columns.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace mbl {

using import_detail::ascii_lower;

namespace {

struct DependencyColumns {
    std::size_t source = 0;
    std::size_t destination = 0;
    std::optional<std::size_t> source_ip;
    std::optional<std::size_t> destination_ip;
};

std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       std::string_view wanted) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (import_detail::normalized_header(header[i]) == wanted) {
            return i;
        }
    }
    return std::nullopt;
}

DependencyColumns dependency_columns(const CsvTable& table, std::string_view label) {
    auto source = find_column(table.header, "source server name");
    auto destination = find_column(table.header, "destination server name");
    if (!source || !destination) {
        throw input_error(fmt::format(
            "{}:{}: no '{}' column; expected Azure Migrate's dependency export (Source server "
            "name, Source IP, …, Destination server name, Destination IP, Destination port)",
            label, table.header_line, source ? "Destination server name" : "Source server name"));
    }
    return {*source, *destination, find_column(table.header, "source ip"),
            find_column(table.header, "destination ip")};
}

// Assets by slug of a server name, then by name.
class ServerIndex {
  public:
    explicit ServerIndex(const Backlog& backlog) {
        for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
            by_id_.emplace(backlog.assets[i].id, i);
            by_name_.emplace(ascii_lower(backlog.assets[i].name), i);
        }
    }
    std::optional<std::size_t> find(std::string_view server) const {
        if (server.empty()) {
            return std::nullopt;
        }
        if (auto found = by_id_.find(slug_of(server)); found != by_id_.end()) {
            return found->second;
        }
        if (auto found = by_name_.find(ascii_lower(server)); found != by_name_.end()) {
            return found->second;
        }
        return std::nullopt;
    }

  private:
    std::unordered_map<std::string, std::size_t> by_id_;
    std::unordered_map<std::string, std::size_t> by_name_;
};

} // namespace

DependencyPlan plan_dependency_import(const Backlog& backlog, const CsvTable& table,
                                      std::string_view label) {
    DependencyColumns columns = dependency_columns(table, label);
    ServerIndex index(backlog);

    // The depends_on lists as they will be, for the cycle check.
    std::vector<std::vector<std::string>> lists;
    lists.reserve(backlog.assets.size());
    DependencyGraph graph;
    for (const Asset& asset : backlog.assets) {
        lists.push_back(asset.depends_on);
    }
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        graph.ids.push_back(backlog.assets[i].id);
        graph.depends_on.emplace(backlog.assets[i].id, &lists[i]);
    }

    DependencyPlan plan;
    std::unordered_set<std::string> reported_unknown;
    std::set<std::pair<std::size_t, std::size_t>> seen;
    auto unknown = [&](const CsvRecord& record, std::size_t name_column,
                       std::optional<std::size_t> ip_column, std::string_view side) {
        std::string name(trim(record.fields[name_column]));
        std::string ip = ip_column ? std::string(trim(record.fields[*ip_column])) : "";
        std::string shown = name.empty() ? fmt::format("(no name, IP {})", ip.empty() ? "-" : ip)
                                         : fmt::format("'{}'", name);
        if (reported_unknown.insert(std::string(side) + shown).second) {
            plan.unknown_servers.push_back(
                {record.line,
                 fmt::format("{} server {} is not an asset of the backlog", side, shown)});
        }
    };
    for (const CsvRecord& record : table.records) {
        auto from = index.find(trim(record.fields[columns.source]));
        auto to = index.find(trim(record.fields[columns.destination]));
        if (!from) {
            unknown(record, columns.source, columns.source_ip, "source");
        }
        if (!to) {
            unknown(record, columns.destination, columns.destination_ip, "destination");
        }
        if (!from || !to) {
            continue;
        }
        if (*from == *to) {
            ++plan.self_links;
            continue;
        }
        if (!seen.insert({*from, *to}).second) {
            ++plan.duplicates;
            continue;
        }
        const std::string& from_id = backlog.assets[*from].id;
        const std::string& to_id = backlog.assets[*to].id;
        std::vector<std::string>& list = lists[*from];
        if (std::find(list.begin(), list.end(), to_id) != list.end()) {
            ++plan.already_present;
            continue;
        }
        try {
            check_depends_on(graph, "asset", from_id, {to_id});
        } catch (const Error& error) {
            plan.cycles.push_back(
                {record.line, fmt::format("{} -> {} left out: {}", from_id, to_id, error.what())});
            continue;
        }
        list.push_back(to_id);
        plan.added.push_back({record.line, from_id, to_id});
    }
    return plan;
}

void apply_dependency_plan(Backlog& backlog, const DependencyPlan& plan) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < backlog.assets.size(); ++i) {
        index.emplace(backlog.assets[i].id, i);
    }
    for (const PlannedDependency& dependency : plan.added) {
        backlog.assets.at(index.at(dependency.from)).depends_on.push_back(dependency.to);
    }
}

} // namespace mbl
