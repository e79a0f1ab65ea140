// mbl init
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

namespace mbl::cli {
namespace {

struct InitOptions {
    std::string name = "Migration backlog";
    std::string unit = "hours";
    int iteration_length_days = 14;
    std::optional<std::string> start;
    double capacity = 0;
};

void run_init(const InitOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    Backlog backlog;
    backlog.name = options.name;
    backlog.settings.estimate_unit = parse_choice<EstimateUnit>("unit", options.unit);
    backlog.settings.iteration_length_days = options.iteration_length_days;
    if (options.start) {
        backlog.settings.first_iteration_start = Date::parse(*options.start);
        if (!backlog.settings.first_iteration_start) {
            throw usage_error("--start: '" + *options.start +
                              "' is not a valid date; use YYYY-MM-DD");
        }
    }
    backlog.settings.default_capacity = options.capacity;
    std::filesystem::path path = global.file.value_or("backlog.json");
    create_file_exclusively(path, to_canonical_text(backlog));
    out << terminal_safe(fmt::format("Created {} ({}: {}, {}-day iterations)",
                                     label_for(path, true), backlog.name, options.unit,
                                     options.iteration_length_days))
        << '\n';
}

} // namespace

void setup_init(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* init =
        add_command(root, "init",
                    "Create a new backlog file: backlog.json here, or the -f path (never "
                    "overwrites)",
                    "mbl init --name \"Contoso datacenter exit\" --unit hours "
                    "--iteration-length 14 --start 2027-01-04 --capacity 120");
    init->add_option("--name", options->name, "Name of the migration")
        ->type_name("TEXT")
        ->capture_default_str();
    init->add_option("unit", options->unit, "Estimate unit: hours, days or points")
        ->type_name("UNIT")
        ->capture_default_str();
    init->add_option("--iteration-length", options->iteration_length_days,
                     "Days in every iteration (2-4 weeks is the usual practice)")
        ->check(CLI::PositiveNumber.description(""))
        ->type_name("DAYS")
        ->capture_default_str();
    init->add_option("--start", options->start, "First iteration's start, YYYY-MM-DD")
        ->type_name("DATE");
    init->add_option("--capacity", options->capacity,
                     "Default capacity of an iteration, in the estimate unit")
        ->check(CLI::NonNegativeNumber.description(""))
        ->type_name("N")
        ->capture_default_str();
    init->callback([options, &global, &out] { run_init(*options, global, out); });
}

} // namespace mbl::cli
