#include "cli/app.hpp"

int main(int argc, char** argv) {
    return mbl::cli::run(argc, argv);
}
