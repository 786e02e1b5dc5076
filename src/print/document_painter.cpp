#include "esep/print/document_painter.hpp"

#include <QColor>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QLineF>
#include <QList>
#include <QPainter>
#include <QPen>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "esep/print/fonts.hpp"
#include "esep/print/page_layout.hpp"

namespace esep::print {
namespace {

using forms::RowKind;

constexpr double kLineWidthMm = 0.15;
const QColor kHeaderFill(230, 230, 230);
// Borders of neighbouring cells meet at the same coordinate up to rounding.
constexpr double kSameLine = 1e-3;

core::Error PaintFailed(std::string kk, std::string ru, std::string en) {
  return core::MakeError("print.paint_failed", "Құжатты басып шығару мүмкін болмады: " + kk,
                         "Не удалось напечатать документ: " + ru,
                         "Could not print the document: " + en);
}

// A straight border piece: along `key` (y of a horizontal line, x of a vertical one) from
// `from` to `to`.
struct Segment {
  double key;
  double from;
  double to;
};

// Borders are collected per page and merged, so the lines shared by neighbouring cells are
// drawn once and a column's edge becomes one line down the page: a smaller PDF, painted
// faster, and no doubled strokes in viewers.
void MergeSegments(std::vector<Segment>& segments) {
  // Keys a rounding error apart are made equal first: sorting exact keys but merging near
  // ones would let a segment slip past its neighbour and be swallowed by the wrong line.
  std::sort(segments.begin(), segments.end(),
            [](const Segment& a, const Segment& b) { return a.key < b.key; });
  for (std::size_t i = 1; i < segments.size(); ++i) {
    if (segments[i].key - segments[i - 1].key < kSameLine) segments[i].key = segments[i - 1].key;
  }
  std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) {
    return a.key != b.key ? a.key < b.key : a.from < b.from;
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (out > 0) {
      Segment& last = segments[out - 1];
      const Segment& next = segments[i];
      if (next.key == last.key && next.from <= last.to + kSameLine) {
        last.to = std::max(last.to, next.to);
        continue;
      }
    }
    segments[out++] = segments[i];
  }
  segments.resize(out);
}

class PagePainter {
 public:
  PagePainter(const forms::Document& doc, const DocumentLayout& layout, const CellFonts& fonts,
              QPainter& painter)
      : doc_(doc), layout_(layout), fonts_(fonts), painter_(painter) {
    QPen pen(Qt::black);
    pen.setWidthF(layout.geometry.FromMm(kLineWidthMm));
    pen.setCapStyle(Qt::SquareCap);
    painter_.setPen(pen);
  }

  void Paint(std::size_t page_index) {
    const Page& page = layout_.pages[page_index];
    horizontal_.clear();
    vertical_.clear();
    for (const PlacedRow& placed : page.rows) {
      if (placed.band == Band::kHeader) FillHeader(placed);
    }
    for (const PlacedRow& placed : page.rows) PaintRow(placed);
    if (doc_.page.page_numbers) PaintPageNumber(page_index);
    DrawGlyphs();
    DrawBorders();
  }

 private:
  const forms::Row& RowOf(const PlacedRow& placed) const {
    return BandRows(doc_, placed.band)[static_cast<std::size_t>(placed.index)];
  }

  QRectF CellRect(const PlacedRow& placed, const forms::Cell& cell) const {
    const double x0 = layout_.column_x[static_cast<std::size_t>(cell.column)];
    const double x1 = layout_.column_x[static_cast<std::size_t>(cell.column + cell.col_span)];
    const double height =
        layout_.SpanHeight(placed.band, static_cast<std::size_t>(placed.index), cell.row_span);
    return QRectF(x0, placed.y, x1 - x0, height);
  }

  void FillHeader(const PlacedRow& placed) {
    for (const forms::Cell& cell : RowOf(placed).cells) {
      painter_.fillRect(CellRect(placed, cell), kHeaderFill);
    }
  }

