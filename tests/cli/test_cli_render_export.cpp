// sheet_table: an export sheet as CSV, numeric columns kept numbers, text neutralised in a sheet
// for a spreadsheet and unchanged in a sheet for an agile tool's importer.
#include "cli/render_export.hpp"
#include "cli/render_wbs.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace mbl;
using namespace mbl::cli;

TEST_CASE("sheet_table renders numeric columns as numbers and neutralises text",
          "[render_export]") {
    Sheet sheet;
    sheet.columns = {{"Title 1"}, {"Labels"}, {"Labels"}, {"delta", true}};
    sheet.rows = {{"=1+1", "a,b", "", "-5"}, {"-5", "say \"hi\"", "x\ny", ""}};
    sheet.for_spreadsheet = true;
    Table table = sheet_table(sheet);
    REQUIRE(table.columns.size() == 4);
    CHECK(table.columns[0].key == "Title 1");
    CHECK(table.columns[0].kind == ColumnKind::text);
    CHECK(table.columns[3].kind == ColumnKind::number);
    std::ostringstream out;
    render_csv(out, table);
    CHECK(out.str() == "Title 1,Labels,Labels,delta\n"
                       "'=1+1,\"a,b\",,-5\n"
                       "'-5,\"say \"\"hi\"\"\",\"x\ny\",\n");
}

TEST_CASE("sheet_table keeps the text of an agile tool's sheet unchanged", "[render_export]") {
    Sheet sheet;
    sheet.columns = {{"Title 1"}, {"Tags"}, {"Priority", true}};
    sheet.rows = {{"=SUM(1)", "@x, y", "-5"}, {"+1", "-a\tb", ""}};
    Table table = sheet_table(sheet);
    CHECK(table.columns[0].kind == ColumnKind::verbatim);
    CHECK(table.columns[2].kind == ColumnKind::number);
    std::ostringstream out;
    render_csv(out, table);
    CHECK(out.str() == "Title 1,Tags,Priority\n"
                       "=SUM(1),\"@x, y\",-5\n"
                       "+1,-a\tb,\n");
}

TEST_CASE("CsvSheetWriter writes a sheet as it is built, as render_csv writes the whole table",
          "[render_export]") {
    std::vector<SheetColumn> columns = {{"Title 1"}, {"Labels"}, {"Labels"}, {"delta", true}};
    std::vector<std::vector<std::string>> rows = {
        {"=1+1", "a,b", "", "-5"}, {"-5", "say \"hi\"", "x\ny", ""}, {"@sum", "\tx", "+1", "1e3"}};
    std::ostringstream streamed;
    CsvSheetWriter writer(streamed);
    writer.columns(columns);
    std::string after_header = streamed.str();
    CHECK(after_header == "Title 1,Labels,Labels,delta\n"); // the header comes before any row
    for (const auto& row : rows) {
        writer.row(row);
    }
    Sheet sheet;
    sheet.for_spreadsheet = true;
    sheet.columns = columns;
    sheet.rows = rows;
    std::ostringstream whole;
    render_csv(whole, sheet_table(sheet));
    CHECK(streamed.str() == whole.str());
    CHECK(streamed.str().ends_with("'@sum,'\tx,'+1,1e3\n"));
}

TEST_CASE("collect_sheet keeps the columns and rows a sheet writer gives it", "[render_export]") {
    Sheet sheet = collect_sheet([](SheetSink& sink) {
        sink.columns({{"a"}, {"b", true}});
        sink.row({"x", "1"});
        sink.row({"y", "2"});
    });
    REQUIRE(sheet.columns.size() == 2);
    CHECK(sheet.columns[1].numeric);
    CHECK(sheet.rows == std::vector<std::vector<std::string>>{{"x", "1"}, {"y", "2"}});
}

