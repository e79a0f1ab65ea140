"""A minimal .xlsx (SpreadsheetML) writer, Python standard library only: the workbooks of the
benchmark (generate_xlsx.py) and the import samples (tests/data/import/make_xlsx.py).

Cells are written as Excel writes them: text as shared strings, integers as numbers with the
`#,##0` format RVTools uses, other numbers with the General format, booleans as boolean cells,
datetimes as serial numbers with a date-and-time format. Sheets are streamed into the archive,
so a 100,000-row sheet never sits in memory whole. The same input gives the same bytes (fixed
timestamps in the archive).
"""

import datetime
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
STAMP = (2026, 1, 1, 0, 0, 0)
EPOCH = datetime.datetime(1899, 12, 30)

# Cell styles (cellXfs): 0 General, 1 #,##0 (numFmtId 3), 2 m/d/yyyy h:mm (22).
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
          '</cellStyleXfs><cellXfs count="3">'
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>')


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SharedStrings:
    def __init__(self):
        self.index = {}

    def get(self, text):
        if text not in self.index:
            self.index[text] = len(self.index)
        return self.index[text]

    def xml(self):
        items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>'
                        for text in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
                f'uniqueCount="{len(self.index)}">{items}</sst>')


def cell_xml(reference, value, strings):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{reference}" s="1"><v>{value}</v></c>'
    if isinstance(value, float):
        return f'<c r="{reference}"><v>{repr(value)}</v></c>'
    if isinstance(value, datetime.datetime):
        serial = (value - EPOCH) / datetime.timedelta(days=1)
        return f'<c r="{reference}" s="2"><v>{serial:.10g}</v></c>'
    return f'<c r="{reference}" t="s"><v>{strings.get(str(value))}</v></c>'


def entry(name):
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_workbook(path, sheets):
    """Writes `sheets`, a list of (name, rows): each row a list of cells (str, int, float, bool,
    datetime or None), the first row the header."""
    strings = SharedStrings()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, len(sheets) + 1))
        archive.writestr(entry("[Content_Types].xml"), (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>' + overrides +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/></Types>'))
        archive.writestr(entry("_rels/.rels"), (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        sheet_list = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
                             for n, (name, _) in enumerate(sheets, 1))
        archive.writestr(entry("xl/workbook.xml"), (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELS}"><workbookPr/><sheets>{sheet_list}</sheets></workbook>'))
        rels = "".join(f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" '
                       f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, len(sheets) + 1))
        archive.writestr(entry("xl/_rels/workbook.xml.rels"), (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PACKAGE_RELS}">{rels}<Relationship Id="rIdS" Type="{RELS}/sharedStrings" '
            f'Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="{RELS}/styles" '
            'Target="styles.xml"/></Relationships>'))
        for n, (_, rows) in enumerate(sheets, 1):
            with archive.open(entry(f"xl/worksheets/sheet{n}.xml"), "w") as sheet:
                sheet.write((f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                             f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><sheetData>').encode())
                for number, row in enumerate(rows, 1):
                    cells = "".join(cell_xml(f"{column_letters(i)}{number}", value, strings)
                                    for i, value in enumerate(row))
                    sheet.write(f'<row r="{number}">{cells}</row>'.encode())
                sheet.write(b"</sheetData></worksheet>")
        archive.writestr(entry("xl/sharedStrings.xml"), strings.xml())
        archive.writestr(entry("xl/styles.xml"), STYLES)
