// sums_of_estimates: the committed estimates of several lists of ids from one flat table, as
// sum_of_estimates over index_assets_named gives them.
#include "core/forecast_support.hpp"
#include "forecast_fixtures.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace mbl;
using namespace mbl::test::forecast;

TEST_CASE("sums_of_estimates adds each named asset once per list, as resolve_assets does",
          "[forecast_support]") {
    Backlog backlog;
    Asset unestimated = asset("c", std::nullopt);
    Asset duplicate = asset("a", 100); // a second asset with id a: the first holds the id
    backlog.assets = {asset("a", 0.1), asset("b", 0.2), unestimated, duplicate, asset("d", 0.3)};
    const std::vector<std::string> first{"a", "b", "a", "nope", "c"}; // a twice: once
    const std::vector<std::string> second{"b", "d", "a"};             // a again: counted here
    const std::vector<std::string> none{};
    const std::vector<std::string> unknown{"x", "y"};
    std::vector<const std::vector<std::string>*> lists{&first, &second, &none, &unknown, &first};

    std::vector<double> sums = sums_of_estimates(backlog, lists);
    REQUIRE(sums.size() == lists.size());
    AssetsById index = index_assets_named(backlog, lists);
    for (std::size_t l = 0; l < lists.size(); ++l) {
        CAPTURE(l);
        CHECK(sums[l] == sum_of_estimates(index, *lists[l])); // exactly: the same order
    }
    CHECK(sums[0] == 0.1 + 0.2);
    CHECK(sums[1] == 0.2 + 0.3 + 0.1);
    CHECK(sums[2] == 0);
    CHECK(sums[3] == 0);
    CHECK(sums[4] == sums[0]);
    CHECK(sums_of_estimates(backlog, {}).empty());
    CHECK(sums_of_estimates(Backlog{}, {&first}) == std::vector<double>{0});
}