TEST_CASE("render_wbs_csv writes, row by row, what render_csv writes of wbs_table",
          "[render_export]") {
    Workload workload;
    workload.id = "crm";
    workload.stage = Stage::migrating;
    Asset asset;
    asset.id = "crm-db";
    asset.status = AssetStatus::in_progress;
    Task task;
    task.title = "=cutover, then \"check\"";
    WbsItem migration;
    migration.number = "1";
    migration.level = WbsLevel::migration;
    migration.name = "Move, all";
    migration.estimate = 12.5;
    WbsItem group;
    group.number = "1.1";
    group.level = WbsLevel::workload;
    group.workload = &workload;
    group.name = "CRM";
    WbsItem item;
    item.number = "1.1.1";
    item.level = WbsLevel::asset;
    item.asset = &asset;
    item.name = "-db";
    item.iteration = "it-1";
    item.start = Date::parse("2026-01-05");
    WbsItem task_item;
    task_item.number = "1.1.1.1";
    task_item.level = WbsLevel::task;
    task_item.asset = &asset;
    task_item.task = &task;
    task_item.name = task.title;
    item.children.push_back(task_item);
    group.children.push_back(item);
    migration.children.push_back(group);

    std::ostringstream streamed;
    render_wbs_csv(streamed, migration);
    std::ostringstream whole;
    render_csv(whole, wbs_table(migration));
    CHECK(streamed.str() == whole.str());
    CHECK(streamed.str() == "wbs,level,id,name,status,estimate,unestimated,iteration,start,finish\n"
                            "1,migration,,\"Move, all\",,12.5,0,,,\n"
                            "1.1,workload,crm,CRM,migrating,,0,,,\n"
                            "1.1.1,asset,crm-db,'-db,in-progress,,0,it-1,2026-01-05,\n"
                            "1.1.1.1,task,,\"'=cutover, then \"\"check\"\"\",open,,,,,\n");
}

TEST_CASE("render_wbs_csv of a backlog writes what it writes of the backlog's work_breakdown",
          "[render_export]") {
    Backlog backlog;
    backlog.name = "Move, all";
    Workload crm;
    crm.id = "crm";
    crm.name = "=CRM";
    backlog.workloads = {crm};
    Asset db;
    db.id = "crm-db";
    db.name = "db, primary";
    db.workload = "crm";
    db.estimate = 0.1;
    Task task;
    task.title = "cut \"over\"";
    task.estimate = 2;
    Asset stray = db;
    stray.id = "stray";
    stray.workload = "gone";
    stray.tasks = {};
    db.tasks = {task, task};
    backlog.assets = {db, stray};
    Iteration iteration;
    iteration.id = "it-1";
    iteration.start = *Date::parse("2026-01-05");
    iteration.end = *Date::parse("2026-01-18");
    iteration.committed = {"crm-db"};
    backlog.iterations = {iteration};

    std::ostringstream streamed;
    render_wbs_csv(streamed, backlog);
    std::ostringstream of_tree;
    render_wbs_csv(of_tree, work_breakdown(backlog));
    CHECK(streamed.str() == of_tree.str());
    CHECK(streamed.str() ==
          "wbs,level,id,name,status,estimate,unestimated,iteration,start,finish\n"
          "1,migration,,\"Move, all\",,4.1,0,,2026-01-05,2026-01-18\n"
          "1.1,workload,crm,'=CRM,planned,4,0,,2026-01-05,2026-01-18\n"
          "1.1.1,asset,crm-db,\"db, primary\",not-started,4,0,it-1,2026-01-05,"
          "2026-01-18\n"
          "1.1.1.1,task,,\"cut \"\"over\"\"\",open,2,,it-1,2026-01-05,2026-01-18\n"
          "1.1.1.2,task,,\"cut \"\"over\"\"\",open,2,,it-1,2026-01-05,2026-01-18\n"
          "1.2,workload,,Assets without a workload,,0.1,0,,,\n"
          "1.2.1,asset,stray,\"db, primary\",not-started,0.1,0,,,\n");
}
