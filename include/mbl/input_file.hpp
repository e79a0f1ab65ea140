#pragma once
// Files to import (discovery exports) read so that a large one is never held whole: the store's
// side of `mbl import` (reading a backlog is store.hpp's).

#include "mbl/store.hpp"

#include <filesystem>
#include <memory>

namespace mbl {

// The bytes of `path` as read_input_file reads them (the same checks, the same messages), in
// memory that a reader gives back as it reads past it and reads back when it starts again
// (BacklogFileText, with `path` as its label).
std::unique_ptr<BacklogFileText> open_input_file(const std::filesystem::path& path);

} // namespace mbl
