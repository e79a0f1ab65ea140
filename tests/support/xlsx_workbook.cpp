#include "support/xlsx_workbook.hpp"

#include <cstring>
#include <memory>
#include <stdexcept>
#include <zip.h>

namespace mbl::test {
namespace {

constexpr std::string_view main_namespace =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view relationship_namespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void fail(const std::string& what, zip_error_t* error) {
    throw std::runtime_error(what + ": " + zip_error_strerror(error));
}

std::uint32_t read32(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) {
        value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    }
    return value;
}

std::uint16_t read16(const std::string& bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
}

void write32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
        bytes[at + i] = static_cast<char>(value >> (8 * i) & 0xFF);
    }
}

} // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr) {
        fail("zip_source_buffer_create", &error);
    }
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(buffer);
        fail("zip_open_from_source", &error);
    }
    for (const ZipEntry& entry : entries) {
        zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        zip_int64_t index =
            data == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), data, 0);
        if (index < 0) {
            zip_source_free(data);
            throw std::runtime_error("zip_file_add " + entry.name + ": " + zip_strerror(archive));
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    }
    if (zip_close(archive) != 0) {
        std::string reason = zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        throw std::runtime_error("zip_close: " + reason);
    }
    std::string bytes;
    zip_stat_t stat;
    if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
        zip_source_free(buffer);
        throw std::runtime_error("cannot read the archive back");
    }
    bytes.resize(stat.size);
    zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (read != static_cast<zip_int64_t>(bytes.size())) {
        throw std::runtime_error("short read of the archive");
    }
    return bytes;
}

std::string with_declared_size(std::string archive, std::string_view name, std::uint32_t size) {
    bool found = false;
    // Central directory entries (PK\1\2) name their local header (PK\3\4); patch both.
    for (std::size_t at = archive.find("PK\x01\x02"); at != std::string::npos;
         at = archive.find("PK\x01\x02", at + 4)) {
        std::uint16_t name_length = read16(archive, at + 28);
        if (std::string_view(archive).substr(at + 46, name_length) != name) {
            continue;
        }
        write32(archive, at + 24, size);
        write32(archive, read32(archive, at + 42) + 22, size);
        found = true;
    }
    if (!found) {
        throw std::runtime_error("no entry " + std::string(name));
    }
    return archive;
}

std::vector<ZipEntry> workbook_entries(const WorkbookXml& workbook) {
    std::string content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                "content-types\"><Default Extension=\"xml\" "
                                "ContentType=\"application/xml\"/></Types>";
    std::string root_rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" +
        std::string(relationship_namespace) +
        "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    std::string sheets;
    std::string rels;
    std::vector<ZipEntry> entries{{"[Content_Types].xml", content_types},
                                  {"_rels/.rels", root_rels}};
    std::vector<ZipEntry> sheet_entries;
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        sheets += "<sheet name=\"" + escaped(workbook.sheets[i].name) + "\" sheetId=\"" + n +
                  "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + std::string(relationship_namespace) +
                "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        sheet_entries.push_back({"xl/worksheets/sheet" + n + ".xml",
                                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" +
                                     std::string(main_namespace) + "\"><sheetData>" +
                                     workbook.sheets[i].rows + "</sheetData></worksheet>"});
    }
    if (!workbook.shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + std::string(relationship_namespace) +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    }
    if (!workbook.styles.empty()) {
        rels += "<Relationship Id=\"rIdY\" Type=\"" + std::string(relationship_namespace) +
                "/styles\" Target=\"styles.xml\"/>";
    }
    entries.push_back({"xl/workbook.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"" +
                           std::string(main_namespace) + "\" xmlns:r=\"" +
                           std::string(relationship_namespace) + "\">" +
                           (workbook.date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") +
                           "<sheets>" + sheets + "</sheets></workbook>"});
    entries.push_back({"xl/_rels/workbook.xml.rels",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
                       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                           rels + "</Relationships>"});
    for (ZipEntry& entry : sheet_entries) {
        entries.push_back(std::move(entry));
    }
    if (!workbook.shared_strings.empty()) {
        std::string items;
        for (const std::string& item : workbook.shared_strings) {
            items += "<si>" + item + "</si>";
        }
        entries.push_back({"xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                   "<sst xmlns=\"" +
                                                       std::string(main_namespace) + "\">" + items +
                                                       "</sst>"});
    }
    if (!workbook.styles.empty()) {
        entries.push_back({"xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<styleSheet xmlns=\"" +
                                                std::string(main_namespace) + "\">" +
                                                workbook.styles + "</styleSheet>"});
    }
    return entries;
}

std::string workbook_bytes(const WorkbookXml& workbook) {
    return zip_archive(workbook_entries(workbook));
}

std::string inline_cell(std::string_view reference, std::string_view text) {
    return "<c r=\"" + std::string(reference) + "\" t=\"inlineStr\"><is><t>" + escaped(text) +
           "</t></is></c>";
}

std::string number_cell(std::string_view reference, std::string_view value, int style) {
    std::string s = style < 0 ? "" : " s=\"" + std::to_string(style) + "\"";
    return "<c r=\"" + std::string(reference) + "\"" + s + "><v>" + std::string(value) + "</v></c>";
}

std::string row_xml(int number, std::string_view cells) {
    return "<row r=\"" + std::to_string(number) + "\">" + std::string(cells) + "</row>";
}

} // namespace mbl::test
