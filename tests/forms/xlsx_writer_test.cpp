// The XLSX writer: the sample document in kk and ru is written, read back with unzip and
// compared with golden dumps (tests/forms/golden/sample_{kk,ru}.xlsx.txt), and the facts
// an accountant relies on are asserted one by one.
//
// To regenerate the golden files after an intended change, run the test with
// ESEP_UPDATE_GOLDEN=1 (e.g. `ESEP_UPDATE_GOLDEN=1 build/tests/forms/xlsx_writer_test`)
// and review the diff of tests/forms/golden/ before committing.
#include "esep/forms/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/text.hpp"
#include "sample_documents.hpp"
#include "xlsx_reader.hpp"

namespace esep::forms {
namespace {

namespace fs = std::filesystem;
using core::Lang;
using test::xlsx::ReadWorkbook;
using test::xlsx::Workbook;

/// A fresh directory per test, removed afterwards.
class XlsxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("esep-xlsx-test-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Workbook WriteAndRead(const Document& doc, const std::string& name = "out.xlsx") {
    const fs::path file = dir_ / name;
    const core::Status status = WriteXlsx(doc, file);
    EXPECT_TRUE(status.ok()) << status.error().code << " " << status.error().message.en << " "
                             << status.error().details;
    return ReadWorkbook(file);
  }

  fs::path dir_;
};

std::string ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void CompareWithGolden(const std::string& dump, const std::string& golden_name) {
  const fs::path golden = fs::path(ESEP_SOURCE_DIR) / "tests/forms/golden" / golden_name;
  const char* update = std::getenv("ESEP_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << dump;
    GTEST_SKIP() << "golden file rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with ESEP_UPDATE_GOLDEN=1";
  EXPECT_EQ(dump, ReadFile(golden)) << "the XLSX differs from " << golden;
}

Cell MoneyCell(int column, std::int64_t tiyn, std::string text) {
  Cell cell;
  cell.column = column;
  cell.kind = ValueKind::kMoney;
  cell.number = tiyn;
  cell.text = std::move(text);
  cell.style.align = Align::kRight;
  return cell;
}

/// A one-column document with one body row per cell.
Document OneColumn(std::vector<Cell> cells) {
  Document doc;
  doc.title = "Test";
  doc.columns = {Column{"value", 40, ValueKind::kMoney}};
  for (Cell& cell : cells) doc.body_rows.push_back(Row{RowKind::kData, {std::move(cell)}});
  return doc;
}

TEST_F(XlsxWriterTest, SampleKkMatchesGolden) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kKk));
  CompareWithGolden(test::xlsx::Dump(book), "sample_kk.xlsx.txt");
}

TEST_F(XlsxWriterTest, SampleRuMatchesGolden) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kRu));
  CompareWithGolden(test::xlsx::Dump(book), "sample_ru.xlsx.txt");
}

TEST_F(XlsxWriterTest, MoneyIntegerAndDateAreRealNumbersWithFormats) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kRu));
  // Row 7: three title rows, two header rows, the first group's heading, then line 1,
  // whose amount is (13 * 12345 + 7) tiyn = 1 604.92 tenge, paid on 01.01.2026.
  const auto* amount = book.Find("E7");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->type, "n");
  EXPECT_DOUBLE_EQ(std::stod(amount->value), 1604.92);
  EXPECT_EQ(std::llround(std::stod(amount->value) * 100), 160492);
  EXPECT_EQ(amount->format.num_format, "#,##0.00");
  EXPECT_EQ(amount->format.halign, "right");

  const auto* line_no = book.Find("A7");
  ASSERT_NE(line_no, nullptr);
  EXPECT_EQ(line_no->type, "n");
  EXPECT_EQ(line_no->value, "1");
  EXPECT_EQ(line_no->format.num_format, "#,##0");

  // 2026-01-01 is Excel's serial 46023 (45658 was 2025-01-01).
  const auto* paid_on = book.Find("D7");
  ASSERT_NE(paid_on, nullptr);
  EXPECT_EQ(paid_on->type, "n");
  EXPECT_EQ(paid_on->value, "46023");
  EXPECT_EQ(paid_on->format.num_format, "dd.mm.yyyy");
  const auto* next_day = book.Find("D8");
  ASSERT_NE(next_day, nullptr);
  EXPECT_EQ(next_day->value, "46024");

  const auto* bin = book.Find("C7");
  ASSERT_NE(bin, nullptr);
  EXPECT_EQ(bin->type, "s");  // a BIN is an identifier, never a number
  EXPECT_EQ(bin->value, "260140000000");
}

