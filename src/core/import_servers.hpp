#pragma once
// How the dependency import finds assets: by server name or by IP address, and the ports it
// keeps on them (`attributes.dependency_ports`). Private to the core library
// (import_dependencies.cpp).

#include "key_table.hpp"
#include "mbl/import.hpp"
#include "mbl/model.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::import_detail {

// The IP addresses of `asset`, lowercase: the strings of `attributes.ips` and the addresses in
// a legacy `attributes.ip` text (`10.0.0.4, 10.0.0.5`).
std::vector<std::string> asset_ips(const Asset& asset);

// The assets of a backlog by slug of a server name, by name (ASCII case ignored) and by IP
// address; all lookups in tables that hold their keys in their slots (key_table.hpp). Holds on to
// `ids` (each id of the backlog with the first asset holding it).
class ServerIndex {
  public:
    ServerIndex(const Backlog& backlog, const KeyTable& ids);

    // Records that a row names `name` at `ip`: when `name` is an asset and no asset has `ip`,
    // rows that give only `ip` match that asset. An IP the rows give for two assets (or two
    // assets have) matches neither.
    void learn(std::string_view name, std::string_view ip);

    struct Match {
        std::optional<std::size_t> asset; // index in the backlog's assets
        bool by_ip = false;
    };
    // The asset named `name`, else the one at `ip` (the assets' own addresses, then learned).
    Match find(std::string_view name, std::string_view ip) const;

  private:
    std::optional<std::size_t> named(std::string_view name) const;
    // Records that `asset` is at `ip`: the first claim holds it, a claim for another asset makes
    // it ambiguous (matching none).
    static void claim(KeyTable& table, std::string_view ip, std::size_t asset);

    const KeyTable& by_id_;
    KeyTable by_name_; // by name lowercased
    KeyTable by_ip_;
    KeyTable learned_ip_;
};

// The destination ports the rows give for one server pair: asset `from` (its index) depending on
// the asset `to` (its id); `ports` ascending.
struct PairPorts {
    std::size_t from = 0;
    std::string_view to;
    std::span<const int> ports;
};

// The `dependency_ports` each asset of `ports` gets: its current one (when it is an object of
// port arrays) merged with `ports`, keys in their order then new keys sorted, ports ascending.
// Only assets whose value changes are listed, in the backlog's order. `ports` holds each pair
// once.
std::vector<DependencyPortsUpdate> dependency_ports_updates(const Backlog& backlog,
                                                            std::vector<PairPorts> ports);

} // namespace mbl::import_detail
