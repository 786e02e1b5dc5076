// Pagination facts of the printed sample document: page count, the header on every page,
// whole rows only, the total kept with the signatures, and column scaling.
#include "esep/print/page_layout.hpp"

#include <gtest/gtest.h>

#include <QString>

#include <cstddef>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "esep/core/text.hpp"
#include "esep/print/fonts.hpp"
#include "sample_documents.hpp"

namespace esep::print {
namespace {

using forms::RowKind;

constexpr double kDpi = 1200;

struct Laid {
  forms::Document doc;
  std::unique_ptr<CellFonts> fonts;
  DocumentLayout layout;
};

Laid Lay(forms::Document doc) {
  auto family = DocumentFontFamily();
  EXPECT_TRUE(family.ok()) << (family.ok() ? "" : family.error().message.en);
  Laid laid;
  laid.doc = std::move(doc);
  if (!family.ok()) return laid;
  laid.fonts = std::make_unique<CellFonts>(*family, laid.doc.page, kDpi);
  const PageGeometry geometry = GeometryOf(DocumentPageLayout(laid.doc.page), kDpi);
  auto layout = LayoutDocument(laid.doc, geometry, *laid.fonts);
  EXPECT_TRUE(layout.ok()) << (layout.ok() ? "" : layout.error().message.en);
  if (layout.ok()) laid.layout = *layout;
  return laid;
}

Laid LaySample(core::Lang lang, std::size_t rows) { return Lay(test::SampleDocument(lang, rows)); }

// Page (0-based) of every row of `band`, -1 when it is on none.
std::vector<int> PagesOf(const DocumentLayout& layout, Band band, std::size_t count) {
  std::vector<int> pages(count, -1);
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    for (const PlacedRow& row : layout.pages[p].rows) {
      if (row.band != band) continue;
      EXPECT_EQ(pages[static_cast<std::size_t>(row.index)], -1)
          << "row " << row.index << " placed twice";
      pages[static_cast<std::size_t>(row.index)] = static_cast<int>(p);
    }
  }
  return pages;
}

TEST(PageLayoutTest, SampleOf300RowsTakesSixPortraitPages) {
  // 300 data rows + 3 group headings + 3 subtotals + total = 307 body rows of ~4.5 mm on
  // 267 mm of printable height less the page-number line: 51 on page 1 (after the title
  // block and the header), 56 on the next ones, the rest with the footer on page 6.
  for (core::Lang lang : {core::Lang::kKk, core::Lang::kRu}) {
    const Laid laid = LaySample(lang, 300);
    EXPECT_EQ(laid.layout.pages.size(), 6U);
    EXPECT_DOUBLE_EQ(laid.layout.column_scale, 1.0);
  }
}

TEST(PageLayoutTest, HeaderRowsTopEveryPageAndTitlesOnlyTheFirst) {
  const Laid laid = LaySample(core::Lang::kRu, 300);
  const auto& pages = laid.layout.pages;
  ASSERT_GT(pages.size(), 2U);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& rows = pages[p].rows;
    const std::size_t skip = p == 0 ? laid.doc.title_rows.size() : 0;
    ASSERT_GT(rows.size(), skip + 2) << "page " << p;
    for (std::size_t t = 0; t < skip; ++t) {
      EXPECT_EQ(rows[t].band, Band::kTitle);
      EXPECT_EQ(rows[t].index, static_cast<int>(t));
    }
    EXPECT_EQ(rows[skip].band, Band::kHeader) << "page " << p;
    EXPECT_EQ(rows[skip].index, 0);
    EXPECT_EQ(rows[skip + 1].band, Band::kHeader);
    EXPECT_EQ(rows[skip + 1].index, 1);
    EXPECT_EQ(rows[skip + 2].band, Band::kBody) << "a header must be followed by body rows";
    if (p > 0) {
      for (const PlacedRow& row : rows) EXPECT_NE(row.band, Band::kTitle) << "page " << p;
    }
  }
}

TEST(PageLayoutTest, WithoutRepeatHeaderOnlyTheFirstPageHasIt) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 300);
  doc.page.repeat_header = false;
  const Laid laid = Lay(std::move(doc));
  ASSERT_GT(laid.layout.pages.size(), 1U);
  for (std::size_t p = 0; p < laid.layout.pages.size(); ++p) {
    int headers = 0;
    for (const PlacedRow& row : laid.layout.pages[p].rows) headers += row.band == Band::kHeader;
    EXPECT_EQ(headers, p == 0 ? 2 : 0) << "page " << p;
  }
}

