#pragma once
// A backlog read entity by entity: the loader's own sinks (load_entities.hpp) read each workload,
// asset and iteration, and each is handed on as soon as its object ends instead of being kept. For
// the diff and the merge driver, which compare one version with another held whole: the second
// is never built whole beside the first.

#include "mbl/load.hpp"
#include "mbl/model.hpp"

#include <string_view>

namespace mbl::detail {

// What receives a backlog's entities, one at a time, in file order. The entity given is the
// loader's: it is valid during the call only (copy what is kept).
class EntityReceiver {
  public:
    virtual ~EntityReceiver() = default;
    virtual void receive(const Workload& workload) = 0;
    virtual void receive(const Asset& asset) = 0;
    virtual void receive(const Iteration& iteration) = 0;
};

// load_backlog_or_throw, except that the workloads, assets and iterations go to `receiver` as they
// are read: the backlog returned has none (its top level, settings, unknown keys and layout are
// the text's). Throws exactly what load_backlog_or_throw throws for the same text and label, and
// only once the whole text is read: `receiver` may have been given entities of a text that is
// then refused, some of them read only in part (an entity that is not an object is not given).
Backlog stream_backlog_or_throw(std::string_view text, EntityReceiver& receiver,
                                std::string_view file_label);
// The same, giving `text` back as it reads past it (load_backlog's ReleasableText overload).
Backlog stream_backlog_or_throw(ReleasableText& text, EntityReceiver& receiver,
                                std::string_view file_label);

} // namespace mbl::detail
