// Rendering templates into Documents: the sample document rebuilt from a template and rows,
// header merging cell by cell, groupings with subtotals, totals, overflow, kk versus ru.

#include "esep/forms/renderer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "esep/core/amount_in_words.hpp"
#include "esep/core/money_format.hpp"
#include "esep/forms/template_parser.hpp"
#include "sample_documents.hpp"

namespace esep::forms {
namespace {

using core::Lang;

// The template of tests/support/sample_documents.cpp's hand-built document.
constexpr std::string_view kSampleTemplate = R"([form]
id = sample_payments
title.kk = Мектептерге төлемдер тізілімі
title.ru = Реестр платежей школам
source = payments

[parameter from]
type = date
label.kk = Кезеңнің басы
label.ru = Начало периода

[parameter to]
type = date
label.kk = Кезеңнің соңы
label.ru = Конец периода

[title]
line.kk = Кезең: {from} – {to}
line.ru = Период: {from} – {to}

[column line_no]
field = @row_number
header.kk = №
header.ru = №
width = 12

[column name]
field.kk = name_kk
field.ru = name_ru
header.kk = Мекеме / Атауы
header.ru = Учреждение / Наименование
width = 60
drill = institution:id

[column bin]
header.kk = Мекеме / БСН
header.ru = Учреждение / БИН
width = 28
wrap = false

[column paid_on]
header.kk = Төлем күні
header.ru = Дата платежа
width = 22

[column amount]
header.kk = Көрсеткіштер / Сомасы, теңге
header.ru = Показатели / Сумма, тенге
width = 32
total = sum

[column pupils]
header.kk = Көрсеткіштер / Оқушылар
header.ru = Показатели / Учащихся
width = 20
total = sum

[group district]
field.kk = district_kk
field.ru = district_ru
label.kk = {value}
label.ru = {value}
subtotal.kk = Аудан бойынша жиыны
subtotal.ru = Итого по району

[total]
label.kk = Барлығы
label.ru = Всего
in_words = amount

[footer]
line.kk = Ескерту: жиһаз бен құрал-жабдыққа арналған шығыстар туралы мәліметтер бөлек беріледі.
line.ru = Примечание: сведения о расходах на мебель и оборудование представляются отдельно.

[signatures]
roles = head, chief_accountant
)";

std::vector<FieldDef> PaymentFields() {
  return {{"id", FieldType::kInteger},      {"name_kk", FieldType::kText},
          {"name_ru", FieldType::kText},    {"bin", FieldType::kText},
          {"paid_on", FieldType::kDate},    {"amount", FieldType::kMoney},
          {"pupils", FieldType::kInteger},  {"district_kk", FieldType::kText},
          {"district_ru", FieldType::kText}};
}

SourceSchema PaymentsSchema() {
  SourceSchema schema;
  schema.name = "payments";
  schema.fields = PaymentFields();
  schema.parameters = {{"from", ParameterType::kDate, true, {}},
                       {"to", ParameterType::kDate, true, {}}};
  return schema;
}

FormTemplate Parse(std::string_view text) {
  auto form = ParseTemplate(text, "forms/test.form");
  if (!form.ok()) ADD_FAILURE() << form.error().message.en;
  EXPECT_TRUE(ValidateTemplate(*form, PaymentsSchema()).ok());
  return std::move(form).value();
}

constexpr std::array<std::array<const char*, 2>, 3> kDistricts{{
    {"Алатау ауданы", "Алатауский район"},
    {"Бостандық ауданы", "Бостандыкский район"},
    {"Медеу ауданы", "Медеуский район"},
}};

/// The sample document's rows as a provider would return them: the same values, but the
/// districts interleaved, so only a stable sort by district restores the sample's order.
DataSet SampleRows(std::size_t count) {
  DataSet data;
  data.fields = PaymentFields();
  const std::size_t per_group = (count + 2) / 3;
  const auto first_day = core::Date::FromYmd(2026, 1, 1).value();
  std::vector<std::vector<std::vector<Value>>> by_district(3);
  for (std::size_t line = 0; line < count; ++line) {
    const std::size_t g = line / per_group;
    const auto tiyn = static_cast<std::int64_t>((line * 7919 + 13) % 100000) * 12345 + 7;
    by_district[g].push_back({
        Value(static_cast<std::int64_t>(1000 + line)),
        Value("«№" + std::to_string(line + 1) + " мектеп-гимназиясы» КММ"),
        Value("КГУ «Школа-гимназия №" + std::to_string(line + 1) + "»"),
        Value(std::to_string(260140000000 + line * 109)),
        Value(first_day.AddDays(static_cast<std::int32_t>(line % 90))),
        Value(core::Money::FromTiyn(tiyn)),
        Value(static_cast<std::int64_t>(200 + (line * 37) % 900)),
        Value(std::string(kDistricts[g][0])),
        Value(std::string(kDistricts[g][1])),
    });
  }
  // Last district first, then round-robin: within a district the order is kept.
  for (std::size_t i = 0; i < per_group; ++i) {
    for (std::size_t g = 3; g-- > 0;) {
      if (i < by_district[g].size()) data.rows.push_back(by_district[g][i]);
    }
  }
  return data;
}

RenderContext SampleContext(Lang lang) {
  RenderContext ctx;
  ctx.language = lang;
  ctx.parameters = {{"from", Value(core::Date::FromYmd(2026, 1, 1).value())},
                    {"to", Value(core::Date::FromYmd(2026, 3, 31).value())}};
  ctx.institution_name = {"Алматы қаласының білім басқармасы",
                          "Управление образования города Алматы", "Almaty education department"};
  const bool kk = lang == Lang::kKk;
  ctx.signatories["head"] = Signatory{{}, kk ? "А. Қасымов" : "А. Касымов"};
  ctx.signatories["chief_accountant"] = Signatory{{}, kk ? "Ғ. Өмірзақова" : "Г. Омирзакова"};
  return ctx;
}

TEST(Renderer, RebuildsTheSampleDocumentFromATemplate) {
  const FormTemplate form = Parse(kSampleTemplate);
  for (Lang lang : {Lang::kKk, Lang::kRu}) {
    for (std::size_t rows : {12u, 7u, 1u}) {
      auto doc = Render(form, SampleContext(lang), SampleRows(rows));
      ASSERT_TRUE(doc.ok()) << doc.error().message.en;
      Document expected = test::SampleDocument(lang, rows);
      // Field names are the two deliberate differences: a computed row-number column has
      // none, and the name column shows the language's own field.
      expected.columns[0].field = "";
      expected.columns[1].field = lang == Lang::kKk ? "name_kk" : "name_ru";
      EXPECT_EQ(doc->title_rows, expected.title_rows);
      EXPECT_EQ(doc->header_rows, expected.header_rows);
      ASSERT_EQ(doc->body_rows.size(), expected.body_rows.size());
      for (std::size_t i = 0; i < expected.body_rows.size(); ++i) {
        EXPECT_EQ(doc->body_rows[i], expected.body_rows[i]) << "body row " << i;
      }
      EXPECT_EQ(doc->footer_rows, expected.footer_rows);
      EXPECT_EQ(doc->columns, expected.columns);
      EXPECT_EQ(doc->page, expected.page);
      EXPECT_EQ(doc->title, expected.title);
      EXPECT_EQ(*doc, expected) << core::LangCode(lang) << " " << rows;
    }
  }
}

TEST(Renderer, KazakhAndRussianDifferInLabelsAndPageFormat) {
  const FormTemplate form = Parse(kSampleTemplate);
  auto kk = Render(form, SampleContext(Lang::kKk), SampleRows(6)).value();
  auto ru = Render(form, SampleContext(Lang::kRu), SampleRows(6)).value();
  EXPECT_EQ(kk.language, "kk");
  EXPECT_EQ(ru.language, "ru");
  EXPECT_EQ(kk.title, "Мектептерге төлемдер тізілімі");
  EXPECT_EQ(ru.title, "Реестр платежей школам");
  EXPECT_EQ(kk.page.page_number_format, "{page}-бет, барлығы {pages}");
  EXPECT_EQ(ru.page.page_number_format, "Страница {page} из {pages}");
  EXPECT_EQ(kk.header_rows[0].cells[1].text, "Мекеме");
  EXPECT_EQ(ru.header_rows[0].cells[1].text, "Учреждение");
  EXPECT_EQ(kk.body_rows[0].cells[0].text, "Алатау ауданы");
  EXPECT_EQ(ru.body_rows[0].cells[0].text, "Алатауский район");
  EXPECT_EQ(kk.title_rows[2].cells[0].text, "Кезең: 01.01.2026 – 31.03.2026");
  EXPECT_EQ(ru.title_rows[2].cells[0].text, "Период: 01.01.2026 – 31.03.2026");
  // The field shown follows the language.
  EXPECT_EQ(kk.columns[1].field, "name_kk");
  EXPECT_EQ(ru.columns[1].field, "name_ru");
  // Same numbers, same formats: money with no-break spaces, dates dd.mm.yyyy.
  EXPECT_EQ(kk.body_rows[1].cells[4], ru.body_rows[1].cells[4]);
  EXPECT_EQ(kk.body_rows[1].cells[3].text, "01.01.2026");
  EXPECT_NE(kk.footer_rows[0].cells[0].text, ru.footer_rows[0].cells[0].text);
  EXPECT_EQ(kk.footer_rows[0].cells[0].text.rfind("Сомасы жазбаша: ", 0), 0u);
  EXPECT_EQ(ru.footer_rows[0].cells[0].text.rfind("Сумма прописью: ", 0), 0u);
}

TEST(Renderer, GroupSubtotalsAndGrandTotalAddUp) {
  const FormTemplate form = Parse(kSampleTemplate);
  DataSet data = SampleRows(6);
  auto doc = Render(form, SampleContext(Lang::kRu), data).value();
  // Two rows per district; the subtotals are the sums of their own rows.
  core::Money grand;
  std::int64_t grand_pupils = 0;
  std::array<core::Money, 3> sums;
  std::array<std::int64_t, 3> pupils{};
  for (const auto& row : data.rows) {
    std::size_t g = 0;
    while (std::get<std::string>(row[8]) != kDistricts[g][1]) ++g;
    sums[g] = sums[g] + std::get<core::Money>(row[5]);
    pupils[g] += std::get<std::int64_t>(row[6]);
  }
  std::vector<const Row*> subtotals;
  const Row* total = nullptr;
  for (const auto& row : doc.body_rows) {
    if (row.kind == RowKind::kSubtotal) subtotals.push_back(&row);
    if (row.kind == RowKind::kTotal) total = &row;
  }
  ASSERT_EQ(subtotals.size(), 3u);
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_EQ(subtotals[g]->cells[0].text, "Итого по району");
    EXPECT_EQ(subtotals[g]->cells[1].number, sums[g].tiyn());
    EXPECT_EQ(subtotals[g]->cells[1].text,
              core::FormatMoney(sums[g], {.group_separator = "\u00A0"}));
    EXPECT_EQ(subtotals[g]->cells[2].number, pupils[g]);
    grand = grand + sums[g];
    grand_pupils += pupils[g];
  }
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->cells[1].number, grand.tiyn());
  EXPECT_EQ(total->cells[2].number, grand_pupils);
  EXPECT_EQ(doc.footer_rows[0].cells[0].text,
            "Сумма прописью: " + core::AmountInWords(grand, Lang::kRu));
  // The text of a money total has a no-break space between digit groups.
  EXPECT_NE(total->cells[1].text.find("\u00A0"), std::string::npos);
}

