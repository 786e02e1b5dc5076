// The PDF as a reader gets it: its text read back with poppler's pdftotext against golden
// files, Kazakh letters, embedded fonts, A4 pages, repeated headers and page numbers.
//
// The golden files hold `pdftotext -layout` of the 12-row sample in kk and ru. After a
// deliberate change to the layout, regenerate them and review the diff:
//   ESEP_UPDATE_GOLDEN=1 ./build-<x>/bin/pdf_writer_test --gtest_filter='*Golden*'
#include "esep/print/pdf_writer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "esep/core/text.hpp"
#include "sample_documents.hpp"

namespace esep::print {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "esep_pdf_XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs a poppler tool and returns its standard output.
std::string RunTool(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    out.append(buffer.data(), n);
  }
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

fs::path WriteSample(const TempDir& dir, const forms::Document& doc, const std::string& name) {
  const fs::path file = dir.path() / name;
  const auto status = WritePdf(doc, file);
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message.en);
  return file;
}

std::string Text(const fs::path& pdf, int first = 0, int last = 0) {
  std::string pages;
  if (first > 0) pages = " -f " + std::to_string(first) + " -l " + std::to_string(last);
  return RunTool("pdftotext -layout -enc UTF-8" + pages + " " + Quote(pdf) + " -");
}

std::string Info(const fs::path& pdf, const std::string& key) {
  const std::string info = RunTool("pdfinfo " + Quote(pdf));
  std::smatch match;
  const std::regex line("(^|\n)" + key + ":\\s*([^\n]*)");
  return std::regex_search(info, match, line) ? match[2].str() : std::string();
}

void CompareWithGolden(core::Lang lang, const std::string& golden_name) {
  TempDir dir;
  const fs::path pdf = WriteSample(dir, test::SampleDocument(lang), golden_name + ".pdf");
  const std::string text = Text(pdf);
  const fs::path golden =
      fs::path(ESEP_SOURCE_DIR) / "tests/print/golden" / (golden_name + ".pdf.txt");
  if (const char* update = std::getenv("ESEP_UPDATE_GOLDEN");
      update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << text;
    GTEST_SKIP() << "golden file rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; see the comment on top";
  EXPECT_EQ(text, ReadFile(golden)) << "pdftotext differs from " << golden;
}

TEST(PdfWriterTest, KazakhSampleMatchesGoldenText) {
  CompareWithGolden(core::Lang::kKk, "sample_kk");
}

TEST(PdfWriterTest, RussianSampleMatchesGoldenText) {
  CompareWithGolden(core::Lang::kRu, "sample_ru");
}

TEST(PdfWriterTest, EveryKazakhLetterIsExtractable) {
  TempDir dir;
  const std::string text = Text(WriteSample(dir, test::SampleDocument(core::Lang::kKk), "kk.pdf"));
  for (const char* letter : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"}) {
    EXPECT_NE(text.find(letter), std::string::npos) << letter;
  }
  EXPECT_NE(text.find("Мектептерге төлемдер тізілімі"), std::string::npos);
  EXPECT_NE(text.find("Ғ. Өмірзақова"), std::string::npos);
  EXPECT_NE(text.find("жиһаз бен құрал-жабдыққа"), std::string::npos);
}

TEST(PdfWriterTest, DejaVuFontsAreEmbedded) {
  TempDir dir;
  const fs::path pdf = WriteSample(dir, test::SampleDocument(core::Lang::kKk), "kk.pdf");
  const std::string fonts = RunTool("pdffonts " + Quote(pdf));
  std::istringstream lines(fonts);
  int dejavu = 0;
  bool bold = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("DejaVu") == std::string::npos) continue;
    ++dejavu;
    bold = bold || line.find("Bold") != std::string::npos;
    // Columns: name, type, encoding, emb, sub, uni, object ID (two numbers). Qt embeds
    // subsets without the "ABCDEF+" name tag, so pdffonts says "sub no".
    std::istringstream fields(line);
    std::vector<std::string> tokens{std::istream_iterator<std::string>(fields), {}};
    ASSERT_GE(tokens.size(), 7U) << line;
    EXPECT_EQ(tokens[tokens.size() - 5], "yes") << "not embedded: " << line;
    EXPECT_EQ(tokens[tokens.size() - 3], "yes") << "no ToUnicode map: " << line;
  }
  EXPECT_GE(dejavu, 2) << fonts;
  EXPECT_TRUE(bold) << fonts;
}