  void PaintRow(const PlacedRow& placed) {
    const forms::Row& row = RowOf(placed);
    for (const forms::Cell& cell : row.cells) {
      const QRectF rect = CellRect(placed, cell);
      if (cell.style.border) {
        horizontal_.push_back({rect.top(), rect.left(), rect.right()});
        horizontal_.push_back({rect.bottom(), rect.left(), rect.right()});
        vertical_.push_back({rect.left(), rect.top(), rect.bottom()});
        vertical_.push_back({rect.right(), rect.top(), rect.bottom()});
      }
      if (cell.text.empty()) {
        // The empty middle cell of a signature row is the line to sign on.
        if (row.kind == RowKind::kSignature) {
          horizontal_.push_back({rect.bottom() - layout_.padding_y, rect.left() + layout_.padding_x,
                                 rect.right() - layout_.padding_x});
        }
        continue;
      }
      PaintText(row.kind, cell, rect);
    }
  }

  void PaintText(RowKind kind, const forms::Cell& cell, const QRectF& rect) {
    const TextFace& face = fonts_.For(kind, cell.style);
    const double left = rect.left() + layout_.padding_x + cell.style.indent * layout_.indent_step;
    const double width = rect.right() - layout_.padding_x - left;
    if (width <= 0) return;
    QString text = QString::fromStdString(cell.text);
    const bool multiline = text.contains(u'\n');
    lines_.clear();
    if (cell.style.wrap && (multiline || face.Advance(text) > width)) {
      lines_ = fonts_.Wrap(text, face, width);
    } else {
      if (multiline) text.replace(u'\n', u' ');
      lines_.push_back(std::move(text));
    }
    const QFontMetricsF& metrics = face.metrics();
    const double count = static_cast<double>(lines_.size());
    const double block = metrics.height() + (count - 1) * metrics.lineSpacing();
    double baseline = rect.top() + (rect.height() - block) / 2 + metrics.ascent();
    for (const QString& line : lines_) {
      PaintLine(face, line, cell.style.align, left, width, baseline);
      baseline += metrics.lineSpacing();
    }
  }

  static double Aligned(forms::Align align, double left, double width, double advance) {
    switch (align) {
      case forms::Align::kRight:
        return left + width - advance;
      case forms::Align::kCenter:
        return left + (width - advance) / 2;
      case forms::Align::kLeft:
        break;
    }
    return left;
  }

  // One line within [left, left + width], cut with an ellipsis when it is wider. Its glyphs
  // join the page's run for the face: a page's text becomes a few PDF text objects instead
  // of one per cell, and no text is shaped twice.
  void PaintLine(const TextFace& face, const QString& line, forms::Align align, double left,
                 double width, double baseline) {
    glyphs_.clear();
    if (!face.Glyphs(line, glyphs_)) {
      PaintWithQt(face, line, align, left, width, baseline);
      return;
    }
    double advance = 0;
    for (const TextFace::Glyph& glyph : glyphs_) advance += glyph.advance;
    if (advance > width) {
      ellipsis_.clear();
      if (!face.Glyphs(u"\u2026", ellipsis_)) {
        PaintWithQt(face, line, align, left, width, baseline);
        return;
      }
      // Glyphs map one to one to the line's UTF-16 units (Glyphs() refuses surrogates).
      std::size_t keep = glyphs_.size();
      while (keep > 0 && advance + ellipsis_[0].advance > width) advance -= glyphs_[--keep].advance;
      while (keep > 0 && line.at(static_cast<qsizetype>(keep - 1)).isSpace()) {
        advance -= glyphs_[--keep].advance;
      }
      glyphs_.resize(keep);
      if (advance + ellipsis_[0].advance <= width) {
        glyphs_.push_back(ellipsis_[0]);
        advance += ellipsis_[0].advance;
      }
    }
    GlyphBatch& batch = BatchFor(face);
    double x = Aligned(align, left, width, advance);
    // Whole device units (1/1200 inch at the PDF's resolution, invisible): the PDF engine
    // writes every glyph's move as a number, and whole numbers are a third shorter, which
    // cuts the content streams and the time spent compressing them.
    const double y = std::round(baseline);
    for (const TextFace::Glyph& glyph : glyphs_) {
      batch.glyphs.append(glyph.index);
      batch.positions.append(QPointF(std::round(x), y));
      x += glyph.advance;
    }
  }

