#pragma once
// The mbl::Error an action throws, for tests of refusals.

#include "mbl/error.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

namespace mbl::test {

// The error `action` throws; fails the test when it throws none.
template <class Action> Error error_from(Action&& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected an mbl::Error");
    throw std::logic_error("unreachable");
}

} // namespace mbl::test
