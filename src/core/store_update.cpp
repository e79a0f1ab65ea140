// Loading a backlog from its file, and the locked read-modify-write (store.hpp).

#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "mbl/store.hpp"

#include <algorithm>

namespace mbl {

LoadedBacklogFile load_backlog_file(const std::filesystem::path& path, const std::string& label) {
    std::string name = label.empty() ? path.string() : label;
    auto text = std::make_unique<BacklogFileText>(path, TextUse::reading, name);
    Backlog backlog = load_backlog_or_throw(*text, name);
    return {std::move(text), std::move(backlog)};
}

bool update_backlog_file(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
                         const std::function<void(Backlog&)>& change, const std::string& label,
                         const LoadLayout& layout) {
    Backlog backlog;
    return update_backlog_file(path, lock_timeout, change, backlog, label, layout);
}

bool update_backlog_file(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout,
                         const std::function<void(Backlog&)>& change, Backlog& backlog,
                         const std::string& label, const LoadLayout& layout) {
    std::string name = label.empty() ? path.string() : label;
    FileLock lock(path, lock_timeout);
    remove_stale_temporary_files(path); // left by a writer that was killed
    // The text read is released as it is loaded, and the new one made in pieces, so a large file
    // is never held whole next to its model. The pieces are compared with the text read (restored
    // a piece at a time; under the lock, the file is still what was read): while they are equal
    // nothing is written, so an unchanged result writes nothing at all. At the first difference,
    // the equal part is copied from the text read, then the pieces follow as they come.
    // Should another program rewrite the file meanwhile, what is read back of it (the equal part
    // copied, positions of problems) is refused by its hashes, and a change anywhere by the
    // check right before the rename: never a mix of the two writers.
    BacklogFileText before(path, TextUse::rewriting, name);
    backlog = load_backlog_or_throw(before, name, layout);
    change(backlog);
    return write_file_atomically(
        path,
        [&](const std::function<void(std::string_view)>& write_piece) {
            PieceComparison comparison(before);
            std::size_t equal_bytes = 0; // the pieces before the current one, all equal
            auto write_equal_part = [&] {
                constexpr std::size_t step = 1 << 20;
                std::string_view text = before.view();
                for (std::size_t at = 0; at < equal_bytes; at += step) {
                    std::size_t count = std::min(step, equal_bytes - at);
                    before.restore(at, count);
                    write_piece(text.substr(at, count));
                    before.release_before(text.data() + at + count);
                }
            };
            write_canonical_text(backlog, [&](std::string_view piece) {
                if (!comparison.differs()) {
                    comparison.add(piece);
                    if (!comparison.differs()) {
                        equal_bytes += piece.size();
                        return;
                    }
                    write_equal_part();
                }
                write_piece(piece);
            });
            if (comparison.equal()) {
                return false;
            }
            if (!comparison.differs()) {
                write_equal_part(); // the new text is a beginning of the old one
            }
            return true;
        },
        [&] { before.check_unchanged(); });
}

} // namespace mbl
