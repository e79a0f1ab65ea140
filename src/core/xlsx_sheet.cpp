// One worksheet part streamed as a table's records (ECMA-376 Part 1, 18.3 Worksheets): rows and
// cells in order, each cell's value by its type, gaps filled with empty cells. The part is parsed
// a piece at a time as records are asked for, so only the rows of one piece are held.
#include "mbl/error.hpp"
#include "xlsx_detail.hpp"

#include <charconv>
#include <fmt/format.h>
#include <memory>

namespace mbl::xlsx_detail {
namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class SheetHandler : public XmlHandler {
  public:
    SheetHandler(std::string_view label, std::string_view sheet,
                 const SharedStrings& shared_strings, const std::vector<NumberShape>& shapes,
                 bool date1904, const XlsxLimits& limits)
        : label_(label), sheet_(sheet), shared_strings_(shared_strings), shapes_(shapes),
          date1904_(date1904), limits_(limits) {}

    std::vector<std::string> header;
    std::size_t header_line = 0;
    bool has_header = false;
    std::vector<CsvRecord> ready; // rows parsed, not yet handed out

    void start(std::string_view name, const char** attributes) override {
        if (name == "sheetData") {
            in_data_ = true;
        } else if (!in_data_) {
            return;
        } else if (name == "row") {
            start_row(attribute(attributes, "r"));
        } else if (name == "c") {
            start_cell(attribute(attributes, "r"), attribute(attributes, "t"),
                       attribute(attributes, "s"));
        } else if (name == "v") {
            in_value_ = true;
        } else if (name == "is") {
            in_inline_ = true;
        } else if (name == "rPh") {
            in_phonetic_ = true;
        } else if (name == "t") {
            in_inline_text_ = in_inline_ && !in_phonetic_;
        }
    }

    void end(std::string_view name) override {
        if (name == "sheetData") {
            in_data_ = false;
        } else if (!in_data_) {
            return;
        } else if (name == "row") {
            end_row();
        } else if (name == "c") {
            store(cell_text());
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            in_phonetic_ = false;
        } else if (name == "t") {
            in_inline_text_ = false;
        }
    }

    void text(std::string_view text) override {
        if (in_value_) {
            value_ += text;
        } else if (in_inline_text_) {
            inline_text_ += text;
        }
    }

  private:
    [[noreturn]] void refuse_cell(std::string_view reason) const {
        refuse_part(label_, fmt::format("{}!{}", sheet_, cell_reference(column_, row_)), reason);
    }

    [[noreturn]] void refuse_row(std::string_view reason) const {
        refuse_part(label_, fmt::format("{}!{}:{}", sheet_, row_, row_), reason);
    }

    void start_row(std::optional<std::string_view> reference) {
        std::size_t row = row_ + 1;
        if (reference) {
            auto position = parse_cell_reference(fmt::format("A{}", *reference));
            if (!position) {
                refuse_part(label_, sheet_, fmt::format("row number '{}' is not one", *reference));
            }
            row = position->row;
        }
        if (row <= row_ && row_ != 0) {
            row_ = row;
            refuse_row("rows out of order; open the workbook in Excel and save it again");
        }
        row_ = row;
        next_column_ = 0;
        fields_.clear();
        if (has_header) {
            fields_.reserve(header.size());
        }
    }

    void start_cell(std::optional<std::string_view> reference, std::optional<std::string_view> type,
                    std::optional<std::string_view> style) {
        column_ = next_column_;
        if (reference) {
            auto position = parse_cell_reference(*reference);
            if (!position || position->row != row_) {
                refuse_row(
                    fmt::format("cell reference '{}' is not a cell of this row", *reference));
            }
            column_ = position->column;
        }
        if (column_ < next_column_) {
            refuse_cell("cells out of order; open the workbook in Excel and save it again");
        }
        next_column_ = column_ + 1;
        type_ = type.value_or("n");
        style_ = 0;
        if (style) {
            std::from_chars(style->data(), style->data() + style->size(), style_);
        }
        value_.clear();
        inline_text_.clear();
    }

    std::string cell_text() {
        if (type_ == "s") {
            if (value_.empty()) {
                return ""; // <c t="s"/>: styled, no value
            }
            std::size_t index = 0;
            auto [end, error] =
                std::from_chars(value_.data(), value_.data() + value_.size(), index);
            if (error != std::errc() || end != value_.data() + value_.size() ||
                index >= shared_strings_.size()) {
                refuse_cell(fmt::format("shared string '{}' does not exist (the workbook has {}); "
                                        "open it in Excel and save it again",
                                        value_, shared_strings_.size()));
            }
            return std::string(shared_strings_[index]);
        }
        if (type_ == "inlineStr") {
            return decode_xstring(std::move(inline_text_));
        }
        if (type_ == "b") {
            if (value_ != "0" && value_ != "1" && !value_.empty()) {
                refuse_cell(fmt::format("'{}' is not a boolean (0 or 1)", value_));
            }
            return value_.empty() ? "" : value_ == "1" ? "True" : "False";
        }
        if (type_ == "str") { // a formula's text
            return decode_xstring(std::move(value_));
        }
        if (type_ == "e") { // an error (#N/A), as Excel shows it
            return std::move(value_);
        }
        if (type_ == "d") { // ISO 8601 (2021-05-02T14:01:10)
            std::string date = value_.substr(0, 10);
            std::string time = value_.size() >= 19 ? value_.substr(11, 8) : "";
            return time.empty() || time == "00:00:00" ? date : date + " " + time;
        }
        if (value_.empty()) {
            return "";
        }
        std::optional<std::string> number = number_text(value_);
        if (!number) {
            refuse_cell(fmt::format("'{}' is not a number, though the cell says it is one; open "
                                    "the workbook in Excel and save it again",
                                    value_));
        }
        NumberShape shape = style_ < shapes_.size() ? shapes_[style_] : NumberShape::number;
        if (shape != NumberShape::number) {
            double serial = 0; // from_chars: std::stod throws on subnormal numbers
            std::from_chars(number->data(), number->data() + number->size(), serial);
            if (auto date = date_text(serial, shape, date1904_)) {
                return *date;
            }
        }
        return *number;
    }

    void store(std::string text) {
        if (text.empty()) {
            return;
        }
        if (has_header && column_ >= header.size()) {
            if (is_blank(text)) {
                return;
            }
            refuse_cell(fmt::format("a value right of the header's last column ({}); give the "
                                    "column a header, or clear the cell",
                                    cell_reference(header.size() - 1, header_line)));
        }
        text_bytes_ += text.size();
        if (text_bytes_ > limits_.max_text_bytes) {
            refuse_cell(fmt::format("the sheet holds more than {} MiB of text; split the export",
                                    limits_.max_text_bytes >> 20));
        }
        if (fields_.size() <= column_) {
            fields_.resize(column_ + 1);
        }
        fields_[column_] = std::move(text);
    }

    void end_row() {
        if (fields_.empty()) {
            return; // only empty cells: left out, as blank lines of a CSV
        }
        if (!has_header) {
            for (std::size_t column = 0; column < fields_.size(); ++column) {
                if (is_blank(fields_[column])) {
                    column_ = column;
                    refuse_cell("this header cell is empty; every column needs a name");
                }
            }
            header = std::move(fields_);
            header_line = row_;
            has_header = true;
        } else {
            if ((records_ + 2) * header.size() > limits_.max_cells) {
                refuse_row(fmt::format("the sheet has more than {} cells; split the export",
                                       limits_.max_cells));
            }
            ++records_;
            fields_.resize(header.size());
            ready.push_back({row_, std::move(fields_)});
        }
        fields_ = {};
    }

    std::string_view label_;
    std::string_view sheet_;
    const SharedStrings& shared_strings_;
    const std::vector<NumberShape>& shapes_;
    bool date1904_;
    const XlsxLimits& limits_;

    bool in_data_ = false;
    bool in_value_ = false;
    bool in_inline_ = false;
    bool in_inline_text_ = false;
    bool in_phonetic_ = false;
    std::size_t row_ = 0;
    std::size_t column_ = 0;
    std::size_t next_column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    std::string inline_text_;
    std::vector<std::string> fields_;
    std::uint64_t text_bytes_ = 0;
    std::size_t records_ = 0;
};

// The reader open_sheet gives: the handler's rows, parsed as they are asked for.
class SheetReader final : public TableReader {
  public:
    SheetReader(std::unique_ptr<WorkbookSources> sources, std::string part, std::string sheet)
        : sources_(std::move(sources)), part_(std::move(part)), sheet_(std::move(sheet)) {
        start();
        header_ = handler_->header;
        header_line_ = handler_->header_line;
    }