TEST_F(XlsxWriterTest, TotalsAreBoldNumbers) {
  const Document doc = test::SampleDocument(Lang::kRu);
  const Workbook book = WriteAndRead(doc);
  // The grand total is the last body row: 3 title + 2 header + body rows.
  const std::size_t total_row = 3 + 2 + doc.body_rows.size();
  const auto* label = book.Find("A" + std::to_string(total_row));
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->value, "Всего");
  EXPECT_TRUE(label->format.bold);
  const auto* sum = book.Find("E" + std::to_string(total_row));
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ(sum->type, "n");
  EXPECT_TRUE(sum->format.bold);
  EXPECT_EQ(std::llround(std::stod(sum->value) * 100), doc.body_rows.back().cells[1].number);
}

TEST_F(XlsxWriterTest, HeaderIsMergedFrozenAndRepeatedAsOnPaper) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kKk));
  const std::vector<std::string> header_merges{"A4:A5", "B4:C4", "D4:D5", "E4:F4"};
  for (const std::string& merge : header_merges) {
    EXPECT_NE(std::find(book.merges.begin(), book.merges.end(), merge), book.merges.end()) << merge;
  }
  std::size_t header_merge_count = 0;
  for (const std::string& merge : book.merges) {
    if (merge[1] == '4' || merge[1] == '5') ++header_merge_count;
  }
  EXPECT_EQ(header_merge_count, header_merges.size());
  EXPECT_NE(std::find(book.merges.begin(), book.merges.end(), "A1:F1"), book.merges.end());

  EXPECT_EQ(book.pane.at("state"), "frozen");
  EXPECT_EQ(book.pane.at("ySplit"), "5");
  EXPECT_EQ(book.pane.at("topLeftCell"), "A6");
  EXPECT_EQ(book.pane.count("xSplit"), 0U);
  EXPECT_NE(book.print_titles.find("$4:$5"), std::string::npos) << book.print_titles;

  const auto* heading = book.Find("B4");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->value, "Мекеме");
  EXPECT_TRUE(heading->format.bold);
  EXPECT_EQ(heading->format.halign, "center");
  EXPECT_EQ(heading->format.fill, "FFD9D9D9");
  EXPECT_EQ(heading->format.border, "thin");
  // The covered cell of a merge carries the same format, so the border is drawn whole.
  const auto* covered = book.Find("C4");
  ASSERT_NE(covered, nullptr);
  EXPECT_EQ(covered->type, "blank");
  EXPECT_EQ(covered->format.Describe(), heading->format.Describe());
}

TEST_F(XlsxWriterTest, PrintSetupIsA4FitToWidthWithPageNumbers) {
  Document doc = test::SampleDocument(Lang::kKk);
  doc.page.orientation = Orientation::kLandscape;
  doc.page.margin_mm = 20;
  const Workbook book = WriteAndRead(doc);
  EXPECT_EQ(book.page_setup.at("paperSize"), "9");
  EXPECT_EQ(book.page_setup.at("orientation"), "landscape");
  EXPECT_EQ(book.page_setup.at("fitToHeight"), "0");
  EXPECT_EQ(book.page_setup.count("fitToWidth"), 0U);  // 1 is Excel's default
  EXPECT_EQ(book.fit_to_page, "1");
  EXPECT_NEAR(std::stod(book.margins.at("left")), 20 / 25.4, 1e-9);
  EXPECT_NEAR(std::stod(book.margins.at("bottom")), 20 / 25.4, 1e-9);
  EXPECT_EQ(book.footer, "&C&P-бет, барлығы &N");

  const Workbook ru = WriteAndRead(test::SampleDocument(Lang::kRu), "ru.xlsx");
  EXPECT_EQ(ru.footer, "&CСтраница &P из &N");
  EXPECT_EQ(ru.page_setup.at("orientation"), "portrait");

  doc.page.page_number_format = "A & B {page}";
  EXPECT_EQ(WriteAndRead(doc, "amp.xlsx").footer, "&CA && B &P");
  doc.page.page_numbers = false;
  EXPECT_EQ(WriteAndRead(doc, "none.xlsx").footer, "");
}