TEST(PdfWriterTest, ItalicCellsUseTheObliqueFace) {
  TempDir dir;
  forms::Document doc = test::SampleDocument(core::Lang::kKk);
  doc.footer_rows[1].cells[0].style.italic = true;
  const std::string fonts = RunTool("pdffonts " + Quote(WriteSample(dir, doc, "italic.pdf")));
  EXPECT_NE(fonts.find("DejaVuSans-Oblique"), std::string::npos) << fonts;
}

TEST(PdfWriterTest, LongTextIsElidedOrWrappedWithinItsCell) {
  TempDir dir;
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
  const std::string long_bin = "БИН-ОЧЕНЬ-ДЛИННЫЙ-ИДЕНТИФИКАТОР-1234567890";
  doc.body_rows[1].cells[2].text = long_bin;  // not a wrap cell: cut with an ellipsis
  doc.body_rows[2].cells[1].text =            // a wrap cell: continues on a second line
      "Коммунальное государственное учреждение «Общеобразовательная школа-гимназия №2 "
      "имени Абая»";
  const std::string text =
      RunTool("pdftotext -raw -enc UTF-8 " + Quote(WriteSample(dir, doc, "long.pdf")) + " -");
  EXPECT_EQ(text.find(long_bin), std::string::npos) << text;
  EXPECT_NE(text.find("БИН-ОЧЕНЬ"), std::string::npos) << text;
  EXPECT_NE(text.find("…"), std::string::npos) << text;
  EXPECT_NE(text.find("имени Абая»"), std::string::npos) << "wrapped text is all there:\n" << text;
  EXPECT_EQ(text.find("Коммунальное государственное учреждение «Общеобразовательная школа-гимназия "
                      "№2 имени Абая»"),
            std::string::npos)
      << "the wrap cell's text is on more than one line";
}

TEST(PdfWriterTest, TextOutsideDejaVuStillPrints) {
  // Characters DejaVu lacks take Qt's own text path (with font fallback); the rest of the
  // cell and the document print as usual.
  TempDir dir;
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 3);
  doc.body_rows[1].cells[1].text = "Школа 😀 №1";
  const std::string text = Text(WriteSample(dir, doc, "emoji.pdf"));
  EXPECT_NE(text.find("Школа"), std::string::npos);
  EXPECT_NE(text.find("Школа-гимназия №2"), std::string::npos);
}

TEST(PdfWriterTest, MultiPageDocumentRepeatsHeaderAndNumbersPages) {
  TempDir dir;
  const fs::path pdf = WriteSample(dir, test::SampleDocument(core::Lang::kRu, 300), "ru.pdf");
  const int pages = std::stoi(Info(pdf, "Pages"));
  ASSERT_EQ(pages, 6);
  for (int page = 1; page <= pages; ++page) {
    const std::string text = Text(pdf, page, page);
    for (const char* header : {"Учреждение", "Наименование", "Показатели", "Сумма, тенге"}) {
      EXPECT_NE(text.find(header), std::string::npos) << header << " missing on page " << page;
    }
    const std::string number = "Страница " + std::to_string(page) + " из " + std::to_string(pages);
    EXPECT_NE(text.find(number), std::string::npos) << number;
    const bool titled = text.find("Реестр платежей школам") != std::string::npos;
    EXPECT_EQ(titled, page == 1) << "page " << page;
  }
  const std::string last = Text(pdf, pages, pages);
  EXPECT_NE(last.find("Всего"), std::string::npos);
  EXPECT_NE(last.find("Главный бухгалтер"), std::string::npos);
  EXPECT_NE(last.find("Г. Омирзакова"), std::string::npos);
  // Line 300 ends the data, and no data row is printed twice.
  EXPECT_NE(last.find("«Школа-гимназия №300»"), std::string::npos);
  const std::string all = Text(pdf);
  EXPECT_EQ(all.find("«Школа-гимназия №150»"), all.rfind("«Школа-гимназия №150»"));
}

