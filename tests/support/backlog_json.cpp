#include "support/backlog_json.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using nlohmann::json;

namespace mbl::test {
namespace {

const json& entry_in(const json& array, const std::string& id) {
    for (const json& entry : array) {
        if (entry.at("id") == id) {
            return entry;
        }
    }
    throw std::runtime_error("no entry '" + id + "' in the file");
}

} // namespace

const json& iteration_in(const json& file, const std::string& id) {
    return entry_in(file.at("iterations"), id);
}

const json& asset_in(const json& file, const std::string& id) {
    return entry_in(file.at("assets"), id);
}

const json& asset_named(const json& file, const std::string& name) {
    for (const json& asset : file.at("assets")) {
        if (asset["name"] == name) {
            return asset;
        }
    }
    throw std::runtime_error("no asset named " + name);
}

const json& workload_in(const json& file, const std::string& id) {
    return entry_in(file.at("workloads"), id);
}

double effective_estimate_in(const json& asset) {
    double tasks = 0;
    bool any_task_estimate = false;
    for (const json& task : asset.value("tasks", json::array())) {
        if (task.contains("estimate") && task["estimate"].is_number()) {
            tasks += task["estimate"].get<double>();
            any_task_estimate = true;
        }
    }
    if (any_task_estimate) {
        return tasks;
    }
    return asset["estimate"].is_number() ? asset["estimate"].get<double>() : 0.0;
}

double estimate_sum(const json& file, const std::vector<std::string>& ids) {
    double sum = 0;
    for (const std::string& id : ids) {
        sum += effective_estimate_in(asset_in(file, id));
    }
    return sum;
}

std::vector<std::string> replicated_within(const json& file, const json& iteration) {
    std::vector<std::string> ids;
    for (const std::string& id : iteration.at("committed").get<std::vector<std::string>>()) {
        const json& asset = asset_in(file, id);
        if (asset.at("status") == "replicated" && asset.contains("replicated_on") &&
            asset["replicated_on"] >= iteration.at("start") &&
            asset["replicated_on"] <= iteration.at("end")) {
            ids.push_back(id);
        }
    }
    return ids;
}

std::string run_ok(const TempBacklog& backlog, const std::vector<std::string>& args) {
    RunResult result = backlog.run(args);
    CAPTURE(args, result);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    return result.out;
}

} // namespace mbl::test
