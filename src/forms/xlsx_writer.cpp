#include "esep/forms/xlsx_writer.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "esep/core/error.hpp"

namespace esep::forms {
namespace {

// ---------------------------------------------------------------------------------------
// UTF-8

constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the code point at `s[i]`; an invalid or truncated sequence yields U+FFFD and a
/// length of 1, so that every byte of the input is consumed exactly once.
std::pair<char32_t, std::size_t> DecodeUtf8(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {kReplacement, 1};
  }
  if (i + len > s.size()) return {kReplacement, 1};
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {kReplacement, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kReplacement, 1};
  return {cp, len};
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const auto [cp, len] = DecodeUtf8(s, i);
    if (cp == kReplacement && len == 1) return false;
    i += len;
  }
  return true;
}

/// Invalid bytes would make the worksheet XML unreadable, and Excel would refuse the whole
/// file; one replaced character is the lesser harm.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, len] = DecodeUtf8(s, i);
    AppendUtf8(out, cp);
    i += len;
  }
  return out;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// ---------------------------------------------------------------------------------------
// Errors

/// `path` is empty for a rendering, whose temporary file means nothing to the user.
core::Error WriteError(const std::string& path, std::string details) {
  const std::string where = path.empty() ? "." : ": " + path;
  core::Error error = core::MakeError("xlsx.write", "XLSX файлын жазу мүмкін болмады" + where,
                                      "Не удалось записать файл XLSX" + where,
                                      "Could not write the XLSX file" + where, path);
  error.details = std::move(details);
  return error;
}

core::Error LibraryError(const std::string& path, lxw_error code) {
  return WriteError(path, std::string("libxlsxwriter: ") + lxw_strerror(code));
}

core::Error TooManyRows() {
  return core::MakeError("xlsx.too_large", "Құжат Excel парағына сыймайды: 1 048 576 жолдан көп.",
                         "Документ не помещается на лист Excel: больше 1 048 576 строк.",
                         "The document does not fit an Excel worksheet: over 1,048,576 rows.");
}

core::Error TooManyColumns() {
  return core::MakeError("xlsx.too_large", "Құжат Excel парағына сыймайды: 16 384 бағаннан көп.",
                         "Документ не помещается на лист Excel: больше 16 384 столбцов.",
                         "The document does not fit an Excel worksheet: over 16,384 columns.");
}

core::Error TextTooLong(std::string field) {
  return core::MakeError(
      "xlsx.too_large", "Ұяшық мәтіні Excel үшін тым ұзын (32 767 таңбадан көп).",
      "Текст ячейки слишком длинный для Excel (больше 32 767 символов).",
      "A cell's text is too long for Excel (over 32,767 characters).", std::move(field));
}

core::Error BadLayout(std::string field) {
  return core::MakeError(
      "xlsx.bad_layout",
      "Құжат торы қате: ұяшық бағандардан тыс шығады немесе басқа ұяшықпен қабаттасады.",
      "Неверная разметка документа: ячейка выходит за столбцы или перекрывает другую.",
      "Invalid document layout: a cell lies outside the columns or overlaps another.",
      std::move(field));
}

std::string CellField(std::string_view band, std::size_t row, std::size_t cell) {
  return std::string(band) + "[" + std::to_string(row) + "].cells[" + std::to_string(cell) + "]";
}

// ---------------------------------------------------------------------------------------
// Values

/// Excel keeps doubles but shows and accepts 15 significant digits, so a larger value
/// would appear with its last digits changed; below 10^15 (in tiyn, or units for
/// integers) every value is shown exactly. This is stricter than the 2^53 of exact
/// doubles on purpose: 90 trillion tenge would round to 0.1 tenge on screen.
constexpr std::int64_t kMaxExactMagnitude = 1'000'000'000'000'000;

bool ExactInExcel(std::int64_t value) {
  return value > -kMaxExactMagnitude && value < kMaxExactMagnitude;
}

/// Excel's date serial for days since 1970-01-01 (serial 25569). Excel counts a
/// 29 February 1900 that never was (serial 60), so dates before 1 March 1900 are one less;
/// before 1900 or after 9999 there is no serial.
std::optional<double> ExcelDateSerial(std::int64_t days_since_epoch) {
  constexpr std::int64_t kEpochSerial = 25569;
  constexpr std::int64_t kLastSerial = 2958465;  // 9999-12-31
  std::int64_t serial = days_since_epoch + kEpochSerial;
  if (serial < 61) --serial;
  if (serial < 1 || serial > kLastSerial) return std::nullopt;
  return static_cast<double>(serial);
}

