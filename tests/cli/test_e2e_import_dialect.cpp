// mbl import on CSV as spreadsheets save it: the same RVTools vInfo sheet in the four forms Excel
// writes (tests/data/import/make_spreadsheet_forms.py), --delimiter, --encoding, --decimal-comma,
// and the refusals, each naming the line, what was detected and what to do.
#include "import_fixtures.hpp"
#include "support/backlog_json.hpp"
#include "support/refusal.hpp"
#include "support/temp_backlog.hpp"
#include "support/text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mbl::test;
using nlohmann::json;

namespace {

struct Form {
    std::string file;
    std::vector<std::string> flags;
    std::string read_as;
};

const std::vector<Form>& excel_forms() {
    static const std::vector<Form> forms{
        {"rvtools-vinfo-excel-en.csv", {}, "read as ','-separated UTF-8 with BOM, decimal point"},
        {"rvtools-vinfo-excel-de.csv", {}, "read as ';'-separated UTF-8 with BOM, decimal comma"},
        {"rvtools-vinfo-unicode.txt", {}, "read as tab-separated UTF-16LE, decimal point"},
        {"rvtools-vinfo-excel-1252.csv",
         {"--encoding", "windows-1252"},
         "read as ','-separated Windows-1252, decimal point"},
    };
    return forms;
}

} // namespace

TEST_CASE("the four forms Excel saves an RVTools sheet in import the same assets",
          "[e2e][import][dialect]") {
    std::optional<json> first_assets;
    for (const Form& form : excel_forms()) {
        CAPTURE(form.file);
        TempBacklog backlog = crm_backlog();
        std::vector<std::string> args{
            "import", "inventory", sample(form.file), "--preset", "rvtools", "--workload", "crm"};
        args.insert(args.end(), form.flags.begin(), form.flags.end());
        std::string out = run_ok(backlog, args);
        CHECK(contains(lines_of(out)[0], "(rvtools, " + form.read_as +
                                             "): 3 added, 0 updated, 0 unchanged, 1 skipped"));

        json file = json::parse(backlog.text());
        const json& mueller = asset_named(file, "M\xC3\xBCller-App-01");
        CHECK(mueller["attributes"]["memory_mb"] == 12288);
        CHECK(mueller["attributes"]["disk_gb"] == 103);     // 105472.53 MiB
        CHECK(mueller["attributes"]["disk_used_gb"] == 20); // 20480 MiB
        CHECK(mueller["attributes"]["annotation"] ==
              "Owner: Caf\xC3\xA9 team, \"tier 1\" \xE2\x80\x93 patch Sun");
        const json& batch = asset_named(file, "crm-batch-02");
        CHECK(batch["attributes"]["memory_mb"] == 1024);
        CHECK(batch["attributes"]["disk_used_gb"] == 0); // 2.5 MiB, to two decimals of a GB
        const json& archive = asset_named(file, "archive-db-03");
        CHECK(archive["attributes"]["memory_mb"] == 1048576);
        CHECK(archive["attributes"]["disk_gb"] == 4096);      // 4194304 MiB
        CHECK(archive["attributes"]["disk_used_gb"] == 3072); // 3145728.25 MiB
        CHECK(archive["attributes"]["cores"] == 16);
        CHECK_THROWS(asset_named(file, "W2019-GOLD")); // a template

        if (!first_assets) {
            first_assets = file["assets"];
        } else {
            CHECK(file["assets"] == *first_assets); // byte for byte the same values
        }
    }
}

TEST_CASE("import --format json says how the file was read", "[e2e][import][dialect]") {
    TempBacklog backlog = crm_backlog();
    json plan =
        json::parse(run_ok(backlog, {"import", "inventory", sample("rvtools-vinfo-unicode.txt"),
                                     "--preset", "rvtools", "--dry-run", "--format", "json"}));
    CHECK(plan["read_as"] ==
          json({{"encoding", "UTF-16LE"}, {"delimiter", "\t"}, {"decimal_mark", "point"}}));
    CHECK(plan["summary"]["added"] == 3);
}

TEST_CASE("--delimiter and --decimal-comma force what is otherwise detected",
          "[e2e][import][dialect]") {
    TempBacklog backlog = crm_backlog();
    // tab-separated with decimal commas, as German Excel's 'Unicode Text' writes it (UTF-8 here)
    std::filesystem::path csv = backlog.dir() / "vinfo.tsv";
    write_file(csv, "VM\tMemory\tIn Use MiB\nweb-07\t12.288\t1.024,5\n");
    std::string file = csv.string();
    require_refused(backlog, {"import", "inventory", file, "--preset", "rvtools"}, 3,
                    file + ":2: column 'In Use MiB': '1.024,5' is not a number with a decimal "
                           "point: only a decimal comma reads it (1024.5); pass --decimal-comma if "
                           "the file's numbers are written that way (read as tab-separated UTF-8, "
                           "decimal point)");
    std::string out = run_ok(backlog, {"import", "inventory", file, "--preset", "rvtools",
                                       "--decimal-comma", "--delimiter", "tab"});
    CHECK(contains(lines_of(out)[0], "read as tab-separated UTF-8, decimal comma"));
    json web = asset_in(json::parse(backlog.text()), "web-07");
    CHECK(web["attributes"]["memory_mb"] == 12288);
    CHECK(web["attributes"]["disk_used_gb"] == 1); // 1024.5 MiB

    // a ';'-separated file whose numbers use a decimal point
    write_file(csv, "VM;Memory\nweb-08;1,024.5\n");
    require_refused(backlog, {"import", "inventory", file, "--preset", "rvtools"}, 3,
                    file + ":2: column 'Memory': '1,024.5' is not a number with a decimal comma: "
                           "only a decimal point reads it (1024.5); pass --decimal-point");
    require_refused(backlog, {"import", "inventory", file, "--preset", "rvtools"}, 3,
                    "(read as ';'-separated UTF-8, decimal comma)");
    run_ok(backlog, {"import", "inventory", file, "--preset", "rvtools", "--decimal-point"});
    CHECK(asset_in(json::parse(backlog.text()), "web-08")["attributes"]["memory_mb"] == 1024.5);

    // forced wrong: the missing column says how the file was read
    write_file(csv, "VM;Memory\nweb-08;1\n");
    require_refused(backlog,
                    {"import", "inventory", file, "--preset", "rvtools", "--delimiter", ","}, 3,
                    file + ":1: no 'VM' column, which the rvtools preset needs; is this the right "
                           "--preset, or map the name column with --map 'COLUMN=name' (read as "
                           "','-separated UTF-8, decimal point)");
    // a file with no delimiter in the header, forced
    write_file(csv, "VM|CPUs\nweb-09|4\n");
    run_ok(backlog, {"import", "inventory", file, "--preset", "rvtools", "--delimiter", "|"});
    CHECK(asset_in(json::parse(backlog.text()), "web-09")["attributes"]["cores"] == 4);
}

