#include "esep/forms/renderer.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "esep/core/amount_in_words.hpp"
#include "esep/core/money_format.hpp"

namespace esep::forms {
namespace {

using core::Lang;

constexpr const char* kNoBreakSpace = "\u00A0";

std::string T(Lang lang, const char* kk, const char* ru, const char* en) {
  return lang == Lang::kKk ? kk : lang == Lang::kRu ? ru : en;
}

ValueKind KindOf(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return ValueKind::kText;
    case FieldType::kMoney:
      return ValueKind::kMoney;
    case FieldType::kInteger:
      return ValueKind::kInteger;
    case FieldType::kDate:
      return ValueKind::kDate;
  }
  return ValueKind::kText;
}

Align DefaultAlign(FieldType type) {
  switch (type) {
    case FieldType::kMoney:
    case FieldType::kInteger:
      return Align::kRight;
    case FieldType::kDate:
      return Align::kCenter;
    case FieldType::kText:
      break;
  }
  return Align::kLeft;
}

std::string GroupDigits(std::int64_t value) {
  const std::string digits = std::to_string(value);
  const std::size_t sign = digits.front() == '-' ? 1 : 0;
  std::string out = digits.substr(0, sign);
  const std::size_t count = digits.size() - sign;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) out += kNoBreakSpace;
    out += digits[sign + i];
  }
  return out;
}

std::string MoneyText(core::Money amount) {
  return core::FormatMoney(amount, {.group_separator = kNoBreakSpace});
}

/// The value as an id for drill-downs and as text for {value}-less uses.
std::string PlainText(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  if (const auto* date = std::get_if<core::Date>(&value)) return date->ToIso();
  if (const auto* money = std::get_if<core::Money>(&value)) return std::to_string(money->tiyn());
  return {};
}

bool IsEmpty(const Value& value) {
  const auto* text = std::get_if<std::string>(&value);
  return std::holds_alternative<std::monostate>(value) || (text != nullptr && text->empty());
}

// Empty values (NULL or "", one group) first, then by value; the values of one field share
// their alternative.
bool ValueLess(const Value& a, const Value& b) {
  if (IsEmpty(a) || IsEmpty(b)) return IsEmpty(a) && !IsEmpty(b);
  if (a.index() != b.index()) return a.index() < b.index();
  if (const auto* x = std::get_if<std::string>(&a)) return *x < std::get<std::string>(b);
  if (const auto* x = std::get_if<core::Money>(&a)) return *x < std::get<core::Money>(b);
  if (const auto* x = std::get_if<std::int64_t>(&a)) return *x < std::get<std::int64_t>(b);
  if (const auto* x = std::get_if<core::Date>(&a)) return *x < std::get<core::Date>(b);
  return false;
}

Cell TextCell(int column, std::string text, int col_span = 1) {
  Cell cell;
  cell.column = column;
  cell.col_span = col_span;
  cell.kind = ValueKind::kText;
  cell.text = std::move(text);
  return cell;
}

Row FullWidthRow(RowKind kind, int columns, std::string text, Align align, bool bold, bool border) {
  Cell cell = TextCell(0, std::move(text), columns);
  cell.style.align = align;
  cell.style.bold = bold;
  cell.style.border = border;
  // Notes and the amount in words run across the page and may need several lines.
  cell.style.wrap = kind == RowKind::kFooter;
  return Row{kind, {std::move(cell)}};
}

/// The running sums of one grouping level (or of the whole table).
struct Totals {
  std::vector<core::Money> money;
  std::vector<std::int64_t> integers;
  std::int64_t rows = 0;
};

class Renderer {
 public:
  Renderer(const FormTemplate& form, const RenderContext& ctx, const DataSet& data)
      : form_(form), ctx_(ctx), data_(data), lang_(ctx.language) {}

