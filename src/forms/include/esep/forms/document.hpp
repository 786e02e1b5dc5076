#pragma once
/// @file
/// The rendered tabular document: what every form becomes before it is shown on screen
/// (JSON), printed (PDF) or exported (XLSX). One language, already formatted; the writers
/// only lay it out, they never compute or format values themselves.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace esep::forms {

enum class Orientation { kPortrait, kLandscape };
enum class Align { kLeft, kCenter, kRight };

/// What a row is for; the writers style rows by it (bold totals, shaded headers).
enum class RowKind {
  kTitle,        ///< title block above the table: form name, institution, period
  kHeader,       ///< column headings; repeated on every page and frozen in XLSX
  kData,         ///< one row of the data source
  kGroupHeader,  ///< the start of a grouping ("Учреждение: …")
  kSubtotal,     ///< a grouping's totals
  kTotal,        ///< the grand total
  kFooter,       ///< text below the table: amount in words, notes
  kSignature     ///< signature block: position, blank line for the signature, name
};

/// What a cell holds. The text is always there (formatted for the document's language);
/// `number` carries the exact value so that XLSX stores real numbers and dates.
enum class ValueKind {
  kEmpty,
  kText,
  kMoney,    ///< number = tiyn; XLSX "#,##0.00"
  kInteger,  ///< number = the value; XLSX "#,##0"
  kDate      ///< number = days since 1970-01-01; XLSX "dd.mm.yyyy"
};

/// Where a cell leads on screen: the source document or record it came from.
struct DrillDown {
  std::string entity;  ///< e.g. "institution", "audit_event", later "memorial_order"
  std::string id;      ///< the entity's id as text

  bool operator==(const DrillDown&) const = default;
};

struct CellStyle {
  Align align = Align::kLeft;
  bool bold = false;
  bool italic = false;
  bool wrap = false;   ///< long text wraps within the column instead of being cut
  bool border = true;  ///< table cells have a thin border; title and signature cells do not
  int indent = 0;      ///< nesting level of groupings, for the first column

  bool operator==(const CellStyle&) const = default;
};

/// One cell placed on the grid. `column` is its first column (0-based); a merged cell
/// spans `col_span` columns and `row_span` rows, and the grid positions it covers have no
/// cell of their own.
struct Cell {
  int column = 0;
  int col_span = 1;
  int row_span = 1;
  ValueKind kind = ValueKind::kEmpty;
  std::string text;
  std::int64_t number = 0;
  CellStyle style;
  std::optional<DrillDown> drill;

  bool operator==(const Cell&) const = default;
};

struct Row {
  RowKind kind = RowKind::kData;
  std::vector<Cell> cells;  ///< ordered by column

  bool operator==(const Row&) const = default;
};

struct Column {
  std::string field;     ///< the data source field it shows ("" for computed columns)
  double width_mm = 30;  ///< printed width; XLSX converts it to character widths
  ValueKind kind = ValueKind::kText;

  bool operator==(const Column&) const = default;
};

struct PageSetup {
  Orientation orientation = Orientation::kPortrait;
  double margin_mm = 15;
  double font_size_pt = 8;
  bool repeat_header = true;  ///< header rows on every printed page
  bool page_numbers = true;
  /// The page number line with {page} and {pages}, in the document's language:
  /// "Страница {page} из {pages}", "{page}-бет, барлығы {pages}".
  std::string page_number_format;

  bool operator==(const PageSetup&) const = default;
};

/// A rendered form. Rows come in four bands: the title block, the header (which repeats
/// on every page), the body (data, groupings, subtotals, the grand total) and the footer
/// (amount in words, signatures). Every row has cells over columns 0..columns.size()-1
/// except where a merged cell covers them.
struct Document {
  std::string form_id;   ///< the template's id, e.g. "institutions_list"
  std::string language;  ///< "kk" or "ru" (or "en")
  std::string title;     ///< the document's name, for file names and window titles
  PageSetup page;
  std::vector<Column> columns;
  std::vector<Row> title_rows;
  std::vector<Row> header_rows;
  std::vector<Row> body_rows;
  std::vector<Row> footer_rows;

  bool operator==(const Document&) const = default;
};

}  // namespace esep::forms
