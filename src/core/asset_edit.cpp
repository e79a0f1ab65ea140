// Adding, setting and removing assets (edit.hpp).

#include "asset_attributes.hpp"
#include "dependency_list.hpp"
#include "field_values.hpp"
#include "mbl/edit.hpp"
#include "mbl/suggest.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl {

namespace {

constexpr std::string_view attributes_prefix = "attributes.";

const std::vector<std::string_view> asset_fields{
    "name",        "kind",        "workload", "owner",         "strategy",      "estimate",
    "priority",    "status",      "notes",    "replicated_on", "depends_on",    "tags",
    "depends_on+", "depends_on-", "tags+",    "tags-",         "attributes.KEY"};

// Tags without duplicates, first occurrence kept.
std::vector<std::string> unique_tags(std::vector<std::string> tags) {
    std::vector<std::string> unique;
    for (std::string& tag : tags) {
        check_text(tag, "tag");
        if (!trim(tag).empty() && std::find(unique.begin(), unique.end(), tag) == unique.end()) {
            unique.push_back(std::move(tag));
        }
    }
    return unique;
}

std::string set_status(Asset& asset, std::string_view value, Date today) {
    auto status = parse_enum_value<AssetStatus>(value, "status");
    std::string change = describe_change("status", to_string(asset.status), to_string(status));
    if (status == AssetStatus::replicated) {
        if (asset.status != AssetStatus::replicated || !asset.replicated_on) {
            asset.replicated_on = today;
            change += fmt::format(" (replicated_on {})", today.to_string());
        }
    } else if (asset.replicated_on) {
        asset.replicated_on.reset();
        change += " (replicated_on cleared)";
    }
    asset.status = status;
    return change;
}

Error unknown_asset_field(std::string_view field) {
    if (field == "id") {
        return usage_error("an asset's id cannot be changed; add a new asset and remove this one");
    }
    if (field == "attributes" || field == attributes_prefix) {
        return usage_error("attributes needs a key: attributes.KEY=VALUE");
    }
    auto dot = field.find('.');
    if (dot != std::string_view::npos &&
        nearest_spelling(field.substr(0, dot), {"attributes"}).has_value()) {
        return usage_error(fmt::format("unknown field '{}'; did you mean 'attributes.{}'?", field,
                                       field.substr(dot + 1)));
    }
    return unknown_field_error(field, asset_fields);
}

// `depends_on+=a,b`, `depends_on-=a`, `tags+=x`, `tags-=x`: the list with the items appended
// (those already there skipped) or removed (each must be there), then checked as `depends_on=`
// and `tags=` check the whole list.
std::string edit_list_field(Backlog& backlog, Asset& asset, std::string_view field,
                            std::string_view value) {
    const bool append = field.back() == '+';
    const std::string_view name = field.substr(0, field.size() - 1);
    std::vector<std::string>& list = name == "tags" ? asset.tags : asset.depends_on;
    std::vector<std::string> items = split_comma_list(value);
    if (items.empty()) {
        throw usage_error(
            fmt::format("{}{}= needs a value: {}{}=a,b", name, field.back(), name, field.back()));
    }
    std::vector<std::string> edited = list;
    for (std::string& item : items) {
        auto found = std::find(edited.begin(), edited.end(), item);
        if (append && found == edited.end()) {
            edited.push_back(std::move(item));
        } else if (!append && found != edited.end()) {
            edited.erase(found);
        } else if (!append) {
            throw usage_error(fmt::format("{} has no {} '{}' to remove; its {}: {}", asset.id,
                                          name == "tags" ? "tag" : "dependency", item, name,
                                          describe(list)));
        }
    }
    if (name == "tags") {
        edited = unique_tags(std::move(edited));
    } else {
        check_depends_on(dependency_graph_of(backlog.assets), "asset", asset.id, edited);
    }
    std::string change = describe_change(name, describe(list), describe(edited));
    list = std::move(edited);
    return change;
}

} // namespace

Asset& require_asset(Backlog& backlog, std::string_view id) {
    return require_unique(backlog.assets, "asset", id);
}

const Asset& require_asset(const Backlog& backlog, std::string_view id) {
    return require_unique(backlog.assets, "asset", id);
}

void add_asset(Backlog& backlog, Asset asset, Date today) {
    check_new_id("asset", asset.id, find_asset(backlog, asset.id) != nullptr);
    check_text(asset.name, "name");
    if (asset.name.empty()) {
        asset.name = asset.id; // a name is never empty, as `asset set name=` insists
    }
    check_text(asset.owner.value_or(""), "owner");
    check_text(asset.notes.value_or(""), "notes");
    if (asset.workload) {
        require_workload(backlog, *asset.workload);
    }
    check_depends_on(dependency_graph_of(backlog.assets), "asset", asset.id, asset.depends_on);
    check_priority(asset.priority);
    if (asset.estimate) {
        check_estimate(*asset.estimate, "estimate");
    }
    asset.tags = unique_tags(std::move(asset.tags));
    if (asset.status == AssetStatus::replicated && !asset.replicated_on) {
        asset.replicated_on = today;
    }
    backlog.assets.push_back(std::move(asset));
}