  core::Result<Document> Run() {
    if (auto status = data_.Check(); !status.ok()) return status.error();
    if (auto status = CheckParameters(); !status.ok()) return status.error();
    if (auto status = PlanColumns(); !status.ok()) return status.error();
    if (auto status = PlanGroups(); !status.ok()) return status.error();
    width_ = static_cast<int>(form_.columns.size());
    doc_.form_id = form_.id;
    doc_.language = std::string(core::LangCode(lang_));
    doc_.title = Expand(form_.title.In(lang_));
    doc_.page.orientation = form_.page.orientation;
    doc_.page.margin_mm = form_.page.margin_mm;
    doc_.page.font_size_pt = form_.page.font_size_pt;
    doc_.page.repeat_header = form_.page.repeat_header;
    doc_.page.page_numbers = form_.page.page_numbers;
    doc_.page.page_number_format = PageNumberFormat(lang_);
    for (const auto& plan : columns_) {
      doc_.columns.push_back(Column{plan.field_name, plan.def->width_mm, plan.kind});
    }
    TitleRows();
    HeaderRows();
    if (auto status = BodyRows(); !status.ok()) return status.error();
    FooterRows();
    return std::move(doc_);
  }

 private:
  struct ColumnPlan {
    const ColumnDef* def = nullptr;
    std::string field_name;  ///< "" for the row number
    std::optional<std::size_t> field;
    std::optional<std::size_t> drill_field;
    FieldType type = FieldType::kInteger;
    ValueKind kind = ValueKind::kInteger;
    ColumnFormat format = ColumnFormat::kAuto;
    Align align = Align::kRight;
    bool wrap = false;
  };

  struct GroupPlan {
    const GroupDef* def = nullptr;
    std::size_t field = 0;
    FieldType type = FieldType::kText;
  };

  core::Error Located(int line, std::string code, std::string kk, std::string ru,
                      std::string en) const {
    return TemplateError(form_.Where(line), std::move(code), std::move(kk), std::move(ru),
                         std::move(en));
  }

  core::Status CheckParameters() const {
    for (const auto& parameter : form_.parameters) {
      const auto it = ctx_.parameters.find(parameter.name);
      bool fits = it != ctx_.parameters.end();
      if (fits && !std::holds_alternative<std::monostate>(it->second)) {
        switch (parameter.type) {
          case ParameterType::kDate:
            fits = std::holds_alternative<core::Date>(it->second);
            break;
          case ParameterType::kText:
            fits = std::holds_alternative<std::string>(it->second);
            break;
          case ParameterType::kInteger:
          case ParameterType::kInstitution:
            fits = std::holds_alternative<std::int64_t>(it->second);
            break;
        }
      }
      if (fits) continue;
      return core::MakeError("forms.parameter.unresolved",
                             fmt::format("«{}» параметрі шешілмеген немесе түрі {} емес",
                                         parameter.name, ParameterTypeName(parameter.type)),
                             fmt::format("Параметр «{}» не разрешён или не имеет тип {}",
                                         parameter.name, ParameterTypeName(parameter.type)),
                             fmt::format("Parameter '{}' is not resolved or is not of type {}",
                                         parameter.name, ParameterTypeName(parameter.type)),
                             parameter.name);
    }
    return core::Status::Ok();
  }

  core::Result<std::size_t> DataField(const std::string& name, int line,
                                      const std::string& what) const {
    const auto index = data_.FieldIndex(name);
    if (index) return *index;
    return Located(line, "forms.data.missing_field",
                   fmt::format("{}: деректерде «{}» өрісі жоқ", what, name),
                   fmt::format("{}: в данных нет поля «{}»", what, name),
                   fmt::format("{}: the data has no field '{}'", what, name));
  }

  core::Error TypeError(int line, const std::string& what, const std::string& field,
                        FieldType type) const {
    const std::string_view name = FieldTypeName(type);
    return Located(
        line, "forms.data.type",
        fmt::format("{}: деректердегі «{}» өрісінің түрі ({}) бұл жерге келмейді", what, field,
                    name),
        fmt::format("{}: тип поля «{}» в данных ({}) здесь не подходит", what, field, name),
        fmt::format("{}: field '{}' has type {} in the data, which does not fit here", what, field,
                    name));
  }

