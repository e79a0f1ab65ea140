#include "cli/app.hpp"

#include "cli/app_usage.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/render_text.hpp"
#include "cli/standard_output.hpp"
#include "cli/terminal_output.hpp"
#include "mbl/error.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

namespace mbl::cli {
namespace {

constexpr const char* root_footer = R"(Examples:
  mbl init --name "Contoso datacenter exit" --unit hours --start 2027-01-04
  mbl asset add crm-sql-01 --kind database --workload crm --estimate 16
  mbl asset list --status not-started --format csv
  mbl validate --format github

Exit codes: 0 success, 1 a check found problems, 2 usage error, 3 input error
(also: stdout cannot be written), 4 the file is locked by another mbl, 70 an internal
error in mbl (please report it).)";

void report_error(std::ostream& err, const std::string& message) {
    err << "mbl: error: " << terminal_safe(message, true) << '\n';
}

// A failure mbl did not expect (anything but mbl::Error): a defect, not the user's input.
void report_internal_error(std::ostream& err, const std::string& what) {
    err << "mbl: internal error: " << terminal_safe(what, true)
        << "; please report it, with the command that caused it\n";
}

// The arguments after the first `--`: operands, never options, whatever they look like.
std::vector<std::string> operands_after_double_dash(const std::vector<std::string>& args) {
    auto mark =
        std::find(args.begin() + std::min<std::ptrdiff_t>(std::ssize(args), 1), args.end(), "--");
    return mark == args.end() ? std::vector<std::string>{}
                              : std::vector<std::string>(mark + 1, args.end());
}

// Error(usage) unless the `operands` ended up as the last operands of the command that runs.
// CLI11 hands what follows `--` back to the parent command when the command has no operand left
// to fill, and the parent then reads `--file x` as an option: `mbl asset add y1 -- --file x`
// would have written into x.
void check_operands_taken(const CLI::App& root, const std::vector<std::string>& operands) {
    if (operands.empty()) {
        return;
    }
    const CLI::App* command = &root;
    while (!command->get_subcommands().empty()) {
        command = command->get_subcommands().front();
    }
    std::vector<std::string> taken;
    for (const CLI::Option* option :
         command->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        taken.insert(taken.end(), option->results().begin(), option->results().end());
    }
    if (taken.size() < operands.size() ||
        !std::equal(operands.rbegin(), operands.rend(), taken.rbegin())) {
        std::string name = command->get_name();
        for (const CLI::App* parent = command->get_parent(); parent != nullptr && parent != &root;
             parent = parent->get_parent()) {
            name = parent->get_name() + " " + name;
        }
        throw usage_error("'mbl " + name + "' has no operand left for what follows '--' (" +
                          operands.front() + (operands.size() > 1 ? " ..." : "") +
                          "), and after '--' nothing is an option; put options before '--'");
    }
}

// Opens /dev/null on whichever of stdin, stdout and stderr is closed (`mbl ... >&-`), so that no
// file mbl opens (the lock, the backlog, a temporary file) gets their number and receives its
// output. Returns true when stdout was closed.
bool occupy_closed_standard_descriptors() {
    bool stdout_closed = false;
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            stdout_closed = stdout_closed || fd == STDOUT_FILENO;
            const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
            if (opened >= 0 && opened != fd) { // a lower one was closed too and took it
                ::dup2(opened, fd);
                ::close(opened);
            }
        }
    }
    return stdout_closed;
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        const TerminalFacts& facts) {
    GlobalOptions options;
    options.facts = facts;
    options.terminal = dynamic_cast<TerminalSafeBuffer*>(out.rdbuf());
    CLI::App root{"mbl: the migration backlog manager. Plans a datacenter's move to the cloud, "
                  "kept in one backlog.json.",
                  "mbl"};
    root.fallthrough(); // before any subcommand: they inherit it, so global options work after
                        // the verb too
    root.require_subcommand(1);
    root.footer(root_footer);
    root.set_version_flag("-V,--version", std::string("mbl ") + MBL_VERSION, "Print the version");
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
    setup_help(root, options, out);
    setup_completion(root, options, out);

    const std::vector<std::string> operands = operands_after_double_dash(args);
    root.parse_complete_callback([&root, &operands] { check_operands_taken(root, operands); });

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
        report_internal_error(err, error.what());
        return static_cast<int>(ExitStatus::internal);
    } catch (...) {
        report_internal_error(err, "an exception of an unknown type");
        return static_cast<int>(ExitStatus::internal);
    }
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + std::max(argc, 0));
    // A closed stdout stays unwritable (fd -1: the first write fails with EBADF, reported at the
    // end); a command that prints nothing runs as usual.
    const bool stdout_closed = occupy_closed_standard_descriptors();
    const TerminalFacts facts = detect_terminal_facts(); // the one look at the terminal
    DescriptorBuffer output(stdout_closed ? -1 : STDOUT_FILENO, facts.stdout_is_terminal);
    std::ostream out(&output);
    int status = 0;
    {
        // on a terminal, data formats are escaped too
        TerminalSafeStdout safe_stdout(out, facts.stdout_is_terminal);
        status = run(args, out, std::cerr, facts);
    }
    return finish_standard_output(status, output, std::cerr);
}

} // namespace mbl::cli