constexpr std::string_view kNested = R"([form]
id = nested
title.kk = Т
title.ru = Т
source = payments
[parameter from]
type = date
label.kk = Б
label.ru = Н
default = today
[parameter to]
type = date
label.kk = С
label.ru = К
default = today
[column district]
field = district_ru
header.kk = Аудан
header.ru = Район
[column paid_on]
header.kk = Күні
header.ru = Дата
format = date_long
[column amount]
header.kk = Сомасы
header.ru = Сумма
total = sum
format = money_blank_zero
[column pupils]
header.kk = Оқушылар
header.ru = Учащихся
total = sum
format = integer_grouped
[column id]
header.kk = Саны
header.ru = Кол-во
total = count
[group district]
field = district_ru
label.kk = {value}
label.ru = Район: {value} ({count})
empty.kk = ауданы жоқ
empty.ru = без района
[group day]
field = paid_on
label.kk = {value}
label.ru = {value} — {count}
subtotal.kk = Күн бойынша
subtotal.ru = За {value}: {count}
[total]
label.kk = Барлығы
label.ru = Всего: {count}
)";

DataSet Row5(std::vector<std::tuple<const char*, int, std::int64_t, std::int64_t>> rows) {
  DataSet data;
  data.fields = PaymentFields();
  std::int64_t id = 1;
  for (const auto& [district, day, tiyn, pupils] : rows) {
    std::vector<Value> row(data.fields.size());
    row[0] = Value(id++);
    row[4] = Value(core::Date::FromYmd(2026, 3, static_cast<unsigned>(day)).value());
    row[5] = Value(core::Money::FromTiyn(tiyn));
    row[6] = Value(pupils);
    row[8] = district == nullptr ? Value() : Value(std::string(district));
    data.rows.push_back(std::move(row));
  }
  return data;
}

