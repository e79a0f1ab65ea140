#include "load_fields.hpp"

#include <cmath>
#include <limits>

namespace mbl::detail {

void report_wrong_type(Reader& reader, std::string_view expected, std::string_view found) {
    reader.report(Severity::error, "wrong-type",
                  fmt::format("{} must be {}, not {}", reader.current_key(), expected, found));
}

void read_string(Reader& reader, Scalar& value, std::string& out) {
    if (value.type == Scalar::Type::string) {
        out.assign(value.text);
    } else {
        report_wrong_type(reader, "a string", value.description());
    }
}

void read_optional_string(Reader& reader, Scalar& value, std::optional<std::string>& out) {
    if (value.type == Scalar::Type::null) {
        out.reset();
    } else if (value.type == Scalar::Type::string) {
        out.emplace(value.text);
    } else {
        report_wrong_type(reader, "a string or null", value.description());
    }
}

namespace {
bool is_number(const Scalar& value) {
    return value.type == Scalar::Type::integer || value.type == Scalar::Type::number;
}
bool check_finite(Reader& reader, const Scalar& value) {
    if (std::isfinite(value.number)) {
        return true;
    }
    reader.report(Severity::error, "out-of-range",
                  fmt::format("{} {} is out of range", reader.current_key(), value.spelling));
    return false;
}
} // namespace

void read_number(Reader& reader, Scalar& value, double& out) {
    if (!is_number(value)) {
        report_wrong_type(reader, "a number", value.description());
    } else if (check_finite(reader, value)) {
        out = value.number;
    }
}

void read_optional_number(Reader& reader, Scalar& value, std::optional<double>& out) {
    if (value.type == Scalar::Type::null) {
        out.reset();
    } else if (!is_number(value)) {
        report_wrong_type(reader, "a number or null", value.description());
    } else if (check_finite(reader, value)) {
        out = value.number;
    }
}

void read_integer(Reader& reader, Scalar& value, int& out) {
    constexpr double limit = std::numeric_limits<int>::max();
    if (!is_number(value) || value.number != std::trunc(value.number) ||
        std::fabs(value.number) > limit) {
        report_wrong_type(reader, "a whole number", value.description());
    } else {
        out = static_cast<int>(value.number);
    }
}

void read_boolean(Reader& reader, Scalar& value, bool& out) {
    if (value.type == Scalar::Type::boolean) {
        out = value.boolean;
    } else {
        report_wrong_type(reader, "true or false", value.description());
    }
}

void read_date(Reader& reader, Scalar& value, Date& out) {
    if (value.type != Scalar::Type::string) {
        report_wrong_type(reader, "a date (\"YYYY-MM-DD\")", value.description());
    } else if (auto date = Date::parse(value.text)) {
        out = *date;
    } else {
        reader.report(Severity::error, "invalid-date",
                      fmt::format("{} {} is not a valid date; write YYYY-MM-DD, e.g. 2027-01-04",
                                  reader.current_key(), json_quote(value.text)));
    }
}

void read_optional_date(Reader& reader, Scalar& value, std::optional<Date>& out) {
    if (value.type == Scalar::Type::null) {
        out.reset();
        return;
    }
    Date date;
    std::size_t problems_before = reader.problems.size();
    read_date(reader, value, date);
    if (reader.problems.size() == problems_before) {
        out = date;
    }
}

void StringListSink::scalar(Reader& reader, Scalar& value) {
    if (value.type == Scalar::Type::string) {
        destination_->emplace_back(value.text);
    } else {
        reader.report(Severity::error, "wrong-type",
                      fmt::format("each entry must be a string, not {}", value.description()));
        destination_->emplace_back();
    }
}

Sink* StringListSink::begin_object(Reader& reader) {
    reader.report(Severity::error, "wrong-type", "each entry must be a string, not an object");
    destination_->emplace_back();
    return reader.skip(true);
}

Sink* StringListSink::begin_array(Reader& reader) {
    reader.report(Severity::error, "wrong-type", "each entry must be a string, not an array");
    destination_->emplace_back();
    return reader.skip(false);
}

void TypedObjectSink::reset_keys() {
    seen_ = 0;
    unknown_keys_.clear();
    field_ = unknown;
}

void TypedObjectSink::key(Reader& reader, std::string_view key) {
    // Keys usually come in the canonical order: the one after the previous is tried first.
    std::size_t next = field_ == unknown ? 0 : field_ + 1;
    if (next < key_count_ && keys_[next] == key) {
        field_ = next;
    } else {
        field_ = unknown;
        for (std::size_t i = 0; i < key_count_; ++i) {
            if (keys_[i] == key) {
                field_ = i;
                break;
            }
        }
    }
    bool duplicate = field_ == unknown ? !unknown_keys_.insert(key) : seen(field_);
    if (duplicate) {
        reader.fail_duplicate_key(key);
        return;
    }
    if (field_ != unknown) {
        seen_ |= 1u << field_;
        return;
    }
    pending_key_ = key;
    if (key.rfind("x-", 0) != 0) {
        reader.report(Severity::warning, "unknown-key", unknown_key_message(key));
    }
}

const std::string& TypedObjectSink::unknown_key_message(std::string_view key) {
    // The same unknown key usually repeats in every record: spell its message once.
    auto [cached, added] = unknown_key_messages_.try_emplace(std::string(key));
    if (added) {
        auto hint = nearest_spelling(key, {keys_, keys_ + key_count_});
        cached->second = fmt::format(
            "unknown key {}{}; it is kept as is (prefix it with x- to mark an "
            "extension)",
            json_quote(key), hint ? fmt::format(": did you mean {}?", json_quote(*hint)) : "");
    }
    return cached->second;
}

void TypedObjectSink::scalar(Reader& reader, Scalar& value) {
    if (field_ == unknown) {
        add_raw_scalar(extras(), std::move(pending_key_), value);
    } else {
        known_scalar(reader, field_, value);
    }
}

Sink* TypedObjectSink::begin_object(Reader& reader) {
    if (field_ == unknown) {
        return add_raw_container(reader, extras(), std::move(pending_key_), true);
    }
    return known_object(reader, field_);
}

Sink* TypedObjectSink::begin_array(Reader& reader) {
    if (field_ == unknown) {
        return add_raw_container(reader, extras(), std::move(pending_key_), false);
    }
    return known_array(reader, field_);
}

// A container where the field wants a scalar: the field's own reader reports the wrong type.
Sink* TypedObjectSink::known_object(Reader& reader, std::size_t field) {
    Scalar container;
    container.type = Scalar::Type::object;
    known_scalar(reader, field, container);
    return reader.skip(true);
}

Sink* TypedObjectSink::known_array(Reader& reader, std::size_t field) {
    Scalar container;
    container.type = Scalar::Type::array;
    known_scalar(reader, field, container);
    return reader.skip(false);
}

} // namespace mbl::detail