    bool next(CsvRecord& record) override {
        while (next_ == handler_->ready.size()) {
            handler_->ready.clear();
            next_ = 0;
            if (!parser_->parse_more()) {
                return false;
            }
        }
        std::swap(record, handler_->ready[next_++]);
        return true;
    }

    void restart() override { start(); }

  private:
    // Parses from the start up to the header row (refusing a sheet without one).
    void start() {
        const WorkbookSources& sources = *sources_;
        parser_.reset();
        handler_ =
            std::make_unique<SheetHandler>(sources.archive->label(), sheet_, sources.shared_strings,
                                           sources.shapes, sources.date1904, sources.limits);
        parser_ = std::make_unique<XmlPartParser>(*sources.archive, part_, *handler_);
        next_ = 0;
        while (!handler_->has_header) {
            if (!parser_->parse_more()) {
                throw input_error(fmt::format(
                    "{}: sheet '{}' has no values; expected a header row and one row per "
                    "server (choose another with --sheet NAME)",
                    sources.archive->label(), sheet_));
            }
        }
    }

    std::unique_ptr<WorkbookSources> sources_;
    std::string part_;
    std::string sheet_;
    std::unique_ptr<SheetHandler> handler_;
    std::unique_ptr<XmlPartParser> parser_;
    std::size_t next_ = 0;
};

} // namespace

std::unique_ptr<TableReader> open_sheet(std::unique_ptr<WorkbookSources> sources,
                                        std::string_view part, std::string_view sheet) {
    return std::make_unique<SheetReader>(std::move(sources), std::string(part), std::string(sheet));
}

} // namespace mbl::xlsx_detail
