#include "cli/terminal_facts.hpp"

#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace mbl::cli {

TerminalFacts detect_terminal_facts() {
    TerminalFacts facts;
    facts.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
    facts.stderr_is_terminal = ::isatty(STDERR_FILENO) == 1;
    const char* no_color = std::getenv("NO_COLOR");
    facts.no_color = no_color != nullptr && *no_color != '\0';
    const char* term = std::getenv("TERM");
    facts.dumb_term = term != nullptr && std::string_view(term) == "dumb";
    return facts;
}

} // namespace mbl::cli
