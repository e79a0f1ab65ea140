#include "mbl/locate.hpp"

#include "json_cursor.hpp"
#include "json_tokenizer.hpp"
#include "line_index.hpp"

#include <cstdint>
#include <unordered_map>

namespace mbl {

namespace {

constexpr std::size_t not_found = static_cast<std::size_t>(-1);

// A SAX handler that notes where each wanted JSON pointer's value starts.
class PointerFinder {
  public:
    PointerFinder(std::string_view text, std::unordered_map<std::string, std::size_t>& wanted)
        : text_(text), wanted_(wanted) {}

    std::size_t* reached() { return &reached_; }

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number(std::string_view, double, bool) { return scalar(); }
    bool string(std::string_view, std::string_view) { return scalar(); }
    bool start_object() { return open(false); }
    bool start_array() { return open(true); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string_view key) {
        begin_event();
        if (skipped_depth_ == 0) {
            stack_.back().key = key;
        }
        return true;
    }
    void syntax_error(std::string, std::size_t) {}

  private:
    struct Frame {
        bool is_array;
        std::size_t index;
        std::string key;
        std::size_t path_length; // length of path_ before this container's segment
    };

    void begin_event() {
        event_from_ = previous_end_;
        previous_end_ = reached_;
    }
    // Appends the current value's segment to path_ and notes its offset if wanted.
    void enter_value() {
        begin_event();
        if (!stack_.empty()) {
            Frame& frame = stack_.back();
            path_ += '/';
            path_ += frame.is_array ? std::to_string(++frame.index) : pointer_segment(frame.key);
        }
        if (auto found = wanted_.find(path_); found != wanted_.end()) {
            found->second = detail::next_value_start(text_, event_from_);
        }
    }
    bool scalar() {
        if (skipped_depth_ > 0) {
            return true;
        }
        std::size_t before = path_.size();
        enter_value();
        path_.resize(before);
        return true;
    }
    // A container that holds no wanted path is skipped whole: no paths are built inside it.
    bool open(bool is_array) {
        if (skipped_depth_ > 0) {
            ++skipped_depth_;
            return true;
        }
        std::size_t before = path_.size();
        enter_value();
        if (wanted_.count(path_) == 0) {
            path_.resize(before);
            skipped_depth_ = 1;
            return true;
        }
        stack_.push_back(Frame{is_array, static_cast<std::size_t>(-1), {}, before});
        return true;
    }
    bool close() {
        begin_event();
        if (skipped_depth_ > 0) {
            --skipped_depth_;
            return true;
        }
        path_.resize(stack_.back().path_length);
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    std::size_t reached_ = 0;
    std::size_t previous_end_ = 0;
    std::size_t event_from_ = 0;
    std::unordered_map<std::string, std::size_t>& wanted_;
    std::vector<Frame> stack_;
    std::string path_;
    std::size_t skipped_depth_ = 0; // > 0 inside a skipped container
};

} // namespace

void locate_problems(std::string_view text, std::vector<Problem>& problems) {
    text = detail::without_bom(text);
    std::unordered_map<std::string, std::size_t> wanted;
    for (const Problem& problem : problems) {
        if (problem.position.line != 0) {
            continue;
        }
        // The path and every enclosing one, for paths that do not exist in the text.
        std::string path = problem.path;
        while (wanted.emplace(path, not_found).second && !path.empty()) {
            path.erase(path.rfind('/'));
        }
    }
    if (wanted.empty()) {
        return;
    }
    PointerFinder finder(text, wanted);
    if (!detail::JsonTokenizer(text, finder, finder.reached()).run()) {
        return;
    }
    detail::LineIndex lines(text);
    for (Problem& problem : problems) {
        if (problem.position.line != 0) {
            continue;
        }
        std::string path = problem.path;
        for (;;) {
            if (auto found = wanted.find(path);
                found != wanted.end() && found->second != not_found) {
                problem.position = lines.position(found->second);
                break;
            }
            if (path.empty()) {
                break;
            }
            path.erase(path.rfind('/'));
        }
    }
}

} // namespace mbl
