// libFuzzer target: the loader and the canonical writer agree. For any bytes, load_backlog either
// refuses them with mbl::Error or gives a backlog; when it does, writing that backlog canonically
// and loading the text again must give the same canonical text, byte for byte (a second
// round trip changes nothing), and must not throw. Crashes, hangs, leaks and undefined behaviour
// are caught by libFuzzer and the sanitizers this target is built with (MBL_FUZZ=ON).

#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, const std::string& first, const std::string& second) {
    std::fprintf(stderr, "fuzz_load: %s\n--- first ---\n%s\n--- second ---\n%s\n", what,
                 first.c_str(), second.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    mbl::LoadResult loaded;
    try {
        loaded = mbl::load_backlog(bytes);
    } catch (const mbl::Error&) {
        return 0; // refused whole: fine, as long as it did not crash
    }
    // What the loader kept (wrong-typed values fall back to defaults) is written canonically.
    const std::string canonical = mbl::to_canonical_text(loaded.backlog);
    std::string again;
    try {
        again = mbl::to_canonical_text(mbl::load_backlog(canonical).backlog);
    } catch (const mbl::Error& error) {
        fail("the canonical text of a loaded backlog does not load", canonical, error.what());
    }
    if (again != canonical) {
        fail("canonical text -> load -> canonical text is not identical", canonical, again);
    }
    return 0;
}
