// import_inventory and preview_inventory_import (import_inventory_apply.cpp): the same rows and
// the same backlog as plan_inventory_import then apply_inventory_plan, whatever the reader
// expects; and open_csv over a releasable text (csv_read.cpp).
#include "import_samples.hpp"
#include "mbl/error.hpp"
#include "mbl/import.hpp"
#include "mbl/load.hpp"
#include "mbl/save.hpp"
#include "support/error_from.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fmt/format.h>

using mbl::RowAction;
using mbl::test::error_from;
using mbl::test::import_sample;
using mbl::test::import_sample_backlog;

namespace {

// The records of a table, with the number of records it says it expects chosen by the test.
class GuessingReader final : public mbl::TableReader {
  public:
    GuessingReader(const mbl::CsvTable& table, std::size_t expected)
        : rows_(table), expected_(expected) {
        header_ = table.header;
        header_line_ = table.header_line;
        dialect_ = table.dialect;
    }
    bool next(mbl::CsvRecord& record) override { return rows_.next(record); }
    void restart() override { rows_.restart(); }
    std::size_t expected_records() const override { return expected_; }

  private:
    mbl::CsvTableReader rows_;
    std::size_t expected_;
};

// A text whose released bytes read as `#` until restored (so a reader that read them again
// would read nonsense), counting what it is asked.
class ScratchedText final : public mbl::ReleasableText {
  public:
    explicit ScratchedText(std::string text) : original_(text), text_(std::move(text)) {}
    std::string_view view() const override { return text_; }
    void release_before(const char* position) override {
        auto end = static_cast<std::size_t>(position - text_.data());
        std::fill(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(end), '#');
        released_ = std::max(released_, end);
    }
    void restore(std::size_t offset, std::size_t length) override {
        length = std::min(length, text_.size() - offset);
        std::copy_n(original_.begin() + static_cast<std::ptrdiff_t>(offset), length,
                    text_.begin() + static_cast<std::ptrdiff_t>(offset));
        ++restores_;
    }
    std::size_t released() const { return released_; }
    int restores() const { return restores_; }

  private:
    std::string original_;
    std::string text_;
    std::size_t released_ = 0;
    int restores_ = 0;
};

// Both ways of importing `file`, with the reader expecting `expected` records.
void require_same_import(const std::string& file, const mbl::InventoryImportOptions& options,
                         std::size_t expected) {
    CAPTURE(file, expected);
    mbl::CsvTable table = mbl::read_csv(import_sample(file), file);
    mbl::Backlog planned = import_sample_backlog();
    mbl::InventoryPlan plan = mbl::plan_inventory_import(planned, table, options, file);
    mbl::apply_inventory_plan(planned, plan);

    mbl::Backlog imported = import_sample_backlog();
    GuessingReader rows(table, expected);
    mbl::InventoryReport report = mbl::import_inventory(imported, rows, options, file);
    CHECK(mbl::to_canonical_text(imported) == mbl::to_canonical_text(planned));
    CHECK(report.ignored_columns == plan.ignored_columns);
    REQUIRE(report.rows.size() == plan.rows.size());
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
        const mbl::PlannedRow& want = plan.rows[i];
        const mbl::ImportedRow& got = report.rows[i];
        CHECK(got.line == want.line);
        CHECK(got.action == want.action);
        CHECK(got.id == want.id);
        CHECK(got.name == want.name);
        CHECK(got.fields == want.fields);
        CHECK(got.reason == want.reason);
        CHECK(got.attribute_count == want.attribute_count);
        if (want.action == RowAction::add || want.action == RowAction::update) {
            CHECK(got.asset_name == want.asset.name);
        }
    }

    mbl::Backlog untouched = import_sample_backlog();
    GuessingReader again(table, expected);
    mbl::InventoryReport preview = mbl::preview_inventory_import(untouched, again, options, file);
    CHECK(mbl::to_canonical_text(untouched) == mbl::to_canonical_text(import_sample_backlog()));
    REQUIRE(preview.rows.size() == report.rows.size());
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        CHECK(preview.rows[i].action == report.rows[i].action);
        CHECK(preview.rows[i].asset_name == report.rows[i].asset_name);
    }
}

} // namespace

TEST_CASE("import_inventory gives the rows and backlog of a plan applied, whatever is expected",
          "[import]") {
    mbl::InventoryImportOptions options;
    options.workload = "crm";
    options.preset = mbl::ImportPreset::rvtools;
    // Exactly, none known, far too few, far too many.
    for (std::size_t expected :
         {std::size_t(5), std::size_t(0), std::size_t(1), std::size_t(1000)}) {
        require_same_import("rvtools-vinfo.csv", options, expected);
        require_same_import("rvtools-vnetwork.csv", options, expected); // rows merged by VM
    }
    options.preset = mbl::ImportPreset::azure_migrate;
    for (std::size_t expected : {std::size_t(0), std::size_t(1), std::size_t(1000)}) {
        require_same_import("azure-migrate-servers.csv", options, expected);
    }
}

