#pragma once
// What commands share around the core: which file, which day, loading it, and the locked
// read-modify-write that every write command goes through.

#include "cli/options.hpp"
#include "mbl/date.hpp"
#include "mbl/model.hpp"
#include "mbl/store.hpp"
#include "mbl/validate.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mbl::cli {

struct BacklogFile {
    std::filesystem::path path;
    std::string label; // how messages name it: as given by -f/$MBL_FILE, else relative to cwd
};

// The file to use: -f, else $MBL_FILE, else backlog.json in the working directory or a parent.
BacklogFile resolve_backlog_file(const GlobalOptions& options);

// The file `mbl init` creates: -f, else $MBL_FILE, else backlog.json in the working directory
// (no search of the parents), labelled as given.
BacklogFile new_backlog_file(const GlobalOptions& options);

// `label` for a path: relative to the working directory when found by searching, as given else.
std::string label_for(const std::filesystem::path& path, bool given);

// "Today": --today (checked when parsed), else $MBL_TODAY, else the system's local date.
// Error(usage) when $MBL_TODAY is not a real YYYY-MM-DD day.
Date resolve_today(const GlobalOptions& options);

struct LoadedBacklog {
    BacklogFile file;
    // The file's bytes, mostly released by the load (restore a part to read it).
    std::unique_ptr<BacklogFileText> text;
    // Lives until the process exits, never freed: freeing the hundreds of thousands of small
    // allocations of a large backlog would only cost time at the end of a command. It stays
    // reachable, so leak checkers do not report it.
    Backlog& backlog;
};

// Reads and loads the file for a read-only command (mbl::load_backlog_file); Error(input) when
// it is missing, unreadable, or has errors (see mbl::load_backlog_or_throw).
LoadedBacklog load_for_reading(const GlobalOptions& options);

// load_for_reading, after validate's own check of the same text (check_backlog_text), whose
// problems go to `problems`: exactly those `mbl validate` reports, the loader's warnings included.
// The file is read once: the check's model is the backlog returned (when the loader found an
// error, the file is refused as load_for_reading refuses it).
LoadedBacklog load_checked_for_reading(const GlobalOptions& options,
                                       std::vector<Problem>& problems);

// The locked read-modify-write of the resolved file (mbl::update_backlog_file, waiting up to
// --lock-timeout for the lock): loads it, runs `change` on the backlog, and, only if `change`
// returns normally, writes the canonical text atomically when it differs from what was read.
// Returns whether the file was rewritten. Any exception leaves the file as it was.
// `after`: what becomes of the model once written. Kept until the process exits by default (see
// LoadedBacklog: freeing a large one only costs time); freed for a command that goes on to build
// something large (an import's report of every row), which then reuses its memory.
// `layout`: how the model is laid out for `change` (mbl::LoadLayout).
enum class ModelAfterWrite { kept, freed };
bool modify_backlog(const GlobalOptions& options, const std::function<void(Backlog&)>& change,
                    ModelAfterWrite after = ModelAfterWrite::kept, const LoadLayout& layout = {});

// modify_backlog, or with `dry_run` the same `change` on a read-only load that is never written
// (no lock, the file byte for byte as it was): what the command would do, refusals included.
// Returns whether the file was rewritten (never for a dry run).
bool modify_or_preview(const GlobalOptions& options, bool dry_run,
                       const std::function<void(Backlog&)>& change);

// The lines a command prints after a change; with `dry_run`, under `Dry run, nothing written;
// without --dry-run:` and indented by two spaces. Terminal-safe.
void print_change_lines(std::ostream& out, const std::vector<std::string>& lines, bool dry_run);

// Writes a command's output (a report, an export), which `write` makes on the stream it is given,
// to the file `-o` names, or to `out` when there is none or it is `-`. The output goes on as it is
// made (never held whole). The file is replaced atomically (a reader never sees half of it; when
// `write` throws, the file is left as it was), without the backlog's lock: nothing reads it back,
// and of two written at once the last stays. Error(usage), before anything is written, for an
// empty name and for the backlog file itself (`what` names the output in that message: "the
// report").
void deliver_output(const std::function<void(std::ostream&)>& write,
                    const std::optional<std::string>& output, const BacklogFile& backlog,
                    std::ostream& out, std::string_view what);

// A backlog that lives until the process exits, never freed (see LoadedBacklog): a new one for
// each call. For a command that loads a large backlog itself (diff, merge-driver).
Backlog& kept_backlog();

} // namespace mbl::cli
