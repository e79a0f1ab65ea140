// libFuzzer target: mbl's JSON tokenizer against nlohmann/json, a second reader, on every input.
// For any bytes (a leading UTF-8 byte-order mark skipped, as the loader skips it), both must
// accept or both refuse them; when both accept, the value rebuilt from the tokenizer's events must
// equal nlohmann's (strings decoded the same, numbers the same doubles or integers). A NUL byte,
// which nlohmann takes for the end of the input, must be refused. Built with
// -DMBL_SIMD=OFF, the portable path is the one compared. Crashes, leaks and undefined behaviour
// are caught by libFuzzer and the sanitizers (MBL_FUZZ=ON).

#include "core/json_cursor.hpp"
#include "core/json_tokenizer.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The value of the tokenizer's events, as nlohmann holds one.
class TreeBuilder {
  public:
    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number(std::string_view spelling, double value, bool is_integer) {
        if (!is_integer) {
            return put(value);
        }
        if (spelling.front() == '-') {
            return put(std::stoll(std::string(spelling)));
        }
        return put(std::stoull(std::string(spelling)));
    }
    bool string(std::string_view value, std::string_view) { return put(value); }
    bool key(std::string_view key) {
        key_ = key;
        return true;
    }
    bool start_object() { return open(nlohmann::json::object()); }
    bool start_array() { return open(nlohmann::json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    void syntax_error(std::string message, std::size_t) { error = std::move(message); }

    nlohmann::json root;
    std::string error;

  private:
    nlohmann::json* place(nlohmann::json value) {
        if (open_.empty()) {
            root = std::move(value);
            return &root;
        }
        nlohmann::json& parent = *open_.back();
        if (parent.is_object()) {
            return &(parent[key_] = std::move(value)); // a duplicate key: the last wins, as there
        }
        parent.push_back(std::move(value));
        return &parent.back();
    }
    bool put(nlohmann::json value) {
        place(std::move(value));
        return true;
    }
    bool open(nlohmann::json value) {
        open_.push_back(place(std::move(value)));
        return true;
    }
    bool close() {
        open_.pop_back();
        return true;
    }

    std::vector<nlohmann::json*> open_;
    std::string key_;
};

[[noreturn]] void fail(const char* what, std::string_view input, const std::string& detail) {
    std::fprintf(stderr, "fuzz_json_tokenizer: %s\n--- input ---\n%.*s\n--- detail ---\n%s\n", what,
                 static_cast<int>(input.size()), input.data(), detail.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Deep nesting: nlohmann's values are destroyed recursively; the loader stops at 256 levels.
    if (std::count(bytes.begin(), bytes.end(), '[') + std::count(bytes.begin(), bytes.end(), '{') >
        200) {
        return 0;
    }
    std::string_view text = mbl::detail::without_bom(bytes);
    TreeBuilder tree;
    std::size_t reached = 0;
    bool mbl_accepts = mbl::detail::JsonTokenizer(text, tree, &reached).run();
    // nlohmann reads a NUL byte outside a string as the end of the input; JSON has none anywhere
    // (not whitespace, and a control character inside a string), so mbl must refuse it.
    if (bytes.find('\0') != std::string_view::npos) {
        if (mbl_accepts) {
            fail("mbl accepts a NUL byte", bytes, "");
        }
        return 0;
    }
    nlohmann::json theirs = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    bool nlohmann_accepts = !theirs.is_discarded();
    if (mbl_accepts != nlohmann_accepts) {
        fail(mbl_accepts ? "mbl accepts what nlohmann refuses"
                         : "mbl refuses what nlohmann accepts",
             bytes, tree.error);
    }
    if (mbl_accepts && tree.root != theirs) {
        fail("the two readers give different values", bytes,
             tree.root.dump() + "\n--- nlohmann ---\n" + theirs.dump());
    }
    return 0;
}