  core::Status PlanColumns() {
    for (const auto& def : form_.columns) {
      ColumnPlan plan;
      plan.def = &def;
      plan.format = def.format;
      const std::string what = fmt::format("[column {}]", def.id);
      if (!def.row_number) {
        plan.field_name = def.field.For(lang_);
        const int line = def.lines.Of(def.field.kk == def.field.ru
                                          ? "field"
                                          : (lang_ == Lang::kKk ? "field.kk" : "field.ru"));
        auto index = DataField(plan.field_name, line, what);
        if (!index.ok()) return index.error();
        plan.field = *index;
        plan.type = data_.fields[*index].type;
        const auto format_type = ColumnFormatFieldType(def.format);
        const bool summable = plan.type == FieldType::kMoney || plan.type == FieldType::kInteger;
        if ((format_type && *format_type != plan.type) ||
            (def.total == ColumnTotal::kSum && !summable)) {
          return TypeError(line, what, plan.field_name, plan.type);
        }
      }
      if (def.drill) {
        auto index = DataField(def.drill->field, def.lines.Of("drill"), what);
        if (!index.ok()) return index.error();
        plan.drill_field = *index;
      }
      plan.kind = KindOf(plan.type);
      plan.align = def.align.value_or(DefaultAlign(plan.type));
      plan.wrap = def.wrap.value_or(plan.type == FieldType::kText);
      columns_.push_back(std::move(plan));
    }
    return core::Status::Ok();
  }

  core::Status PlanGroups() {
    for (const auto& def : form_.groups) {
      const std::string name = def.field.For(lang_);
      const int line = def.lines.Of(
          def.field.kk == def.field.ru ? "field" : (lang_ == Lang::kKk ? "field.kk" : "field.ru"));
      auto index = DataField(name, line, fmt::format("[group {}]", def.id));
      if (!index.ok()) return index.error();
      groups_.push_back(GroupPlan{&def, *index, data_.fields[*index].type});
    }
    return core::Status::Ok();
  }

  // --- text ------------------------------------------------------------------------------

  std::string ParameterText(std::string_view name) const {
    if (name == "institution") return ctx_.institution_name.In(lang_);
    const auto it = ctx_.parameters.find(name);
    if (it == ctx_.parameters.end()) return {};
    const ParameterDef* def = form_.FindParameter(name);
    if (def != nullptr && def->type == ParameterType::kInstitution) {
      return std::holds_alternative<std::monostate>(it->second) ? std::string{}
                                                                : ctx_.institution_name.In(lang_);
    }
    if (const auto* date = std::get_if<core::Date>(&it->second)) return date->Format(lang_);
    return PlainText(it->second);
  }

  std::string Expand(const std::string& text, const std::string* value = nullptr,
                     std::optional<std::int64_t> count = std::nullopt) const {
    return ExpandPlaceholders(text, [&](std::string_view name) -> std::string {
      if (name == "value" && value != nullptr) return *value;
      if (name == "count" && count) return std::to_string(*count);
      return ParameterText(name);
    });
  }

  std::string ValueText(const Value& value, FieldType type, ColumnFormat format) const {
    if (std::holds_alternative<std::monostate>(value)) return {};
    switch (type) {
      case FieldType::kMoney:
        return MoneyText(std::get<core::Money>(value));
      case FieldType::kInteger: {
        const auto number = std::get<std::int64_t>(value);
        return format == ColumnFormat::kIntegerGrouped ? GroupDigits(number)
                                                       : std::to_string(number);
      }
      case FieldType::kDate: {
        const auto& date = std::get<core::Date>(value);
        return format == ColumnFormat::kDateLong ? date.FormatLong(lang_) : date.Format(lang_);
      }
      case FieldType::kText:
        break;
    }
    return std::get<std::string>(value);
  }

  // --- bands ----------------------------------------------------------------------------

  void TitleRows() {
    doc_.title_rows.push_back(
        FullWidthRow(RowKind::kTitle, width_, doc_.title, Align::kCenter, true, false));
    const std::string& institution = ctx_.institution_name.In(lang_);
    if (form_.title_block.show_institution && !institution.empty()) {
      doc_.title_rows.push_back(
          FullWidthRow(RowKind::kTitle, width_, institution, Align::kCenter, false, false));
    }
    for (const auto& line : form_.title_block.lines) {
      doc_.title_rows.push_back(FullWidthRow(RowKind::kTitle, width_, Expand(line.text.In(lang_)),
                                             Align::kCenter, false, false));
    }
  }

  static Cell HeaderCell(int column, std::string text, int row_span) {
    Cell cell = TextCell(column, std::move(text));
    cell.row_span = row_span;
    cell.style.align = Align::kCenter;
    cell.style.bold = true;
    cell.style.wrap = true;
    return cell;
  }

