#include "esep/print/page_layout.hpp"

#include <QMarginsF>
#include <QPageSize>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace esep::print {
namespace {

using forms::RowKind;

constexpr double kPaddingXMm = 0.8;
constexpr double kPaddingYMm = 0.6;
constexpr double kIndentMm = 3.0;
constexpr double kPageNumberGapMm = 2.0;
constexpr double kEpsilon = 1e-6;

constexpr std::array<Band, 4> kBands{Band::kTitle, Band::kHeader, Band::kBody, Band::kFooter};
constexpr std::array<std::string_view, 4> kBandNames{"title_rows", "header_rows", "body_rows",
                                                     "footer_rows"};

std::size_t BandIndex(Band band) { return static_cast<std::size_t>(band); }

QImage MetricsDevice(double dpi) {
  QImage image(1, 1, QImage::Format_RGB32);
  const int dots_per_meter = static_cast<int>(std::lround(dpi / 0.0254));
  image.setDotsPerMeterX(dots_per_meter);
  image.setDotsPerMeterY(dots_per_meter);
  return image;
}

QString ChopTrailingSpaces(QString text) {
  qsizetype end = text.size();
  while (end > 0 && text.at(end - 1).isSpace()) --end;
  text.truncate(end);
  return text;
}

// How strongly two neighbouring rows of the flow stay on one page. Pagination breaks only
// between rows glued weaker than a level, and raises the level only for a run of rows that
// does not fit on an empty page.
enum Glue : std::uint8_t {
  kFree = 0,
  kKeepWithNext = 1,  // titles, header and a group heading stay with what follows
  kKeepFooter = 2,    // the grand total and the footer
  kKeepSignatures = 3,
  kUnbreakable = 4,  // rows joined by a merged cell; header rows among themselves
};

struct FlowRow {
  Band band;
  std::int32_t index;
  RowKind kind;
};

struct Unit {
  std::size_t begin;
  std::size_t end;
};

core::Error BadCell(Band band, std::size_t row, std::size_t cell, std::size_t columns) {
  const std::string field = std::string(kBandNames[BandIndex(band)]) + "[" + std::to_string(row) +
                            "].cells[" + std::to_string(cell) + "]";
  const std::string n = std::to_string(columns);
  return core::MakeError(
      "print.bad_cell",
      "Баспа пішінінің ұяшығы " + n + " бағаннан тұратын кестеден тыс шығып тұр: " + field,
      "Ячейка печатной формы выходит за пределы таблицы из " + n + " столбцов: " + field,
      "A cell of the print form lies outside the table of " + n + " columns: " + field, field);
}

// The height a cell's text needs between its paddings.
double TextHeight(const forms::Cell& cell, RowKind kind, const CellFonts& fonts,
                  const DocumentLayout& layout) {
  const TextFace& face = fonts.For(kind, cell.style);
  const double one_line = face.metrics().height();
  if (!cell.style.wrap || cell.text.empty()) return one_line;
  const QString text = QString::fromStdString(cell.text);
  const double width = layout.column_x[static_cast<std::size_t>(cell.column + cell.col_span)] -
                       layout.column_x[static_cast<std::size_t>(cell.column)] -
                       2 * layout.padding_x - cell.style.indent * layout.indent_step;
  // Most wrap cells fit on one line: one measurement, no line breaking.
  if (!text.contains(u'\n') && face.Advance(text) <= width) return one_line;
  const auto lines = fonts.Wrap(text, face, std::max(width, 1.0));
  const double count = static_cast<double>(std::max<std::size_t>(lines.size(), 1));
  return one_line + (count - 1) * face.metrics().lineSpacing();
}

core::Status MeasureBand(const forms::Document& doc, Band band, const CellFonts& fonts,
                         DocumentLayout& layout) {
  const auto& rows = BandRows(doc, band);
  auto& heights = layout.row_heights[BandIndex(band)];
  heights.assign(rows.size(), 0);
  const int columns = static_cast<int>(doc.columns.size());
  const double paddings = 2 * layout.padding_y;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const forms::Row& row = rows[r];
    double height = fonts.For(row.kind, forms::CellStyle{}).metrics().height();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const forms::Cell& cell = row.cells[c];
      if (cell.column < 0 || cell.col_span < 1 || cell.row_span < 1 ||
          cell.column + cell.col_span > columns) {
        return BadCell(band, r, c, doc.columns.size());
      }
      if (cell.row_span == 1) height = std::max(height, TextHeight(cell, row.kind, fonts, layout));
    }
    heights[r] = height + paddings;
  }
  // A merged cell taller than the rows it spans makes the last of them taller.
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const forms::Cell& cell : rows[r].cells) {
      if (cell.row_span == 1) continue;
      const std::size_t last =
          std::min(rows.size(), r + static_cast<std::size_t>(cell.row_span)) - 1;
      double have = 0;
      for (std::size_t k = r; k <= last; ++k) have += heights[k];
      const double need = TextHeight(cell, rows[r].kind, fonts, layout) + paddings;
      if (need > have) heights[last] += need - have;
    }
  }
  return {};
}

