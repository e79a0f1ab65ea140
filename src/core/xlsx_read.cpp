// The .xlsx reader's entry points: what a file is, which sheet to read, and the sheet as a table.
// The container is libzip's (xlsx_zip.cpp), the XML expat's (xlsx_xml.cpp).
#include "mbl/error.hpp"
#include "mbl/xlsx.hpp"
#include "xlsx_detail.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace mbl {
namespace {

using namespace xlsx_detail;

// The sheets presets read, by preset name (kept as strings so new presets add a line here).
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> preset_sheets{{
    {"rvtools", "vInfo"},
    {"azure-migrate-assessment", "All_Assessed_Machines"},
}};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
        return lower(x) == lower(y);
    });
}

std::optional<std::string> find_sheet(const std::vector<std::string>& sheets,
                                      std::string_view name) {
    for (const std::string& sheet : sheets) {
        if (sheet == name) {
            return sheet;
        }
    }
    for (const std::string& sheet : sheets) {
        if (equal_ignoring_case(sheet, name)) {
            return sheet;
        }
    }
    return std::nullopt;
}

std::string quoted_list(const std::vector<std::string>& sheets) {
    std::string list;
    for (const std::string& sheet : sheets) {
        list += fmt::format("{}'{}'", list.empty() ? "" : ", ", sheet);
    }
    return list;
}

} // namespace

InputKind sniff_input_kind(std::string_view bytes) {
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) {
        return InputKind::xlsx;
    }
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return InputKind::ole_binary;
    }
    return InputKind::csv;
}

std::vector<std::string> xlsx_sheet_names(std::string_view bytes, std::string_view label,
                                          const XlsxLimits& limits) {
    ZipArchive archive(bytes, label, limits);
    std::vector<std::string> names;
    for (SheetEntry& sheet : read_workbook(archive).sheets) {
        names.push_back(std::move(sheet.name));
    }
    return names;
}

std::optional<std::string_view> preset_sheet(std::string_view preset) {
    for (const auto& [name, sheet] : preset_sheets) {
        if (name == preset) {
            return sheet;
        }
    }
    return std::nullopt;
}

std::string choose_sheet(const std::vector<std::string>& sheets,
                         const std::optional<std::string>& requested, std::string_view preset,
                         std::string_view label) {
    if (sheets.empty()) {
        throw input_error(fmt::format("{}: the workbook has no sheets; open it in Excel and save "
                                      "it again as .xlsx",
                                      label));
    }
    std::optional<std::string_view> wanted = requested;
    if (!wanted) {
        wanted = preset_sheet(preset);
    }
    if (wanted) {
        if (auto found = find_sheet(sheets, *wanted)) {
            return *found;
        }
        throw input_error(fmt::format(
            "{}: no sheet '{}'{}; the workbook's sheets: {}; choose one with --sheet NAME", label,
            *wanted, requested ? "" : fmt::format(" (the {} preset reads it)", preset),
            quoted_list(sheets)));
    }
    for (const auto& [name, sheet] : preset_sheets) {
        if (auto found = find_sheet(sheets, sheet)) {
            return *found;
        }
    }
    return sheets.front();
}

std::unique_ptr<TableReader> open_xlsx_sheet(std::string_view bytes, std::string_view sheet,
                                             std::string_view label, const XlsxLimits& limits) {
    auto sources = std::make_unique<WorkbookSources>();
    sources->archive = std::make_unique<ZipArchive>(bytes, label, limits);
    sources->limits = limits;
    const ZipArchive& archive = *sources->archive;
    WorkbookPart workbook = read_workbook(archive);
    auto entry = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                              [&](const SheetEntry& candidate) { return candidate.name == sheet; });
    if (entry == workbook.sheets.end()) {
        std::vector<std::string> names;
        for (const SheetEntry& candidate : workbook.sheets) {
            names.push_back(candidate.name);
        }
        throw input_error(fmt::format("{}: no sheet '{}'; the workbook's sheets: {}", label, sheet,
                                      quoted_list(names)));
    }
    std::optional<std::string> sheet_part;
    std::optional<std::string> shared_strings_part;
    std::optional<std::string> styles_part;
    for (const Relationship& relationship : workbook.relationships) {
        if (relationship.id == entry->relationship_id) {
            sheet_part = workbook_target(archive, workbook, relationship);
        } else if (relationship.type == "sharedStrings") {
            shared_strings_part = workbook_target(archive, workbook, relationship);
        } else if (relationship.type == "styles") {
            styles_part = workbook_target(archive, workbook, relationship);
        }
    }
    if (!sheet_part) {
        refuse_part(label, rels_part_of(workbook.path),
                    fmt::format("no relationship '{}' for sheet '{}'; open the workbook in Excel "
                                "and save it again",
                                entry->relationship_id, sheet));
    }
    if (shared_strings_part) {
        sources->shared_strings = read_shared_strings(archive, *shared_strings_part, limits);
    }
    if (styles_part) {
        sources->shapes = read_number_shapes(archive, *styles_part);
    }
    sources->date1904 = workbook.date1904;
    return open_sheet(std::move(sources), *sheet_part, sheet);
}

CsvTable read_xlsx_sheet(std::string_view bytes, std::string_view sheet, std::string_view label,
                         const XlsxLimits& limits) {
    std::unique_ptr<TableReader> reader = open_xlsx_sheet(bytes, sheet, label, limits);
    return read_table(*reader);
}

} // namespace mbl
