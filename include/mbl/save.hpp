#pragma once
// A Backlog to its canonical text (README.md, "The file"): two-space indentation, keys
// in the fixed order of file_keys.hpp with unknown keys after them in their original order, arrays
// one element a line (`[]` and `{}` when empty), one trailing newline. Loading canonical text and
// saving it again gives the same bytes.

#include "mbl/model.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mbl {

namespace detail {
class TextBuffer;
}

std::string to_canonical_text(const Backlog& backlog);

// The same text given to `consume` in pieces (in order, about 64 kB each), so a large backlog's
// text need not be held whole: for comparing with a file, or writing one.
void write_canonical_text(const Backlog& backlog,
                          const std::function<void(std::string_view)>& consume);

// One entity as canonical JSON text at depth 0 (no trailing newline), shaped exactly as inside
// the file, for `--format json` output.
std::string to_json_text(const Asset& asset);
std::string to_json_text(const Workload& workload);
std::string to_json_text(const Iteration& iteration);

// The entities as a canonical JSON array at depth 0, each shaped as by to_json_text (`[]` when
// empty, no trailing newline), for `--format json` listings.
std::string to_json_array_text(const std::vector<const Asset*>& assets);
std::string to_json_array_text(const std::vector<const Workload*>& workloads);

// The text of to_json_array_text(assets) built one asset at a time: for a listing whose assets are
// read one by one and not kept.
class JsonArrayText {
  public:
    JsonArrayText();
    ~JsonArrayText();
    JsonArrayText(const JsonArrayText&) = delete;
    JsonArrayText& operator=(const JsonArrayText&) = delete;

    void add(const Asset& asset);
    // The array of the assets added (`[]` when none), no trailing newline; empty afterwards.
    std::string take();

  private:
    std::unique_ptr<detail::TextBuffer> text_;
    bool empty_ = true;
};

// `text` as a JSON string literal with quotes, escaped as the canonical writer does.
std::string json_quote(std::string_view text);

// A number as the writer spells it: integers without a fraction (`16`), others in the shortest
// form that reads back to the same double (`0.1`).
std::string format_number(double value);

} // namespace mbl