RenderContext RuContext() {
  RenderContext ctx;
  ctx.language = Lang::kRu;
  ctx.parameters = {{"from", Value(core::Date::FromYmd(2026, 3, 1).value())},
                    {"to", Value(core::Date::FromYmd(2026, 3, 31).value())}};
  return ctx;
}

std::vector<std::string> Texts(const Row& row) {
  std::vector<std::string> texts;
  for (const auto& cell : row.cells) texts.push_back(cell.text);
  return texts;
}

TEST(Renderer, NestedGroupsSortStablyAndTotalEveryLevel) {
  const FormTemplate form = Parse(kNested);
  const DataSet data = Row5({{"Б", 2, 100, 1000},
                             {"А", 3, 250, 2000},
                             {"Б", 1, 0, 3000},
                             {nullptr, 5, 1, 4},
                             {"А", 3, 50, 5},
                             {"Б", 2, 7, 6}});
  auto doc = Render(form, RuContext(), data);
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  std::vector<std::pair<RowKind, std::vector<std::string>>> rows;
  for (const auto& row : doc->body_rows) rows.emplace_back(row.kind, Texts(row));
  using V = std::vector<std::string>;
  const std::string nb = "\u00A0";
  const std::vector<std::pair<RowKind, V>> expected{
      {RowKind::kGroupHeader, V{"Район: без района (1)"}},
      {RowKind::kGroupHeader, V{"05.03.2026 — 1"}},
      {RowKind::kData, V{"", "5 марта 2026 г.", "0,01", "4", "4"}},
      {RowKind::kSubtotal, V{"За 05.03.2026: 1", "0,01", "4", "1"}},
      {RowKind::kSubtotal, V{"Итого: без района", "0,01", "4", "1"}},
      {RowKind::kGroupHeader, V{"Район: А (2)"}},
      {RowKind::kGroupHeader, V{"03.03.2026 — 2"}},
      {RowKind::kData, V{"А", "3 марта 2026 г.", "2,50", "2" + nb + "000", "2"}},
      {RowKind::kData, V{"А", "3 марта 2026 г.", "0,50", "5", "5"}},
      {RowKind::kSubtotal, V{"За 03.03.2026: 2", "3,00", "2" + nb + "005", "2"}},
      {RowKind::kSubtotal, V{"Итого: А", "3,00", "2" + nb + "005", "2"}},
      {RowKind::kGroupHeader, V{"Район: Б (3)"}},
      {RowKind::kGroupHeader, V{"01.03.2026 — 1"}},
      {RowKind::kData, V{"Б", "1 марта 2026 г.", "", "3" + nb + "000", "3"}},
      {RowKind::kSubtotal, V{"За 01.03.2026: 1", "0,00", "3" + nb + "000", "1"}},
      {RowKind::kGroupHeader, V{"02.03.2026 — 2"}},
      {RowKind::kData, V{"Б", "2 марта 2026 г.", "1,00", "1" + nb + "000", "1"}},
      {RowKind::kData, V{"Б", "2 марта 2026 г.", "0,07", "6", "6"}},
      {RowKind::kSubtotal, V{"За 02.03.2026: 2", "1,07", "1" + nb + "006", "2"}},
      {RowKind::kSubtotal, V{"Итого: Б", "1,07", "4" + nb + "006", "3"}},
      {RowKind::kTotal, V{"Всего: 6", "4,08", "6" + nb + "015", "6"}},
  };
  ASSERT_EQ(rows.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(rows[i], expected[i]) << "body row " << i;
  }
  // Indents follow the nesting; the label spans the columns before the first total.
  EXPECT_EQ(doc->body_rows[0].cells[0].style.indent, 0);
  EXPECT_EQ(doc->body_rows[1].cells[0].style.indent, 1);
  EXPECT_EQ(doc->body_rows[3].cells[0].style.indent, 2);
  EXPECT_EQ(doc->body_rows[4].cells[0].style.indent, 1);
  EXPECT_EQ(doc->body_rows[3].cells[0].col_span, 2);
  EXPECT_EQ(doc->body_rows.back().cells[0].style.indent, 0);
  // A blank zero is an empty cell; an empty field too.
  EXPECT_EQ(doc->body_rows[13].cells[2].kind, ValueKind::kEmpty);
  EXPECT_EQ(doc->body_rows[2].cells[0].kind, ValueKind::kEmpty);
  // Dates keep their exact value for XLSX; counts are integers.
  EXPECT_EQ(doc->body_rows[2].cells[1].kind, ValueKind::kDate);
  EXPECT_EQ(doc->body_rows[2].cells[1].number,
            core::Date::FromYmd(2026, 3, 5).value().DaysSinceEpoch());
  EXPECT_EQ(doc->body_rows.back().cells[3].kind, ValueKind::kInteger);
  EXPECT_EQ(doc->body_rows.back().cells[3].number, 6);
  // Kazakh: the built-in subtotal label and the long date format.
  auto kk_ctx = RuContext();
  kk_ctx.language = Lang::kKk;
  auto kk = Render(form, kk_ctx, data).value();
  EXPECT_EQ(kk.body_rows[2].cells[1].text, "2026 жылғы 5 наурыз");
  EXPECT_EQ(kk.body_rows[4].cells[0].text, "ауданы жоқ бойынша жиыны");
  EXPECT_EQ(kk.body_rows[3].cells[0].text, "Күн бойынша");
}

