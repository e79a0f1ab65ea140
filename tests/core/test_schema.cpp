// The JSON Schema for editors (schema/backlog.schema.json) against the loader: every key the
// loader knows is a property at the same place in the schema and no other, every enumeration has
// the loader's spellings, every field is described, and the file with every field really has
// every field. tests/schema/check_schema.py checks files against it with a real validator.

#include "core/file_keys.hpp"
#include "mbl/enums.hpp"
#include "mbl/schema.hpp"
#include "mbl/validate.hpp"
#include "support/scratch_files.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path source_dir = MBL_SOURCE_DIR;

using mbl::test::read_text;

const json& schema() {
    static const json parsed = json::parse(mbl::backlog_schema_text());
    return parsed;
}

// `node`, or the definition its "$ref" (`#/$defs/name`) points at, followed to the end.
const json& resolve(const json& node) {
    if (node.contains("$ref")) {
        std::string ref = node["$ref"];
        REQUIRE(ref.rfind("#/", 0) == 0);
        return resolve(schema().at(json::json_pointer(ref.substr(1))));
    }
    return node;
}

template <std::size_t N> std::set<std::string> as_set(const std::array<std::string_view, N>& keys) {
    return {keys.begin(), keys.end()};
}

std::set<std::string> property_names(const json& object_schema) {
    std::set<std::string> names;
    for (const auto& [name, value] : object_schema.at("properties").items()) {
        names.insert(name);
    }
    return names;
}

// Each object of the file: the loader's keys and the schema describing it.
struct Place {
    std::string name;
    std::set<std::string> keys;
    std::string schema_pointer; // "" for the top level
};

std::vector<Place> places() {
    return {{"top level", as_set(mbl::keys::backlog), ""},
            {"settings", as_set(mbl::keys::settings), "/$defs/settings"},
            {"task template", as_set(mbl::keys::task_template), "/$defs/taskTemplate"},
            {"workload", as_set(mbl::keys::workload), "/$defs/workload"},
            {"stage change", as_set(mbl::keys::stage_change), "/$defs/stageChange"},
            {"asset", as_set(mbl::keys::asset), "/$defs/asset"},
            {"task", as_set(mbl::keys::task), "/$defs/task"},
            {"iteration", as_set(mbl::keys::iteration), "/$defs/iteration"}};
}

const json& at(const std::string& pointer) {
    return schema().at(json::json_pointer(pointer));
}

template <class E> std::vector<std::string> spellings() {
    const auto& names = mbl::EnumSpelling<E>::names;
    return {names.begin(), names.end()};
}

std::vector<std::string> schema_enum(const std::string& pointer) {
    return resolve(at(pointer)).at("enum").get<std::vector<std::string>>();
}

} // namespace