  // Levels of a header path: the upper levels of adjacent columns merge across when they
  // and everything above them are equal; the last level spans down to the bottom row.
  void HeaderRows() {
    std::vector<std::vector<std::string>> paths;
    std::size_t depth = 1;
    for (const auto& plan : columns_) {
      auto levels = HeaderLevels(plan.def->header.In(lang_));
      for (auto& level : levels) level = Expand(level);
      depth = std::max(depth, levels.size());
      paths.push_back(std::move(levels));
    }
    for (std::size_t r = 0; r < depth; ++r) {
      Row row{RowKind::kHeader, {}};
      for (std::size_t c = 0; c < paths.size(); ++c) {
        const auto& path = paths[c];
        if (r >= path.size()) continue;
        const bool leaf = r + 1 == path.size();
        if (!leaf && c > 0 && r + 1 < paths[c - 1].size() &&
            std::equal(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(r + 1),
                       paths[c - 1].begin()) &&
            !row.cells.empty() &&
            row.cells.back().column + row.cells.back().col_span == static_cast<int>(c)) {
          ++row.cells.back().col_span;
          continue;
        }
        row.cells.push_back(
            HeaderCell(static_cast<int>(c), path[r], leaf ? static_cast<int>(depth - r) : 1));
      }
      doc_.header_rows.push_back(std::move(row));
    }
    if (form_.column_numbers) {
      Row row{RowKind::kHeader, {}};
      for (int c = 0; c < width_; ++c) {
        Cell cell = TextCell(c, std::to_string(c + 1));
        cell.style.align = Align::kCenter;
        row.cells.push_back(std::move(cell));
      }
      doc_.header_rows.push_back(std::move(row));
    }
  }

  Cell DataCell(int column, const ColumnPlan& plan, const std::vector<Value>& row) const {
    Cell cell;
    cell.column = column;
    cell.style.align = plan.align;
    cell.style.wrap = plan.wrap;
    if (plan.def->row_number) {
      cell.kind = ValueKind::kInteger;
      cell.number = row_number_;
      cell.text = plan.format == ColumnFormat::kIntegerGrouped ? GroupDigits(row_number_)
                                                               : std::to_string(row_number_);
      return cell;
    }
    const Value& value = row[*plan.field];
    if (plan.drill_field && !std::holds_alternative<std::monostate>(row[*plan.drill_field])) {
      cell.drill = DrillDown{plan.def->drill->entity, PlainText(row[*plan.drill_field])};
    }
    if (std::holds_alternative<std::monostate>(value)) return cell;
    if (plan.format == ColumnFormat::kMoneyBlankZero && std::get<core::Money>(value).IsZero()) {
      return cell;
    }
    cell.kind = plan.kind;
    cell.text = ValueText(value, plan.type, plan.format);
    if (const auto* money = std::get_if<core::Money>(&value)) cell.number = money->tiyn();
    if (const auto* number = std::get_if<std::int64_t>(&value)) cell.number = *number;
    if (const auto* date = std::get_if<core::Date>(&value)) cell.number = date->DaysSinceEpoch();
    return cell;
  }