TEST(PageLayoutTest, EveryRowLandsOnceInOrderAndWholeOnItsPage) {
  const Laid laid = LaySample(core::Lang::kKk, 300);
  const DocumentLayout& layout = laid.layout;
  const auto body = PagesOf(layout, Band::kBody, laid.doc.body_rows.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    ASSERT_GE(body[i], 0) << "body row " << i << " missing";
    if (i > 0) {
      EXPECT_GE(body[i], body[i - 1]) << "body row " << i << " out of order";
    }
  }
  const auto footer = PagesOf(layout, Band::kFooter, laid.doc.footer_rows.size());
  for (int page : footer) EXPECT_EQ(page, static_cast<int>(layout.pages.size()) - 1);
  for (const Page& page : layout.pages) {
    double y = 0;
    for (const PlacedRow& row : page.rows) {
      EXPECT_NEAR(row.y, y, 1e-6) << "rows are stacked without gaps or overlaps";
      y = row.y + layout.RowHeight(row.band, static_cast<std::size_t>(row.index));
      EXPECT_LE(y, layout.rows_bottom + 1e-6) << "row " << row.index << " runs off the page";
    }
  }
  EXPECT_LT(layout.rows_bottom, layout.page_number_top);
  EXPECT_NEAR(layout.page_number_top + layout.page_number_height, layout.geometry.height, 1e-6);
}

TEST(PageLayoutTest, GroupHeadingIsNeverLastOnAPage) {
  for (std::size_t rows = 40; rows <= 400; rows += 7) {
    const Laid laid = LaySample(core::Lang::kRu, rows);
    for (const Page& page : laid.layout.pages) {
      const PlacedRow& last = page.rows.back();
      if (last.band != Band::kBody) continue;
      EXPECT_NE(laid.doc.body_rows[static_cast<std::size_t>(last.index)].kind,
                RowKind::kGroupHeader)
          << rows << " rows";
    }
  }
}

TEST(PageLayoutTest, GrandTotalStaysWithFooterAndSignatures) {
  // Over a range of sizes the last page sometimes would have room for the total but not
  // for the footer: then the total moves to the next page with it.
  int total_moved = 0;
  for (std::size_t rows = 280; rows <= 340; ++rows) {
    const Laid laid = LaySample(core::Lang::kRu, rows);
    const DocumentLayout& layout = laid.layout;
    const auto body = PagesOf(layout, Band::kBody, laid.doc.body_rows.size());
    const auto footer = PagesOf(layout, Band::kFooter, laid.doc.footer_rows.size());
    ASSERT_EQ(laid.doc.body_rows.back().kind, RowKind::kTotal);
    const int total_page = body.back();
    for (std::size_t f = 0; f < footer.size(); ++f) {
      EXPECT_EQ(footer[f], total_page) << rows << " rows, footer row " << f;
    }
    EXPECT_EQ(total_page, static_cast<int>(layout.pages.size()) - 1);
    const auto& page = layout.pages[static_cast<std::size_t>(total_page)].rows;
    // The total's page begins with the repeated header, then at least the total.
    ASSERT_GE(page.size(), 3U + footer.size());
    if (body[body.size() - 2] != total_page) ++total_moved;
  }
  EXPECT_GT(total_moved, 0) << "the keep-together rule was never exercised";
}

TEST(PageLayoutTest, SignaturesStayTogetherWhenTheFooterIsTallerThanAPage) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
  // A footer of 70 note rows cannot share a page with the total: only the signatures stay
  // together.
  const forms::Row note = doc.footer_rows[1];
  doc.footer_rows.insert(doc.footer_rows.begin() + 2, 70, note);
  const Laid laid = Lay(std::move(doc));
  const auto footer = PagesOf(laid.layout, Band::kFooter, laid.doc.footer_rows.size());
  ASSERT_EQ(laid.doc.footer_rows.back().kind, RowKind::kSignature);
  EXPECT_EQ(footer[footer.size() - 1], footer[footer.size() - 2]);
  EXPECT_GT(laid.layout.pages.size(), 1U);
  for (int page : footer) EXPECT_GE(page, 0);
}

