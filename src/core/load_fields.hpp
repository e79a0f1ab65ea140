#pragma once
// Reading one typed field from a SAX value, and the base of every typed object's sink: known
// keys go to `known_*`, unknown keys are kept as raw values (and draw a warning unless they start
// with `x-`), a key seen twice stops the load.

#include "load_reader.hpp"
#include "mbl/date.hpp"
#include "mbl/enums.hpp"
#include "mbl/save.hpp"
#include "mbl/suggest.hpp"

#include <array>
#include <fmt/format.h>
#include <string_view>
#include <unordered_map>

namespace mbl::detail {

// Each reports a wrong type or value at the current key and leaves `out` unchanged.
void read_string(Reader& reader, Scalar& value, std::string& out);
void read_optional_string(Reader& reader, Scalar& value, std::optional<std::string>& out);
void read_number(Reader& reader, Scalar& value, double& out);
void read_optional_number(Reader& reader, Scalar& value, std::optional<double>& out);
void read_integer(Reader& reader, Scalar& value, int& out);
void read_boolean(Reader& reader, Scalar& value, bool& out);
void read_date(Reader& reader, Scalar& value, Date& out);
void read_optional_date(Reader& reader, Scalar& value, std::optional<Date>& out);
// Reports `<key> must be <expected>, not <what the value is>`.
void report_wrong_type(Reader& reader, std::string_view expected, std::string_view found);

template <class E> void read_enum(Reader& reader, Scalar& value, E& out) {
    if (value.type == Scalar::Type::string) {
        if (auto parsed = parse_enum<E>(value.text)) {
            out = *parsed;
            return;
        }
        const auto& names = EnumSpelling<E>::names;
        auto hint = nearest_spelling(value.text, {names.begin(), names.end()});
        reader.report(Severity::error, "invalid-value",
                      fmt::format("invalid {} {}: expected {}{}", reader.current_key(),
                                  json_quote(value.text), allowed_values<E>(),
                                  hint ? fmt::format(" (did you mean {}?)", *hint) : ""));
        return;
    }
    report_wrong_type(reader, fmt::format("one of {}", allowed_values<E>()), value.description());
}

// A list of strings (`depends_on`, `tags`, `committed`, …). An entry that is not a string is
// reported and kept as "" (marked unread), so the later entries keep their index.
class StringListSink final : public Sink {
  public:
    void start(std::vector<std::string>* destination) { destination_ = destination; }
    void scalar(Reader& reader, Scalar& value) override;
    Sink* begin_object(Reader& reader) override;
    Sink* begin_array(Reader& reader) override;

  private:
    std::vector<std::string>* destination_ = nullptr;
};

// An array whose elements are objects read by `element` (each started with `destination`).
template <class ElementSink, class Value> class ObjectListSink final : public Sink {
  public:
    explicit ObjectListSink(ElementSink& element, std::string_view element_name)
        : element_(element), element_name_(element_name) {}
    void start(std::vector<Value>* destination) { destination_ = destination; }
    void scalar(Reader& reader, Scalar& value) override {
        report_element(reader, value.description());
    }
    Sink* begin_object(Reader&) override {
        element_.start(&destination_->emplace_back());
        return &element_;
    }
    Sink* begin_array(Reader& reader) override {
        report_element(reader, "an array");
        return reader.skip(false);
    }

  private:
    // Reports the element and keeps a default one in its place, so the later elements keep
    // their index (validation's paths) while the report marks this one unread.
    void report_element(Reader& reader, std::string_view found) {
        reader.report(Severity::error, "wrong-type",
                      fmt::format("each {} must be an object, not {}", element_name_, found));
        destination_->emplace_back();
    }
    ElementSink& element_;
    std::string_view element_name_;
    std::vector<Value>* destination_ = nullptr;
};

// Base of the sink of an object with known keys `Keys` (an array from file_keys.hpp).
class TypedObjectSink : public Sink {
  public:
    void key(Reader& reader, std::string_view key) final;
    void scalar(Reader& reader, Scalar& value) final;
    Sink* begin_object(Reader& reader) final;
    Sink* begin_array(Reader& reader) final;

  protected:
    template <std::size_t N>
    explicit TypedObjectSink(const std::array<std::string_view, N>& keys)
        : keys_(keys.data()), key_count_(N) {}
    // Called once per object, before its keys.
    void reset_keys();
    // The value of known key number `field` (its index in Keys).
    virtual void known_scalar(Reader& reader, std::size_t field, Scalar& value) = 0;
    virtual Sink* known_object(Reader& reader, std::size_t field);
    virtual Sink* known_array(Reader& reader, std::size_t field);
    // Where unknown keys go.
    virtual RawObject& extras() = 0;
    // True once key number `field` was read in the current object.
    bool seen(std::size_t field) const { return (seen_ & (1u << field)) != 0; }

  private:
    const std::string& unknown_key_message(std::string_view key);

    static constexpr std::size_t unknown = static_cast<std::size_t>(-1);
    const std::string_view* keys_;
    std::size_t key_count_;
    std::size_t field_ = unknown;
    std::uint32_t seen_ = 0;
    KeySet unknown_keys_;
    std::string pending_key_;
    std::unordered_map<std::string, std::string> unknown_key_messages_;
};

} // namespace mbl::detail
