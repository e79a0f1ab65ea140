#pragma once
// The `mbl` program: parse the command line, run one command, turn failures into messages and
// exit codes (README.md, the exit codes).

#include "cli/terminal_facts.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace mbl::cli {

// Runs `mbl` with `args` (args[0] is the program name), printing results to `out` and
// `mbl: error: ...` messages to `err`; returns the exit status. Never exits the process.
// `facts` say whether out and err are terminals and what NO_COLOR and TERM ask; the default is
// neither a terminal, as for an in-process run.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        const TerminalFacts& facts = {});

// run() over main's arguments and the standard streams.
int run(int argc, char** argv);

} // namespace mbl::cli
