// ImportGraph (import_graph.hpp) answers as check_depends_on does over the depends_on lists by
// id, with what the import added: the same pairs listed already, the same errors word for word,
// on backlogs with cycles, unknown ids and repeated ids.
#include "core/dependency_list.hpp"
#include "core/import_graph.hpp"
#include "core/key_table.hpp"
#include "mbl/error.hpp"
#include "mbl/model.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <unordered_map>

namespace {

// The checks as the import made them before ImportGraph: by id, over copies of the lists grown.
class ByIdReference {
  public:
    explicit ByIdReference(const mbl::Backlog& backlog)
        : backlog_(backlog), graph_(mbl::dependency_graph_of(backlog.assets)) {}

    // "listed", "added", or the error's message.
    std::string add(std::size_t from, std::size_t to) {
        const std::string& from_id = backlog_.assets[from].id;
        const std::string& to_id = backlog_.assets[to].id;
        auto list = grown_.find(from);
        const std::vector<std::string>& current =
            list != grown_.end() ? list->second : backlog_.assets[from].depends_on;
        if (std::find(current.begin(), current.end(), to_id) != current.end()) {
            return "listed";
        }
        try {
            mbl::check_depends_on(graph_, "asset", from_id, {to_id});
        } catch (const mbl::Error& error) {
            return error.what();
        }
        if (list == grown_.end()) {
            list = grown_.emplace(from, current).first;
            graph_.depends_on.replace(from_id, &list->second);
        }
        list->second.push_back(to_id);
        return "added";
    }

  private:
    const mbl::Backlog& backlog_;
    mbl::DependencyGraph graph_;
    std::unordered_map<std::size_t, std::vector<std::string>> grown_;
};

std::string add(mbl::import_detail::ImportGraph& graph, std::size_t from, std::size_t to) {
    if (graph.lists(from, to)) {
        return "listed";
    }
    if (auto error = graph.check(from, to)) {
        return error->what();
    }
    graph.add(from, to);
    return "added";
}

} // namespace

TEST_CASE("ImportGraph decides each pair as check_depends_on by id does", "[import]") {
    std::mt19937 random(19);
    for (int round = 0; round < 40; ++round) {
        const std::size_t count = 4 + random() % 40;
        mbl::Backlog backlog;
        for (std::size_t i = 0; i < count; ++i) {
            mbl::Asset asset;
            // Some rounds repeat ids (an invalid backlog the import still reads).
            asset.id = "a" + std::to_string(round % 3 == 0 ? random() % count : i);
            backlog.assets.push_back(asset);
        }
        for (mbl::Asset& asset : backlog.assets) {
            for (std::size_t n = random() % 3; n > 0; --n) { // cycles allowed, and unknown ids
                asset.depends_on.push_back(random() % 8 == 0 ? "unknown"
                                                             : backlog.assets[random() % count].id);
            }
        }
        mbl::KeyTable ids(count);
        for (std::size_t i = 0; i < count; ++i) {
            ids.insert(backlog.assets[i].id, i);
        }
        mbl::import_detail::ImportGraph graph(backlog, ids);
        ByIdReference reference(backlog);
        for (int pair = 0; pair < 200; ++pair) {
            std::size_t from = random() % count;
            std::size_t to = random() % count;
            if (from == to) {
                continue; // a self-link is dropped before the checks
            }
            INFO("round " << round << ", " << from << " -> " << to);
            REQUIRE(add(graph, from, to) == reference.add(from, to));
        }
    }
}

TEST_CASE("ImportGraph names a cycle the import would close", "[import]") {
    mbl::Backlog backlog;
    for (const char* id : {"web", "app", "db"}) {
        mbl::Asset asset;
        asset.id = id;
        backlog.assets.push_back(asset);
    }
    backlog.assets[0].depends_on = {"app"};
    mbl::KeyTable ids(3);
    for (std::size_t i = 0; i < 3; ++i) {
        ids.insert(backlog.assets[i].id, i);
    }
    mbl::import_detail::ImportGraph graph(backlog, ids);
    CHECK(graph.lists(0, 1));
    CHECK_FALSE(graph.check(1, 2));
    graph.add(1, 2); // app -> db
    CHECK(graph.lists(1, 2));
    auto error = graph.check(2, 0); // db -> web -> app -> db
    REQUIRE(error);
    CHECK(std::string(error->what()) ==
          "depends_on 'web' would make a cycle: db -> web -> app -> db");
}