TEST(PageLayoutTest, MergedHeaderCellSpansBothHeaderRows) {
  const Laid laid = LaySample(core::Lang::kRu, 12);
  const DocumentLayout& layout = laid.layout;
  const forms::Cell& number = laid.doc.header_rows[0].cells[0];
  ASSERT_EQ(number.row_span, 2);
  EXPECT_NEAR(layout.SpanHeight(Band::kHeader, 0, 2),
              layout.RowHeight(Band::kHeader, 0) + layout.RowHeight(Band::kHeader, 1), 1e-9);
  // Clipped at the band's end.
  EXPECT_NEAR(layout.SpanHeight(Band::kHeader, 1, 5), layout.RowHeight(Band::kHeader, 1), 1e-9);
}

TEST(PageLayoutTest, MergedCellTallerThanItsRowsGrowsTheLastOne) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
  doc.header_rows[0].cells[0].text = "Номер строки по порядку в реестре платежей";
  const Laid plain = LaySample(core::Lang::kRu, 12);
  const Laid laid = Lay(std::move(doc));
  EXPECT_NEAR(laid.layout.RowHeight(Band::kHeader, 0), plain.layout.RowHeight(Band::kHeader, 0),
              1e-9);
  EXPECT_GT(laid.layout.RowHeight(Band::kHeader, 1), 2 * plain.layout.RowHeight(Band::kHeader, 1));
}

TEST(PageLayoutTest, OnlyWrapCellsGrowTheirRow) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
  const std::string long_name =
      "Коммунальное государственное учреждение «Общеобразовательная школа-гимназия с "
      "углублённым изучением казахского языка и литературы №1»";
  ASSERT_TRUE(doc.body_rows[1].cells[1].style.wrap);
  doc.body_rows[1].cells[1].text = long_name;
  ASSERT_FALSE(doc.body_rows[2].cells[2].style.wrap);
  doc.body_rows[2].cells[2].text = long_name;
  const Laid laid = Lay(std::move(doc));
  const double one_line = laid.layout.RowHeight(Band::kBody, 3);
  EXPECT_GT(laid.layout.RowHeight(Band::kBody, 1), 2.5 * one_line - laid.layout.padding_y * 3);
  EXPECT_DOUBLE_EQ(laid.layout.RowHeight(Band::kBody, 2), one_line);
}

TEST(PageLayoutTest, ColumnsKeepTheirWidthWhenTheyFit) {
  for (auto orientation : {forms::Orientation::kPortrait, forms::Orientation::kLandscape}) {
    forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
    doc.page.orientation = orientation;
    const Laid laid = Lay(std::move(doc));
    const DocumentLayout& layout = laid.layout;
    EXPECT_DOUBLE_EQ(layout.column_scale, 1.0);
    ASSERT_EQ(layout.column_x.size(), 7U);
    EXPECT_NEAR(layout.column_x[1], layout.geometry.FromMm(12), 1e-6);
    EXPECT_NEAR(layout.column_x[6], layout.geometry.FromMm(174), 1e-6);
  }
}

TEST(PageLayoutTest, WideColumnsScaleDownToThePrintableWidth) {
  // 360 mm of columns: portrait A4 with 15 mm margins prints 180 mm, landscape 267 mm.
  for (auto [orientation, printable_mm] : {std::pair{forms::Orientation::kPortrait, 180.0},
                                           std::pair{forms::Orientation::kLandscape, 267.0}}) {
    forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
    doc.page.orientation = orientation;
    for (auto& column : doc.columns) column.width_mm = 60;
    doc.columns[1].width_mm = 60;
    const Laid laid = Lay(std::move(doc));
    const DocumentLayout& layout = laid.layout;
    EXPECT_NEAR(layout.geometry.width, layout.geometry.FromMm(printable_mm), 1e-6);
    EXPECT_NEAR(layout.column_scale, printable_mm / 360.0, 1e-9);
    EXPECT_NEAR(layout.column_x.back(), layout.geometry.width, 1e-6);
    for (std::size_t i = 1; i < layout.column_x.size(); ++i) {
      EXPECT_NEAR(layout.column_x[i] - layout.column_x[i - 1], layout.geometry.width / 6, 1e-6);
    }
  }
}

