#pragma once
// A large, valid, canonical backlog for the reliability tests, generated rather than committed.

#include <cstddef>
#include <string>

namespace mbl::test {

// Canonical text of a valid backlog of at least `minimum_bytes` (less than one asset, about
// 1 KB, more): workloads of 100 assets each, every asset with a name, notes, tags, attributes and
// tasks, so that the file looks like a real estate. The first asset is `asset-000000`, estimate
// 10. The same size always gives the same bytes.
std::string large_backlog_text(std::size_t minimum_bytes);

} // namespace mbl::test