TEST(Renderer, NullAndEmptyTextAreOneEmptyGroup) {
  const FormTemplate form = Parse(kNested);
  auto doc = Render(form, RuContext(), Row5({{"Б", 1, 1, 1}, {"", 1, 2, 1}, {nullptr, 1, 3, 1}}));
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  EXPECT_EQ(doc->body_rows[0].cells[0].text, "Район: без района (2)");
  EXPECT_EQ(doc->body_rows[4].cells[0].text, "За 01.03.2026: 2");
  EXPECT_EQ(doc->body_rows[5].cells[0].text, "Итого: без района");
  EXPECT_EQ(doc->body_rows[5].cells[1].text, "0,05");
  EXPECT_EQ(doc->body_rows[6].cells[0].text, "Район: Б (1)");
}

TEST(Renderer, MoneyOverflowInATotalIsAnErrorNotAWrongNumber) {
  const FormTemplate form = Parse(kNested);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 2 + 1;
  auto money = Render(form, RuContext(), Row5({{"А", 1, big, 1}, {"А", 1, big, 1}}));
  ASSERT_FALSE(money.ok());
  EXPECT_EQ(money.error().code, "forms.total_overflow");
  EXPECT_EQ(money.error().field, "amount");
  EXPECT_EQ(money.error().message.ru,
            "Итог столбца «Сумма» слишком велик, его невозможно вычислить");
  // Overflow across groups: each group fits, the grand total does not.
  auto grand = Render(form, RuContext(), Row5({{"А", 1, big, 1}, {"Б", 1, big, 1}}));
  ASSERT_FALSE(grand.ok());
  EXPECT_EQ(grand.error().code, "forms.total_overflow");
  auto integers = Render(form, RuContext(), Row5({{"А", 1, 1, big}, {"А", 1, 1, big}}));
  ASSERT_FALSE(integers.ok());
  EXPECT_EQ(integers.error().field, "pupils");
  // Negative amounts just add.
  auto fine = Render(form, RuContext(), Row5({{"А", 1, big, 1}, {"А", 1, -big, 1}}));
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->body_rows.back().cells[1].number, 0);
}

