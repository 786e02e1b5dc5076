// The generic "print this list" template: built from the columns a client shows, validated
// against the source, rendered like any file template.

#include "esep/forms/list_template.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "esep/forms/builtin_sources.hpp"
#include "esep/forms/parameters.hpp"
#include "esep/forms/renderer.hpp"

namespace esep::forms {
namespace {

const SourceSchema& Institutions() { return *FindBuiltinSource("institutions"); }

ListSpec InstitutionsSpec() {
  ListSpec spec;
  spec.title = {"Мекемелер", "Учреждения", "Institutions"};
  spec.source = "institutions";
  spec.columns = {
      {"name_ru", {"Атауы {орысша}", "Наименование {рус.}", ""}, 80},
      {"bin", {"БСН", "БИН", "BIN"}, 28},
      {"created_on", {"Тіркелді", "Зарегистрировано", ""}, 24},
      {"budget_level", {"Деңгей", "Уровень", ""}, 15},
  };
  return spec;
}

DataSet InstitutionRows() {
  DataSet data;
  data.fields = Institutions().fields;
  for (int i = 0; i < 3; ++i) {
    std::vector<Value> row(data.fields.size());
    row[*data.FieldIndex("id")] = Value(std::int64_t{10 + i});
    row[*data.FieldIndex("bin")] = Value("26014000000" + std::to_string(i));
    row[*data.FieldIndex("name_ru")] = Value("КГУ «Школа №" + std::to_string(i + 1) + "»");
    row[*data.FieldIndex("created_on")] =
        Value(core::Date::FromYmd(2025, 9, static_cast<unsigned>(1 + i)).value());
    row[*data.FieldIndex("budget_level")] = Value(std::int64_t{3});
    data.rows.push_back(std::move(row));
  }
  return data;
}

std::vector<std::string> Texts(const Row& row) {
  std::vector<std::string> texts;
  for (const auto& cell : row.cells) texts.push_back(cell.text);
  return texts;
}

TEST(ListTemplate, RendersTheColumnsTheClientShows) {
  auto form = BuildListTemplate(InstitutionsSpec(), Institutions());
  ASSERT_TRUE(form.ok()) << form.error().message.en;
  EXPECT_EQ(form->id, "list_institutions");
  EXPECT_EQ(form->page.orientation, Orientation::kPortrait);  // 10 + 147 mm
  auto parameters = ResolveParameters(*form, {}, core::Date::FromYmd(2026, 3, 15).value());
  ASSERT_TRUE(parameters.ok()) << parameters.error().message.en;
  EXPECT_EQ(std::get<core::Date>(parameters->at("as_of")),
            core::Date::FromYmd(2026, 3, 15).value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(parameters->at("institution")));

  RenderContext ctx;
  ctx.language = core::Lang::kRu;
  ctx.parameters = *parameters;
  ctx.institution_name = {"Білім басқармасы", "Управление образования", ""};
  auto doc = Render(*form, ctx, InstitutionRows());
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  EXPECT_EQ(Texts(doc->title_rows[0]), (std::vector<std::string>{"Учреждения"}));
  EXPECT_EQ(Texts(doc->title_rows[1]), (std::vector<std::string>{"Управление образования"}));
  ASSERT_EQ(doc->header_rows.size(), 1u);
  // Braces typed by a user are printed as they are.
  EXPECT_EQ(Texts(doc->header_rows[0]), (std::vector<std::string>{"№", "Наименование {рус.}", "БИН",
                                                                  "Зарегистрировано", "Уровень"}));
  ASSERT_EQ(doc->body_rows.size(), 4u);
  EXPECT_EQ(Texts(doc->body_rows[1]),
            (std::vector<std::string>{"2", "КГУ «Школа №2»", "260140000001", "02.09.2025", "3"}));
  EXPECT_EQ(doc->body_rows[1].cells[0].style.align, Align::kCenter);
  EXPECT_EQ(doc->body_rows[1].cells[3].style.align, Align::kCenter);
  EXPECT_EQ(doc->body_rows[1].cells[4].style.align, Align::kRight);
  EXPECT_TRUE(doc->body_rows[1].cells[1].style.wrap);
  EXPECT_EQ(doc->body_rows[3].kind, RowKind::kTotal);
  EXPECT_EQ(Texts(doc->body_rows[3]), (std::vector<std::string>{"Всего: 3"}));
  EXPECT_EQ(doc->body_rows[3].cells[0].col_span, 5);
  EXPECT_TRUE(doc->footer_rows.empty());

  ctx.language = core::Lang::kKk;
  auto kk = Render(*form, ctx, InstitutionRows()).value();
  EXPECT_EQ(kk.title, "Мекемелер");
  EXPECT_EQ(kk.header_rows[0].cells[1].text, "Атауы {орысша}");
  EXPECT_EQ(kk.body_rows[3].cells[0].text, "Барлығы: 3");
  EXPECT_EQ(kk.page.page_number_format, "{page}-бет, барлығы {pages}");
}

TEST(ListTemplate, WideListsTurnLandscapeAndTooWideOnesAreErrors) {
  ListSpec spec = InstitutionsSpec();
  spec.columns[0].width_mm = 150;
  auto wide = BuildListTemplate(spec, Institutions());
  ASSERT_TRUE(wide.ok()) << wide.error().message.en;
  EXPECT_EQ(wide->page.orientation, Orientation::kLandscape);
  spec.columns[0].width_mm = 250;
  auto too_wide = BuildListTemplate(spec, Institutions());
  ASSERT_FALSE(too_wide.ok());
  EXPECT_EQ(too_wide.error().code, "forms.too_wide");
  EXPECT_EQ(too_wide.error().field, "columns");
  EXPECT_NE(too_wide.error().message.ru.find("327 мм"), std::string::npos)
      << too_wide.error().message.ru;
}

TEST(ListTemplate, ErrorsNameTheSpecMember) {
  struct Case {
    void (*change)(ListSpec&);
    const char* code;
    const char* field;
  };
  const std::vector<Case> cases{
      {[](ListSpec& s) { s.columns[1].field = "bnn"; }, "forms.unknown_field", "columns[1].field"},
      {[](ListSpec& s) { s.columns[2].field = "bin"; }, "forms.duplicate", "columns[2].field"},
      {[](ListSpec& s) { s.columns[0].header.kk = " "; }, "forms.list.header", "columns[0].header"},
      {[](ListSpec& s) { s.columns[3].width_mm = 0; }, "forms.bad_value", "columns[3].width_mm"},
      {[](ListSpec& s) { s.title.ru.clear(); }, "forms.list.title", "title"},
      {[](ListSpec& s) { s.columns.clear(); }, "forms.list.columns", "columns"},
  };
  for (const auto& c : cases) {
    ListSpec spec = InstitutionsSpec();
    c.change(spec);
    auto form = BuildListTemplate(spec, Institutions());
    ASSERT_FALSE(form.ok()) << c.field;
    EXPECT_EQ(form.error().code, c.code);
    EXPECT_EQ(form.error().field, c.field);
    EXPECT_FALSE(form.error().message.kk.empty());
    EXPECT_NE(form.error().message.kk, form.error().message.ru);
  }
  ListSpec other = InstitutionsSpec();
  other.source = "audit_events";
  auto wrong_source = BuildListTemplate(other, *FindBuiltinSource("audit_events"));
  ASSERT_FALSE(wrong_source.ok());
  EXPECT_EQ(wrong_source.error().field, "columns[0].field");
}

TEST(ListTemplate, WithoutNumberingAndForTheAuditTrail) {
  ListSpec spec;
  spec.title = {"Аудит", "Аудит", ""};
  spec.source = "audit_events";
  spec.numbered = false;
  spec.columns = {{"occurred_on", {"Күні", "Дата", ""}, 22},
                  {"action", {"Әрекет", "Действие", ""}, 40}};
  auto form = BuildListTemplate(spec, *FindBuiltinSource("audit_events"));
  ASSERT_TRUE(form.ok()) << form.error().message.en;
  ASSERT_EQ(form->columns.size(), 2u);
  EXPECT_FALSE(form->columns[0].row_number);
  // The audit source requires its period: dates default to today, the others stay optional.
  auto parameters = ResolveParameters(*form, {{"from", "01.03.2026"}, {"actor", "admin"}},
                                      core::Date::FromYmd(2026, 3, 20).value());
  ASSERT_TRUE(parameters.ok()) << parameters.error().message.en;
  EXPECT_EQ(std::get<core::Date>(parameters->at("from")), core::Date::FromYmd(2026, 3, 1).value());
  EXPECT_EQ(std::get<core::Date>(parameters->at("to")), core::Date::FromYmd(2026, 3, 20).value());
  EXPECT_EQ(std::get<std::string>(parameters->at("actor")), "admin");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(parameters->at("action")));
}

}  // namespace
}  // namespace esep::forms
