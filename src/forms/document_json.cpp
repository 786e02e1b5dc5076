#include "esep/forms/document_json.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "esep/forms/document_names.hpp"

namespace esep::forms {
namespace {

namespace json = boost::json;

constexpr int kMaxSpan = 100000;
constexpr int kMaxIndent = 32;
// column, col_span, row_span, kind, text, number, style, drill: reserved at once, so a cell
// object is never rehashed while it is filled.
constexpr std::size_t kCellKeys = 8;

std::string_view OrientationName(Orientation orientation) {
  return orientation == Orientation::kLandscape ? "landscape" : "portrait";
}

std::optional<RowKind> ParseRowKind(std::string_view name) {
  for (RowKind kind :
       {RowKind::kTitle, RowKind::kHeader, RowKind::kData, RowKind::kGroupHeader,
        RowKind::kSubtotal, RowKind::kTotal, RowKind::kFooter, RowKind::kSignature}) {
    if (RowKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

// Whole millimetres and points are written as integers ("30", not "3E1").
json::value Number(double value, const json::storage_ptr& sp) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return json::value(static_cast<std::int64_t>(value), sp);
  }
  return json::value(value, sp);
}

json::object StyleToJson(const CellStyle& style, const json::storage_ptr& sp) {
  const CellStyle defaults;
  json::object out(sp);
  if (style.align != defaults.align) out["align"] = AlignName(style.align);
  if (style.bold != defaults.bold) out["bold"] = style.bold;
  if (style.italic != defaults.italic) out["italic"] = style.italic;
  if (style.wrap != defaults.wrap) out["wrap"] = style.wrap;
  if (style.border != defaults.border) out["border"] = style.border;
  if (style.indent != defaults.indent) out["indent"] = style.indent;
  return out;
}

json::object CellToJson(const Cell& cell, const json::storage_ptr& sp) {
  json::object out(kCellKeys, sp);
  out["column"] = cell.column;
  if (cell.col_span != 1) out["col_span"] = cell.col_span;
  if (cell.row_span != 1) out["row_span"] = cell.row_span;
  if (cell.kind != ValueKind::kEmpty) out["kind"] = ValueKindName(cell.kind);
  if (!cell.text.empty()) out["text"] = cell.text;
  if (cell.number != 0) out["number"] = cell.number;
  if (json::object style = StyleToJson(cell.style, sp); !style.empty())
    out["style"] = std::move(style);
  if (cell.drill)
    out["drill"] = json::object({{"entity", cell.drill->entity}, {"id", cell.drill->id}}, sp);
  return out;
}

json::array RowsToJson(const std::vector<Row>& rows, const json::storage_ptr& sp) {
  json::array out(sp);
  out.reserve(rows.size());
  for (const auto& row : rows) {
    json::array cells(sp);
    cells.reserve(row.cells.size());
    for (const auto& cell : row.cells) cells.push_back(CellToJson(cell, sp));
    json::object out_row(sp);
    out_row["kind"] = RowKindName(row.kind);
    out_row["cells"] = std::move(cells);
    out.push_back(std::move(out_row));
  }
  return out;
}

/// Reads typed values out of JSON, naming the path of the first bad one.
class Reader {
 public:
  core::Error Bad(const std::string& path, std::string_view expected) const {
    return core::MakeError(
        "forms.json", fmt::format("Құжаттың JSON-ы дұрыс емес: «{}» — {} күтіледі", path, expected),
        fmt::format("Неверный JSON документа: «{}» — ожидается {}", path, expected),
        fmt::format("Bad document JSON: '{}' — expected {}", path, expected), path);
  }

  core::Result<const json::object*> Object(const json::value& value, const std::string& path) {
    if (!value.is_object()) return Bad(path, "object");
    return &value.get_object();
  }

  core::Result<const json::array*> Array(const json::object& object, std::string_view key,
                                         const std::string& path) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_array()) return Bad(Join(path, key), "array");
    return &value->get_array();
  }

  core::Result<std::string> String(const json::object& object, std::string_view key,
                                   const std::string& path,
                                   std::optional<std::string> fallback = std::nullopt) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr && fallback) return *fallback;
    if (value == nullptr || !value->is_string()) return Bad(Join(path, key), "string");
    return std::string(value->get_string());
  }

  core::Result<bool> Bool(const json::object& object, std::string_view key, const std::string& path,
                          std::optional<bool> fallback = std::nullopt) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr && fallback) return *fallback;
    if (value == nullptr || !value->is_bool()) return Bad(Join(path, key), "true/false");
    return value->get_bool();
  }

  core::Result<std::int64_t> Int(const json::object& object, std::string_view key,
                                 const std::string& path, std::int64_t min, std::int64_t max,
                                 std::optional<std::int64_t> fallback = std::nullopt) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr && fallback) return *fallback;
    const std::string where = Join(path, key);
    const std::string range = fmt::format("integer {}..{}", min, max);
    if (value == nullptr) return Bad(where, range);
    std::int64_t number = 0;
    if (value->is_int64()) {
      number = value->get_int64();
    } else if (value->is_uint64() &&
               value->get_uint64() <=
                   static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      number = static_cast<std::int64_t>(value->get_uint64());
    } else {
      return Bad(where, range);
    }
    if (number < min || number > max) return Bad(where, range);
    return number;
  }

  core::Result<double> Double(const json::object& object, std::string_view key,
                              const std::string& path) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_number()) return Bad(Join(path, key), "number");
    const double number = value->to_number<double>();
    if (!std::isfinite(number) || number < 0) return Bad(Join(path, key), "number >= 0");
    return number;
  }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  }
  static std::string Index(const std::string& path, std::size_t index) {
    return fmt::format("{}[{}]", path, index);
  }
};

