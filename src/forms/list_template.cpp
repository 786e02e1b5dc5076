#include "esep/forms/list_template.hpp"

#include <utility>

#include <fmt/format.h>

#include "esep/forms/template_parser.hpp"

namespace esep::forms {
namespace {

constexpr double kNumberWidthMm = 10;
constexpr double kMinWidthMm = 3;
constexpr double kMaxWidthMm = 400;
constexpr double kPortraitMm = 180;   // A4 210 mm less two 15 mm margins
constexpr double kLandscapeMm = 267;  // A4 297 mm less two 15 mm margins

/// User-visible text is printed as typed: braces are not placeholders here.
std::string Literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

core::LocalizedText Literal(const core::LocalizedText& text) {
  return {Literal(text.kk), Literal(text.ru), Literal(text.en)};
}

bool Blank(const std::string& text) { return text.find_first_not_of(" \t") == std::string::npos; }

}  // namespace

core::Result<FormTemplate> BuildListTemplate(const ListSpec& spec, const SourceSchema& schema) {
  if (Blank(spec.title.kk) || Blank(spec.title.ru)) {
    return core::MakeError("forms.list.title", "Тізімнің атауы қазақша және орысша болуы керек",
                           "У списка должно быть название на казахском и русском",
                           "The list needs a title in Kazakh and Russian", "title");
  }
  if (spec.columns.empty()) {
    return core::MakeError("forms.list.columns", "Басып шығаруға бірде-бір баған таңдалмаған",
                           "Не выбрано ни одного столбца для печати",
                           "No columns are selected for printing", "columns");
  }
  FormTemplate form;
  form.file_name = "list:" + spec.source;
  form.id = "list_" + spec.source;
  form.title = Literal(spec.title);
  form.source = spec.source;
  form.lines.section = 1;
  double total_width = 0;
  if (spec.numbered) {
    ColumnDef number;
    number.id = "row_number";
    number.row_number = true;
    number.header = {"№", "№", "No."};
    number.width_mm = kNumberWidthMm;
    number.align = Align::kCenter;
    form.columns.push_back(std::move(number));
    total_width += kNumberWidthMm;
  }
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const ListColumn& column = spec.columns[i];
    const std::string path = fmt::format("columns[{}]", i);
    if (schema.FindField(column.field) == nullptr) {
      return core::MakeError(
          "forms.unknown_field",
          fmt::format("«{}» көзінде «{}» өрісі жоқ", schema.name, column.field),
          fmt::format("В источнике «{}» нет поля «{}»", schema.name, column.field),
          fmt::format("Source '{}' has no field '{}'", schema.name, column.field), path + ".field");
    }
    if (form.ColumnIndex(column.field)) {
      return core::MakeError(
          "forms.duplicate", fmt::format("«{}» өрісі екі рет таңдалған", column.field),
          fmt::format("Поле «{}» выбрано дважды", column.field),
          fmt::format("Field '{}' is selected twice", column.field), path + ".field");
    }
    if (Blank(column.header.kk) || Blank(column.header.ru)) {
      return core::MakeError(
          "forms.list.header",
          fmt::format("«{}» бағанының тақырыбы қазақша және орысша болуы керек", column.field),
          fmt::format("У столбца «{}» должен быть заголовок на казахском и русском", column.field),
          fmt::format("Column '{}' needs a header in Kazakh and Russian", column.field),
          path + ".header");
    }
    if (!(column.width_mm >= kMinWidthMm && column.width_mm <= kMaxWidthMm)) {
      return core::MakeError("forms.bad_value",
                             fmt::format("«{}» бағанының ені {}…{} мм болуы керек", column.field,
                                         kMinWidthMm, kMaxWidthMm),
                             fmt::format("Ширина столбца «{}» должна быть от {} до {} мм",
                                         column.field, kMinWidthMm, kMaxWidthMm),
                             fmt::format("Column '{}' must be {} to {} mm wide", column.field,
                                         kMinWidthMm, kMaxWidthMm),
                             path + ".width_mm");
    }
    ColumnDef def;
    def.id = column.field;
    def.field = FieldRef{column.field, column.field};
    def.header = Literal(column.header);
    def.width_mm = column.width_mm;
    def.lines.section = static_cast<int>(i) + 2;
    form.columns.push_back(std::move(def));
    total_width += column.width_mm;
  }
  if (total_width > kLandscapeMm) {
    return core::MakeError(
        "forms.too_wide",
        fmt::format("Бағандардың жалпы ені {:g} мм, ал A4 альбомдық бетіне {:g} мм сияды",
                    total_width, kLandscapeMm),
        fmt::format("Общая ширина столбцов {:g} мм, а на альбомную страницу A4 помещается {:g} мм",
                    total_width, kLandscapeMm),
        fmt::format("The columns are {:g} mm wide but a landscape A4 page holds {:g} mm",
                    total_width, kLandscapeMm),
        "columns");
  }
  form.page.orientation =
      total_width > kPortraitMm ? Orientation::kLandscape : Orientation::kPortrait;
  for (const auto& accepted : schema.parameters) {
    ParameterDef parameter;
    parameter.name = accepted.name;
    parameter.type = accepted.type;
    parameter.label = accepted.label;
    parameter.required = accepted.required;
    if (accepted.required && accepted.type == ParameterType::kDate) {
      parameter.default_value = "today";
    }
    parameter.lines.section = 1;
    form.parameters.push_back(std::move(parameter));
  }
  TotalDef total;
  total.label = {"Барлығы: {count}", "Всего: {count}", "Total: {count}"};
  total.lines.section = 1;
  form.total = std::move(total);
  if (auto status = ValidateTemplate(form, schema); !status.ok()) return status.error();
  return form;
}

}  // namespace esep::forms