class Paginator {
 public:
  Paginator(const forms::Document& doc, DocumentLayout& layout) : doc_(doc), layout_(layout) {}

  void Run() {
    BuildFlow();
    GlueRows();
    std::vector<Unit> units;
    SplitIntoUnits(0, flow_.size(), kKeepWithNext, units);
    Place(units);
  }

 private:
  void BuildFlow() {
    std::size_t total = 0;
    for (Band band : kBands) total += BandRows(doc_, band).size();
    flow_.reserve(total);
    top_.reserve(total + 1);
    top_.push_back(0);
    for (Band band : kBands) {
      const auto& rows = BandRows(doc_, band);
      begin_[BandIndex(band)] = flow_.size();
      for (std::size_t i = 0; i < rows.size(); ++i) {
        flow_.push_back(FlowRow{band, static_cast<std::int32_t>(i), rows[i].kind});
        top_.push_back(top_.back() + layout_.RowHeight(band, i));
      }
      end_[BandIndex(band)] = flow_.size();
    }
  }

  void Bind(std::size_t junction, Glue level) {
    if (junction + 1 >= flow_.size()) return;
    glue_[junction] = std::max(glue_[junction], level);
  }

  std::size_t Begin(Band band) const { return begin_[BandIndex(band)]; }
  std::size_t End(Band band) const { return end_[BandIndex(band)]; }

  // glue_[j] binds flow_[j] to flow_[j + 1].
  void GlueRows() {
    glue_.assign(flow_.size(), kFree);
    for (std::size_t j = Begin(Band::kTitle); j < End(Band::kTitle); ++j) Bind(j, kKeepWithNext);
    for (std::size_t j = Begin(Band::kHeader); j < End(Band::kHeader); ++j) {
      Bind(j, j + 1 < End(Band::kHeader) ? kUnbreakable : kKeepWithNext);
    }
    for (std::size_t j = Begin(Band::kBody); j < End(Band::kBody); ++j) {
      if (flow_[j].kind == RowKind::kGroupHeader) Bind(j, kKeepWithNext);
    }
    const bool has_body = End(Band::kBody) > Begin(Band::kBody);
    const std::size_t footer_from = has_body ? End(Band::kBody) - 1 : Begin(Band::kFooter);
    for (std::size_t j = footer_from; j + 1 < End(Band::kFooter); ++j) {
      const bool signatures =
          flow_[j].kind == RowKind::kSignature && flow_[j + 1].kind == RowKind::kSignature;
      Bind(j, signatures ? kKeepSignatures : kKeepFooter);
    }
    for (std::size_t j = 0; j < flow_.size(); ++j) {
      const auto& row = BandRows(doc_, flow_[j].band)[static_cast<std::size_t>(flow_[j].index)];
      int span = 1;
      for (const forms::Cell& cell : row.cells) span = std::max(span, cell.row_span);
      const std::size_t last = std::min(End(flow_[j].band), j + static_cast<std::size_t>(span));
      for (std::size_t k = j; k + 1 < last; ++k) Bind(k, kUnbreakable);
    }
  }

  double Height(std::size_t begin, std::size_t end) const { return top_[end] - top_[begin]; }

  bool Intersects(std::size_t begin, std::size_t end, Band band) const {
    return begin < End(band) && Begin(band) < end;
  }

  double HeaderHeight() const { return Height(Begin(Band::kHeader), End(Band::kHeader)); }

  // Whether a page that starts with this run must first repeat the header.
  bool NeedsHeader(const Unit& unit) const {
    return doc_.page.repeat_header && End(Band::kHeader) > Begin(Band::kHeader) &&
           Intersects(unit.begin, unit.end, Band::kBody) &&
           !Intersects(unit.begin, unit.end, Band::kHeader);
  }

  void SplitIntoUnits(std::size_t begin, std::size_t end, Glue level, std::vector<Unit>& out) {
    std::size_t start = begin;
    for (std::size_t j = begin; j < end; ++j) {
      if (j + 1 < end && glue_[j] >= level) continue;
      const Unit unit{start, j + 1};
      const double needed = Height(unit.begin, unit.end) + (NeedsHeader(unit) ? HeaderHeight() : 0);
      if (needed > layout_.rows_bottom + kEpsilon && level < kUnbreakable) {
        SplitIntoUnits(unit.begin, unit.end, static_cast<Glue>(level + 1), out);
      } else {
        out.push_back(unit);
      }
      start = j + 1;
    }
  }

