#include "load_reader.hpp"

#include "json_cursor.hpp"
#include "json_write.hpp"
#include "line_index.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mbl::detail {

std::string Scalar::description() const {
    switch (type) {
    case Type::null:
        return "null";
    case Type::boolean:
        return boolean ? "true" : "false";
    case Type::integer:
    case Type::number:
        return fmt::format("the number {}", spelling);
    case Type::string: {
        constexpr std::size_t shown = 40;
        std::string quoted(text);
        if (quoted.size() > shown) {
            std::size_t cut = shown; // back to the start of a UTF-8 character
            while (cut > 0 && (static_cast<unsigned char>(quoted[cut]) & 0xC0) == 0x80) {
                --cut;
            }
            quoted = quoted.substr(0, cut) + "…";
        }
        return fmt::format("the string {}", json_quote(quoted));
    }
    case Type::object:
        return "an object";
    case Type::array:
        return "an array";
    }
    return "a value";
}

RawJson Scalar::to_raw() const {
    switch (type) {
    case Type::null:
        return {"null"};
    case Type::boolean:
        return {boolean ? "true" : "false"};
    case Type::integer:
    case Type::number:
        return {std::string(spelling)};
    case Type::string: {
        if (!literal.empty()) {
            return {std::string(literal)};
        }
        RawJson raw;
        append_quoted(raw.text, text);
        return raw;
    }
    case Type::object:
        return {"{}"};
    case Type::array:
        return {"[]"};
    }
    return {"null"};
}

bool KeySet::insert(std::string_view key) {
    constexpr std::size_t small_limit = 16;
    if (large_.empty()) {
        if (std::find(small_.begin(), small_.end(), key) != small_.end()) {
            return false;
        }
        if (small_.size() < small_limit) {
            small_.emplace_back(key);
            return true;
        }
        large_.insert(small_.begin(), small_.end());
        small_.clear();
    }
    return large_.emplace(key).second;
}

void KeySet::clear() {
    small_.clear();
    large_.clear();
}

void Sink::key(Reader&, std::string_view) {}
void Sink::end(Reader&) {}

void RawCaptureSink::start(RawJson* destination, bool is_object) {
    destination_ = destination;
    text_.clear();
    depth_ = 0;
    open(is_object);
}

void RawCaptureSink::open(bool is_object) {
    text_ += is_object ? '{' : '[';
    if (levels_.size() <= depth_) {
        levels_.emplace_back();
    }
    Level& level = levels_[depth_++];
    level.is_object = is_object;
    level.empty = true;
    level.keys.clear();
}

void RawCaptureSink::before_value() {
    Level& level = levels_[depth_ - 1];
    if (level.is_object) {
        return; // the key wrote the separator
    }
    text_ += level.empty ? "\n" : ",\n";
    append_indent(text_, static_cast<int>(depth_));
    level.empty = false;
}

void RawCaptureSink::key(Reader& reader, std::string_view key) {
    Level& level = levels_[depth_ - 1];
    if (!level.keys.insert(key)) {
        reader.fail_duplicate_key(key);
        return;
    }
    text_ += level.empty ? "\n" : ",\n";
    append_indent(text_, static_cast<int>(depth_));
    append_quoted(text_, key);
    text_ += ": ";
    level.empty = false;
}

void RawCaptureSink::scalar(Reader&, Scalar& value) {
    before_value();
    text_ += value.to_raw().text;
}

Sink* RawCaptureSink::begin_object(Reader&) {
    before_value();
    open(true);
    return this;
}

Sink* RawCaptureSink::begin_array(Reader&) {
    before_value();
    open(false);
    return this;
}

void RawCaptureSink::end(Reader&) {
    const Level& level = levels_[--depth_];
    if (!level.empty) {
        text_ += '\n';
        append_indent(text_, static_cast<int>(depth_));
    }
    text_ += level.is_object ? '}' : ']';
    if (depth_ == 0) {
        destination_->text.assign(text_); // a copy: text_ keeps its capacity for the next value
    }
}

void add_raw_scalar(RawObject& object, std::string_view key, const Scalar& value) {
    object.emplace_back(std::string(key), value.to_raw());
}

Sink* add_raw_container(Reader& reader, RawObject& object, std::string_view key, bool is_object) {
    object.emplace_back(std::string(key), RawJson{});
    reader.raw_capture().start(&object.back().second, is_object);
    return &reader.raw_capture();
}

Reader::Reader(std::string_view text, Sink& root, int max_depth, ReleasableText* releasable)
    : text_(text), releasable_(releasable), max_depth_(max_depth), root_(root) {}

void Reader::begin_event() {
    event_from_ = previous_end_;
    previous_end_ = reached_;
    constexpr std::size_t release_step = std::size_t{1} << 20;
    if (releasable_ && event_from_ - released_up_to_ >= release_step) {
        release_read_text();
    }
}

void Reader::release_read_text() {
    // Nothing before the current event is read again: the sinks copy what they keep, offsets are
    // kept as numbers, and the keys of open objects (the path of a problem) are copied here.
    for (Frame& frame : stack_) {
        if (!frame.is_array && !frame.key_is_owned) {
            frame.owned_key.assign(frame.key_in_text);
            frame.key_is_owned = true;
        }
    }
    releasable_->release_before(text_.data() + event_from_);
    released_up_to_ = event_from_;
}