TEST_F(XlsxWriterTest, KazakhLettersSurvive) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kKk));
  EXPECT_EQ(book.sheet_name, "Мектептерге төлемдер тізілімі");
  EXPECT_EQ(book.title, "Мектептерге төлемдер тізілімі");
  std::string all_text;
  for (const auto& cell : book.cells) all_text += cell.value + "\n";
  for (const char* letter : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Қ", "Ғ", "Ө"}) {
    EXPECT_NE(all_text.find(letter), std::string::npos) << letter;
  }
  const auto* note =
      book.Find("A" + std::to_string(3 + 2 + test::SampleDocument(Lang::kKk).body_rows.size() + 2));
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->value,
            "Ескерту: жиһаз бен құрал-жабдыққа арналған шығыстар туралы мәліметтер бөлек "
            "беріледі.");
}

TEST_F(XlsxWriterTest, MoneyBeyondExcelPrecisionIsTextNeverRounded) {
  constexpr std::int64_t kTwoTo53 = std::int64_t{1} << 53;
  const Workbook book = WriteAndRead(OneColumn({
      MoneyCell(0, kTwoTo53 + 1, "90 071 992 547 409,93"),
      MoneyCell(0, -(kTwoTo53 + 1), "-90 071 992 547 409,93"),
      MoneyCell(0, 1'000'000'000'000'000, "10 000 000 000 000,00"),
      MoneyCell(0, 999'999'999'999'999, "9 999 999 999 999,99"),
      MoneyCell(0, -999'999'999'999'999, "-9 999 999 999 999,99"),
      MoneyCell(0, INT64_MAX, "92 233 720 368 547 758,07"),
  }));
  ASSERT_EQ(book.cells.size(), 6U);
  for (std::size_t i : {0U, 1U, 2U, 5U}) {
    EXPECT_EQ(book.cells[i].type, "s") << book.cells[i].ref;
    EXPECT_EQ(book.cells[i].format.halign, "right");
  }
  EXPECT_EQ(book.cells[0].value, "90 071 992 547 409,93");
  EXPECT_EQ(book.cells[1].value, "-90 071 992 547 409,93");
  EXPECT_EQ(book.cells[2].value, "10 000 000 000 000,00");
  EXPECT_EQ(book.cells[5].value, "92 233 720 368 547 758,07");
  // 15 significant digits: the largest amount Excel shows to the tiyn.
  for (std::size_t i : {3U, 4U}) {
    ASSERT_EQ(book.cells[i].type, "n") << book.cells[i].ref;
    const double value = std::stod(book.cells[i].value);
    EXPECT_EQ(std::llround(value * 100), i == 3 ? 999'999'999'999'999 : -999'999'999'999'999);
    EXPECT_EQ(book.cells[i].format.num_format, "#,##0.00");
  }
}

TEST_F(XlsxWriterTest, DatesOutsideExcelRangeAreText) {
  const auto date_cell = [](int year, unsigned month, unsigned day) {
    Cell cell;
    cell.kind = ValueKind::kDate;
    cell.number = core::Date::FromYmd(year, month, day).value().DaysSinceEpoch();
    cell.text = "date";
    return cell;
  };
  const Workbook book = WriteAndRead(OneColumn({
      date_cell(1899, 12, 31),  // before Excel's first day
      date_cell(1900, 1, 1),    // serial 1
      date_cell(1900, 2, 28),   // serial 59, before Excel's phantom 29 February 1900
      date_cell(1900, 3, 1),    // serial 61, after it
      date_cell(1970, 1, 1),    // serial 25569
      date_cell(9999, 12, 31),  // serial 2958465, Excel's last day
  }));
  ASSERT_EQ(book.cells.size(), 6U);
  EXPECT_EQ(book.cells[0].type, "s");
  EXPECT_EQ(book.cells[0].value, "date");
  const std::vector<std::string> serials{"1", "59", "61", "25569", "2958465"};
  for (std::size_t i = 0; i < serials.size(); ++i) {
    EXPECT_EQ(book.cells[i + 1].type, "n");
    EXPECT_EQ(book.cells[i + 1].value, serials[i]);
    EXPECT_EQ(book.cells[i + 1].format.num_format, "dd.mm.yyyy");
  }
}

TEST_F(XlsxWriterTest, ColumnWidthsFollowMillimetres) {
  // 30 mm = 113.4 px at 96 dpi; (113.4 - 5) / 7 = 15.49 characters.
  EXPECT_NEAR(XlsxColumnWidth(30), 15.485, 0.01);
  EXPECT_NEAR(XlsxColumnWidth(60), 31.68, 0.01);
  EXPECT_NEAR(XlsxColumnWidth(2), 7.56 / 12, 0.01);
  EXPECT_NEAR(XlsxColumnWidth(0), 8.43, 0.01);  // Excel's default, never a hidden column
  const Document doc = test::SampleDocument(Lang::kRu);
  const Workbook book = WriteAndRead(doc);
  ASSERT_EQ(book.columns.size(), doc.columns.size());
  // The file stores whole pixels (padding included) in 1/256 of a 7-pixel character.
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const std::string prefix = std::to_string(i + 1) + ":" + std::to_string(i + 1) + "=";
    ASSERT_EQ(book.columns[i].substr(0, prefix.size()), prefix);
    const double pixels = std::stod(book.columns[i].substr(prefix.size())) * 7;
    EXPECT_NEAR(pixels, doc.columns[i].width_mm * 96 / 25.4, 0.5) << book.columns[i];
  }
}