  void PlaceRows(std::size_t begin, std::size_t end) {
    Page& page = layout_.pages.back();
    for (std::size_t j = begin; j < end; ++j) {
      page.rows.push_back(PlacedRow{flow_[j].band, flow_[j].index, y_});
      y_ += Height(j, j + 1);
    }
  }

  void Place(const std::vector<Unit>& units) {
    layout_.pages.emplace_back();
    y_ = 0;
    bool page_has_rows = false;
    bool page_has_header = false;
    for (const Unit& unit : units) {
      bool repeat = NeedsHeader(unit) && !page_has_header;
      const double height = Height(unit.begin, unit.end);
      if (page_has_rows &&
          y_ + height + (repeat ? HeaderHeight() : 0) > layout_.rows_bottom + kEpsilon) {
        layout_.pages.emplace_back();
        y_ = 0;
        page_has_header = false;
        repeat = NeedsHeader(unit);
      }
      if (repeat) {
        PlaceRows(Begin(Band::kHeader), End(Band::kHeader));
        page_has_header = true;
      }
      PlaceRows(unit.begin, unit.end);
      page_has_rows = true;
      if (Intersects(unit.begin, unit.end, Band::kHeader)) page_has_header = true;
    }
  }

  const forms::Document& doc_;
  DocumentLayout& layout_;
  std::vector<FlowRow> flow_;
  std::vector<double> top_;  // top_[j]: sum of the heights of flow_[0..j)
  std::vector<Glue> glue_;
  std::array<std::size_t, 4> begin_{};
  std::array<std::size_t, 4> end_{};
  double y_ = 0;
};

}  // namespace

const std::vector<forms::Row>& BandRows(const forms::Document& doc, Band band) {
  switch (band) {
    case Band::kTitle:
      return doc.title_rows;
    case Band::kHeader:
      return doc.header_rows;
    case Band::kBody:
      return doc.body_rows;
    case Band::kFooter:
      break;
  }
  return doc.footer_rows;
}

QPageLayout DocumentPageLayout(const forms::PageSetup& page) {
  const auto orientation = page.orientation == forms::Orientation::kLandscape
                               ? QPageLayout::Landscape
                               : QPageLayout::Portrait;
  const double m = page.margin_mm;
  return QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(m, m, m, m),
                     QPageLayout::Millimeter);
}

PageGeometry GeometryOf(const QPageLayout& layout, double dpi) {
  const QRectF mm = layout.paintRect(QPageLayout::Millimeter);
  PageGeometry geometry;
  geometry.dpi = dpi;
  geometry.width = geometry.FromMm(mm.width());
  geometry.height = geometry.FromMm(mm.height());
  return geometry;
}

TextFace::TextFace(const QFont& font, const QPaintDevice& device)
    : font_(font),
      metrics_(font, &device),
      // A QFont resolved for the device gives a raw font of the device's pixel size.
      raw_(QRawFont::fromFont(QFont(font, &device))),
      pages_(0x10000 / kPageSize) {}

bool TextFace::Glyphs(QStringView text, std::vector<Glyph>& out) const {
  for (const QChar ch : text) {
    const char16_t unit = ch.unicode();
    if (ch.isSurrogate() || unit < 0x20 || (unit >= 0x7F && unit < 0xA0)) return false;
    auto& page = pages_[unit / kPageSize];
    if (!page) {
      page = std::make_unique<GlyphPage>();
      page->fill(Glyph{0, -1});
    }
    Glyph& glyph = (*page)[unit % kPageSize];
    if (glyph.advance < 0) {
      quint32 index = 0;
      int count = 1;
      QPointF advance;
      if (raw_.glyphIndexesForChars(&ch, 1, &index, &count) && count == 1 && index != 0 &&
          raw_.advancesForGlyphIndexes(&index, &advance, 1)) {
        glyph = Glyph{index, advance.x()};
      } else {
        glyph = Glyph{0, 0};
      }
    }
    if (glyph.index == 0) return false;
    out.push_back(glyph);
  }
  return true;
}

double TextFace::Advance(QStringView text) const {
  thread_local std::vector<Glyph> glyphs;
  glyphs.clear();
  if (!Glyphs(text, glyphs)) return metrics_.horizontalAdvance(text.toString());
  double width = 0;
  for (const Glyph& glyph : glyphs) width += glyph.advance;
  return width;
}

