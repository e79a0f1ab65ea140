// The JSON tokenizer: strict RFC 8259, checked against nlohmann's parser on the same inputs
// (what one accepts the other accepts, with the same value) and on each error's position.

#include "core/json_tokenizer.hpp"
#include "core/json_write.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

using mbl::detail::JsonTokenizer;

namespace {

// Rebuilds the value from the events, as nlohmann would hold it.
class TreeBuilder {
  public:
    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number(std::string_view spelling, double value, bool is_integer) {
        spellings.emplace_back(spelling);
        if (!is_integer) {
            return put(value);
        }
        if (spelling.front() == '-') {
            return put(std::stoll(std::string(spelling)));
        }
        return put(std::stoull(std::string(spelling)));
    }
    bool string(std::string_view value, std::string_view literal) {
        if (!literal.empty()) { // a literal is handed over only when it is the canonical text
            std::string canonical;
            mbl::detail::append_quoted(canonical, value);
            literals_canonical = literals_canonical && canonical == literal;
        }
        return put(value);
    }
    bool key(std::string_view key) {
        pending_key_ = key;
        return true;
    }
    bool start_object() { return open(nlohmann::json::object()); }
    bool start_array() { return open(nlohmann::json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    void syntax_error(std::string message, std::size_t offset) {
        error = std::move(message);
        error_offset = offset;
    }

    nlohmann::json root;
    std::vector<std::string> spellings;
    std::string error;
    std::size_t error_offset = 0;
    bool literals_canonical = true;

  private:
    nlohmann::json* place(nlohmann::json value) {
        if (stack_.empty()) {
            root = std::move(value);
            return &root;
        }
        nlohmann::json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        parent[pending_key_] = std::move(value);
        return &parent[pending_key_];
    }
    bool put(nlohmann::json value) {
        place(std::move(value));
        return true;
    }
    bool open(nlohmann::json value) {
        stack_.push_back(place(std::move(value)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    std::vector<nlohmann::json*> stack_;
    std::string pending_key_;
};

struct Outcome {
    bool accepted;
    TreeBuilder tree;
};

Outcome tokenize(std::string_view text) {
    Outcome outcome;
    std::size_t reached = 0;
    outcome.accepted = JsonTokenizer(text, outcome.tree, &reached).run();
    return outcome;
}

// Both parsers agree on `text`: both refuse it, or both read the same value.
void check_agrees_with_nlohmann(const std::string& text) {
    INFO("text: " << text.substr(0, 200));
    Outcome ours = tokenize(text);
    nlohmann::json theirs = nlohmann::json::parse(text, nullptr, false);
    REQUIRE(ours.accepted == !theirs.is_discarded());
    if (ours.accepted) {
        CHECK(ours.tree.root == theirs);
        CHECK(ours.tree.literals_canonical);
    } else {
        CHECK(ours.tree.error_offset <= text.size());
        CHECK_FALSE(ours.tree.error.empty());
    }
}

std::string example_text() {
    std::ifstream in(MBL_SOURCE_DIR "/examples/contoso/backlog.json", std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

TEST_CASE("the tokenizer reads what nlohmann reads, and refuses what it refuses", "[tokenizer]") {
    for (const char* text : {"{}",
                             "[]",
                             " [1, -2, 3.5, -0.25e+3, 1E2, 0, -0] ",
                             R"({"a": {"b": [true, false, null]}})",
                             R"("\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 \u0000")",
                             "\"é ü 😀 \xe2\x82\xac\"",
                             "18446744073709551615",
                             "-9223372036854775808",
                             "123456789012345678901234567890",
                             "1e-400",
                             "[1,]",
                             "{\"a\":1,}",
                             "[01]",
                             "[-]",
                             "[1.]",
                             "[.5]",
                             "[1e]",
                             "[+1]",
                             "tru",
                             "nul",
                             "[true false]",
                             "{\"a\" 1}",
                             "{a: 1}",
                             "{\"a\":}",
                             "[",
                             "{",
                             "\"abc",
                             "\"a\\",
                             "\"\\x\"",
                             "\"\\u12\"",
                             "\"\\ud800\"",
                             "\"\\udc00\"",
                             "\"\\ud800\\u0041\"",
                             "\"\t\"",
                             "\"\x01\"",
                             "\"\xff\"",
                             "\"\xc0\xaf\"",
                             "\"\xe0\x80\xaf\"",
                             "\"\xed\xa0\x80\"",
                             "\"\xf4\x90\x80\x80\"",
                             "\"\xc3\"",
                             "[1] 2",
                             "1e400",
                             "-1e400",
                             "[] x",
                             ""}) {
        check_agrees_with_nlohmann(text);
    }
}

TEST_CASE("the tokenizer agrees with nlohmann on thousands of damaged files", "[tokenizer]") {
    std::string original = example_text();
    REQUIRE(original.size() > 10000);
    std::mt19937 random(20261125);
    const std::string alphabet = "{}[]\":,.-+eE0123456789 \n\\utfnrl\x80\xc3\xff";
    for (int round = 0; round < 2000; ++round) {
        std::string text = original.substr(0, 3000 + random() % 3000);
        int edits = 1 + static_cast<int>(random() % 3);
        for (int edit = 0; edit < edits; ++edit) {
            std::size_t at = random() % text.size();
            switch (random() % 3) {
            case 0:
                text.erase(at, 1 + random() % 4);
                break;
            case 1:
                text.insert(at, 1, alphabet[random() % alphabet.size()]);
                break;
            default:
                text[at] = alphabet[random() % alphabet.size()];
            }
        }
        check_agrees_with_nlohmann(text);
    }
    check_agrees_with_nlohmann(original);
}

TEST_CASE("whitespace of every shape is skipped between tokens, to the end of the text",
          "[tokenizer]") {
    // The skip takes shortcuts for a pretty-printed file's shapes (nothing, one space, a line
    // break and its indentation): every other shape, and each one cut by the end of the text,
    // must read the same.
    const std::vector<std::string> gaps = {"",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           "\t",
                                           " \n",
                                           "\n\t",
                                           "\n" + std::string(17, ' ') + "\t",
                                           std::string(16, ' '),
                                           std::string(33, ' ') + "\r",
                                           " \t \n  "};
    const std::vector<std::string> tokens = {"{", "\"a\"", ":",     "[", "1",    ",", "\"b\"",
                                             "]", ",",     "\"c\"", ":", "null", "}"};
    for (std::size_t shape = 0; shape < gaps.size(); ++shape) {
        for (std::size_t other = 0; other < gaps.size(); ++other) {
            std::string text;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                text += gaps[(i % 2 == 0) ? shape : other];
                text += tokens[i];
            }
            std::string padded = text + gaps[other];
            check_agrees_with_nlohmann(padded);
            REQUIRE(tokenize(padded).tree.root ==
                    nlohmann::json::parse(R"({"a": [1, "b"], "c": null})"));
            check_agrees_with_nlohmann(padded + "x"); // refused after any gap
        }
    }
}

TEST_CASE("numbers reach the handler as written", "[tokenizer]") {
    Outcome outcome = tokenize("[12, 2.50, 1E5, -0, 123456789012345678901234567890, 1e-400]");
    REQUIRE(outcome.accepted);
    CHECK(outcome.tree.spellings == std::vector<std::string>{"12", "2.50", "1E5", "0",
                                                             "123456789012345678901234567890",
                                                             "1e-400"});
    CHECK(outcome.tree.root[5] == 0.0);
}

TEST_CASE("syntax errors name the byte where the text stops being JSON", "[tokenizer]") {
    auto error_of = [](std::string_view text) {
        Outcome outcome = tokenize(text);
        REQUIRE_FALSE(outcome.accepted);
        return std::pair(outcome.tree.error_offset, outcome.tree.error);
    };
    CHECK(error_of("{\"a\": tru }") ==
          std::pair<std::size_t, std::string>(6, "unexpected 'tru'; expected a value"));
    CHECK(error_of("[1, 2") ==
          std::pair<std::size_t, std::string>(5, "unexpected end of input; expected ',' or ']'"));
    CHECK(error_of("{\"a\" \"b\"}") ==
          std::pair<std::size_t, std::string>(5, "unexpected '\"b\"'; expected ':' after the key"));
    CHECK(error_of("[\"ab\xff\"]") ==
          std::pair<std::size_t, std::string>(
              4, "invalid UTF-8 byte \\xff in a string; save the file as UTF-8"));
    CHECK(error_of("[\"a\nb\"]").first == 3);
    CHECK(error_of("[\"a\nb\"]").second.find("control character \\x0a") == 0);
    CHECK(error_of("[007]").second == "invalid number '007': JSON numbers have no leading zeros");
    CHECK(error_of("[1] [2]") ==
          std::pair<std::size_t, std::string>(4, "unexpected '[2'; expected the end of the file"));
    CHECK(error_of("[\"\\ud800x\"]").first == 2);
    CHECK(error_of("1e400").second == "the number 1e400 is beyond what a double can hold");
}

TEST_CASE("nesting a million deep is walked without recursion", "[tokenizer]") {
    std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    Outcome outcome;
    std::size_t reached = 0;
    struct Counter {
        std::size_t depth = 0, deepest = 0;
        bool null() { return true; }
        bool boolean(bool) { return true; }
        bool number(std::string_view, double, bool) { return true; }
        bool string(std::string_view, std::string_view) { return true; }
        bool key(std::string_view) { return true; }
        bool start_object() { return true; }
        bool end_object() { return true; }
        bool start_array() {
            deepest = std::max(deepest, ++depth);
            return true;
        }
        bool end_array() {
            --depth;
            return true;
        }
        void syntax_error(std::string, std::size_t) {}
    } counter;
    CHECK(JsonTokenizer(deep, counter, &reached).run());
    CHECK(counter.deepest == 1000000);
    CHECK(counter.depth == 0);
    CHECK(reached == deep.size());
}
