// mbl init
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/render_text.hpp"
#include "mbl/raw_json.hpp"
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

// The longest --iteration-length, as `validate` allows it: a time box, not a calendar (the usual
// one is 2-4 weeks; `validate` warns outside 7-28 days).
constexpr int longest_iteration_days = 366;

void run_init(const InitOptions& options, const GlobalOptions& global, std::ostream& out) {
    output_format(global, {OutputFormat::table});
    if (!is_valid_utf8(options.name)) {
        throw usage_error("--name is not valid UTF-8");
    }
    Backlog backlog;
    backlog.name = options.name;
    backlog.settings.estimate_unit = parse_choice<EstimateUnit>("unit", options.unit);
    backlog.settings.iteration_length_days = options.iteration_length_days;
    if (options.start) {
        backlog.settings.first_iteration_start = parse_date_option(*options.start, "--start");
    }
    backlog.settings.default_capacity = options.capacity;
    BacklogFile file = new_backlog_file(global);
    create_file_exclusively(file.path, to_canonical_text(backlog));
    out << terminal_safe(fmt::format("Created {} ({}: {}, {}-day iterations)", file.label,
                                     backlog.name, options.unit, options.iteration_length_days))
        << '\n';
}

} // namespace

void setup_init(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* init =
        add_command(root, "init",
                    "Create a new backlog file: the -f path, else $MBL_FILE, else backlog.json "
                    "here (never overwrites)",
                    "mbl init --name \"Contoso datacenter exit\" --unit hours "
                    "--iteration-length 14 --start 2027-01-04 --capacity 120");
    init->add_option("--name", options->name, "Name of the migration")
        ->type_name("TEXT")
        ->capture_default_str();
    init->add_option("--unit", options->unit, "Estimate unit: hours, days or points")
        ->type_name("UNIT")
        ->capture_default_str();
    accept_whole_number(init->add_option("--iteration-length", options->iteration_length_days,
                                         "Days in every iteration, 1 to 366 (2-4 weeks is the "
                                         "usual practice)"),
                        1, longest_iteration_days)
        ->type_name("DAYS")
        ->capture_default_str();
    init->add_option("--start", options->start, "First iteration's start, YYYY-MM-DD")
        ->type_name("DATE");
    accept_non_negative_number(init->add_option("--capacity", options->capacity,
                                                "Default capacity of an iteration, in the "
                                                "estimate unit"))
        ->type_name("N")
        ->capture_default_str();
    init->callback([options, &global, &out] { run_init(*options, global, out); });
}

} // namespace mbl::cli
