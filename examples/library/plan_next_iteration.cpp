// plan_next_iteration BACKLOG_FILE YYYY-MM-DD: loads a backlog, plans its next iteration and
// commits the plan, then saves the file: what `mbl -f BACKLOG_FILE --today YYYY-MM-DD iteration
// plan --commit` does, through the mbl library (mbl::core) alone. The file ends up byte for byte
// as the command leaves it.

#include "mbl/date.hpp"
#include "mbl/error.hpp"
#include "mbl/planning.hpp"
#include "mbl/store.hpp"

#include <chrono>
#include <iostream>
#include <optional>

int main(int argc, char** argv) {
    std::optional<mbl::Date> today = argc == 3 ? mbl::Date::parse(argv[2]) : std::nullopt;
    if (!today) {
        std::cerr << "usage: plan_next_iteration BACKLOG_FILE YYYY-MM-DD\n";
        return 2;
    }
    try {
        mbl::PlanCommitment commitment;
        // Locked, and written atomically only when the change returns and changed something.
        bool written =
            mbl::update_backlog_file(argv[1], std::chrono::seconds(10), [&](mbl::Backlog& backlog) {
                // No iteration named, no capacity: the first planned iteration, with the capacity
                // the team set for it, else the velocity, else settings.default_capacity.
                mbl::IterationPlan plan = mbl::plan_iteration(backlog, std::nullopt, std::nullopt);
                commitment = mbl::commit_iteration_plan(backlog, plan, *today);
            });
        std::cout << "Committed " << commitment.added.size() << " assets ("
                  << commitment.added_estimate << ") to " << commitment.iteration_id
                  << (written ? "" : "; the file was already so") << '\n';
    } catch (const mbl::Error& error) {
        std::cerr << "plan_next_iteration: " << error.what() << '\n';
        return static_cast<int>(error.status());
    }
    return 0;
}
