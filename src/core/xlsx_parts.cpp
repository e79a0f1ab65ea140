// The workbook's parts other than sheets: relationships (.rels), workbook.xml (sheets and the
// date system), styles.xml (which cell styles show dates) and sharedStrings.xml.
#include "mbl/error.hpp"
#include "xlsx_detail.hpp"

#include <charconv>
#include <fmt/format.h>
#include <map>

namespace mbl::xlsx_detail {
namespace {

std::string last_segment(std::string_view type) {
    std::size_t slash = type.rfind('/');
    return std::string(slash == std::string_view::npos ? type : type.substr(slash + 1));
}

std::optional<unsigned> unsigned_value(std::optional<std::string_view> text) {
    unsigned value = 0;
    if (!text || text->empty() ||
        std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc()) {
        return std::nullopt;
    }
    return value;
}

class RelationshipsHandler : public XmlHandler {
  public:
    std::vector<Relationship> relationships;

    void start(std::string_view name, const char** attributes) override {
        if (name != "Relationship") {
            return;
        }
        Relationship relationship;
        relationship.id = attribute(attributes, "Id").value_or("");
        relationship.type = last_segment(attribute(attributes, "Type").value_or(""));
        relationship.target = attribute(attributes, "Target").value_or("");
        relationship.external = attribute(attributes, "TargetMode") == "External";
        relationships.push_back(std::move(relationship));
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

class WorkbookHandler : public XmlHandler {
  public:
    WorkbookPart* workbook = nullptr;

    void start(std::string_view name, const char** attributes) override {
        if (name == "workbookPr") {
            auto flag = attribute(attributes, "date1904");
            workbook->date1904 = flag == "1" || flag == "true";
        } else if (name == "sheet") {
            workbook->sheets.push_back({std::string(attribute(attributes, "name").value_or("")),
                                        std::string(attribute(attributes, "id").value_or(""))});
        }
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

class StylesHandler : public XmlHandler {
  public:
    std::map<unsigned, NumberShape> custom_formats;
    std::vector<unsigned> cell_formats; // numFmtId per cellXfs entry

    void start(std::string_view name, const char** attributes) override {
        if (name == "numFmt") {
            if (auto id = unsigned_value(attribute(attributes, "numFmtId"))) {
                custom_formats[*id] =
                    custom_number_shape(attribute(attributes, "formatCode").value_or(""));
            }
        } else if (name == "cellXfs") {
            in_cell_formats_ = true;
        } else if (name == "xf" && in_cell_formats_) {
            cell_formats.push_back(unsigned_value(attribute(attributes, "numFmtId")).value_or(0));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") {
            in_cell_formats_ = false;
        }
    }
    void text(std::string_view) override {}

  private:
    bool in_cell_formats_ = false;
};

class SharedStringsHandler : public XmlHandler {
  public:
    SharedStringsHandler(const ZipArchive& archive, std::string_view part, const XlsxLimits& limits)
        : archive_(archive), part_(part), limits_(limits) {}

    SharedStrings strings;

    void start(std::string_view name, const char**) override {
        if (name == "si") {
            if (strings.size() >= limits_.max_shared_strings) {
                refuse(fmt::format("more than {} shared strings", limits_.max_shared_strings));
            }
            item_.clear();
            in_item_ = true;
        } else if (name == "rPh") {
            in_phonetic_ = true;
        } else if (name == "t" && in_item_ && !in_phonetic_) {
            in_text_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(decode_xstring(std::move(item_)));
            item_ = {};
            in_item_ = false;
        } else if (name == "rPh") {
            in_phonetic_ = false;
        } else if (name == "t") {
            in_text_ = false;
        }
    }
    void text(std::string_view text) override {
        if (!in_text_) {
            return;
        }
        bytes_ += text.size();
        if (bytes_ > limits_.max_shared_string_bytes) {
            refuse(fmt::format("shared strings of more than {} bytes in all",
                               limits_.max_shared_string_bytes));
        }
        item_ += text;
    }

  private:
    [[noreturn]] void refuse(const std::string& what) {
        refuse_part(archive_.label(), part_,
                    what + " (a hostile workbook?); split the export or save the sheet as CSV");
    }

    const ZipArchive& archive_;
    std::string_view part_;
    const XlsxLimits& limits_;
    std::string item_;
    bool in_item_ = false;
    bool in_phonetic_ = false;
    bool in_text_ = false;
    std::uint64_t bytes_ = 0;
};

} // namespace

std::vector<Relationship> read_relationships(const ZipArchive& archive, std::string_view part) {
    std::string rels = rels_part_of(part);
    if (!archive.has(rels)) {
        return {};
    }
    RelationshipsHandler handler;
    parse_part(archive, rels, handler);
    return std::move(handler.relationships);
}

WorkbookPart read_workbook(const ZipArchive& archive) {
    WorkbookPart workbook;
    workbook.path = "xl/workbook.xml"; // where every writer puts it, if _rels/.rels is missing
    for (const Relationship& relationship : read_relationships(archive, "")) {
        if (relationship.type == "officeDocument" && !relationship.external) {
            std::optional<std::string> path = resolve_target("", relationship.target);
            if (!path) {
                refuse_part(archive.label(), "_rels/.rels",
                            fmt::format("the workbook's target '{}' is outside the archive",
                                        relationship.target));
            }
            workbook.path = *path;
            break;
        }
    }
    WorkbookHandler handler;
    handler.workbook = &workbook;
    parse_part(archive, workbook.path, handler);
    workbook.relationships = read_relationships(archive, workbook.path);
    return workbook;
}

std::optional<std::string> workbook_target(const ZipArchive& archive, const WorkbookPart& workbook,
                                           const Relationship& relationship) {
    std::optional<std::string> path = resolve_target(workbook.path, relationship.target);
    if (!path || relationship.external) {
        refuse_part(archive.label(), rels_part_of(workbook.path),
                    fmt::format("relationship {} points outside the archive ('{}'); a workbook's "
                                "parts must be inside it",
                                relationship.id, relationship.target));
    }
    return path;
}

std::vector<NumberShape> read_number_shapes(const ZipArchive& archive, std::string_view part) {
    StylesHandler handler;
    parse_part(archive, part, handler);
    std::vector<NumberShape> shapes;
    shapes.reserve(handler.cell_formats.size());
    for (unsigned id : handler.cell_formats) {
        auto custom = handler.custom_formats.find(id);
        shapes.push_back(custom != handler.custom_formats.end() ? custom->second
                                                                : builtin_number_shape(id));
    }
    return shapes;
}

SharedStrings read_shared_strings(const ZipArchive& archive, std::string_view part,
                                  const XlsxLimits& limits) {
    SharedStringsHandler handler(archive, part, limits);
    parse_part(archive, part, handler);
    handler.strings.shrink_to_fit();
    return std::move(handler.strings);
}

} // namespace mbl::xlsx_detail
