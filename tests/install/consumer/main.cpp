// Loads and validates the backlog file named by argv[1] through the installed mbl::core, and
// prints `<N> assets, <M> problems`.

#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/validate.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: mbl_consumer BACKLOG_FILE\n";
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    if (!file) {
        std::cerr << "mbl_consumer: cannot open " << argv[1] << "\n";
        return 1;
    }
    std::ostringstream text;
    text << file.rdbuf();
    try {
        const mbl::Backlog backlog = mbl::load_backlog_or_throw(text.str(), argv[1]);
        const auto problems = mbl::validate_backlog(backlog);
        std::cout << backlog.assets.size() << " assets, " << problems.size() << " problems\n";
    } catch (const mbl::Error& error) {
        std::cerr << "mbl_consumer: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
