// BacklogFileText maps the file where it lies: what another program does to the file while it is
// mapped (written in place, cut short) must never be read as the backlog, nor crash the reader.
#include "mbl/error.hpp"
#include "mbl/load.hpp"
#include "mbl/store.hpp"
#include "support/scratch_files.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using mbl::test::TempDir;
using mbl::test::write_text;
using namespace mbl;

namespace {

const std::string changed = "backlog.json changed while mbl was reading it; run the command again";

// A valid backlog of about `bytes` bytes (one long name).
std::string backlog_text(std::size_t bytes) {
    return "{\n  \"format\": \"mbl/1\",\n  \"name\": \"" + std::string(bytes, 'n') + "\"\n}\n";
}

void overwrite_in_place(const fs::path& file, std::streamoff at, std::string_view bytes) {
    std::fstream in_place(file, std::ios::in | std::ios::out | std::ios::binary);
    in_place.seekp(at);
    in_place.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST_CASE("a file written in place while it is loaded is refused as changed, not misread",
          "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    write_text(file, backlog_text(3 << 20));
    BacklogFileText text(file, TextUse::reading, "backlog.json");
    // Another program breaks the JSON in place after the file was opened: the loader would read
    // a syntax error (or a different backlog) that the file never held whole.
    overwrite_in_place(file, 2, "[");
    CHECK_THROWS_WITH(load_backlog(text, "backlog.json"), changed);
    CHECK_THROWS_WITH(text.check_read_unchanged(), changed);
}

TEST_CASE("a file left alone loads, and checks unchanged after its load", "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    write_text(file, backlog_text(3 << 20));
    BacklogFileText text(file, TextUse::reading, "backlog.json");
    LoadResult result = load_backlog(text, "backlog.json");
    CHECK(result.backlog.name.size() == std::size_t{3} << 20);
    CHECK_NOTHROW(text.check_read_unchanged());
}

TEST_CASE("a file cut short while it is mapped reads as zeros past its new end, never a crash",
          "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    const std::string original = backlog_text(3 << 20);
    write_text(file, original);
    BacklogFileText text(file, TextUse::reading, "backlog.json");
    REQUIRE(::truncate(file.c_str(), 1 << 20) == 0);

    // Past the new end the pages are gone from the file: read there, they are zeros.
    std::string_view view = text.view();
    CHECK(view[(2 << 20) + 17] == '\0');
    CHECK(view.substr(0, 100) == std::string_view(original).substr(0, 100));
    CHECK_THROWS_WITH(text.check_read_unchanged(), changed);
    CHECK_THROWS_WITH(load_backlog(text, "backlog.json"), changed);
}

TEST_CASE("a bus error outside a mapped backlog still ends the process", "[large]") {
    TempDir dir;
    write_text(dir / "backlog.json", backlog_text(100));
    BacklogFileText text(dir / "backlog.json"); // the handler is installed
    const fs::path other = dir / "other.bin";
    write_text(other, std::string(8192, 'o'));
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int fd = ::open(other.c_str(), O_RDWR);
        auto* bytes =
            static_cast<volatile char*>(::mmap(nullptr, 8192, PROT_READ, MAP_SHARED, fd, 0));
        if (bytes == MAP_FAILED || ::ftruncate(fd, 0) != 0) {
            ::_exit(3);
        }
        char read = bytes[4096]; // past the end now: SIGBUS, not ours to handle
        ::_exit(read == 'o' ? 4 : 5);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE_FALSE((WIFEXITED(status) && WEXITSTATUS(status) == 3));
    // Killed by SIGBUS, or ended by the handler there was before (a sanitizer's): never past it.
    CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) >= 4));
    if (WIFSIGNALED(status)) {
        CHECK(WTERMSIG(status) == SIGBUS);
    }
}

TEST_CASE("more files open at once than can be mapped are read, and read the same", "[large]") {
    TempDir dir;
    const fs::path file = dir / "backlog.json";
    const std::string original = backlog_text(200000);
    write_text(file, original);
    std::vector<std::unique_ptr<BacklogFileText>> texts;
    for (int i = 0; i < 24; ++i) { // more than the 16 mappings guarded at once
        texts.push_back(std::make_unique<BacklogFileText>(file));
    }
    for (const auto& text : texts) {
        CHECK(text->view() == original);
        text->release_before(text->view().data() + text->view().size());
        text->restore_all();
        CHECK(text->view() == original);
        CHECK_NOTHROW(text->check_read_unchanged());
    }
}
