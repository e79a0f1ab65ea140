#include "cli/render_entity.hpp"

#include <catch2/catch.hpp>

using namespace mbl;
using namespace mbl::cli;

namespace {

Asset asset_of(const std::string& id, std::optional<std::string> workload) {
    Asset asset;
    asset.id = id;
    asset.workload = std::move(workload);
    return asset;
}

Workload workload_of(const std::string& id) {
    Workload workload;
    workload.id = id;
    return workload;
}

std::string value_of(const std::vector<Field>& fields, const std::string& key) {
    for (const Field& field : fields) {
        if (field.key == key) {
            return field.value;
        }
    }
    FAIL("no field " << key);
    return {};
}

} // namespace

TEST_CASE("workload_table counts each workload's assets", "[cli-render]") {
    Backlog backlog;
    backlog.workloads = {workload_of("crm"), workload_of("erp"), workload_of("web")};
    backlog.assets = {asset_of("a", "crm"), asset_of("b", "erp"), asset_of("c", "crm"),
                      asset_of("d", std::nullopt), asset_of("e", "gone")};
    Table table = workload_table(backlog);
    const std::size_t assets_column = 5;
    REQUIRE(table.columns[assets_column].key == "assets");
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0][assets_column].text == "2");
    CHECK(table.rows[1][assets_column].text == "1");
    CHECK(table.rows[2][assets_column].text == "0");
}

TEST_CASE("show says none for empty lists and a missing workload", "[cli-render]") {
    Backlog backlog;
    backlog.workloads = {workload_of("crm")};
    backlog.assets = {asset_of("a", std::nullopt)};
    std::vector<Field> fields = asset_fields(backlog, backlog.assets[0]);
    CHECK(value_of(fields, "workload") == "none");
    CHECK(value_of(fields, "depends_on") == "none");
    CHECK(value_of(fields, "tags") == "none");
    CHECK(value_of(fields, "iterations") == "none");
    CHECK(value_of(workload_fields(backlog, backlog.workloads[0]), "depends_on") == "none");

    Asset& asset = backlog.assets[0];
    asset.workload = "crm";
    asset.depends_on = {"b", "c"};
    asset.tags = {"prod"};
    Iteration iteration;
    iteration.id = "it-1";
    iteration.committed = {"a"};
    backlog.iterations = {iteration};
    fields = asset_fields(backlog, asset);
    CHECK(value_of(fields, "workload") == "crm");
    CHECK(value_of(fields, "depends_on") == "b, c");
    CHECK(value_of(fields, "tags") == "prod");
    CHECK(value_of(fields, "iterations") == "it-1 (planned)");
}
