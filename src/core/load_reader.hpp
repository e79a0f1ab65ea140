#pragma once
// The machinery of the streaming loader: the tokenizer's SAX events go to a stack of sinks, one per
// open JSON container, each of which knows what its container means (an asset, a list of tags,
// a free-form value to keep as raw text). The reader tracks the JSON pointer and the byte offset
// of every event so problems name their exact place.

#include "mbl/load.hpp"
#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mbl::detail {

class Reader;

// One scalar JSON value as the tokenizer delivered it.
struct Scalar {
    // `object` and `array` stand for a container met where a scalar was wanted.
    enum class Type { null, boolean, integer, number, string, object, array };
    Type type = Type::null;
    bool boolean = false;
    double number = 0;         // integer and number
    std::string_view spelling; // number: as written in the file (integers: empty)
    std::string_view text;     // string: the decoded value (valid during the event only)
    std::string_view literal;  // string: as written with its quotes when canonical, else empty

    // "null", "a boolean", "a number", `a string ("16h")`: for type error messages.
    std::string description() const;
    // The value as canonical JSON text.
    RawJson to_raw() const;
};

// Keys already seen in one object, for duplicate detection in linear time.
class KeySet {
  public:
    // False when `key` was already there.
    bool insert(std::string_view key);
    void clear();

  private:
    std::vector<std::string> small_;
    std::unordered_set<std::string> large_;
};

// What one open container does with the values inside it.
class Sink {
  public:
    virtual ~Sink() = default;
    virtual void key(Reader& reader, std::string_view key);
    virtual void scalar(Reader& reader, Scalar& value) = 0;
    // A nested object or array starts: returns the sink that will receive its content.
    virtual Sink* begin_object(Reader& reader) = 0;
    virtual Sink* begin_array(Reader& reader) = 0;
    // This sink's container ends.
    virtual void end(Reader& reader);
};

// Writes a whole JSON value (object or array) as canonical RawJson text.
class RawCaptureSink final : public Sink {
  public:
    // Starts capturing a container into `destination`; `is_object` says which kind opened.
    void start(RawJson* destination, bool is_object);
    void key(Reader& reader, std::string_view key) override;
    void scalar(Reader& reader, Scalar& value) override;
    Sink* begin_object(Reader& reader) override;
    Sink* begin_array(Reader& reader) override;
    void end(Reader& reader) override;

  private:
    void open(bool is_object);
    void before_value();

    struct Level {
        bool is_object = false;
        bool empty = true;
        KeySet keys;
    };
    RawJson* destination_ = nullptr;
    std::string text_;
    std::vector<Level> levels_;
    std::size_t depth_ = 0; // levels_ in use (levels_ is kept to reuse its KeySets)
};

// Adds `key` with a scalar value to a free-form object (`attributes`, or an entity's unknown
// keys), kept as raw values in order.
void add_raw_scalar(RawObject& object, std::string_view key, const Scalar& value);
// Adds `key` to `object` and returns the sink that captures its container value.
Sink* add_raw_container(Reader& reader, RawObject& object, std::string_view key, bool is_object);

// The SAX handler: routes events to the sink on top of the stack.
class Reader {
  public:
    // Refuses nesting deeper than `max_depth` containers. When `releasable` is not null (its
    // view holds `text`), the text read past is released about a megabyte at a time.
    Reader(std::string_view text, Sink& root, int max_depth, ReleasableText* releasable = nullptr);

    // The tokenizer's handler interface (json_tokenizer.hpp).
    bool null();
    bool boolean(bool value);
    bool number(std::string_view spelling, double value, bool is_integer);
    bool string(std::string_view value, std::string_view literal);
    bool start_object();
    bool key(std::string_view key);
    bool end_object();
    bool start_array();
    bool end_array();
    void syntax_error(std::string message, std::size_t offset);

    // Where the tokenizer has read up to (it updates this before each event).
    std::size_t* reached() { return &reached_; }

    // Reports a problem at the current value (or the key just read), with its JSON pointer.
    // An error also marks that value unread (see `unread`).
    void report(Severity severity, std::string code, std::string message);
    // Reports a problem about the container being ended (a missing key), at its start. An
    // error marks `missing_key` of the container unread (the container itself when empty).
    void report_container(Severity severity, std::string code, std::string message,
                          std::string_view missing_key = {});
    // Stops reading: the file cannot be used at all (duplicate key, too deep, not an object).
    bool fail(std::string message);

    RawCaptureSink& raw_capture() { return raw_capture_; }
    // The sink for a container whose type was wrong (the error is already reported): read to the
    // end, duplicate keys refused as anywhere else, then dropped.
    Sink* skip(bool is_object);
    // Stops reading because `key` appears twice in one object.
    bool fail_duplicate_key(std::string_view key);
    // The JSON pointer of the value being read.
    std::string current_path() const;
    std::size_t current_offset() const;
    // Bytes of the text after the current event.
    std::size_t bytes_left() const { return text_.size() - reached_; }
    // The key of the value being read in the innermost object ("" in an array).
    std::string_view current_key() const;

    // Problems in file order; problem_offsets[i] is where problems[i] is (positions are filled
    // in at the end, in one pass).
    std::vector<Problem> problems;
    std::vector<std::size_t> problem_offsets;
    // The JSON pointers of the values an error left unread (LoadResult::unread), in file order.
    std::vector<std::string> unread;
    // Set when reading stopped: the message (without position) and the byte offset.
    std::optional<std::string> fatal_message;
    std::size_t fatal_offset = 0;
    bool fatal_is_syntax = false; // the text is not JSON (rather than JSON mbl refuses)

  private:
    struct Frame {
        Sink* sink = nullptr;
        bool is_array = false;
        std::size_t index = 0;        // arrays: index of the current element
        std::size_t start_offset = 0; // where the container starts in the text
        // Objects: the current key, in the text, or decoded into owned_key when it held escapes
        // (a view of owned_key would not survive the frame being moved).
        std::string_view key_in_text;
        std::string owned_key;
        bool key_is_owned = false;
        std::string_view key() const { return key_is_owned ? owned_key : key_in_text; }
    };
    void begin_event();
    // Keys of open objects become owned, then the text before the current event is released.
    void release_read_text();
    void begin_value();
    bool scalar(Scalar& value);
    bool push(Sink* sink, bool is_array);
    bool pop();

    std::string_view text_;
    ReleasableText* releasable_;
    // Kept apart so that begin_event's two copies are not merged into one 16-byte copy: it would
    // read reached_ in a wide word just after the tokenizer wrote it (a stall of the processor).
    std::size_t previous_end_ = 0; // where the previous event ended
    std::size_t released_up_to_ = 0;
    std::size_t event_from_ = 0; // previous_end_ when the current event began
    int max_depth_;
    std::size_t reached_ = 0; // where the tokenizer has read up to
    Sink& root_;
    std::vector<Frame> stack_;
    RawCaptureSink raw_capture_;
    RawJson skipped_;
};

} // namespace mbl::detail