core::Result<CellStyle> StyleFromJson(Reader& reader, const json::object& cell,
                                      const std::string& path) {
  CellStyle style;
  const json::value* value = cell.if_contains("style");
  if (value == nullptr) return style;
  const std::string where = Reader::Join(path, "style");
  auto object = reader.Object(*value, where);
  if (!object.ok()) return object.error();
  const json::object& s = **object;
  if (const json::value* align = s.if_contains("align")) {
    const auto parsed = align->is_string() ? ParseAlign(align->get_string()) : std::nullopt;
    if (!parsed) return reader.Bad(Reader::Join(where, "align"), "left, center or right");
    style.align = *parsed;
  }
  for (auto [key, target] : {std::pair{"bold", &style.bold}, std::pair{"italic", &style.italic},
                             std::pair{"wrap", &style.wrap}, std::pair{"border", &style.border}}) {
    auto flag = reader.Bool(s, key, where, *target);
    if (!flag.ok()) return flag.error();
    *target = *flag;
  }
  auto indent = reader.Int(s, "indent", where, 0, kMaxIndent, 0);
  if (!indent.ok()) return indent.error();
  style.indent = static_cast<int>(*indent);
  return style;
}

core::Result<Cell> CellFromJson(Reader& reader, const json::value& value, const std::string& path,
                                int columns) {
  auto object = reader.Object(value, path);
  if (!object.ok()) return object.error();
  const json::object& o = **object;
  Cell cell;
  auto column = reader.Int(o, "column", path, 0, columns - 1);
  if (!column.ok()) return column.error();
  cell.column = static_cast<int>(*column);
  auto col_span = reader.Int(o, "col_span", path, 1, columns - cell.column, 1);
  if (!col_span.ok()) return col_span.error();
  cell.col_span = static_cast<int>(*col_span);
  auto row_span = reader.Int(o, "row_span", path, 1, kMaxSpan, 1);
  if (!row_span.ok()) return row_span.error();
  cell.row_span = static_cast<int>(*row_span);
  auto kind = reader.String(o, "kind", path, std::string(ValueKindName(ValueKind::kEmpty)));
  if (!kind.ok()) return kind.error();
  const auto parsed_kind = ParseValueKind(*kind);
  if (!parsed_kind) {
    return reader.Bad(Reader::Join(path, "kind"), "empty, text, money, integer or date");
  }
  cell.kind = *parsed_kind;
  auto text = reader.String(o, "text", path, std::string{});
  if (!text.ok()) return text.error();
  cell.text = std::move(text).value();
  auto number = reader.Int(o, "number", path, std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max(), 0);
  if (!number.ok()) return number.error();
  cell.number = *number;
  auto style = StyleFromJson(reader, o, path);
  if (!style.ok()) return style.error();
  cell.style = *style;
  if (const json::value* drill = o.if_contains("drill")) {
    const std::string where = Reader::Join(path, "drill");
    auto d = reader.Object(*drill, where);
    if (!d.ok()) return d.error();
    auto entity = reader.String(**d, "entity", where);
    if (!entity.ok()) return entity.error();
    auto id = reader.String(**d, "id", where);
    if (!id.ok()) return id.error();
    cell.drill = DrillDown{std::move(entity).value(), std::move(id).value()};
  }
  return cell;
}

core::Result<std::vector<Row>> RowsFromJson(Reader& reader, const json::object& document,
                                            std::string_view key, int columns) {
  auto rows = reader.Array(document, key, "");
  if (!rows.ok()) return rows.error();
  std::vector<Row> out;
  out.reserve((*rows)->size());
  for (std::size_t r = 0; r < (*rows)->size(); ++r) {
    const std::string path = Reader::Index(std::string(key), r);
    auto row = reader.Object((**rows)[r], path);
    if (!row.ok()) return row.error();
    auto kind = reader.String(**row, "kind", path);
    if (!kind.ok()) return kind.error();
    const auto parsed = ParseRowKind(*kind);
    if (!parsed) return reader.Bad(Reader::Join(path, "kind"), "a row kind (title, header, ...)");
    auto cells = reader.Array(**row, "cells", path);
    if (!cells.ok()) return cells.error();
    Row out_row{*parsed, {}};
    out_row.cells.reserve((*cells)->size());
    for (std::size_t c = 0; c < (*cells)->size(); ++c) {
      auto cell = CellFromJson(reader, (**cells)[c], Reader::Index(path + ".cells", c), columns);
      if (!cell.ok()) return cell.error();
      out_row.cells.push_back(std::move(cell).value());
    }
    out.push_back(std::move(out_row));
  }
  return out;
}

