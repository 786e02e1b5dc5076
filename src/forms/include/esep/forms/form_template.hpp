#pragma once
/// @file
/// The form template model (what a forms/*.form file declares, docs/forms.md), with the line
/// of every element and key so that checks made after parsing still name file and line.

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/document.hpp"

namespace esep::forms {

/// Where an element was declared: the line of its [section] and of each key in it.
struct SourceLines {
  int section = 0;
  std::map<std::string, int, std::less<>> keys;  ///< "width", "header.ru", ...

  /// The key's line, or the section's when the key was not written.
  int Of(std::string_view key) const;
};

/// A data field that may differ by language: `field = bin`, or `field.kk = name_kk` with
/// `field.ru = name_ru`. English documents use the Russian field.
struct FieldRef {
  std::string kk;
  std::string ru;

  const std::string& For(core::Lang lang) const { return lang == core::Lang::kKk ? kk : ru; }
  bool empty() const { return kk.empty() && ru.empty(); }
  bool operator==(const FieldRef&) const = default;
};

struct ParameterDef {
  std::string name;
  ParameterType type = ParameterType::kText;
  core::LocalizedText label;
  /// "" (none), "today", "month_start", "month_end", "year_start", "year_end" (dates), or a
  /// literal value of the parameter's type.
  std::string default_value;
  bool required = true;
  SourceLines lines;
};

enum class ColumnTotal { kNone, kSum, kCount };

/// How a column's values are written. kAuto follows the field's type.
enum class ColumnFormat {
  kAuto,
  kText,
  kMoney,           ///< "1 234 567,89"
  kMoneyBlankZero,  ///< as kMoney, but an empty cell for 0,00 (ledgers leave zeros blank)
  kInteger,         ///< "1234567"
  kIntegerGrouped,  ///< "1 234 567"
  kDate,            ///< "15.03.2026"
  kDateLong         ///< "15 марта 2026 г." / "2026 жылғы 15 наурыз"
};

/// "auto", "text", "money", "money_blank_zero", "integer", "integer_grouped", "date",
/// "date_long".
std::string_view ColumnFormatName(ColumnFormat format);
std::optional<ColumnFormat> ParseColumnFormat(std::string_view name);
/// The field type a format applies to; nullopt for kAuto (any type).
std::optional<FieldType> ColumnFormatFieldType(ColumnFormat format);

/// `drill = institution:id`: the cell opens the entity whose id is in `field`.
struct DrillDef {
  std::string entity;
  std::string field;

  bool operator==(const DrillDef&) const = default;
};

/// The `field` value of a column that shows the running row number (1, 2, 3, ...).
inline constexpr std::string_view kRowNumberField = "@row_number";

struct ColumnDef {
  std::string id;
  FieldRef field;           ///< empty when row_number
  bool row_number = false;  ///< `field = @row_number`
  /// Heading levels separated by " / " (slash with spaces): "Учреждение / БИН".
  core::LocalizedText header;
  double width_mm = 30;
  std::optional<Align> align;  ///< default by type: numbers right, dates center, text left
  std::optional<bool> wrap;    ///< default: text wraps, other types do not
  ColumnTotal total = ColumnTotal::kNone;
  ColumnFormat format = ColumnFormat::kAuto;
  std::optional<DrillDef> drill;
  SourceLines lines;
};

struct GroupDef {
  std::string id;
  FieldRef field;
  core::LocalizedText label;        ///< the group header row; {value}, {count}
  core::LocalizedText subtotal;     ///< the subtotal row's label; empty = the built-in one
  core::LocalizedText empty_value;  ///< what {value} shows for an empty field; default "—"
  SourceLines lines;
};

struct TotalDef {
  core::LocalizedText label;    ///< {count} = the number of data rows
  std::string in_words_column;  ///< a money column with total = sum, or ""
  core::LocalizedText words_label;  ///< empty = "Сумма прописью: " / "Сомасы жазбаша: "
  SourceLines lines;
};

/// A line of text above the table (title block) or below it (footer).
struct TextLine {
  core::LocalizedText text;
  int line = 0;
};

struct TitleDef {
  bool show_institution = true;  ///< the institution's name under the title
  std::vector<TextLine> lines;
  SourceLines lines_of_keys;
};

struct PageDef {
  Orientation orientation = Orientation::kPortrait;
  double font_size_pt = 8;
  double margin_mm = 15;
  bool repeat_header = true;
  bool page_numbers = true;
};

/// A signature role every template may name in [signatures] roles.
struct SignatureRole {
  std::string_view key;  ///< "head", "chief_accountant", ...
  core::LocalizedText position;
};

/// head, deputy_head, chief_accountant, accountant, cashier, economist, executor, hr_officer.
std::span<const SignatureRole> SignatureRoles();
const SignatureRole* FindSignatureRole(std::string_view key);

struct FormTemplate {
  std::string file_name;  ///< as errors name it: "forms/institutions_list.form"
  std::string id;
  core::LocalizedText title;
  std::string source;
  PageDef page;
  bool column_numbers = false;  ///< a header row numbering the columns 1, 2, 3, ...
  SourceLines lines;            ///< of [form]
  std::vector<ParameterDef> parameters;
  TitleDef title_block;
  std::vector<ColumnDef> columns;
  std::vector<GroupDef> groups;  ///< outermost first
  std::optional<TotalDef> total;
  std::vector<TextLine> footer;
  std::vector<std::string> signatures;  ///< role keys, in print order
  SourceLines signature_lines;

  const ParameterDef* FindParameter(std::string_view name) const;
  std::optional<std::size_t> ColumnIndex(std::string_view id) const;
  bool HasTotals() const;
  /// "forms/x.form:12".
  std::string Where(int line) const;
};

/// `error` located at `where` ("forms/x.form:12"): the field becomes `where` and every
/// message starts with "where: ".
core::Error Locate(core::Error error, const std::string& where);
core::Error TemplateError(const std::string& where, std::string code, std::string kk,
                          std::string ru, std::string en);

/// Placeholders in template texts: "{name}" where name is [a-z0-9_]+; "{{" and "}}" are
/// literal braces.
struct TextPiece {
  bool placeholder = false;
  std::string text;  ///< the literal text, or the placeholder's name
};
/// Error "forms.placeholder" (without location) for an unclosed or malformed "{...}".
core::Result<std::vector<TextPiece>> SplitPlaceholders(std::string_view text);
/// Replaces every placeholder by lookup(name). Text that does not split is returned as is
/// (templates are checked when loaded, so this does not happen for them).
std::string ExpandPlaceholders(std::string_view text,
                               const std::function<std::string(std::string_view)>& lookup);

/// A header's levels: "Учреждение / БИН" -> {"Учреждение", "БИН"}; a slash without spaces
/// around it ("№ п/п") is part of the text.
std::vector<std::string> HeaderLevels(std::string_view header);

}  // namespace esep::forms
