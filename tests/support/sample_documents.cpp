#include "sample_documents.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "esep/core/amount_in_words.hpp"
#include "esep/core/date.hpp"
#include "esep/core/money.hpp"
#include "esep/core/money_format.hpp"

namespace esep::test {
namespace {

using core::Lang;
using forms::Align;
using forms::Cell;
using forms::Row;
using forms::RowKind;
using forms::ValueKind;

std::string T(Lang lang, const char* kk, const char* ru) { return lang == Lang::kKk ? kk : ru; }

Cell TextCell(int column, std::string text, int col_span = 1, int row_span = 1) {
  Cell cell;
  cell.column = column;
  cell.col_span = col_span;
  cell.row_span = row_span;
  cell.kind = ValueKind::kText;
  cell.text = std::move(text);
  return cell;
}

Cell HeaderCell(int column, std::string text, int col_span = 1, int row_span = 1) {
  Cell cell = TextCell(column, std::move(text), col_span, row_span);
  cell.style.align = Align::kCenter;
  cell.style.bold = true;
  cell.style.wrap = true;
  return cell;
}

Cell MoneyCell(int column, core::Money amount, bool bold = false) {
  Cell cell;
  cell.column = column;
  cell.kind = ValueKind::kMoney;
  cell.number = amount.tiyn();
  cell.text = core::FormatMoney(amount, {.group_separator = "\u00A0"});
  cell.style.align = Align::kRight;
  cell.style.bold = bold;
  return cell;
}

Cell IntegerCell(int column, std::int64_t value, bool bold = false) {
  Cell cell;
  cell.column = column;
  cell.kind = ValueKind::kInteger;
  cell.number = value;
  cell.text = std::to_string(value);
  cell.style.align = Align::kRight;
  cell.style.bold = bold;
  return cell;
}

Cell DateCell(int column, const core::Date& date, Lang lang) {
  Cell cell;
  cell.column = column;
  cell.kind = ValueKind::kDate;
  cell.number = date.DaysSinceEpoch();
  cell.text = date.Format(lang);
  cell.style.align = Align::kCenter;
  return cell;
}

Row FullWidthRow(RowKind kind, std::string text, bool bold, Align align) {
  Cell cell = TextCell(0, std::move(text), 6);
  cell.style.border = false;
  cell.style.wrap = kind == RowKind::kFooter;
  cell.style.bold = bold;
  cell.style.align = align;
  return Row{kind, {cell}};
}

Row TotalsRow(RowKind kind, std::string label, core::Money sum, std::int64_t count, int indent) {
  Cell label_cell = TextCell(0, std::move(label), 4);
  label_cell.style.bold = true;
  label_cell.style.indent = indent;
  return Row{kind, {label_cell, MoneyCell(4, sum, true), IntegerCell(5, count, true)}};
}

constexpr std::array<std::array<const char*, 2>, 3> kDistricts{{
    {"Алатау ауданы", "Алатауский район"},
    {"Бостандық ауданы", "Бостандыкский район"},
    {"Медеу ауданы", "Медеуский район"},
}};

}  // namespace

forms::Document SampleDocument(Lang lang, std::size_t data_rows) {
  forms::Document doc;
  doc.form_id = "sample_payments";
  doc.language = std::string(core::LangCode(lang));
  doc.title = T(lang, "Мектептерге төлемдер тізілімі", "Реестр платежей школам");
  doc.page.orientation = forms::Orientation::kPortrait;
  doc.page.page_number_format =
      T(lang, "{page}-бет, барлығы {pages}", "Страница {page} из {pages}");
  doc.columns = {
      {"line_no", 12, ValueKind::kInteger}, {"name", 60, ValueKind::kText},
      {"bin", 28, ValueKind::kText},        {"paid_on", 22, ValueKind::kDate},
      {"amount", 32, ValueKind::kMoney},    {"pupils", 20, ValueKind::kInteger},
  };

  doc.title_rows = {
      FullWidthRow(RowKind::kTitle, doc.title, true, Align::kCenter),
      FullWidthRow(
          RowKind::kTitle,
          T(lang, "Алматы қаласының білім басқармасы", "Управление образования города Алматы"),
          false, Align::kCenter),
      FullWidthRow(RowKind::kTitle,
                   T(lang, "Кезең: 01.01.2026 – 31.03.2026", "Период: 01.01.2026 – 31.03.2026"),
                   false, Align::kCenter),
  };

  doc.header_rows = {
      Row{RowKind::kHeader,
          {HeaderCell(0, "№", 1, 2), HeaderCell(1, T(lang, "Мекеме", "Учреждение"), 2),
           HeaderCell(3, T(lang, "Төлем күні", "Дата платежа"), 1, 2),
           HeaderCell(4, T(lang, "Көрсеткіштер", "Показатели"), 2)}},
      Row{RowKind::kHeader,
          {HeaderCell(1, T(lang, "Атауы", "Наименование")), HeaderCell(2, T(lang, "БСН", "БИН")),
           HeaderCell(4, T(lang, "Сомасы, теңге", "Сумма, тенге")),
           HeaderCell(5, T(lang, "Оқушылар", "Учащихся"))}},
  };

  const auto first_day = core::Date::FromYmd(2026, 1, 1).value();
  core::Money grand_sum;
  std::int64_t grand_count = 0;
  const std::size_t per_group = (data_rows + kDistricts.size() - 1) / kDistricts.size();
  std::size_t line = 0;
  for (std::size_t g = 0; g < kDistricts.size() && line < data_rows; ++g) {
    const char* district = kDistricts[g][lang == Lang::kKk ? 0 : 1];
    Row group_header = FullWidthRow(RowKind::kGroupHeader, district, true, Align::kLeft);
    group_header.cells[0].style.border = true;
    doc.body_rows.push_back(group_header);
    core::Money group_sum;
    std::int64_t group_count = 0;
    for (std::size_t i = 0; i < per_group && line < data_rows; ++i, ++line) {
      // Deterministic amounts with tiyn, some of them in the billions.
      const auto tiyn = static_cast<std::int64_t>((line * 7919 + 13) % 100000) * 12345 + 7;
      const auto amount = core::Money::FromTiyn(tiyn);
      const auto pupils = static_cast<std::int64_t>(200 + (line * 37) % 900);
      const auto day = core::Date::FromDaysSinceEpoch(first_day.DaysSinceEpoch() +
                                                      static_cast<std::int32_t>(line % 90))
                           .value();
      Cell name = TextCell(1, T(lang, "«№", "КГУ «Школа-гимназия №") + std::to_string(line + 1) +
                                  T(lang, " мектеп-гимназиясы» КММ", "»"));
      name.style.wrap = true;
      name.drill = forms::DrillDown{"institution", std::to_string(1000 + line)};
      doc.body_rows.push_back(
          Row{RowKind::kData,
              {IntegerCell(0, static_cast<std::int64_t>(line + 1)),
               TextCell(2, std::to_string(260140000000 + line * 109)), DateCell(3, day, lang),
               MoneyCell(4, amount), IntegerCell(5, pupils)}});
      doc.body_rows.back().cells.insert(doc.body_rows.back().cells.begin() + 1, name);
      group_sum = group_sum.CheckedAdd(amount).value();
      group_count += pupils;
    }
    doc.body_rows.push_back(TotalsRow(RowKind::kSubtotal,
                                      T(lang, "Аудан бойынша жиыны", "Итого по району"), group_sum,
                                      group_count, 1));
    grand_sum = grand_sum.CheckedAdd(group_sum).value();
    grand_count += group_count;
  }
  doc.body_rows.push_back(
      TotalsRow(RowKind::kTotal, T(lang, "Барлығы", "Всего"), grand_sum, grand_count, 0));

  doc.footer_rows = {
      FullWidthRow(
          RowKind::kFooter,
          T(lang, "Сомасы жазбаша: ", "Сумма прописью: ") + core::AmountInWords(grand_sum, lang),
          false, Align::kLeft),
      // Every Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і) appears in the kk document.
      FullWidthRow(RowKind::kFooter,
                   T(lang,
                     "Ескерту: жиһаз бен құрал-жабдыққа арналған шығыстар туралы мәліметтер "
                     "бөлек беріледі.",
                     "Примечание: сведения о расходах на мебель и оборудование представляются "
                     "отдельно."),
                   false, Align::kLeft),
  };
  const std::array<std::array<const char*, 4>, 2> signatures{{
      {"Басшы", "Руководитель", "А. Қасымов", "А. Касымов"},
      {"Бас бухгалтер", "Главный бухгалтер", "Ғ. Өмірзақова", "Г. Омирзакова"},
  }};
  for (const auto& s : signatures) {
    Cell position = TextCell(0, lang == Lang::kKk ? s[0] : s[1], 2);
    Cell line_cell = TextCell(2, "", 2);
    Cell person = TextCell(4, lang == Lang::kKk ? s[2] : s[3], 2);
    for (Cell* c : {&position, &line_cell, &person}) c->style.border = false;
    line_cell.style.align = Align::kCenter;
    doc.footer_rows.push_back(Row{RowKind::kSignature, {position, line_cell, person}});
  }
  return doc;
}

}  // namespace esep::test