  // Text the glyph path cannot take: Qt shapes it and falls back to other fonts.
  void PaintWithQt(const TextFace& face, QString line, forms::Align align, double left,
                   double width, double baseline) {
    const QFontMetricsF& metrics = face.metrics();
    double advance = metrics.horizontalAdvance(line);
    if (advance > width) {
      line = metrics.elidedText(line, Qt::ElideRight, width);
      advance = metrics.horizontalAdvance(line);
    }
    painter_.setFont(face.font());
    painter_.drawText(QPointF(Aligned(align, left, width, advance), baseline), line);
  }

  struct GlyphBatch {
    const TextFace* face = nullptr;
    QList<quint32> glyphs;
    QList<QPointF> positions;
  };

  GlyphBatch& BatchFor(const TextFace& face) {
    for (GlyphBatch& batch : batches_) {
      if (batch.face == &face) return batch;
    }
    batches_.push_back(GlyphBatch{&face, {}, {}});
    return batches_.back();
  }

  void DrawGlyphs() {
    for (GlyphBatch& batch : batches_) {
      if (batch.glyphs.isEmpty()) continue;
      QGlyphRun run;
      run.setRawFont(batch.face->raw());
      run.setGlyphIndexes(batch.glyphs);
      run.setPositions(batch.positions);
      painter_.drawGlyphRun(QPointF(), run);
      batch.glyphs.clear();
      batch.positions.clear();
    }
  }

  void DrawBorders() {
    MergeSegments(horizontal_);
    MergeSegments(vertical_);
    lines_buffer_.clear();
    lines_buffer_.reserve(static_cast<qsizetype>(horizontal_.size() + vertical_.size()));
    for (const Segment& s : horizontal_) lines_buffer_.append(QLineF(s.from, s.key, s.to, s.key));
    for (const Segment& s : vertical_) lines_buffer_.append(QLineF(s.key, s.from, s.key, s.to));
    painter_.drawLines(lines_buffer_);
  }

  void PaintPageNumber(std::size_t page_index) {
    const TextFace& face = fonts_.PageNumber();
    const QString text = QString::fromStdString(PageNumberText(
        doc_, static_cast<int>(page_index + 1), static_cast<int>(layout_.pages.size())));
    const double baseline = layout_.page_number_top + layout_.padding_y + face.metrics().ascent();
    PaintLine(face, text, forms::Align::kCenter, 0, layout_.geometry.width, baseline);
  }

  const forms::Document& doc_;
  const DocumentLayout& layout_;
  const CellFonts& fonts_;
  QPainter& painter_;
  std::vector<Segment> horizontal_;
  std::vector<Segment> vertical_;
  std::vector<QString> lines_;
  std::vector<TextFace::Glyph> glyphs_;
  std::vector<TextFace::Glyph> ellipsis_;
  std::vector<GlyphBatch> batches_;
  QList<QLineF> lines_buffer_;
};

}  // namespace

core::Status PaintDocument(const forms::Document& doc, QPagedPaintDevice& device) {
  auto family = DocumentFontFamily();
  if (!family) return family.error();
  if (!device.setPageLayout(DocumentPageLayout(doc.page))) {
    return core::MakeError("print.bad_page_setup", "Парақтың жиектері A4 парағына сыймайды.",
                           "Поля страницы не помещаются на лист A4.",
                           "The page margins do not fit on an A4 sheet.", "page.margin_mm");
  }
  const double dpi = device.logicalDpiY();
  const PageGeometry geometry = GeometryOf(device.pageLayout(), dpi);
  const CellFonts fonts(*family, doc.page, dpi);
  auto layout = LayoutDocument(doc, geometry, fonts);
  if (!layout) return layout.error();

  QPainter painter;
  if (!painter.begin(&device)) {
    return PaintFailed("шығыс құрылғысы ашылмады.", "не открывается устройство вывода.",
                       "the output device cannot be opened.");
  }
  PagePainter page_painter(doc, *layout, fonts, painter);
  for (std::size_t i = 0; i < layout->pages.size(); ++i) {
    if (i > 0 && !device.newPage()) {
      painter.end();
      return PaintFailed("жаңа бет басталмады.", "не начинается новая страница.",
                         "a new page cannot be started.");
    }
    page_painter.Paint(i);
  }
  if (!painter.end()) {
    return PaintFailed("шығыс аяқталмады.", "не завершается вывод.",
                       "the output cannot be finished.");
  }
  return {};
}

}  // namespace esep::print