// ---------------------------------------------------------------------------------------
// Geometry

constexpr double kPxPerMm = 96.0 / 25.4;
constexpr double kPtPerPx = 72.0 / 96.0;

/// Excel's column width is counted in widths of the digit "0" of the workbook's Normal font
/// (Calibri 11: 7 px at 96 dpi) plus 5 px of cell padding, and below one character in
/// twelfths of 12 px. At 96 dpi 1 mm is 96 / 25.4 = 3.78 px, so 30 mm = 113 px = 15.4
/// characters. libxlsxwriter stores the width this way (never the cell font's size), so
/// the conversion holds whatever font size the cells use.
/// A width that is not positive (a template's mistake) gets Excel's default column, 64 px,
/// rather than a hidden column.
double ColumnPixels(double width_mm) { return width_mm > 0 ? width_mm * kPxPerMm : 64; }

double WidthFromPixels(double px) { return px >= 12 ? (px - 5) / 7 : px / 12; }

/// Excel grows a row for wrapped text by itself, but not for text in a merged cell, which
/// it clips instead: for those the writer estimates the lines. An average Calibri letter,
/// Cyrillic included, is about 0.55 of the font size wide; a line takes 1.4 of it.
int EstimateLines(std::string_view text, double width_px, double font_pt) {
  const double char_px = font_pt / kPtPerPx * 0.55;
  const auto per_line =
      std::max<std::size_t>(1, static_cast<std::size_t>((width_px - 6) / char_px));
  int lines = 1;
  std::size_t used = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    std::size_t word = CodePoints(text.substr(start, end - start));
    const std::size_t need = used == 0 ? word : used + 1 + word;
    if (used > 0 && need > per_line) {
      ++lines;
      used = 0;
    }
    // A word longer than a line breaks inside itself.
    while (word > per_line) {
      word -= per_line;
      ++lines;
    }
    used = used == 0 ? word : std::min(per_line, used + 1 + word);
    if (end < text.size() && text[end] == '\n') {
      ++lines;
      used = 0;
    }
    start = end + 1;
  }
  return lines;
}

double LineHeightPt(double font_pt) { return font_pt * 1.4; }

// ---------------------------------------------------------------------------------------
// Formats

enum class NumFormat : std::uint32_t { kGeneral, kMoney, kInteger, kDate };
enum class Border : std::uint32_t { kNone, kThin, kBottom };

struct XfStyle {
  bool bold = false;
  bool italic = false;
  Align align = Align::kLeft;
  bool vcenter = false;
  bool wrap = false;
  Border border = Border::kNone;
  bool fill = false;
  int indent = 0;
  NumFormat num = NumFormat::kGeneral;
};

constexpr int kMaxIndent = 15;
constexpr std::uint32_t kXfKeys = 1u << 15;
constexpr lxw_color_t kHeaderFill = 0xD9D9D9;

std::uint32_t XfKey(const XfStyle& s) {
  return static_cast<std::uint32_t>(s.bold) | static_cast<std::uint32_t>(s.italic) << 1 |
         static_cast<std::uint32_t>(s.align) << 2 | static_cast<std::uint32_t>(s.vcenter) << 4 |
         static_cast<std::uint32_t>(s.wrap) << 5 | static_cast<std::uint32_t>(s.border) << 6 |
         static_cast<std::uint32_t>(s.fill) << 8 |
         static_cast<std::uint32_t>(std::clamp(s.indent, 0, kMaxIndent)) << 9 |
         static_cast<std::uint32_t>(s.num) << 13;
}

/// libxlsxwriter keeps every format it is given, and Excel limits a workbook to 64,000
/// of them; one format per distinct style, looked up by a packed key, keeps both the file
/// and the writing small.
class FormatCache {
 public:
  FormatCache(lxw_workbook* workbook, double font_pt)
      : workbook_(workbook), font_pt_(font_pt), formats_(kXfKeys, nullptr) {}

  lxw_format* Get(const XfStyle& style) {
    lxw_format*& format = formats_[XfKey(style)];
    if (format == nullptr) format = Create(style);
    return format;
  }

