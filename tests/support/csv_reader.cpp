#include "support/csv_reader.hpp"

#include <stdexcept>

namespace mbl::test {

std::vector<CsvRecord> parse_csv(std::string_view text) {
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    std::size_t i = 0;
    auto fail = [&](const std::string& what) {
        throw std::runtime_error("CSV record " + std::to_string(records.size() + 1) + ": " + what);
    };
    while (i < text.size()) {
        if (text[i] == '"') { // a quoted field
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    fail("quoted field not closed");
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                fail("text after a closing quote");
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                if (text[i] == '"') {
                    fail("quote inside an unquoted field");
                }
                field += text[i++];
            }
        }
        record.push_back(std::move(field));
        field.clear();
        if (i < text.size() && text[i] == ',') {
            ++i;
            if (i == text.size()) {
                record.emplace_back(); // a trailing comma ends with an empty field
            }
            continue;
        }
        if (i < text.size() && text[i] == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') {
                fail("CR without LF outside quotes");
            }
            ++i;
        }
        ++i; // the LF, or past the end
        records.push_back(std::move(record));
        record.clear();
    }
    if (!record.empty()) {
        records.push_back(std::move(record));
    }
    return records;
}

CsvTable parse_csv_table(std::string_view text) {
    std::vector<CsvRecord> records = parse_csv(text);
    if (records.empty()) {
        throw std::runtime_error("CSV without a header");
    }
    CsvTable table{records.front(), {records.begin() + 1, records.end()}};
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].size() != table.header.size()) {
            throw std::runtime_error("CSV record " + std::to_string(r + 2) + " has " +
                                     std::to_string(table.rows[r].size()) + " fields, the header " +
                                     std::to_string(table.header.size()));
        }
    }
    return table;
}

std::size_t CsvTable::column(std::string_view name, std::size_t occurrence) const {
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c] == name && occurrence-- == 0) {
            return c;
        }
    }
    throw std::runtime_error("no CSV column " + std::string(name));
}

const std::string& CsvTable::at(std::size_t row, std::string_view name) const {
    return rows.at(row).at(column(name));
}

} // namespace mbl::test
