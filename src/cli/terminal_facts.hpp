#pragma once
// What mbl knows about where its output goes, found out once at start-up (run(argc, argv)) and
// carried in GlobalOptions: every colour, chart, escaping and progress decision asks this, no
// other code calls isatty or reads NO_COLOR or TERM.

namespace mbl::cli {

struct TerminalFacts {
    bool stdout_is_terminal = false;
    bool stderr_is_terminal = false;
    bool no_color = false;  // NO_COLOR is set and not empty (https://no-color.org)
    bool dumb_term = false; // TERM=dumb: a terminal that understands no escape sequences
};

// The facts of this process: isatty on descriptors 1 and 2, NO_COLOR and TERM.
TerminalFacts detect_terminal_facts();

} // namespace mbl::cli