TEST_F(XlsxWriterTest, LongMergedFooterWrapsWithRowHeight) {
  Document doc = test::SampleDocument(Lang::kRu);
  doc.footer_rows[0].cells[0].text +=
      " Примечание, которое намного длиннее строки и потому переносится на несколько строк, "
      "чтобы бухгалтер прочитал его целиком, а не только начало.";
  const Workbook book = WriteAndRead(doc);
  const int row = static_cast<int>(3 + 2 + doc.body_rows.size() + 1);
  const auto* cell = book.Find("A" + std::to_string(row));
  ASSERT_NE(cell, nullptr);
  EXPECT_TRUE(cell->format.wrap);
  ASSERT_EQ(book.row_heights.count(row), 1U);
  EXPECT_GE(std::stod(book.row_heights.at(row)), 2 * 8 * 1.4);
  // Short merged title rows keep Excel's own height.
  EXPECT_EQ(book.row_heights.count(1), 0U);
}

TEST_F(XlsxWriterTest, FormatsAreSharedNotPerCell) {
  const Workbook book = WriteAndRead(test::SampleDocument(Lang::kRu, 3000));
  EXPECT_GT(book.cells.size(), 15000U);
  EXPECT_LT(book.cell_formats, 30U);
  const auto* last_name = book.Find("E" + std::to_string(3 + 2 + 3 * 1002 + 1 + 4));
  ASSERT_NE(last_name, nullptr);
  EXPECT_EQ(last_name->value, "Г. Омирзакова");
}

TEST_F(XlsxWriterTest, SheetNamesAreValidForExcel) {
  EXPECT_EQ(XlsxSheetName("Реестр платежей школам"), "Реестр платежей школам");
  EXPECT_EQ(XlsxSheetName("Отчёт: доходы/расходы [2026]*?\\"), "Отчёт доходы расходы 2026");
  EXPECT_EQ(XlsxSheetName("'Кесте'"), "Кесте");
  EXPECT_EQ(XlsxSheetName(""), "Sheet1");
  EXPECT_EQ(XlsxSheetName("[]:*?"), "Sheet1");
  EXPECT_EQ(XlsxSheetName("History"), "Sheet1");
  // 31 characters of Kazakh, never a split letter.
  const std::string long_kk = "Мемлекеттік мекемелердің қаржылық есептілігінің жиынтығы";
  const std::string cut = XlsxSheetName(long_kk);
  EXPECT_EQ(cut, "Мемлекеттік мекемелердің қаржыл");
  // Characters beyond the BMP count twice, as in Excel.
  EXPECT_EQ(XlsxSheetName(std::string(29, 'a') + "\U0001F4B0\U0001F4B0"),
            std::string(29, 'a') + "\U0001F4B0");
  EXPECT_EQ(XlsxSheetName("Bad\xFF byte"), "Bad\uFFFD byte");
  // A cut that leaves a trailing space drops it.
  EXPECT_EQ(XlsxSheetName(std::string(30, 'a') + " b"), std::string(30, 'a'));

  Document doc = test::SampleDocument(Lang::kKk);
  doc.title = long_kk + ": 2026/I";
  EXPECT_EQ(WriteAndRead(doc).sheet_name, "Мемлекеттік мекемелердің қаржыл");
}

