// Dependency cycles among workloads and among assets: one iterative depth-first search per kind
// (explicit stack, so a 100,000-long chain cannot overflow the call stack), linear in records
// plus dependencies. Each back edge found closes one cycle, reported once at that depends_on
// entry and named in order from the first record of the cycle the search entered.
// The graphs come from check_references, without self-dependencies and dangling ids (which it
// reports).

#include "validate_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

namespace mbl::validation {

namespace {

// A cycle found by the search: the record whose depends_on entry closes it, and the message.
struct FoundCycle {
    std::size_t record;
    std::size_t slot;
    std::string message;
};

// Cycles longer than this are named by their first and last few members.
constexpr std::size_t shown_at_each_end = 4;
constexpr std::size_t longest_named_in_full = 2 * shown_at_each_end + 2;

struct Frame {
    std::size_t record;
    std::size_t next_edge;
};

// The ids of the search path from depth `first` to its end (the cycle, in dependency order),
// closed by the first one again. Long cycles show their first and last few members only, so
// naming a cycle costs constant time however long it is.
template <class Item>
std::string name_cycle(const std::vector<Item>& items, const std::vector<Frame>& path,
                       std::size_t first) {
    std::string text;
    auto append = [&](std::size_t depth) {
        text += display_id(items[path[depth].record].id);
        text += " -> ";
    };
    std::size_t size = path.size() - first;
    if (size <= longest_named_in_full) {
        for (std::size_t d = first; d < path.size(); ++d) {
            append(d);
        }
    } else {
        for (std::size_t d = first; d < first + shown_at_each_end; ++d) {
            append(d);
        }
        text += "... -> ";
        for (std::size_t d = path.size() - shown_at_each_end; d < path.size(); ++d) {
            append(d);
        }
    }
    text += display_id(items[path[first].record].id);
    return text;
}

template <class Item>
void check_cycles_of(Context& context, const Kind& kind, const std::vector<Item>& items,
                     const DependencyGraph& graph) {
    enum class Colour : std::uint8_t { unvisited, on_path, finished };
    std::vector<Colour> colour(items.size(), Colour::unvisited);
    std::vector<std::size_t> depth_on_path(items.size(), 0);
    std::vector<Frame> path;
    std::vector<FoundCycle> cycles;

    for (std::size_t root = 0; root < items.size(); ++root) {
        if (colour[root] != Colour::unvisited) {
            continue;
        }
        colour[root] = Colour::on_path;
        path.push_back({root, graph.offsets[root]});
        while (!path.empty()) {
            Frame& top = path.back();
            if (top.next_edge == graph.offsets[top.record + 1]) {
                colour[top.record] = Colour::finished;
                path.pop_back();
                continue;
            }
            std::size_t edge = top.next_edge++;
            std::size_t target = graph.targets[edge];
            if (colour[target] == Colour::unvisited) {
                colour[target] = Colour::on_path;
                depth_on_path[target] = path.size();
                path.push_back({target, graph.offsets[target]}); // invalidates `top`
            } else if (colour[target] == Colour::on_path) {
                std::size_t first = depth_on_path[target];
                std::size_t size = path.size() - first;
                std::string length_note =
                    size > longest_named_in_full
                        ? fmt::format(" ({} {} in the cycle)", size, kind.array)
                        : "";
                cycles.push_back(
                    {top.record, graph.slots[edge],
                     fmt::format("{} closes a dependency cycle: {}{}; remove one of these "
                                 "dependencies",
                                 describe(kind, items[top.record].id, top.record),
                                 name_cycle(items, path, first), length_note)});
            }
        }
    }

    std::sort(cycles.begin(), cycles.end(), [](const FoundCycle& a, const FoundCycle& b) {
        return a.record != b.record ? a.record < b.record : a.slot < b.slot;
    });
    for (FoundCycle& cycle : cycles) {
        context.error(fmt::format("/{}/{}/depends_on/{}", kind.array, cycle.record, cycle.slot),
                      "dependency-cycle", std::move(cycle.message));
    }
}

} // namespace

void check_cycles(Context& context) {
    check_cycles_of(context, workload_kind, context.backlog.workloads,
                    context.workload_dependencies);
    check_cycles_of(context, asset_kind, context.backlog.assets, context.asset_dependencies);
}

} // namespace mbl::validation