 private:
  lxw_format* Create(const XfStyle& s) {
    lxw_format* f = workbook_add_format(workbook_);
    if (f == nullptr) throw std::bad_alloc();
    format_set_font_size(f, font_pt_);
    if (s.bold) format_set_bold(f);
    if (s.italic) format_set_italic(f);
    switch (s.align) {
      case Align::kLeft:
        format_set_align(f, LXW_ALIGN_LEFT);
        break;
      case Align::kCenter:
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
      case Align::kRight:
        format_set_align(f, LXW_ALIGN_RIGHT);
        break;
    }
    format_set_align(f, s.vcenter ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP);
    if (s.wrap) format_set_text_wrap(f);
    if (s.border == Border::kThin) format_set_border(f, LXW_BORDER_THIN);
    if (s.border == Border::kBottom) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.fill) {
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, kHeaderFill);
    }
    if (s.indent > 0) format_set_indent(f, static_cast<std::uint8_t>(s.indent));
    switch (s.num) {
      case NumFormat::kGeneral:
        break;
      case NumFormat::kMoney:
        format_set_num_format(f, "#,##0.00");
        break;
      case NumFormat::kInteger:
        format_set_num_format(f, "#,##0");
        break;
      case NumFormat::kDate:
        format_set_num_format(f, "dd.mm.yyyy");
        break;
    }
    return f;
  }

  lxw_workbook* workbook_;
  double font_pt_;
  std::vector<lxw_format*> formats_;
};