  core::Status Accumulate(Totals& totals, const std::vector<Value>& row) const {
    ++totals.rows;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const ColumnPlan& plan = columns_[c];
      if (plan.def->total != ColumnTotal::kSum || !plan.field) continue;
      const Value& value = row[*plan.field];
      if (const auto* money = std::get_if<core::Money>(&value)) {
        auto sum = totals.money[c].CheckedAdd(*money);
        if (!sum.ok()) return OverflowError(plan);
        totals.money[c] = *sum;
      } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (__builtin_add_overflow(totals.integers[c], *number, &totals.integers[c])) {
          return OverflowError(plan);
        }
      }
    }
    return core::Status::Ok();
  }

  core::Error OverflowError(const ColumnPlan& plan) const {
    const auto header = [&](Lang lang) {
      auto levels = HeaderLevels(plan.def->header.In(lang));
      return levels.back();
    };
    return core::MakeError(
        "forms.total_overflow",
        fmt::format("«{}» бағанының жиыны тым үлкен, оны есептеу мүмкін емес", header(Lang::kKk)),
        fmt::format("Итог столбца «{}» слишком велик, его невозможно вычислить", header(Lang::kRu)),
        fmt::format("The total of column '{}' is too large to compute", header(Lang::kEn)),
        plan.def->id);
  }

  Totals EmptyTotals() const {
    Totals totals;
    totals.money.assign(columns_.size(), core::Money::Zero());
    totals.integers.assign(columns_.size(), 0);
    return totals;
  }

  Row TotalsRow(RowKind kind, std::string label, const Totals& totals, int indent) const {
    int first_total = width_;
    for (int c = 0; c < width_; ++c) {
      if (columns_[static_cast<std::size_t>(c)].def->total != ColumnTotal::kNone) {
        first_total = c;
        break;
      }
    }
    Row row{kind, {}};
    Cell label_cell = TextCell(0, std::move(label), std::max(first_total, 1));
    label_cell.style.bold = true;
    label_cell.style.indent = indent;
    row.cells.push_back(std::move(label_cell));
    for (int c = std::max(first_total, 1); c < width_; ++c) {
      const auto index = static_cast<std::size_t>(c);
      const ColumnPlan& plan = columns_[index];
      Cell cell;
      cell.column = c;
      cell.style.bold = true;
      cell.style.align = Align::kRight;
      if (plan.def->total == ColumnTotal::kCount) {
        cell.kind = ValueKind::kInteger;
        cell.number = totals.rows;
        cell.text = std::to_string(totals.rows);
      } else if (plan.def->total == ColumnTotal::kSum && plan.type == FieldType::kMoney) {
        cell.kind = ValueKind::kMoney;
        cell.number = totals.money[index].tiyn();
        cell.text = MoneyText(totals.money[index]);
      } else if (plan.def->total == ColumnTotal::kSum) {
        cell.kind = ValueKind::kInteger;
        cell.number = totals.integers[index];
        cell.text = plan.format == ColumnFormat::kIntegerGrouped
                        ? GroupDigits(totals.integers[index])
                        : std::to_string(totals.integers[index]);
      } else {
        cell.style.align = plan.align;
      }
      row.cells.push_back(std::move(cell));
    }
    return row;
  }

  std::string GroupValueText(const GroupPlan& group, const Value& value) const {
    if (IsEmpty(value)) {
      const std::string& empty = group.def->empty_value.In(lang_);
      return empty.empty() ? "—" : empty;
    }
    return ValueText(value, group.type, ColumnFormat::kAuto);
  }

  core::Status BodyRows() {
    std::vector<std::size_t> order(data_.rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      for (const auto& group : groups_) {
        const Value& x = data_.rows[a][group.field];
        const Value& y = data_.rows[b][group.field];
        if (ValueLess(x, y)) return true;
        if (ValueLess(y, x)) return false;
      }
      return false;
    });
    // The first grouping level at which row order[i] differs from the row before it.
    const std::size_t levels = groups_.size();
    std::vector<std::size_t> changes(order.size(), 0);
    for (std::size_t i = 1; i < order.size(); ++i) {
      std::size_t level = 0;
      const auto& previous = data_.rows[order[i - 1]];
      const auto& current = data_.rows[order[i]];
      while (level < levels &&
             !ValueLess(previous[groups_[level].field], current[groups_[level].field]) &&
             !ValueLess(current[groups_[level].field], previous[groups_[level].field])) {
        ++level;
      }
      changes[i] = level;
    }

    const bool subtotals = form_.HasTotals();
    Totals grand = EmptyTotals();
    std::vector<Totals> open(levels, EmptyTotals());
    std::vector<std::string> open_values(levels);
    auto close = [&](std::size_t level) {
      const GroupDef& def = *groups_[level].def;
      if (!subtotals && def.subtotal.kk.empty()) return;
      const std::string& custom = def.subtotal.In(lang_);
      const std::string label =
          custom.empty() ? T(lang_, "{value} бойынша жиыны", "Итого: {value}", "Subtotal: {value}")
                         : custom;
      doc_.body_rows.push_back(TotalsRow(RowKind::kSubtotal,
                                         Expand(label, &open_values[level], open[level].rows),
                                         open[level], static_cast<int>(level) + 1));
    };
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto& row = data_.rows[order[i]];
      const std::size_t first_new = i == 0 ? 0 : changes[i];
      if (i > 0) {
        for (std::size_t level = levels; level > first_new; --level) close(level - 1);
      }
      for (std::size_t level = first_new; level < levels; ++level) {
        std::size_t end = i + 1;
        while (end < order.size() && changes[end] > level) ++end;
        open[level] = EmptyTotals();
        open_values[level] = GroupValueText(groups_[level], row[groups_[level].field]);
        const auto count = static_cast<std::int64_t>(end - i);
        Row header =
            FullWidthRow(RowKind::kGroupHeader, width_,
                         Expand(groups_[level].def->label.In(lang_), &open_values[level], count),
                         Align::kLeft, true, true);
        header.cells[0].style.indent = static_cast<int>(level);
        doc_.body_rows.push_back(std::move(header));
      }
      ++row_number_;
      Row data_row{RowKind::kData, {}};
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        data_row.cells.push_back(DataCell(static_cast<int>(c), columns_[c], row));
      }
      doc_.body_rows.push_back(std::move(data_row));
      for (auto& totals : open) {
        if (auto status = Accumulate(totals, row); !status.ok()) return status;
      }
      if (auto status = Accumulate(grand, row); !status.ok()) return status;
    }
    if (!order.empty()) {
      for (std::size_t level = levels; level > 0; --level) close(level - 1);
    }
    if (form_.total) {
      doc_.body_rows.push_back(TotalsRow(
          RowKind::kTotal, Expand(form_.total->label.In(lang_), nullptr, grand.rows), grand, 0));
    }
    grand_ = std::move(grand);
    return core::Status::Ok();
  }

  void FooterRows() {
    if (form_.total && !form_.total->in_words_column.empty()) {
      const auto index = *form_.ColumnIndex(form_.total->in_words_column);
      const std::string& custom = form_.total->words_label.In(lang_);
      const std::string label =
          custom.empty() ? T(lang_, "Сомасы жазбаша: ", "Сумма прописью: ", "Amount in words: ")
                         : Expand(custom, nullptr, grand_.rows) + " ";
      doc_.footer_rows.push_back(FullWidthRow(
          RowKind::kFooter, width_, label + core::AmountInWords(grand_.money[index], lang_),
          Align::kLeft, false, false));
    }
    for (const auto& line : form_.footer) {
      doc_.footer_rows.push_back(FullWidthRow(RowKind::kFooter, width_, Expand(line.text.In(lang_)),
                                              Align::kLeft, false, false));
    }
    for (const auto& role : form_.signatures) {
      std::string position;
      std::string person;
      if (const auto it = ctx_.signatories.find(role); it != ctx_.signatories.end()) {
        position = it->second.position.In(lang_);
        person = it->second.person_name;
      }
      if (position.empty()) position = FindSignatureRole(role)->position.In(lang_);
      doc_.footer_rows.push_back(SignatureRow(std::move(position), std::move(person)));
    }
  }

  // Position, a blank line to sign on, the name: thirds of the table's width.
  Row SignatureRow(std::string position, std::string person) const {
    Row row{RowKind::kSignature, {}};
    if (width_ < 3) {
      Cell cell = TextCell(0, position + " ____________ " + person, width_);
      cell.style.border = false;
      row.cells.push_back(std::move(cell));
      return row;
    }
    const int third = width_ / 3;
    const int first = width_ - 2 * third;
    Cell position_cell = TextCell(0, std::move(position), first);
    Cell line_cell = TextCell(first, "", third);
    Cell person_cell = TextCell(first + third, std::move(person), third);
    line_cell.style.align = Align::kCenter;
    for (Cell* cell : {&position_cell, &line_cell, &person_cell}) {
      cell->style.border = false;
      row.cells.push_back(std::move(*cell));
    }
    return row;
  }

  const FormTemplate& form_;
  const RenderContext& ctx_;
  const DataSet& data_;
  Lang lang_;
  Document doc_;
  int width_ = 0;
  std::vector<ColumnPlan> columns_;
  std::vector<GroupPlan> groups_;
  std::int64_t row_number_ = 0;
  Totals grand_;
};

}  // namespace

std::string PageNumberFormat(Lang lang) {
  return T(lang, "{page}-бет, барлығы {pages}", "Страница {page} из {pages}",
           "Page {page} of {pages}");
}

core::Result<Document> Render(const FormTemplate& form, const RenderContext& ctx,
                              const DataSet& data) {
  return Renderer(form, ctx, data).Run();
}

}  // namespace esep::forms
