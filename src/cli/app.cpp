#include "cli/app.hpp"

#include "cli/app_usage.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/render_text.hpp"
#include "mbl/error.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

namespace mbl::cli {
namespace {

constexpr const char* root_footer = R"(Examples:
  mbl init --name "Contoso datacenter exit" --unit hours --start 2027-01-04
  mbl asset add crm-sql-01 --kind database --workload crm --estimate 16
  mbl asset list --status not-started --format csv
  mbl validate --format github

Exit codes: 0 success, 1 a check found problems, 2 usage error, 3 input error,
4 the file is locked by another mbl.)";

void report_error(std::ostream& err, const std::string& message) {
    err << "mbl: error: " << terminal_safe(message, true) << '\n';
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    GlobalOptions options;
    CLI::App root{"mbl: the migration backlog manager. Plans a datacenter's move to the cloud, "
                  "kept in one backlog.json.",
                  "mbl"};
    root.fallthrough(); // before any subcommand: they inherit it, so global options work after
                        // the verb too
    root.require_subcommand(1);
    root.footer(root_footer);
    root.set_version_flag("--version", std::string("mbl ") + MBL_VERSION, "Print the version");
    add_global_options(root, options);

    // Every command family, in the order --help lists them.
    setup_init(root, options, out);
    setup_asset(root, options, out, err);
    setup_asset_tasks(*root.get_subcommand("asset"), options, out);
    setup_workload(root, options, out);
    setup_iteration(root, options, out);
    setup_iteration_reopen(*root.get_subcommand("iteration"), options, out);
    setup_release(root, options, out, err);
    setup_status(root, options, out);
    setup_burndown(root, options, out);
    setup_velocity(root, options, out);
    setup_forecast(root, options, out);
    setup_import(root, options, out, err);
    setup_export(root, options, out);
    setup_report(root, options, out);
    setup_validate(root, options, out);
    setup_fmt(root, options, out);
    setup_diff(root, options, out);
    setup_merge(root, options, out);
    setup_git(root, options, out);
    setup_schema(root, options, out);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    if (!reversed.empty()) {
        reversed.pop_back(); // the program name
    }
    try {
        root.parse(reversed);
        return 0;
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            return root.exit(error, out, err); // --help, --version
        }
        report_error(err, describe_parse_error(root, error));
        err << "mbl: " << help_hint(root) << '\n';
        return static_cast<int>(ExitStatus::usage);
    } catch (const ExitAfterReport& exit) {
        return static_cast<int>(exit.status);
    } catch (const Error& error) {
        report_error(err, error.what());
        if (error.status() == ExitStatus::usage) {
            err << "mbl: " << help_hint(root) << '\n';
        }
        return static_cast<int>(error.status());
    } catch (const std::exception& error) {
        report_error(err, std::string("unexpected failure: ") + error.what());
        return static_cast<int>(ExitStatus::input);
    }
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + std::max(argc, 0));
    return run(args, std::cout, std::cerr);
}

} // namespace mbl::cli