TEST_CASE("the built-in schema is schema/backlog.schema.json byte for byte", "[schema]") {
    CHECK(mbl::backlog_schema_text() == read_text(source_dir / "schema" / "backlog.schema.json"));
    CHECK(schema().at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    CHECK(mbl::schema_file_name == "backlog.schema.json");
    CHECK(mbl::default_schema_reference == "./backlog.schema.json");
}

TEST_CASE("the schema's properties are the loader's keys, place by place", "[schema]") {
    for (const Place& place : places()) {
        INFO(place.name << " (schema " << place.schema_pointer << ")");
        const json& object = at(place.schema_pointer);
        CHECK(object.at("type") == "object");
        CHECK(property_names(object) == place.keys);
        // Unknown keys are typos unless they are extensions.
        CHECK(object.at("additionalProperties") == false);
        CHECK(object.at("patternProperties").size() == 1);
        CHECK(object.at("patternProperties").contains("^x-"));
    }
    // Where the loader reads each object: the schema's properties point at the same definitions.
    CHECK(at("/properties/settings/$ref") == "#/$defs/settings");
    CHECK(at("/properties/workloads/items/$ref") == "#/$defs/workload");
    CHECK(at("/properties/assets/items/$ref") == "#/$defs/asset");
    CHECK(at("/properties/iterations/items/$ref") == "#/$defs/iteration");
    CHECK(at("/$defs/workload/properties/stage_history/items/$ref") == "#/$defs/stageChange");
    CHECK(at("/$defs/asset/properties/tasks/items/$ref") == "#/$defs/task");
    CHECK(resolve(at("/$defs/settings/properties/task_templates/properties/vm")).at("items") ==
          json{{"$ref", "#/$defs/taskTemplate"}});
    // Free-form: any keys, any values.
    CHECK(at("/$defs/asset/properties/attributes") ==
          json{{"description", at("/$defs/asset/properties/attributes/description")},
               {"type", "object"}});
}

TEST_CASE("the schema's enumerations are the loader's spellings", "[schema]") {
    CHECK(schema_enum("/$defs/settings/properties/estimate_unit") ==
          spellings<mbl::EstimateUnit>());
    CHECK(schema_enum("/$defs/asset/properties/kind") == spellings<mbl::AssetKind>());
    CHECK(schema_enum("/$defs/asset/properties/strategy") == spellings<mbl::Strategy>());
    CHECK(schema_enum("/$defs/asset/properties/status") == spellings<mbl::AssetStatus>());
    CHECK(schema_enum("/$defs/workload/properties/stage") == spellings<mbl::Stage>());
    CHECK(schema_enum("/$defs/stageChange/properties/stage") == spellings<mbl::Stage>());
    CHECK(schema_enum("/$defs/iteration/properties/state") == spellings<mbl::IterationState>());
    CHECK(schema_enum("/properties/format") == std::vector<std::string>{mbl::current_format});
    // Task templates are keyed by asset kind, and by nothing else (validate: unknown-kind).
    const json& templates = at("/$defs/settings/properties/task_templates");
    std::vector<std::string> kinds = spellings<mbl::AssetKind>();
    CHECK(property_names(templates) == std::set<std::string>(kinds.begin(), kinds.end()));
    CHECK(templates.at("additionalProperties") == false);
}

TEST_CASE("every field of the schema has a description for the editor to show", "[schema]") {
    CHECK(schema().contains("description"));
    for (const Place& place : places()) {
        for (const auto& [name, property] : at(place.schema_pointer).at("properties").items()) {
            INFO(place.name << "." << name);
            CHECK((property.contains("description") || resolve(property).contains("description")));
        }
    }
}

TEST_CASE("the file with every field has every field, and mbl finds nothing wrong in it",
          "[schema]") {
    const fs::path file = source_dir / "tests" / "data" / "schema" / "every-field.json";
    const std::string text = read_text(file);
    const json document = json::parse(text);
    // The keys used at each place, over every object of that place in the file.
    std::map<std::string, std::set<std::string>> used;
    auto collect = [&used](const std::string& place, const json& object) {
        for (const auto& [key, value] : object.items()) {
            if (key.rfind("x-", 0) != 0) {
                used[place].insert(key);
            }
        }
    };
    collect("top level", document);
    collect("settings", document["settings"]);
    for (const auto& [kind, tasks] : document["settings"]["task_templates"].items()) {
        for (const json& task : tasks) {
            collect("task template", task);
        }
    }
    for (const json& workload : document["workloads"]) {
        collect("workload", workload);
        for (const json& change : workload["stage_history"]) {
            collect("stage change", change);
        }
    }
    for (const json& asset : document["assets"]) {
        collect("asset", asset);
        for (const json& task : asset["tasks"]) {
            collect("task", task);
        }
    }
    for (const json& iteration : document["iterations"]) {
        collect("iteration", iteration);
    }
    for (const Place& place : places()) {
        INFO(place.name);
        CHECK(used[place.name] == place.keys);
    }
    std::vector<std::string> kinds = spellings<mbl::AssetKind>();
    CHECK(property_names(json{{"properties", document["settings"]["task_templates"]}}) ==
          std::set<std::string>(kinds.begin(), kinds.end()));

    mbl::CheckResult checked = mbl::check_backlog_text(text, file.string());
    for (const mbl::Problem& problem : checked.problems) {
        INFO(problem.path << ": " << problem.message);
        CHECK(false);
    }
}