void Reader::begin_value() {
    begin_event();
    if (!stack_.empty() && stack_.back().is_array) {
        ++stack_.back().index;
    }
}

std::size_t Reader::current_offset() const {
    return next_value_start(text_, event_from_);
}

std::string_view Reader::current_key() const {
    return stack_.empty() || stack_.back().is_array ? std::string_view() : stack_.back().key();
}

std::string Reader::current_path() const {
    std::string path;
    for (const Frame& frame : stack_) {
        path += '/';
        path += frame.is_array ? std::to_string(frame.index) : pointer_segment(frame.key());
    }
    return path;
}

void Reader::report(Severity severity, std::string code, std::string message) {
    std::string path = current_path();
    if (severity == Severity::error) {
        unread.push_back(path);
    }
    problems.push_back(Problem{severity, std::move(path), std::move(message), {}, std::move(code)});
    problem_offsets.push_back(current_offset());
}

void Reader::report_container(Severity severity, std::string code, std::string message,
                              std::string_view missing_key) {
    std::string path = current_path();
    path.erase(path.rfind('/'));
    if (severity == Severity::error) {
        unread.push_back(missing_key.empty() ? path : path + '/' + pointer_segment(missing_key));
    }
    problems.push_back(Problem{severity, std::move(path), std::move(message), {}, std::move(code)});
    problem_offsets.push_back(stack_.back().start_offset);
}

Sink* Reader::skip(bool is_object) {
    raw_capture_.start(&skipped_, is_object);
    return &raw_capture_;
}

bool Reader::fail_duplicate_key(std::string_view key) {
    return fail(fmt::format("duplicate key {} in the same object; remove one of them (a JSON "
                            "reader would silently keep only the last)",
                            json_quote(key)));
}

bool Reader::fail(std::string message) {
    if (!fatal_message) {
        fatal_message = std::move(message);
        fatal_offset = current_offset();
    }
    return false;
}

void Reader::syntax_error(std::string message, std::size_t offset) {
    std::string shown = "invalid JSON: ";
    for (char c : message) { // the tokenizer escapes bytes it quotes; this is a second guard
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            shown += fmt::format("\\x{:02x}", byte);
        } else {
            shown += c;
        }
    }
    fatal_message = std::move(shown);
    fatal_offset = offset;
    fatal_is_syntax = true;
}

bool Reader::push(Sink* sink, bool is_array) {
    if (stack_.size() >= static_cast<std::size_t>(max_depth_)) {
        return fail(
            fmt::format("nesting deeper than {} levels; mbl refuses such files", max_depth_));
    }
    // Field by field in place: a Frame built aside and copied in was read back in 16-byte
    // words just after being written a byte at a time, which stalls the processor.
    Frame& frame = stack_.emplace_back();
    frame.sink = sink;
    frame.is_array = is_array;
    frame.index = static_cast<std::size_t>(-1);
    frame.start_offset = reached_ - 1; // the `{` or `[` just read: it ends where the tokenizer is
    return !fatal_message;
}

bool Reader::pop() {
    begin_event();
    stack_.back().sink->end(*this);
    stack_.pop_back();
    return !fatal_message;
}

bool Reader::scalar(Scalar& value) {
    begin_value();
    if (stack_.empty()) {
        return fail("the file must hold one JSON object ({ ... }), not a single value");
    }
    stack_.back().sink->scalar(*this, value);
    return !fatal_message;
}

bool Reader::null() {
    Scalar value;
    return scalar(value);
}

bool Reader::boolean(bool flag) {
    Scalar value;
    value.type = Scalar::Type::boolean;
    value.boolean = flag;
    return scalar(value);
}

bool Reader::number(std::string_view spelling, double number, bool is_integer) {
    Scalar value;
    value.type = is_integer ? Scalar::Type::integer : Scalar::Type::number;
    value.number = number;
    value.spelling = spelling;
    return scalar(value);
}

bool Reader::string(std::string_view text, std::string_view literal) {
    Scalar value;
    value.type = Scalar::Type::string;
    value.text = text;
    value.literal = literal;
    return scalar(value);
}

bool Reader::start_object() {
    begin_value();
    Sink* sink = stack_.empty() ? &root_ : stack_.back().sink->begin_object(*this);
    return !fatal_message && push(sink, false);
}

bool Reader::start_array() {
    begin_value();
    if (stack_.empty()) {
        return fail("the file must hold one JSON object ({ ... }), not an array");
    }
    Sink* sink = stack_.back().sink->begin_array(*this);
    return !fatal_message && push(sink, true);
}

bool Reader::key(std::string_view key) {
    begin_event();
    Frame& frame = stack_.back();
    frame.key_is_owned = key.data() < text_.data() || key.data() >= text_.data() + text_.size();
    if (frame.key_is_owned) {
        frame.owned_key.assign(key);
    } else {
        frame.key_in_text = key; // stays valid: the text outlives the reader
    }
    stack_.back().sink->key(*this, key);
    return !fatal_message;
}

bool Reader::end_object() {
    return pop();
}
bool Reader::end_array() {
    return pop();
}

} // namespace mbl::detail