constexpr std::string_view kDeepHeader = R"([form]
id = deep
title.kk = Т
title.ru = Т
source = payments
column_numbers = true
[parameter from]
type = date
label.kk = Б
label.ru = Н
[parameter to]
type = date
label.kk = С
label.ru = К
[column c0]
field = id
header.kk = Б / Д / 1
header.ru = A / B / C
width = 15
[column c1]
field = id
header.kk = Б / Д / 2
header.ru = A / B / D
width = 15
[column c2]
field = id
header.kk = Б / Е
header.ru = A / E
width = 15
[column c3]
field = id
header.kk = Ж
header.ru = F на {to}
width = 15
[column c4]
field = id
header.kk = З / Д / 1
header.ru = G / B / C
width = 15
[column c5]
field = id
header.kk = З / Д / 1
header.ru = H / B / C
width = 15
[column c6]
field = id
header.kk = З / Д / 1
header.ru = H / B / C
width = 15
)";

Cell Header(int column, const char* text, int col_span, int row_span) {
  Cell cell;
  cell.column = column;
  cell.col_span = col_span;
  cell.row_span = row_span;
  cell.kind = ValueKind::kText;
  cell.text = text;
  cell.style.align = Align::kCenter;
  cell.style.bold = true;
  cell.style.wrap = true;
  return cell;
}