TEST_CASE("import_inventory into an empty backlog, then again", "[import]") {
    mbl::Backlog backlog = import_sample_backlog();
    backlog.assets.clear();
    backlog.iterations.clear();
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    mbl::CsvTable table = mbl::read_csv(import_sample("rvtools-vinfo.csv"), "vInfo.csv");
    GuessingReader rows(table, 2); // fewer than the rows: the assets grow past it
    mbl::InventoryReport report = mbl::import_inventory(backlog, rows, options, "vInfo.csv");
    REQUIRE(report.count(RowAction::add) == 3);
    REQUIRE(backlog.assets.size() == 3);
    CHECK(backlog.assets[0].id == "crm-sql-01");
    CHECK(backlog.assets[2].name == "Zürich File Server");

    std::string text = mbl::to_canonical_text(backlog);
    GuessingReader again(table, 500);
    mbl::InventoryReport unchanged = mbl::import_inventory(backlog, again, options, "vInfo.csv");
    CHECK(unchanged.count(RowAction::unchanged) == 3);
    CHECK(mbl::to_canonical_text(backlog) == text);
}

TEST_CASE("import_inventory: a bad row after many leaves the backlog as it was", "[import]") {
    std::string csv = "VM,CPUs\n";
    for (int vm = 0; vm < 3000; ++vm) {
        csv += fmt::format("server-{},{}\n", vm, vm == 2999 ? "eight" : "8");
    }
    mbl::Backlog backlog = import_sample_backlog();
    const std::string before = mbl::to_canonical_text(backlog);
    mbl::InventoryImportOptions options;
    options.preset = mbl::ImportPreset::rvtools;
    std::unique_ptr<mbl::TableReader> rows = mbl::open_csv(csv, "vInfo.csv");
    mbl::Error error =
        error_from([&] { mbl::import_inventory(backlog, *rows, options, "vInfo.csv"); });
    CHECK(error.status() == mbl::ExitStatus::input);
    CHECK_THAT(error.what(), Catch::Matchers::StartsWith("vInfo.csv:3001: "));
    CHECK_THAT(error.what(), Catch::Matchers::Contains("'eight'"));
    CHECK(mbl::to_canonical_text(backlog) == before);
}

TEST_CASE("open_csv over a releasable text gives it back as it reads, and reads it again",
          "[import][csv]") {
    std::string csv = "VM,Notes\r\n";
    for (int vm = 0; vm < 9000; ++vm) {
        csv += fmt::format("vm-{},\"{}\"\r\n", vm, std::string(300, 'n')); // 2.8 MB
    }
    csv += "last,\"two\nlines\"\r\n";
    mbl::CsvTable whole = mbl::read_csv(csv, "big.csv");

    ScratchedText text(csv);
    std::unique_ptr<mbl::TableReader> reader = mbl::open_csv(text, "big.csv");
    CHECK(reader->expected_records() >= whole.records.size());
    for (int pass = 0; pass < 2; ++pass) {
        mbl::CsvRecord record;
        std::size_t count = 0;
        while (reader->next(record)) {
            REQUIRE(count < whole.records.size());
            REQUIRE(record.line == whole.records[count].line);
            REQUIRE(record.fields == whole.records[count].fields);
            ++count;
        }
        CHECK(count == whole.records.size());
        CHECK(text.released() > (std::size_t(1) << 21)); // all but the last megabyte at most
        reader->restart();
    }
    CHECK(text.restores() == 2);
}

TEST_CASE("open_csv over a releasable text in another encoding releases it whole",
          "[import][csv]") {
    std::string latin1 = "VM,Notes\r\nz\xfcrich,caf\xe9\r\n";
    ScratchedText text(latin1);
    mbl::CsvReadOptions options;
    options.encoding = "Windows-1252";
    std::unique_ptr<mbl::TableReader> reader = mbl::open_csv(text, "de.csv", options);
    CHECK(text.released() == latin1.size()); // read from its conversion
    mbl::CsvRecord record;
    REQUIRE(reader->next(record));
    CHECK(record.fields == std::vector<std::string>{"z\xc3\xbcrich", "caf\xc3\xa9"});
    reader->restart();
    REQUIRE(reader->next(record));
    CHECK(record.fields.front() == "z\xc3\xbcrich");
    CHECK(text.restores() == 0);
}