TEST(PageLayoutTest, LandscapeFitsFewerRowsPerPage) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 300);
  doc.page.orientation = forms::Orientation::kLandscape;
  const Laid landscape = Lay(std::move(doc));
  const Laid portrait = LaySample(core::Lang::kRu, 300);
  EXPECT_GT(landscape.layout.pages.size(), portrait.layout.pages.size());
  EXPECT_GT(landscape.layout.geometry.width, landscape.layout.geometry.height);
}

TEST(PageLayoutTest, CellOutsideTheGridIsAnError) {
  forms::Document doc = test::SampleDocument(core::Lang::kRu, 12);
  doc.body_rows[3].cells[2].col_span = 9;
  auto family = DocumentFontFamily();
  ASSERT_TRUE(family.ok());
  const CellFonts fonts(*family, doc.page, kDpi);
  auto layout = LayoutDocument(doc, GeometryOf(DocumentPageLayout(doc.page), kDpi), fonts);
  ASSERT_FALSE(layout.ok());
  EXPECT_EQ(layout.error().code, "print.bad_cell");
  EXPECT_EQ(layout.error().field, "body_rows[3].cells[2]");
  EXPECT_FALSE(layout.error().message.kk.empty());
  EXPECT_FALSE(layout.error().message.ru.empty());
}

TEST(PageLayoutTest, GlyphAdvancesAgreeWithQtTextLayout) {
  // The painter positions glyphs by TextFace's per-character advances; the layout wraps with
  // Qt's text engine. They must measure alike, or text would run past where it was measured.
  auto family = DocumentFontFamily();
  ASSERT_TRUE(family.ok());
  const CellFonts fonts(*family, forms::PageSetup{}, kDpi);
  for (bool bold : {false, true}) {
    forms::CellStyle style;
    style.bold = bold;
    const TextFace& face = fonts.For(RowKind::kData, style);
    for (const char* text : {"Ғ. Өмірзақова, жиһаз бен құрал-жабдыққа", "КГУ «Школа-гимназия №12»",
                             "1 234 567,89", "AV To Wa"}) {
      const QString q = QString::fromUtf8(text);
      std::vector<TextFace::Glyph> glyphs;
      ASSERT_TRUE(face.Glyphs(q, glyphs)) << text;
      EXPECT_EQ(glyphs.size(), static_cast<std::size_t>(q.size()));
      EXPECT_NEAR(face.Advance(q), face.metrics().horizontalAdvance(q), 0.01) << text;
    }
  }
  const TextFace& face = fonts.For(RowKind::kData, forms::CellStyle{});
  std::vector<TextFace::Glyph> glyphs;
  EXPECT_FALSE(face.Glyphs(QString::fromUtf8("漢字"), glyphs)) << "DejaVu has no CJK";
  EXPECT_FALSE(face.Glyphs(QString::fromUtf8("😀"), glyphs)) << "surrogates take Qt's path";
}

TEST(PageLayoutTest, PageNumberTextFollowsTheFormat) {
  const forms::Document ru = test::SampleDocument(core::Lang::kRu, 1);
  EXPECT_EQ(PageNumberText(ru, 2, 17), "Страница 2 из 17");
  const forms::Document kk = test::SampleDocument(core::Lang::kKk, 1);
  EXPECT_EQ(PageNumberText(kk, 3, 4), "3-бет, барлығы 4");
  forms::Document plain = ru;
  plain.page.page_number_format.clear();
  EXPECT_EQ(PageNumberText(plain, 1, 2), "Страница 1 из 2");
}

TEST(PageLayoutTest, MissingFontsGiveABilingualError) {
  auto family = LoadFontFamily("/nonexistent/fonts");
  ASSERT_FALSE(family.ok());
  EXPECT_EQ(family.error().code, "print.font_missing");
  EXPECT_NE(family.error().message.ru.find("fonts-dejavu-core"), std::string::npos);
  EXPECT_NE(family.error().message.kk.find("DejaVu Sans"), std::string::npos);
  EXPECT_EQ(family.error().field, "/nonexistent/fonts/DejaVuSans.ttf");
}

}  // namespace
}  // namespace esep::print