TEST(PdfWriterTest, KazakhPageNumbers) {
  TempDir dir;
  const fs::path pdf = WriteSample(dir, test::SampleDocument(core::Lang::kKk, 300), "kk.pdf");
  EXPECT_NE(Text(pdf, 2, 2).find("2-бет, барлығы 6"), std::string::npos);
}

TEST(PdfWriterTest, PagesAreA4InTheDocumentsOrientation) {
  TempDir dir;
  forms::Document doc = test::SampleDocument(core::Lang::kRu);
  const fs::path portrait = WriteSample(dir, doc, "portrait.pdf");
  EXPECT_EQ(Info(portrait, "Page size"), "595 x 842 pts (A4)");
  doc.page.orientation = forms::Orientation::kLandscape;
  const fs::path landscape = WriteSample(dir, doc, "landscape.pdf");
  EXPECT_EQ(Info(landscape, "Page size"), "842 x 595 pts (A4)");
  EXPECT_EQ(Info(landscape, "Page rot"), "0");
}

TEST(PdfWriterTest, MetadataNamesTheDocumentAndEsep) {
  TempDir dir;
  const fs::path pdf = WriteSample(dir, test::SampleDocument(core::Lang::kKk), "kk.pdf");
  EXPECT_EQ(Info(pdf, "Title"), "Мектептерге төлемдер тізілімі");
  EXPECT_EQ(Info(pdf, "Creator"), "Esep");
}

TEST(PdfWriterTest, RenderPdfGivesTheSameBytesAsTheFile) {
  TempDir dir;
  const forms::Document doc = test::SampleDocument(core::Lang::kRu);
  auto bytes = RenderPdf(doc);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->rfind("%PDF-", 0), 0U);
  EXPECT_NE(bytes->find("%%EOF"), std::string::npos);
  const fs::path file = dir.path() / "memory.pdf";
  std::ofstream(file, std::ios::binary) << *bytes;
  EXPECT_NE(Text(file).find("Реестр платежей школам"), std::string::npos);
}

TEST(PdfWriterTest, UnwritablePathIsAnError) {
  TempDir dir;
  const fs::path missing_dir = dir.path() / "no" / "such" / "dir" / "out.pdf";
  const auto status = WritePdf(test::SampleDocument(core::Lang::kRu), missing_dir);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "print.write_failed");
  EXPECT_EQ(status.error().field, missing_dir.string());
  EXPECT_NE(status.error().message.ru.find("Не удалось записать PDF-файл"), std::string::npos);
  EXPECT_NE(status.error().message.kk.find("PDF файлын жазу мүмкін болмады"), std::string::npos);
  EXPECT_NE(status.error().message.ru.find(missing_dir.string()), std::string::npos);

  // A directory in the way of the final name: nothing half-written is left behind.
  const fs::path occupied = dir.path() / "occupied.pdf";
  fs::create_directories(occupied / "child");
  const auto blocked = WritePdf(test::SampleDocument(core::Lang::kRu), occupied);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, "print.write_failed");
  EXPECT_FALSE(fs::exists(dir.path() / "occupied.pdf.part"));
}

TEST(PdfWriterTest, WritePdfReplacesAnOldFile) {
  TempDir dir;
  const fs::path file = dir.path() / "report.pdf";
  std::ofstream(file) << "old";
  ASSERT_TRUE(WritePdf(test::SampleDocument(core::Lang::kRu), file).ok());
  EXPECT_EQ(ReadFile(file).rfind("%PDF-", 0), 0U);
  EXPECT_FALSE(fs::exists(dir.path() / "report.pdf.part"));
}

}  // namespace
}  // namespace esep::print