core::Result<PageSetup> PageFromJson(Reader& reader, const json::object& document) {
  const json::value* value = document.if_contains("page");
  if (value == nullptr) return reader.Bad("page", "object");
  auto object = reader.Object(*value, "page");
  if (!object.ok()) return object.error();
  const json::object& p = **object;
  PageSetup page;
  auto orientation = reader.String(p, "orientation", "page");
  if (!orientation.ok()) return orientation.error();
  if (*orientation != "portrait" && *orientation != "landscape") {
    return reader.Bad("page.orientation", "portrait or landscape");
  }
  page.orientation = *orientation == "landscape" ? Orientation::kLandscape : Orientation::kPortrait;
  auto margin = reader.Double(p, "margin_mm", "page");
  if (!margin.ok()) return margin.error();
  page.margin_mm = *margin;
  auto font = reader.Double(p, "font_size_pt", "page");
  if (!font.ok()) return font.error();
  page.font_size_pt = *font;
  auto repeat = reader.Bool(p, "repeat_header", "page");
  if (!repeat.ok()) return repeat.error();
  page.repeat_header = *repeat;
  auto numbers = reader.Bool(p, "page_numbers", "page");
  if (!numbers.ok()) return numbers.error();
  page.page_numbers = *numbers;
  auto format = reader.String(p, "page_number_format", "page", std::string{});
  if (!format.ok()) return format.error();
  page.page_number_format = std::move(format).value();
  return page;
}

}  // namespace

json::object DocumentToJson(const Document& document, json::storage_ptr sp) {
  json::object page(sp);
  page["orientation"] = OrientationName(document.page.orientation);
  page["margin_mm"] = Number(document.page.margin_mm, sp);
  page["font_size_pt"] = Number(document.page.font_size_pt, sp);
  page["repeat_header"] = document.page.repeat_header;
  page["page_numbers"] = document.page.page_numbers;
  if (!document.page.page_number_format.empty()) {
    page["page_number_format"] = document.page.page_number_format;
  }
  json::array columns(sp);
  columns.reserve(document.columns.size());
  for (const auto& column : document.columns) {
    json::object out(sp);
    out["field"] = column.field;
    out["width_mm"] = Number(column.width_mm, sp);
    out["kind"] = ValueKindName(column.kind);
    columns.push_back(std::move(out));
  }
  json::object out(sp);
  out["form_id"] = document.form_id;
  out["language"] = document.language;
  out["title"] = document.title;
  out["page"] = std::move(page);
  out["columns"] = std::move(columns);
  out["title_rows"] = RowsToJson(document.title_rows, sp);
  out["header_rows"] = RowsToJson(document.header_rows, sp);
  out["body_rows"] = RowsToJson(document.body_rows, sp);
  out["footer_rows"] = RowsToJson(document.footer_rows, sp);
  return out;
}

core::Result<Document> DocumentFromJson(const json::value& value) {
  Reader reader;
  if (!value.is_object()) return reader.Bad("(document)", "object");
  const json::object& o = value.get_object();
  Document document;
  for (auto [key, target] :
       {std::pair{"form_id", &document.form_id}, std::pair{"language", &document.language},
        std::pair{"title", &document.title}}) {
    auto text = reader.String(o, key, "");
    if (!text.ok()) return text.error();
    *target = std::move(text).value();
  }
  auto page = PageFromJson(reader, o);
  if (!page.ok()) return page.error();
  document.page = std::move(page).value();
  auto columns = reader.Array(o, "columns", "");
  if (!columns.ok()) return columns.error();
  for (std::size_t i = 0; i < (*columns)->size(); ++i) {
    const std::string path = Reader::Index("columns", i);
    auto column = reader.Object((**columns)[i], path);
    if (!column.ok()) return column.error();
    Column out;
    auto field = reader.String(**column, "field", path);
    if (!field.ok()) return field.error();
    out.field = std::move(field).value();
    auto width = reader.Double(**column, "width_mm", path);
    if (!width.ok()) return width.error();
    out.width_mm = *width;
    auto kind = reader.String(**column, "kind", path);
    if (!kind.ok()) return kind.error();
    const auto parsed = ParseValueKind(*kind);
    if (!parsed)
      return reader.Bad(Reader::Join(path, "kind"), "empty, text, money, integer or date");
    out.kind = *parsed;
    document.columns.push_back(std::move(out));
  }
  const int width = static_cast<int>(document.columns.size());
  for (auto [key, target] : {std::pair{"title_rows", &document.title_rows},
                             std::pair{"header_rows", &document.header_rows},
                             std::pair{"body_rows", &document.body_rows},
                             std::pair{"footer_rows", &document.footer_rows}}) {
    auto rows = RowsFromJson(reader, o, key, width);
    if (!rows.ok()) return rows.error();
    *target = std::move(rows).value();
  }
  return document;
}

}  // namespace esep::forms
