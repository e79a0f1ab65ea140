// mbl schema
#include "cli/command_support.hpp"
#include "cli/commands.hpp"
#include "mbl/schema.hpp"

#include <CLI/CLI.hpp>

namespace mbl::cli {

void setup_schema(CLI::App& root, GlobalOptions& global, std::ostream& out) {
    CLI::App* schema = add_command(
        root, "schema",
        "Print the JSON Schema of backlog.json (draft 2020-12), which lets editors complete and "
        "check the file; needs no backlog",
        "mbl schema > backlog.schema.json");
    schema->footer("The schema of this mbl, byte for byte as installed in "
                   "share/mbl/backlog.schema.json under the install prefix. 'mbl init' writes it "
                   "beside a new backlog and points \"$schema\" at it; after upgrading mbl, "
                   "refresh that copy with the example below.\n\n" +
                   schema->get_footer());
    schema->callback([&global, &out] {
        output_format(global, {OutputFormat::json});
        out << backlog_schema_text(); // our own file, not user input: printed as is
    });
}

} // namespace mbl::cli