/// The cell's own style, completed by what its row is for: headings are bold, centred and
/// shaded, totals and group headings bold, and the empty middle cell of a signature row is
/// the line to sign on.
XfStyle StyleFor(RowKind kind, const Cell& cell) {
  XfStyle s;
  s.bold = cell.style.bold;
  s.italic = cell.style.italic;
  s.align = cell.style.align;
  s.wrap = cell.style.wrap;
  s.border = cell.style.border ? Border::kThin : Border::kNone;
  s.indent = cell.style.indent;
  switch (kind) {
    case RowKind::kHeader:
      s.bold = true;
      s.align = Align::kCenter;
      s.vcenter = true;
      s.wrap = true;
      s.fill = true;
      break;
    case RowKind::kGroupHeader:
    case RowKind::kSubtotal:
    case RowKind::kTotal:
      s.bold = true;
      break;
    case RowKind::kSignature:
      if (cell.text.empty() && s.border == Border::kNone) s.border = Border::kBottom;
      break;
    case RowKind::kTitle:
    case RowKind::kData:
    case RowKind::kFooter:
      break;
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// The worksheet

class SheetWriter {
 public:
  SheetWriter(const Document& doc, lxw_workbook* workbook, lxw_worksheet* sheet, std::string path)
      : doc_(doc),
        sheet_(sheet),
        path_(std::move(path)),
        font_pt_(doc.page.font_size_pt >= 4 && doc.page.font_size_pt <= 72 ? doc.page.font_size_pt
                                                                           : 8),
        formats_(workbook, font_pt_),
        covered_until_(doc.columns.size(), 0) {
    column_px_.reserve(doc.columns.size());
    for (const Column& column : doc.columns) column_px_.push_back(ColumnPixels(column.width_mm));
  }

  core::Status WriteColumns() {
    for (std::size_t c = 0; c < column_px_.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const lxw_error rc =
          worksheet_set_column(sheet_, col, col, WidthFromPixels(column_px_[c]), nullptr);
      if (rc != LXW_NO_ERROR) return LibraryError(path_, rc);
    }
    return {};
  }

  core::Status WriteBand(const std::vector<Row>& rows, std::string_view band) {
    const lxw_row_t band_end = next_row_ + static_cast<lxw_row_t>(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (auto status = WriteRow(rows[i], band, i, band_end); !status) return status;
      ++next_row_;
    }
    return {};
  }

  core::Status WritePageSetup(lxw_row_t first_header, lxw_row_t first_body) {
    const PageSetup& page = doc_.page;
    if (page.orientation == Orientation::kLandscape) {
      worksheet_set_landscape(sheet_);
    } else {
      worksheet_set_portrait(sheet_);
    }
    constexpr std::uint8_t kPaperA4 = 9;
    worksheet_set_paper(sheet_, kPaperA4);
    const double margin_in = (page.margin_mm >= 0 ? page.margin_mm : 15) / 25.4;
    worksheet_set_margins(sheet_, margin_in, margin_in, margin_in, margin_in);
    // Only the width is fitted: a register of a thousand lines must stay readable.
    worksheet_fit_to_pages(sheet_, 1, 0);
    if (first_body > first_header) {
      worksheet_freeze_panes(sheet_, first_body, 0);
      if (page.repeat_header) {
        const lxw_error rc = worksheet_repeat_rows(sheet_, first_header, first_body - 1);
        if (rc != LXW_NO_ERROR) return LibraryError(path_, rc);
      }
    }
    if (page.page_numbers) {
      const std::string footer = "&C" + ExcelPageFooter(page.page_number_format);
      // The footer sits halfway into the bottom margin, never inside the table.
      lxw_header_footer_options options{};
      options.margin = std::min(0.3, margin_in / 2);
      if (options.margin <= 0) options.margin = 0.3;
      const lxw_error rc = worksheet_set_footer_opt(sheet_, footer.c_str(), &options);
      if (rc != LXW_NO_ERROR) return LibraryError(path_, rc);
    }
    return {};
  }

 private:
  /// "{page}" and "{pages}" become Excel's &P and &N; a literal & is doubled. Excel takes
  /// 255 characters at most, so a longer line is cut at a character boundary.
  static std::string ExcelPageFooter(std::string_view format) {
    const std::string text = ValidUtf8(format.empty() ? "{page} / {pages}" : format);
    constexpr std::size_t kMaxBytes = 240;  // under LXW_HEADER_FOOTER_MAX with "&C"
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      std::string piece;
      std::size_t used = 1;
      if (text.compare(i, 7, "{pages}") == 0) {
        piece = "&N", used = 7;
      } else if (text.compare(i, 6, "{page}") == 0) {
        piece = "&P", used = 6;
      } else if (text[i] == '&') {
        piece = "&&";
      } else {
        used = DecodeUtf8(text, i).second;
        piece = text.substr(i, used);
      }
      if (out.size() + piece.size() > kMaxBytes) break;
      out += piece;
      i += used;
    }
    return out;
  }

  core::Status WriteRow(const Row& row, std::string_view band, std::size_t index,
                        lxw_row_t band_end) {
    const lxw_row_t r = next_row_;
    double height_pt = 0;
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const Cell& cell = row.cells[k];
      const auto field = [&] { return CellField(band, index, k); };
      if (cell.column < 0 || cell.col_span < 1 || cell.row_span < 1 ||
          static_cast<std::size_t>(cell.column) + static_cast<std::size_t>(cell.col_span) >
              covered_until_.size() ||
          static_cast<std::uint64_t>(r) + static_cast<std::uint64_t>(cell.row_span) > band_end) {
        return BadLayout(field());
      }
      const auto c = static_cast<lxw_col_t>(cell.column);
      const auto last_c = static_cast<lxw_col_t>(cell.column + cell.col_span - 1);
      const auto last_r = static_cast<lxw_row_t>(r + static_cast<lxw_row_t>(cell.row_span) - 1);
      for (std::size_t col = c; col <= last_c; ++col) {
        if (covered_until_[col] > r) return BadLayout(field());
        covered_until_[col] = last_r + 1;
      }

      XfStyle style = StyleFor(row.kind, cell);
      const bool merged = cell.col_span > 1 || cell.row_span > 1;
      if (merged && cell.row_span == 1 && cell.kind == ValueKind::kText) {
        double width_px = 0;
        for (std::size_t col = c; col <= last_c; ++col) width_px += column_px_[col];
        const int lines = EstimateLines(cell.text, width_px, font_pt_);
        if (lines > 1) {
          style.wrap = true;
          height_pt = std::max(height_pt, lines * LineHeightPt(font_pt_));
        }
      }
      if (merged) {
        const lxw_error rc =
            worksheet_merge_range(sheet_, r, c, last_r, last_c, "", formats_.Get(style));
        if (rc != LXW_NO_ERROR) return LibraryError(path_, rc);
      }
      if (auto status = WriteValue(r, c, cell, style, field); !status) return status;
    }
    if (height_pt > 0) {
      const lxw_error rc = worksheet_set_row(sheet_, r, height_pt, nullptr);
      if (rc != LXW_NO_ERROR) return LibraryError(path_, rc);
    }
    return {};
  }

  template <typename FieldFn>
  core::Status WriteValue(lxw_row_t r, lxw_col_t c, const Cell& cell, XfStyle style,
                          const FieldFn& field) {
    lxw_error rc = LXW_NO_ERROR;
    switch (cell.kind) {
      case ValueKind::kMoney:
        if (ExactInExcel(cell.number)) {
          style.num = NumFormat::kMoney;
          rc = worksheet_write_number(sheet_, r, c, static_cast<double>(cell.number) / 100.0,
                                      formats_.Get(style));
          return Check(rc, field);
        }
        break;
      case ValueKind::kInteger:
        if (ExactInExcel(cell.number)) {
          style.num = NumFormat::kInteger;
          rc = worksheet_write_number(sheet_, r, c, static_cast<double>(cell.number),
                                      formats_.Get(style));
          return Check(rc, field);
        }
        break;
      case ValueKind::kDate:
        if (const auto serial = ExcelDateSerial(cell.number)) {
          style.num = NumFormat::kDate;
          rc = worksheet_write_number(sheet_, r, c, *serial, formats_.Get(style));
          return Check(rc, field);
        }
        break;
      case ValueKind::kEmpty:
      case ValueKind::kText:
        break;
    }
    // Text, and values Excel cannot hold exactly: the document's own formatted text.
    lxw_format* format = formats_.Get(style);
    if (cell.text.empty()) return Check(worksheet_write_blank(sheet_, r, c, format), field);
    if (IsValidUtf8(cell.text)) {
      rc = worksheet_write_string(sheet_, r, c, cell.text.c_str(), format);
    } else {
      rc = worksheet_write_string(sheet_, r, c, ValidUtf8(cell.text).c_str(), format);
    }
    return Check(rc, field);
  }

  template <typename FieldFn>
  core::Status Check(lxw_error rc, const FieldFn& field) {
    if (rc == LXW_NO_ERROR) return {};
    if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) return TextTooLong(field());
    core::Error error = LibraryError(path_, rc);
    error.details += " at " + field();
    return error;
  }

  const Document& doc_;
  lxw_worksheet* sheet_;
  std::string path_;
  double font_pt_;
  FormatCache formats_;
  /// Per column, the first row not covered by a cell above (merged cells span rows).
  std::vector<lxw_row_t> covered_until_;
  std::vector<double> column_px_;
  lxw_row_t next_row_ = 0;
};