TEST(Renderer, HeaderPathsMergeCellByCell) {
  const FormTemplate form = Parse(kDeepHeader);
  auto doc = Render(form, RuContext(), Row5({}));
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  ASSERT_EQ(doc->header_rows.size(), 4u);  // three levels and the column numbers
  // Row 0: A over c0..c2; F spans all three rows; G alone (its neighbour's path differs);
  // H over c5..c6.
  EXPECT_EQ(doc->header_rows[0].cells,
            (std::vector<Cell>{Header(0, "A", 3, 1), Header(3, "F на 31.03.2026", 1, 3),
                               Header(4, "G", 1, 1), Header(5, "H", 2, 1)}));
  // Row 1: B over c0..c1 under A; E is a leaf spanning down; B under G and B under H do not
  // merge with each other (different parents) but B over c5..c6 does.
  EXPECT_EQ(doc->header_rows[1].cells,
            (std::vector<Cell>{Header(0, "B", 2, 1), Header(2, "E", 1, 2), Header(4, "B", 1, 1),
                               Header(5, "B", 2, 1)}));
  // Row 2: leaves never merge, even with equal text.
  EXPECT_EQ(doc->header_rows[2].cells,
            (std::vector<Cell>{Header(0, "C", 1, 1), Header(1, "D", 1, 1), Header(4, "C", 1, 1),
                               Header(5, "C", 1, 1), Header(6, "C", 1, 1)}));
  ASSERT_EQ(doc->header_rows[3].cells.size(), 7u);
  EXPECT_EQ(doc->header_rows[3].cells[6].text, "7");
  EXPECT_EQ(doc->header_rows[3].kind, RowKind::kHeader);
  // Kazakh paths merge by their own texts.
  auto kk_ctx = RuContext();
  kk_ctx.language = Lang::kKk;
  auto kk = Render(form, kk_ctx, Row5({})).value();
  EXPECT_EQ(kk.header_rows[0].cells,
            (std::vector<Cell>{Header(0, "Б", 3, 1), Header(3, "Ж", 1, 3), Header(4, "З", 3, 1)}));
  EXPECT_EQ(kk.header_rows[1].cells,
            (std::vector<Cell>{Header(0, "Д", 2, 1), Header(2, "Е", 1, 2), Header(4, "Д", 3, 1)}));
}

TEST(Renderer, EveryRowCoversEveryColumn) {
  const FormTemplate form = Parse(kNested);
  auto doc = Render(form, RuContext(), Row5({{"А", 1, 5, 1}, {"Б", 2, 6, 2}})).value();
  for (const auto* band : {&doc.body_rows, &doc.title_rows, &doc.footer_rows}) {
    for (const auto& row : *band) {
      int next = 0;
      for (const auto& cell : row.cells) {
        EXPECT_EQ(cell.column, next);
        next = cell.column + cell.col_span;
      }
      EXPECT_EQ(next, static_cast<int>(doc.columns.size()));
    }
  }
}

