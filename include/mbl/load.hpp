#pragma once
// Text to a Backlog, streaming straight into the typed model (no JSON tree per record).

#include "mbl/model.hpp"
#include "mbl/problem.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

// Text the loader may hand back to the system as it reads past it, so a large file is not held
// whole next to the model read from it (BacklogFileText in store.hpp is the file's).
class ReleasableText {
  public:
    virtual ~ReleasableText() = default;
    // The whole text. Bytes released and not yet restored read as zeros.
    virtual std::string_view view() const = 0;
    // The bytes before `position` (a pointer into view()) are not needed any more: whole memory
    // pages of them may be given back. Releasing again what was released is harmless.
    virtual void release_before(const char* position) = 0;
    // Reads back the released bytes in [offset, offset + length) (clipped to the text), so
    // view() holds them again until they are released again.
    virtual void restore(std::size_t offset, std::size_t length) = 0;
    void restore_all() { restore(0, view().size()); }
    // Throws when the text may have changed while it was being read (another program writing its
    // file in place): the loader calls it once it has read the whole text, before it uses what it
    // read or reports an error in it. Nothing to check for text held in memory.
    virtual void check_read_unchanged() {}
};

// Compares a ReleasableText with another text given in pieces, in order (write_canonical_text's),
// restoring and releasing the first a piece at a time, so neither is ever held whole.
class PieceComparison {
  public:
    explicit PieceComparison(ReleasableText& text) : text_(text) {}
    // The next piece of the other text.
    void add(std::string_view piece);
    // After the last piece: true when the two texts are the same bytes.
    bool equal() const { return !differs_ && compared_ == text_.view().size(); }
    // True once a piece differed from the text (or went past its end).
    bool differs() const { return differs_; }
    // The bytes at the start of both texts found equal: the offset of the first difference
    // once differs().
    std::size_t equal_bytes() const { return compared_; }
    // When they differ: the 1-based line of the text where the first difference is (counted
    // when asked, reading the text again up to there).
    std::size_t first_differing_line();

  private:
    ReleasableText& text_;
    std::size_t compared_ = 0; // bytes of both found equal
    bool differs_ = false;
};

struct LoadResult {
    Backlog backlog;
    // Every problem met while reading values, in file order, each with its path and position:
    // wrong types, unknown enum values, invalid dates (errors); unknown keys not starting with
    // `x-` (warnings naming the nearest known key). The backlog holds what could be read; when
    // there is any error it must not be saved.
    std::vector<Problem> problems;
    // The JSON pointers of the values an error left unread, so rules can skip exactly those
    // (validate_backlog): a value of the wrong type or an unknown spelling (`/assets/3/status`),
    // a missing required key (`/iterations/0/start`), a list entry or an array element of the
    // wrong type (`/assets/3/depends_on/1`, `/assets/7`). Each keeps a default in the backlog:
    // the field's, an empty string, a default element (so later indexes are the file's).
    std::vector<std::string> unread;
};

// Nesting deeper than this is refused (never a stack overflow on hostile input).
inline constexpr int max_json_depth = 256;

// Reads `text` (UTF-8 JSON; a leading byte-order mark is skipped). The backlog's `layout` is
// the text's (detect_text_layout: its line ending and byte-order mark), so it is written back so.
// Throws `mbl::Error` with ExitStatus::input, whose message starts `<file_label>:LINE:COLUMN: `,
// for what makes the file unreadable as a whole: a JSON syntax error, invalid UTF-8, a duplicate
// key, nesting beyond `max_json_depth`, a top level that is not an object, a missing `format`,
// or a `format` newer than `mbl/1` (refused whole, whatever else the file holds). Two of them
// are named for what they are, with what to do: UTF-16 or UTF-32 text (at 1:1, with the iconv
// command that converts it), and git's conflict markers left by an unresolved merge (at the
// first marker, with the git commands that resolve it).
LoadResult load_backlog(std::string_view text, std::string_view file_label = "backlog.json");

// Like load_backlog, giving `text` back as it reads past it (about a megabyte at a time). When
// a problem needs its position, the text is restored whole before it returns; else it returns
// with nearly all of it released.
LoadResult load_backlog(ReleasableText& text, std::string_view file_label = "backlog.json");

// Like load_backlog, but also throws (ExitStatus::input) when the result has any error problem,
// listing the first few as `<file_label>:LINE:COLUMN: message`. For commands that need a usable
// backlog; `validate` uses load_backlog to report everything.
Backlog load_backlog_or_throw(std::string_view text, std::string_view file_label = "backlog.json");
Backlog load_backlog_or_throw(ReleasableText& text, std::string_view file_label = "backlog.json");

// How the model is laid out in memory; what it holds is the same.
struct LoadLayout {
    // Room for this many more entries in each asset's `attributes` (when it has the key): a
    // change that adds an attribute to many assets (import dependencies: `dependency_ports`)
    // then adds it in place, where moving every such asset's attributes to a larger block
    // leaves the old blocks as holes no later allocation fits (a third of the file's size).
    std::size_t spare_attributes = 0;
};
Backlog load_backlog_or_throw(ReleasableText& text, std::string_view file_label,
                              const LoadLayout& layout);

} // namespace mbl