TEST_F(XlsxWriterTest, InvalidUtf8IsReplacedNotWrittenRaw) {
  Cell cell;
  cell.kind = ValueKind::kText;
  cell.text = "Сома\xC3(";
  const Workbook book = WriteAndRead(OneColumn({cell}));
  ASSERT_EQ(book.cells.size(), 1U);
  EXPECT_EQ(book.cells[0].value, "Сома\uFFFD(");
}

TEST_F(XlsxWriterTest, UnwritablePathGivesLocalizedError) {
  const fs::path not_a_dir = dir_ / "file.txt";
  std::ofstream(not_a_dir) << "x";
  for (const fs::path& file :
       {fs::path("/nonexistent-esep-dir/report.xlsx"), not_a_dir / "report.xlsx"}) {
    const core::Status status = WriteXlsx(test::SampleDocument(Lang::kKk), file);
    ASSERT_FALSE(status.ok()) << file;
    EXPECT_EQ(status.error().code, "xlsx.write");
    EXPECT_EQ(status.error().field, file.string());
    EXPECT_NE(status.error().message.kk.find("XLSX файлын жазу мүмкін болмады"), std::string::npos);
    EXPECT_NE(status.error().message.ru.find("Не удалось записать файл XLSX"), std::string::npos);
    EXPECT_NE(status.error().message.en.find(file.string()), std::string::npos);
    EXPECT_FALSE(status.error().details.empty());
    EXPECT_FALSE(fs::exists(file));
  }
}

TEST_F(XlsxWriterTest, FailedWriteKeepsTheEarlierFile) {
  const fs::path file = dir_ / "keep.xlsx";
  ASSERT_TRUE(WriteXlsx(test::SampleDocument(Lang::kRu), file).ok());
  const std::string before = ReadFile(file);
  Document bad = test::SampleDocument(Lang::kRu);
  bad.body_rows[0].cells[0].column = 7;  // beyond the six columns
  const core::Status status = WriteXlsx(bad, file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "xlsx.bad_layout");
  EXPECT_EQ(status.error().field, "body_rows[0].cells[0]");
  EXPECT_EQ(ReadFile(file), before);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "keep.xlsx");  // no temporary left behind
  }
  EXPECT_EQ(files, 1U);
}

TEST_F(XlsxWriterTest, OverlappingCellsAreRejected) {
  Document doc = test::SampleDocument(Lang::kRu);
  // The header's "№" spans two rows; a cell under it in the second header row overlaps.
  Cell intruder;
  intruder.kind = ValueKind::kText;
  intruder.text = "x";
  doc.header_rows[1].cells.insert(doc.header_rows[1].cells.begin(), intruder);
  core::Status status = WriteXlsx(doc, dir_ / "overlap.xlsx");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "xlsx.bad_layout");
  EXPECT_EQ(status.error().field, "header_rows[1].cells[0]");

  doc = test::SampleDocument(Lang::kRu);
  doc.header_rows[1].cells[0].row_span = 2;  // would reach into the body
  status = WriteXlsx(doc, dir_ / "span.xlsx");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "header_rows[1].cells[0]");
}

TEST_F(XlsxWriterTest, TooLongTextIsAnError) {
  Cell cell;
  cell.kind = ValueKind::kText;
  cell.text = std::string(32768, 'x');
  const core::Status status = WriteXlsx(OneColumn({cell}), dir_ / "long.xlsx");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "xlsx.too_large");
  EXPECT_EQ(status.error().field, "body_rows[0].cells[0]");
  EXPECT_FALSE(status.error().message.kk.empty());
  EXPECT_FALSE(status.error().message.ru.empty());
}

TEST_F(XlsxWriterTest, RenderGivesTheSameWorkbookAndLeavesNoTemporaryFile) {
  const auto count_renders = [] {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
      if (entry.path().filename().string().rfind("esep-render-", 0) == 0) ++n;
    }
    return n;
  };
  const std::size_t before = count_renders();
  const core::Result<std::string> bytes = RenderXlsx(test::SampleDocument(Lang::kKk));
  ASSERT_TRUE(bytes.ok()) << bytes.error().details;
  EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(count_renders(), before);
  const fs::path file = dir_ / "rendered.xlsx";
  std::ofstream(file, std::ios::binary) << *bytes;
  const Workbook rendered = ReadWorkbook(file);
  const Workbook written = WriteAndRead(test::SampleDocument(Lang::kKk));
  EXPECT_EQ(test::xlsx::Dump(rendered), test::xlsx::Dump(written));
}

}  // namespace
}  // namespace esep::forms