TEST(Renderer, DrillDownsSignaturesAndPageSetup) {
  const FormTemplate form = Parse(kSampleTemplate);
  RenderContext ctx = SampleContext(Lang::kRu);
  ctx.signatories["head"].position = {"Аким", "Аким", "Akim"};
  ctx.signatories.erase("chief_accountant");
  auto doc = Render(form, ctx, SampleRows(3)).value();
  const Row& data = doc.body_rows[1];
  ASSERT_EQ(data.kind, RowKind::kData);
  EXPECT_EQ(data.cells[1].drill, (DrillDown{"institution", "1000"}));
  EXPECT_FALSE(data.cells[2].drill.has_value());
  const auto& footer = doc.footer_rows;
  ASSERT_EQ(footer.size(), 4u);
  EXPECT_EQ(Texts(footer[2]), (std::vector<std::string>{"Аким", "", "А. Касымов"}));
  EXPECT_EQ(Texts(footer[3]), (std::vector<std::string>{"Главный бухгалтер", "", ""}));
  EXPECT_EQ(footer[3].kind, RowKind::kSignature);
  EXPECT_EQ(doc.page.orientation, Orientation::kPortrait);
  EXPECT_DOUBLE_EQ(doc.page.font_size_pt, 8);
  EXPECT_TRUE(doc.page.repeat_header);
  EXPECT_EQ(doc.columns[4].kind, ValueKind::kMoney);
  EXPECT_EQ(doc.columns[3].kind, ValueKind::kDate);
  EXPECT_EQ(doc.columns[0].kind, ValueKind::kInteger);
  EXPECT_DOUBLE_EQ(doc.columns[1].width_mm, 60);
}

TEST(Renderer, EnglishFallsBackToRussianTexts) {
  const FormTemplate form = Parse(kSampleTemplate);
  RenderContext ctx = SampleContext(Lang::kRu);
  ctx.language = Lang::kEn;
  auto doc = Render(form, ctx, SampleRows(3)).value();
  EXPECT_EQ(doc.language, "en");
  EXPECT_EQ(doc.title, "Реестр платежей школам");
  EXPECT_EQ(doc.title_rows[1].cells[0].text, "Almaty education department");
  EXPECT_EQ(doc.page.page_number_format, "Page {page} of {pages}");
  EXPECT_EQ(doc.columns[1].field, "name_ru");
}

TEST(Renderer, RowsThatDoNotMatchTheTemplateAreErrors) {
  const FormTemplate form = Parse(kSampleTemplate);
  DataSet missing = SampleRows(3);
  missing.fields[3].name = "bin_code";
  auto no_field = Render(form, SampleContext(Lang::kRu), missing);
  ASSERT_FALSE(no_field.ok());
  EXPECT_EQ(no_field.error().code, "forms.data.missing_field");
  // [column bin] has no field key: the error points at the section.
  const auto bin_line =
      1 + std::count(kSampleTemplate.begin(),
                     kSampleTemplate.begin() +
                         static_cast<std::ptrdiff_t>(kSampleTemplate.find("[column bin]")),
                     '\n');
  EXPECT_EQ(no_field.error().field, "forms/test.form:" + std::to_string(bin_line));
  EXPECT_NE(no_field.error().message.en.find("no field 'bin'"), std::string::npos);

  DataSet wrong_type = SampleRows(3);
  wrong_type.fields[5].type = FieldType::kText;
  for (auto& row : wrong_type.rows) row[5] = Value(std::string("x"));
  auto type = Render(form, SampleContext(Lang::kRu), wrong_type);
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.error().code, "forms.data.type");

  DataSet shape = SampleRows(3);
  shape.rows[1][4] = Value(std::string("01.01.2026"));
  auto bad_value = Render(form, SampleContext(Lang::kRu), shape);
  ASSERT_FALSE(bad_value.ok());
  EXPECT_EQ(bad_value.error().code, "forms.data.shape");
  EXPECT_EQ(bad_value.error().field, "rows[1].paid_on");

  RenderContext ctx = SampleContext(Lang::kRu);
  ctx.parameters.erase("to");
  auto unresolved = Render(form, ctx, SampleRows(3));
  ASSERT_FALSE(unresolved.ok());
  EXPECT_EQ(unresolved.error().code, "forms.parameter.unresolved");
  EXPECT_EQ(unresolved.error().field, "to");
}

TEST(Renderer, AnEmptyDataSetStillHasHeaderAndZeroTotals) {
  const FormTemplate form = Parse(kSampleTemplate);
  auto doc = Render(form, SampleContext(Lang::kKk), SampleRows(0)).value();
  ASSERT_EQ(doc.body_rows.size(), 1u);
  EXPECT_EQ(doc.body_rows[0].kind, RowKind::kTotal);
  EXPECT_EQ(Texts(doc.body_rows[0]), (std::vector<std::string>{"Барлығы", "0,00", "0"}));
  EXPECT_EQ(doc.footer_rows[0].cells[0].text, "Сомасы жазбаша: Нөл теңге 00 тиын");
  EXPECT_EQ(doc.header_rows.size(), 2u);
}

}  // namespace
}  // namespace esep::forms