std::string set_asset_field(Backlog& backlog, Asset& asset, std::string_view field,
                            std::string_view value, Date today) {
    if (field.starts_with(attributes_prefix) && field.size() > attributes_prefix.size()) {
        return set_attribute(asset.attributes, field.substr(attributes_prefix.size()), value);
    }
    if (field == "name") {
        check_text(value, "name");
        if (trim(value).empty()) {
            throw usage_error("name must not be empty");
        }
        std::string change = describe_change("name", asset.name, value);
        asset.name = value;
        return change;
    }
    if (field == "kind") {
        auto kind = parse_enum_value<AssetKind>(value, "kind");
        std::string change = describe_change("kind", to_string(asset.kind), to_string(kind));
        asset.kind = kind;
        return change;
    }
    if (field == "workload") {
        std::optional<std::string> workload;
        if (!trim(value).empty()) {
            workload = require_workload(backlog, trim(value)).id;
        }
        std::string change =
            describe_change("workload", describe(asset.workload), describe(workload));
        asset.workload = std::move(workload);
        return change;
    }
    if (field == "owner" || field == "notes") {
        auto text = optional_text(value, field);
        auto& target = field == "owner" ? asset.owner : asset.notes;
        std::string change = describe_change(field, describe(target), describe(text));
        target = std::move(text);
        return change;
    }
    if (field == "strategy") {
        auto strategy = parse_enum_value<Strategy>(value, "strategy");
        std::string change =
            describe_change("strategy", to_string(asset.strategy), to_string(strategy));
        asset.strategy = strategy;
        return change;
    }
    if (field == "estimate") {
        std::optional<double> estimate;
        if (!trim(value).empty() && trim(value) != "none") {
            estimate = parse_non_negative_number(value, "estimate");
        }
        std::string change =
            describe_change("estimate", describe(asset.estimate), describe(estimate));
        asset.estimate = estimate;
        return change;
    }
    if (field == "priority") {
        int priority = parse_priority(value);
        std::string change =
            describe_change("priority", std::to_string(asset.priority), std::to_string(priority));
        asset.priority = priority;
        return change;
    }
    if (field == "status") {
        return set_status(asset, value, today);
    }
    if (field == "replicated_on") {
        std::optional<Date> day;
        if (!trim(value).empty()) {
            day = parse_date_value(value, "replicated_on");
        }
        std::string change =
            describe_change("replicated_on", describe(asset.replicated_on), describe(day));
        asset.replicated_on = day;
        return change;
    }
    if (field == "depends_on") {
        auto depends_on = split_comma_list(value);
        check_depends_on(dependency_graph_of(backlog.assets), "asset", asset.id, depends_on);
        std::string change =
            describe_change("depends_on", describe(asset.depends_on), describe(depends_on));
        asset.depends_on = std::move(depends_on);
        return change;
    }
    if (field == "depends_on+" || field == "depends_on-" || field == "tags+" || field == "tags-") {
        return edit_list_field(backlog, asset, field, value);
    }
    if (field == "tags") {
        auto tags = unique_tags(split_comma_list(value));
        std::string change = describe_change("tags", describe(asset.tags), describe(tags));
        asset.tags = std::move(tags);
        return change;
    }
    throw unknown_asset_field(field);
}

RemovalReport remove_asset(Backlog& backlog, std::string_view id, bool force) {
    const std::string removed_id = require_asset(backlog, id).id; // `id` may view into backlog
    auto mentions = [&](const std::vector<std::string>& ids) {
        return std::find(ids.begin(), ids.end(), removed_id) != ids.end();
    };
    RemovalReport report;
    for (const Asset& other : backlog.assets) {
        if (other.id != removed_id && mentions(other.depends_on)) {
            report.dropped_references.push_back(other.id + ".depends_on");
        }
    }
    for (const Iteration& iteration : backlog.iterations) {
        if (mentions(iteration.committed)) {
            report.dropped_references.push_back(iteration.id + ".committed");
        }
        if (iteration.completed && mentions(*iteration.completed)) {
            report.dropped_references.push_back(iteration.id + ".completed");
        }
    }
    if (!report.dropped_references.empty() && !force) {
        throw refused_removal("asset", removed_id, report.dropped_references);
    }
    auto drop = [&](std::vector<std::string>& ids) { std::erase(ids, removed_id); };
    for (Asset& other : backlog.assets) {
        drop(other.depends_on);
    }
    for (Iteration& iteration : backlog.iterations) {
        drop(iteration.committed);
        if (iteration.completed) {
            drop(*iteration.completed);
        }
    }
    std::erase_if(backlog.assets, [&](const Asset& asset) { return asset.id == removed_id; });
    return report;
}

std::pair<std::string, std::string> split_assignment(std::string_view assignment) {
    auto equals = assignment.find('=');
    if (equals == std::string_view::npos) {
        throw usage_error(fmt::format("expected FIELD=VALUE, not '{}'", assignment));
    }
    std::string_view field = trim(assignment.substr(0, equals));
    if (field.empty()) {
        throw usage_error(fmt::format("missing the field name before '=' in '{}'", assignment));
    }
    return {std::string(field), std::string(assignment.substr(equals + 1))};
}

} // namespace mbl
