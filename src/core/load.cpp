#include "mbl/load.hpp"

#include "json_cursor.hpp"
#include "json_tokenizer.hpp"
#include "line_index.hpp"
#include "load_diagnosis.hpp"
#include "load_entities.hpp"
#include "mbl/error.hpp"

#include <charconv>
#include <fmt/format.h>

namespace mbl {

namespace {

// The version number N of a `mbl/N` format string, or nullopt when it is not one.
std::optional<int> format_version(std::string_view format) {
    constexpr std::string_view prefix = "mbl/";
    if (format.substr(0, prefix.size()) != prefix) {
        return std::nullopt;
    }
    int version = 0;
    const char* first = format.data() + prefix.size();
    const char* last = format.data() + format.size();
    auto [end, error] = std::from_chars(first, last, version);
    if (error != std::errc{} || end != last || first == last) {
        return std::nullopt;
    }
    return version;
}

Error error_at(std::string_view label, SourcePosition at, std::string message) {
    return Error(ExitStatus::input, ErrorLocation{std::string(label), at, std::move(message)});
}

void check_format(const Backlog& backlog, const detail::TopLevelSink& root, std::string_view text,
                  ReleasableText* releasable, std::string_view label) {
    if (!root.format_seen()) {
        throw error_at(label, {1, 1},
                       "not an mbl backlog: the top-level key \"format\": \"mbl/1\" is missing");
    }
    auto version = format_version(backlog.format);
    auto at = [&] {
        if (releasable) {
            releasable->restore_all();
        }
        return detail::LineIndex(text).position(root.format_offset());
    };
    if (!version) {
        throw error_at(label, at(),
                       fmt::format("unknown format {}; this mbl reads {}",
                                   json_quote(backlog.format), json_quote(current_format)));
    }
    if (*version > 1) {
        throw error_at(label, at(),
                       fmt::format("this file is format {}, newer than this mbl understands ({}); "
                                   "upgrade mbl to read it",
                                   backlog.format, current_format));
    }
}

// load_backlog, releasing `releasable` (whose view is `whole`) as it goes when not null.
// The fatal error of a text the reader stopped at: git's conflict markers are named as the
// unresolved merge they are, wherever the reader stopped (no JSON has them at a line start).
Error fatal_error(std::string_view text, std::size_t offset, const std::string& message,
                  std::string_view label) {
    detail::LineIndex lines(text);
    if (auto marker = detail::first_conflict_marker(text)) {
        SourcePosition at = lines.position(*marker);
        return error_at(label, at, detail::conflict_message(text, *marker, at.line, label));
    }
    return error_at(label, lines.position(offset), message);
}

LoadResult load(std::string_view whole, ReleasableText* releasable, std::string_view file_label,
                const LoadLayout& layout = {}) {
    LoadResult result;
    detail::BacklogSink root(result.backlog);
    root.set_spare_attributes(layout.spare_attributes);
    detail::TextRead read =
        detail::read_backlog_text(whole, releasable, root, result.backlog, file_label);
    result.problems = std::move(read.problems);
    result.unread = std::move(read.unread);
    return result;
}

Backlog backlog_or_throw(LoadResult result, std::string_view file_label) {
    detail::throw_if_errors(result.problems, file_label);
    return std::move(result.backlog);
}

} // namespace

namespace detail {

TextRead read_backlog_text(std::string_view whole, ReleasableText* releasable, TopLevelSink& root,
                           Backlog& backlog, std::string_view file_label) {
    if (auto encoding = wide_encoding(whole)) {
        throw error_at(file_label, {1, 1}, wide_encoding_message(*encoding, file_label));
    }
    std::string_view text = without_bom(whole);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw error_at(file_label, {1, 1},
                       "the file is empty; a backlog is a JSON object with \"format\": "
                       "\"mbl/1\" (run 'mbl init' to create one)");
    }
    backlog.layout = detect_text_layout(whole);
    Reader reader(text, root, max_json_depth, releasable);
    JsonTokenizer(text, reader, reader.reached()).run();
    if (releasable) {
        releasable->check_read_unchanged(); // before an error of a text that changed meanwhile
    }

    bool needs_positions = reader.fatal_message || !reader.problems.empty();
    if (releasable && needs_positions) {
        releasable->restore_all();
    }
    if (reader.fatal_message) {
        throw fatal_error(text, reader.fatal_offset, *reader.fatal_message, file_label);
    }
    check_format(backlog, root, text, releasable, file_label);
    TextRead read{std::move(reader.problems), std::move(reader.unread)};
    if (read.problems.empty()) {
        return read; // no positions to find: the line index (8 bytes a line) is not built
    }
    LineIndex lines(text);
    for (std::size_t i = 0; i < read.problems.size(); ++i) {
        read.problems[i].position = lines.position(reader.problem_offsets[i]);
    }
    if (releasable) {
        releasable->release_before(whole.data() + whole.size()); // given back again
    }
    return read;
}

void throw_if_errors(const std::vector<Problem>& problems, std::string_view file_label) {
    if (!has_errors(problems)) {
        return;
    }
    constexpr std::size_t shown = 5;
    std::string message;
    std::size_t errors = 0;
    for (const Problem& problem : problems) {
        if (problem.severity != Severity::error) {
            continue;
        }
        if (++errors <= shown) {
            message += fmt::format("{}{}:{}:{}: {}", errors == 1 ? "" : "\n", file_label,
                                   problem.position.line, problem.position.column, problem.message);
        }
    }
    if (errors > shown) {
        message +=
            fmt::format("\n… and {} more; run 'mbl validate' to see them all", errors - shown);
    }
    throw input_error(message);
}

} // namespace detail

LoadResult load_backlog(std::string_view text, std::string_view file_label) {
    return load(text, nullptr, file_label);
}

LoadResult load_backlog(ReleasableText& text, std::string_view file_label) {
    return load(text.view(), &text, file_label);
}

Backlog load_backlog_or_throw(std::string_view text, std::string_view file_label) {
    return backlog_or_throw(load_backlog(text, file_label), file_label);
}

Backlog load_backlog_or_throw(ReleasableText& text, std::string_view file_label) {
    return backlog_or_throw(load_backlog(text, file_label), file_label);
}

Backlog load_backlog_or_throw(ReleasableText& text, std::string_view file_label,
                              const LoadLayout& layout) {
    return backlog_or_throw(load(text.view(), &text, file_label, layout), file_label);
}

} // namespace mbl
