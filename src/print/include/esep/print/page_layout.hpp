#pragma once
/// @file
/// Where everything of a printed Document goes: column edges, row heights and which rows
/// land on which page. Measures text but paints nothing, so pagination is unit-testable.

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPaintDevice>
#include <QRawFont>
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"
#include "esep/print/fonts.hpp"

namespace esep::print {

/// The four bands of rows of a Document, in printing order.
enum class Band : std::uint8_t { kTitle, kHeader, kBody, kFooter };

/// The rows of `band` in `doc`.
const std::vector<forms::Row>& BandRows(const forms::Document& doc, Band band);

/// A4 in the document's orientation with its margins, for a QPagedPaintDevice.
QPageLayout DocumentPageLayout(const forms::PageSetup& page);

/// The printable area in device units (1/dpi inch), origin at its top-left corner, which is
/// where a painter on a QPagedPaintDevice has its origin.
struct PageGeometry {
  double dpi = 300;
  double width = 0;
  double height = 0;

  double FromMm(double mm) const { return mm / 25.4 * dpi; }
};

/// The printable area of `layout` at `dpi`.
PageGeometry GeometryOf(const QPageLayout& layout, double dpi);

/// One font at one resolution, with its glyphs looked up once per character.
class TextFace {
 public:
  /// A character's glyph in this font and how far it moves the pen (device units).
  struct Glyph {
    std::uint32_t index = 0;
    double advance = 0;
  };

  TextFace(const QFont& font, const QPaintDevice& device);

  const QFont& font() const { return font_; }
  const QFontMetricsF& metrics() const { return metrics_; }
  const QRawFont& raw() const { return raw_; }

  /// Appends the glyphs of `text` to `out`, character by character. Printed forms are
  /// Cyrillic, Latin, digits and punctuation, which need no shaping; kerning is off in
  /// every document font, so these advances are what Qt's own text layout measures, at a
  /// fraction of its cost. False when a character has no glyph of its own here (a
  /// surrogate pair, a control character, a script DejaVu lacks): draw such text with Qt's
  /// full text path, which also falls back to other fonts.
  bool Glyphs(QStringView text, std::vector<Glyph>& out) const;
  /// The width of `text` (device units), by Glyphs() or, failing that, by Qt.
  double Advance(QStringView text) const;

 private:
  static constexpr std::size_t kPageSize = 256;
  using GlyphPage = std::array<Glyph, kPageSize>;

  QFont font_;
  QFontMetricsF metrics_;
  QRawFont raw_;
  // By the UTF-16 unit's high byte, filled as characters are met; advance < 0 marks a
  // character not looked up yet, index 0 one without a glyph.
  mutable std::vector<std::unique_ptr<GlyphPage>> pages_;
};

/// The faces of every kind of cell, measured for one resolution. Layout and painter measure
/// with the same object, so wrapped lines and elisions agree.
class CellFonts {
 public:
  CellFonts(const FontFamily& family, const forms::PageSetup& page, double dpi);
  CellFonts(const CellFonts&) = delete;
  CellFonts& operator=(const CellFonts&) = delete;

  const TextFace& For(forms::RowKind kind, const forms::CellStyle& style) const;
  const TextFace& PageNumber() const { return *page_number_; }

  /// `text` broken into lines no wider than `width` (at word boundaries, or anywhere inside
  /// a word that alone is too wide); each line without its trailing spaces.
  std::vector<QString> Wrap(const QString& text, const TextFace& face, double width) const;

 private:
  // Stands in for the printer: a font is resolved for a device's resolution.
  QImage device_;
  // Indexed by title? * 4 + bold * 2 + italic.
  std::vector<std::unique_ptr<TextFace>> faces_;
  std::unique_ptr<TextFace> page_number_;
};

/// A row placed on a page: `y` is its top in device units from the printable area's top.
struct PlacedRow {
  Band band = Band::kBody;
  std::int32_t index = 0;
  double y = 0;
};

struct Page {
  std::vector<PlacedRow> rows;
};

struct DocumentLayout {
  PageGeometry geometry;
  /// Columns are scaled down by this (≤ 1) when their width_mm do not fit the page.
  double column_scale = 1;
  /// columns.size() + 1 edges, device units from the printable area's left edge.
  std::vector<double> column_x;
  /// Height of every row, by band (device units). A merged cell's extra height goes to the
  /// last row it spans.
  std::array<std::vector<double>, 4> row_heights;
  std::vector<Page> pages;
  /// Rows stay above this; the page-number line (when printed) sits below it.
  double rows_bottom = 0;
  double page_number_top = 0;
  double page_number_height = 0;
  double padding_x = 0;
  double padding_y = 0;
  double indent_step = 0;

  double RowHeight(Band band, std::size_t index) const;
  /// Height of `row_span` rows from `index` of `band` (clipped to the band's end).
  double SpanHeight(Band band, std::size_t index, int row_span) const;
};

/// Measures and paginates `doc`: title rows start the first page; the header rows follow
/// them and, with repeat_header, top every later page that has body rows; no row and no
/// merged cell is split across pages; a group's heading is not left alone at a page's end;
/// the last body row (the grand total) and the footer stay together when they fit on one
/// page, and failing that the signature rows stay together. Fails on cells outside the
/// grid and on columns without a positive width.
core::Result<DocumentLayout> LayoutDocument(const forms::Document& doc, const PageGeometry& page,
                                            const CellFonts& fonts);

/// The page-number line for page `page` (1-based) of `pages`: the document's
/// page_number_format, or the language's default when it is empty.
std::string PageNumberText(const forms::Document& doc, int page, int pages);

}  // namespace esep::print
