// The task templates a new backlog starts with (iterations.hpp). Teams edit them in the file:
// these are a starting point from the usual steps of a rehost (assess, replicate, test, cut
// over, decommission the source), with the share of the effort each usually takes.

#include "mbl/iterations.hpp"

namespace mbl {

namespace {

KindTemplate kind_template(std::string kind, std::vector<std::pair<std::string, double>> steps) {
    KindTemplate entry;
    entry.kind = std::move(kind);
    for (auto& [title, percent] : steps) {
        entry.tasks.push_back({std::move(title), percent, {}});
    }
    return entry;
}

} // namespace

std::vector<KindTemplate> default_task_templates() {
    return {
        kind_template("vm", {{"Assess", 10},
                             {"Replicate", 40},
                             {"Test", 25},
                             {"Cut over", 15},
                             {"Decommission source", 10}}),
        kind_template("database", {{"Assess compatibility", 10},
                                   {"Migrate schema and data", 40},
                                   {"Test", 25},
                                   {"Cut over", 15},
                                   {"Decommission source", 10}}),
        kind_template("file-share", {{"Assess permissions", 10},
                                     {"Copy data", 45},
                                     {"Verify data and permissions", 20},
                                     {"Cut over", 15},
                                     {"Decommission source", 10}}),
        kind_template("storage", {{"Assess", 10},
                                  {"Replicate", 45},
                                  {"Verify", 20},
                                  {"Cut over", 15},
                                  {"Decommission source", 10}}),
        kind_template("app-service", {{"Assess", 10},
                                      {"Deploy to target", 40},
                                      {"Test", 25},
                                      {"Cut over", 15},
                                      {"Decommission source", 10}}),
        kind_template("network", {{"Design", 20}, {"Build", 40}, {"Test", 25}, {"Cut over", 15}}),
        kind_template("other", {{"Assess", 10},
                                {"Migrate", 45},
                                {"Test", 20},
                                {"Cut over", 15},
                                {"Decommission source", 10}}),
    };
}

} // namespace mbl