CellFonts::CellFonts(const FontFamily& family, const forms::PageSetup& page, double dpi)
    : device_(MetricsDevice(dpi)),
      page_number_(std::make_unique<TextFace>(PageNumberFont(family, page), device_)) {
  faces_.reserve(8);
  for (RowKind kind : {RowKind::kData, RowKind::kTitle}) {
    for (bool bold : {false, true}) {
      for (bool italic : {false, true}) {
        forms::CellStyle style;
        style.bold = bold;
        style.italic = italic;
        faces_.push_back(std::make_unique<TextFace>(CellFont(family, page, kind, style), device_));
      }
    }
  }
}

const TextFace& CellFonts::For(RowKind kind, const forms::CellStyle& style) const {
  const std::size_t index =
      (kind == RowKind::kTitle ? 4U : 0U) + (style.bold ? 2U : 0U) + (style.italic ? 1U : 0U);
  return *faces_[index];
}

std::vector<QString> CellFonts::Wrap(const QString& text, const TextFace& face,
                                     double width) const {
  std::vector<QString> lines;
  QTextOption option;
  option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  for (const QString& paragraph : text.split(u'\n')) {
    if (paragraph.isEmpty()) {
      lines.emplace_back();
      continue;
    }
    QTextLayout layout(paragraph, face.font(), &device_);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
      line.setLineWidth(width);
      lines.push_back(ChopTrailingSpaces(paragraph.mid(line.textStart(), line.textLength())));
    }
    layout.endLayout();
  }
  return lines;
}

double DocumentLayout::RowHeight(Band band, std::size_t index) const {
  return row_heights[BandIndex(band)][index];
}

double DocumentLayout::SpanHeight(Band band, std::size_t index, int row_span) const {
  const auto& heights = row_heights[BandIndex(band)];
  const std::size_t end = std::min(heights.size(), index + static_cast<std::size_t>(row_span));
  double sum = 0;
  for (std::size_t k = index; k < end; ++k) sum += heights[k];
  return sum;
}

core::Result<DocumentLayout> LayoutDocument(const forms::Document& doc, const PageGeometry& page,
                                            const CellFonts& fonts) {
  if (doc.columns.empty()) {
    return core::MakeError("print.no_columns", "Баспа пішінінде бірде-бір баған жоқ.",
                           "В печатной форме нет ни одного столбца.",
                           "The print form has no columns.", "columns");
  }
  DocumentLayout layout;
  layout.geometry = page;
  layout.padding_x = page.FromMm(kPaddingXMm);
  layout.padding_y = page.FromMm(kPaddingYMm);
  layout.indent_step = page.FromMm(kIndentMm);

  double total = 0;
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const double width = doc.columns[i].width_mm;
    if (!(width > 0)) {
      const std::string field = "columns[" + std::to_string(i) + "].width_mm";
      return core::MakeError("print.bad_column_width",
                             "Баспа пішінінің бағанының ені оң сан болуы керек: " + field,
                             "Ширина столбца печатной формы должна быть положительной: " + field,
                             "A print form column's width must be positive: " + field, field);
    }
    total += page.FromMm(width);
  }
  layout.column_scale = total > page.width ? page.width / total : 1.0;
  layout.column_x.reserve(doc.columns.size() + 1);
  layout.column_x.push_back(0);
  for (const forms::Column& column : doc.columns) {
    layout.column_x.push_back(layout.column_x.back() +
                              page.FromMm(column.width_mm) * layout.column_scale);
  }

  layout.page_number_height = fonts.PageNumber().metrics().height() + 2 * layout.padding_y;
  layout.page_number_top = page.height - layout.page_number_height;
  layout.rows_bottom =
      doc.page.page_numbers ? layout.page_number_top - page.FromMm(kPageNumberGapMm) : page.height;

  for (Band band : kBands) {
    if (auto status = MeasureBand(doc, band, fonts, layout); !status) return status.error();
  }
  Paginator(doc, layout).Run();
  return layout;
}

std::string PageNumberText(const forms::Document& doc, int page, int pages) {
  std::string text = doc.page.page_number_format;
  if (text.empty()) {
    if (doc.language == "kk") {
      text = "{page}-бет, барлығы {pages}";
    } else if (doc.language == "en") {
      text = "Page {page} of {pages}";
    } else {
      text = "Страница {page} из {pages}";
    }
  }
  const auto replace = [&text](std::string_view key, const std::string& value) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  };
  replace("{pages}", std::to_string(pages));
  replace("{page}", std::to_string(page));
  return text;
}

}  // namespace esep::print