/// Owns the workbook until workbook_close() takes it; on an early return it is freed
/// without writing anything.
class WorkbookHandle {
 public:
  explicit WorkbookHandle(lxw_workbook* workbook) : workbook_(workbook) {}
  WorkbookHandle(const WorkbookHandle&) = delete;
  WorkbookHandle& operator=(const WorkbookHandle&) = delete;
  ~WorkbookHandle() {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
  }
  lxw_workbook* get() const { return workbook_; }
  lxw_error Close() {
    lxw_workbook* workbook = std::exchange(workbook_, nullptr);
    return workbook_close(workbook);
  }

 private:
  lxw_workbook* workbook_;
};

/// Writes the workbook to `path`, which must exist (or be creatable) and is overwritten.
core::Status BuildWorkbook(const Document& doc, const std::filesystem::path& file) {
  const std::string path = file.string();
  const std::size_t total_rows = doc.title_rows.size() + doc.header_rows.size() +
                                 doc.body_rows.size() + doc.footer_rows.size();
  if (total_rows > LXW_ROW_MAX) return TooManyRows();
  if (doc.columns.size() > LXW_COL_MAX) return TooManyColumns();

  // Not constant_memory: it flushes each row as the next one starts, so a heading merged
  // over two rows would lose the rest of its first row; and 100,000 rows take under a
  // second without it (bench/xlsx_render_bench.cpp).
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  WorkbookHandle workbook(workbook_new_opt(path.c_str(), &options));
  if (workbook.get() == nullptr) return WriteError(path, "workbook_new_opt failed");

  std::string title = ValidUtf8(doc.title);
  lxw_doc_properties properties{};
  properties.title = title.data();
  if (const lxw_error rc = workbook_set_properties(workbook.get(), &properties);
      rc != LXW_NO_ERROR) {
    return LibraryError(path, rc);
  }

  const std::string sheet_name = XlsxSheetName(doc.title);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), sheet_name.c_str());
  if (sheet == nullptr) return WriteError(path, "workbook_add_worksheet(" + sheet_name + ")");

  SheetWriter writer(doc, workbook.get(), sheet, path);
  if (auto status = writer.WriteColumns(); !status) return status;
  if (auto status = writer.WriteBand(doc.title_rows, "title_rows"); !status) return status;
  if (auto status = writer.WriteBand(doc.header_rows, "header_rows"); !status) return status;
  if (auto status = writer.WriteBand(doc.body_rows, "body_rows"); !status) return status;
  if (auto status = writer.WriteBand(doc.footer_rows, "footer_rows"); !status) return status;
  const auto first_header = static_cast<lxw_row_t>(doc.title_rows.size());
  const auto first_body = static_cast<lxw_row_t>(first_header + doc.header_rows.size());
  if (auto status = writer.WritePageSetup(first_header, first_body); !status) return status;

  if (const lxw_error rc = workbook.Close(); rc != LXW_NO_ERROR) return LibraryError(path, rc);
  return {};
}

