#pragma once
// A file mapped into memory is read where it lies, without a copy: but should another program cut
// the file short while it is mapped, reading a page past its new end raises SIGBUS, which would
// kill the process. A guarded mapping is read safely: a page past the file's end reads as zeros
// (and the mapping is marked faulted), so the reader finishes and the owner of the mapping,
// checking the file afterwards, reports it changed. Not part of the library's interface.

#include <cstddef>

namespace mbl::store_detail {

// Guards [start, start + length) (whole pages). Installs, on first use, a SIGBUS handler for the
// process that passes a fault outside every guarded range on to the handler there was before it
// (or to the default action: the process ends with SIGBUS). Returns the guard's slot, or -1 when
// all are taken (up to 16 mappings at once): the caller then reads the file instead of mapping it.
int guard_file_mapping(const char* start, std::size_t length);

// True when a read in the slot's range faulted since it was guarded (the file was cut short, or
// could not be read).
bool file_mapping_faulted(int slot);

// Ends the guard of `slot` (-1: nothing to do). Call before unmapping the range.
void unguard_file_mapping(int slot);

} // namespace mbl::store_detail