TEST_CASE("import refuses a wrong or missing --encoding and leaves the file as it was",
          "[e2e][import][dialect]") {
    TempBacklog backlog = crm_backlog();
    std::string ansi = sample("rvtools-vinfo-excel-1252.csv");
    require_refused(backlog, {"import", "inventory", ansi, "--preset", "rvtools"}, 3,
                    ansi + ":2: not UTF-8 text (no byte-order mark, so read as UTF-8); if it was "
                           "saved by Excel as 'CSV (Comma delimited)', pass --encoding "
                           "windows-1252");
    std::string unicode = sample("rvtools-vinfo-unicode.txt");
    require_refused(
        backlog, {"import", "inventory", unicode, "--preset", "rvtools", "--encoding", "cp1252"}, 3,
        unicode + ":1: --encoding Windows-1252, but the file starts with a UTF-16LE "
                  "byte-order mark: it is UTF-16LE; leave out --encoding");
    std::string en = sample("rvtools-vinfo-excel-en.csv");
    require_refused(backlog,
                    {"import", "inventory", en, "--preset", "rvtools", "--encoding", "latin1"}, 3,
                    "starts with a UTF-8 byte-order mark: it is UTF-8; leave out --encoding");
    require_refused(backlog,
                    {"import", "inventory", en, "--preset", "rvtools", "--encoding", "utf-16"}, 2,
                    "--encoding 'utf-16': not an encoding mbl knows; use one of windows-1252 "
                    "(cp1252), iso-8859-1 (latin1)");
    require_refused(backlog, {"import", "inventory", en, "--preset", "rvtools", "--delimiter", ":"},
                    2, "--delimiter must be ',', ';', tab (or \\t) or '|', not ':'");
    require_refused(
        backlog,
        {"import", "inventory", en, "--preset", "rvtools", "--decimal-comma", "--decimal-point"}, 2,
        "excludes");
    CHECK(backlog.text() == backlog.original());
}

TEST_CASE("import dependencies reads a ';'-separated Windows-1252 export",
          "[e2e][import][dialect]") {
    TempBacklog backlog = crm_backlog();
    run_ok(backlog, {"import", "inventory", sample("azure-migrate-servers.csv"), "--preset",
                     "azure-migrate", "--workload", "crm"});
    std::filesystem::path csv = backlog.dir() / "deps.csv";
    write_file(csv, "Source server name;Source process;Destination server name;Destination port\r\n"
                    "CRM-WEB-01;w3wp.exe;CRM-SQL-01;1433\r\n"
                    "M\xFC"
                    "ller-01;x.exe;CRM-SQL-01;1433\r\n");
    std::string file = csv.string();
    require_refused(backlog, {"import", "dependencies", file}, 3, file + ":3: not UTF-8 text");
    std::string out = run_ok(backlog, {"import", "dependencies", file, "--encoding", "cp1252"});
    CHECK(contains(lines_of(out)[0],
                   "(azure-migrate, recognised from the header, read as ';'-separated "
                   "Windows-1252, decimal comma): 1 added"));
    CHECK(contains(out, "M\xC3\xBCller-01"));
    CHECK(asset_in(json::parse(backlog.text()), "crm-web-01")["depends_on"] ==
          json::array({"crm-sql-01"}));
}

TEST_CASE("import refuses a number beyond a double and writes -0 as the file spells it",
          "[e2e][import][dialect]") {
    TempBacklog backlog = crm_backlog();
    std::filesystem::path csv = backlog.dir() / "vinfo.csv";
    write_file(csv, "VM,CPUs,Memory,In Use MiB\nweb-10,-0,\"1,024\",-1.50\nweb-11,1e400,1,1\n");
    std::string file = csv.string();
    require_refused(backlog, {"import", "inventory", file, "--preset", "rvtools"}, 3,
                    file + ":3: column 'CPUs': '1e400' is beyond the range of a number (a double)");
    write_file(csv, "VM,CPUs,Memory,In Use MiB\nweb-10,-0,\"1,024\",-1.50\n");
    run_ok(backlog, {"import", "inventory", file, "--preset", "rvtools"});
    std::string text = backlog.text();
    CHECK(contains(text, "\"cores\": 0,"));
    CHECK(contains(text, "\"memory_mb\": 1024,"));
    CHECK(contains(text, "\"disk_used_gb\": 0")); // -1.50 MiB, to two decimals of a GB
    run_ok(backlog, {"fmt", "--check"});          // the file is canonical: it loads back the same
}