// ---------------------------------------------------------------------------------------
// Files

/// A new empty file `dir/stem-XXXXXXXXXXXX.xlsx` that nobody else has opened; `mode`
/// 0600 keeps a rendering private, 0666 (less the umask) makes an export like any file.
core::Result<std::filesystem::path> CreateUniqueFile(const std::filesystem::path& dir,
                                                     std::string_view stem, mode_t mode) {
  std::random_device device;
  std::mt19937_64 random(static_cast<std::uint64_t>(device()) << 32 ^ device());
  int last_errno = 0;
  for (int attempt = 0; attempt < 16; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx",
                  static_cast<unsigned long long>(random()));  // NOLINT(runtime/int)
    std::filesystem::path candidate = dir / (std::string(stem) + "-" + suffix + ".xlsx");
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
      ::close(fd);
      return candidate;
    }
    last_errno = errno;
    if (last_errno != EEXIST) break;
  }
  return WriteError((dir / std::string(stem)).string(),
                    std::string("cannot create a temporary file: ") + std::strerror(last_errno));
}

/// Removes the temporary file on every way out, unless it was renamed into place.
class TempFileGuard {
 public:
  explicit TempFileGuard(std::filesystem::path path) : path_(std::move(path)) {}
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
  ~TempFileGuard() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  void Release() { path_.clear(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::string XlsxSheetName(const std::string& title) {
  std::string spaced;
  spaced.reserve(title.size());
  for (std::size_t i = 0; i < title.size();) {
    auto [cp, len] = DecodeUtf8(title, i);
    i += len;
    if (cp < 0x20 || cp == 0x7F ||
        std::u32string_view(U"[]:*?/\\").find(cp) != std::u32string_view::npos) {
      cp = U' ';
    }
    if (cp == U' ' && (spaced.empty() || spaced.back() == ' ')) continue;
    AppendUtf8(spaced, cp);
  }
  // Excel counts a name's length in UTF-16 units; characters beyond the BMP take two.
  constexpr std::size_t kMaxUnits = 31;
  std::string name;
  std::size_t units = 0;
  bool leading = true;
  for (std::size_t i = 0; i < spaced.size();) {
    const auto [cp, len] = DecodeUtf8(spaced, i);
    if (leading && cp == U'\'') {
      i += len;
      continue;
    }
    leading = false;
    const std::size_t need = cp >= 0x10000 ? 2 : 1;
    if (units + need > kMaxUnits) break;
    units += need;
    name.append(spaced, i, len);
    i += len;
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\'')) name.pop_back();
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (name.empty() || lower == "history") return "Sheet1";
  return name;
}

double XlsxColumnWidth(double width_mm) { return WidthFromPixels(ColumnPixels(width_mm)); }

core::Status WriteXlsx(const Document& doc, const std::filesystem::path& file) {
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  // Cut so that the temporary name stays under the file system's 255 bytes.
  auto temp = CreateUniqueFile(dir, "." + file.filename().string().substr(0, 100), 0666);
  if (!temp.ok()) return WriteError(file.string(), temp.error().details);
  TempFileGuard guard(*temp);
  if (auto status = BuildWorkbook(doc, *temp); !status) {
    core::Error error = status.error();
    if (error.code == "xlsx.write") error = WriteError(file.string(), error.details);
    return error;
  }
  std::error_code ec;
  std::filesystem::rename(*temp, file, ec);
  if (ec) return WriteError(file.string(), "rename: " + ec.message());
  guard.Release();
  return {};
}

core::Result<std::string> RenderXlsx(const Document& doc) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return WriteError("", "temp_directory_path: " + ec.message());
  auto temp = CreateUniqueFile(dir, "esep-render", 0600);
  if (!temp.ok()) return WriteError("", temp.error().details);
  TempFileGuard guard(*temp);
  if (auto status = BuildWorkbook(doc, *temp); !status) {
    core::Error error = status.error();
    if (error.code == "xlsx.write") error = WriteError("", error.details);
    return error;
  }
  std::ifstream in(*temp, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return WriteError("", "cannot read back " + temp->string());
  return bytes;
}

}  // namespace esep::forms
