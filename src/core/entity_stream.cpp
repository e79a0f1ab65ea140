// A backlog read entity by entity (entity_stream.hpp). The top-level sink is BacklogSink's
// (TopLevelSink) with entity lists that hand each entity on instead of keeping it, and the text is
// read as load_backlog reads it (read_backlog_text): the same sinks read the same values and report
// the same problems, so the errors are load_backlog_or_throw's, word for word.

#include "entity_stream.hpp"

#include "load_entities.hpp"
#include "mbl/error.hpp"

#include <functional>

namespace mbl::detail {
namespace {

// Passes every event to the sink of the entity being read; when its object ends, hands the entity
// to `done`.
class EntityEndSink final : public Sink {
  public:
    explicit EntityEndSink(Sink*& target) : target_(target) {}
    void key(Reader& reader, std::string_view key) override { target_->key(reader, key); }
    void scalar(Reader& reader, Scalar& value) override { target_->scalar(reader, value); }
    Sink* begin_object(Reader& reader) override { return target_->begin_object(reader); }
    Sink* begin_array(Reader& reader) override { return target_->begin_array(reader); }
    void end(Reader& reader) override;
    std::function<void()> done;

  private:
    Sink*& target_;
};

void EntityEndSink::end(Reader& reader) {
    target_->end(reader);
    done();
}

// A list of entities read by the loader's ObjectListSink into a one-entity buffer, each handed to
// the receiver when it ends, then dropped. An element that is not an object is reported as the
// loader reports it, and not handed on.
template <class ElementSink, class Entity> class StreamedListSink final : public Sink {
  public:
    StreamedListSink(ElementSink& element, std::string_view element_name, EntityReceiver& receiver)
        : list_(element, element_name), receiver_(receiver) {
        end_.done = [this] {
            receiver_.receive(entity_.back());
            entity_.clear();
        };
    }
    void start() {
        entity_.clear();
        list_.start(&entity_);
    }
    void scalar(Reader& reader, Scalar& value) override {
        list_.scalar(reader, value);
        entity_.clear();
    }
    Sink* begin_object(Reader& reader) override {
        element_ = list_.begin_object(reader);
        return &end_;
    }
    Sink* begin_array(Reader& reader) override {
        Sink* skipped = list_.begin_array(reader);
        entity_.clear();
        return skipped;
    }

  private:
    ObjectListSink<ElementSink, Entity> list_;
    EntityReceiver& receiver_;
    std::vector<Entity> entity_; // the one being read (its capacity is kept)
    Sink* element_ = nullptr;
    EntityEndSink end_{element_};
};

// The top-level object, as BacklogSink reads it, its entities streamed.
class StreamedBacklogSink final : public TopLevelSink {
  public:
    StreamedBacklogSink(Backlog& backlog, EntityReceiver& receiver)
        : TopLevelSink(backlog), workloads_(workload_, "workload", receiver),
          assets_(asset_, "asset", receiver), iterations_(iteration_, "iteration", receiver) {}

  protected:
    Sink* known_array(Reader& reader, std::size_t field) override;

  private:
    StreamedListSink<WorkloadSink, Workload> workloads_;
    StreamedListSink<AssetSink, Asset> assets_;
    StreamedListSink<IterationSink, Iteration> iterations_;
};

Sink* StreamedBacklogSink::known_array(Reader& reader, std::size_t field) {
    switch (field) {
    case backlog_workloads:
        workloads_.start();
        return &workloads_;
    case backlog_assets:
        assets_.start();
        return &assets_;
    case backlog_iterations:
        iterations_.start();
        return &iterations_;
    default:
        return TypedObjectSink::known_array(reader, field);
    }
}

Backlog stream(std::string_view whole, ReleasableText* releasable, EntityReceiver& receiver,
               std::string_view label) {
    Backlog backlog;
    StreamedBacklogSink root(backlog, receiver);
    throw_if_errors(read_backlog_text(whole, releasable, root, backlog, label).problems, label);
    return backlog;
}

} // namespace

Backlog stream_backlog_or_throw(std::string_view text, EntityReceiver& receiver,
                                std::string_view file_label) {
    return stream(text, nullptr, receiver, file_label);
}

Backlog stream_backlog_or_throw(ReleasableText& text, EntityReceiver& receiver,
                                std::string_view file_label) {
    return stream(text.view(), &text, receiver, file_label);
}

} // namespace mbl::detail
