// The templates shipped in forms/: they load against the built-in source schemas (the ones
// the server's providers implement) and render real-looking documents in kk and ru.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "esep/forms/builtin_sources.hpp"
#include "esep/forms/document_json.hpp"
#include "esep/forms/parameters.hpp"
#include "esep/forms/renderer.hpp"
#include "esep/forms/template_parser.hpp"

namespace esep::forms {
namespace {

using core::Lang;

const TemplateSet& Shipped() {
  static const TemplateSet set = [] {
    auto loaded = LoadTemplates(ESEP_SOURCE_DIR "/forms", FindBuiltinSource);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().message.en << "\n" << loaded.error().details;
      return TemplateSet{};
    }
    return std::move(loaded).value();
  }();
  return set;
}

std::vector<std::string> Texts(const Row& row) {
  std::vector<std::string> texts;
  for (const auto& cell : row.cells) texts.push_back(cell.text);
  return texts;
}

/// Sets named fields of a row of `data`, leaving the others empty.
void AddRow(DataSet& data, std::vector<std::pair<std::string, Value>> values) {
  std::vector<Value> row(data.fields.size());
  for (auto& [name, value] : values) {
    const auto index = data.FieldIndex(name);
    ASSERT_TRUE(index.has_value()) << name;
    row[*index] = std::move(value);
  }
  data.rows.push_back(std::move(row));
}

core::Date D(int y, unsigned m, unsigned d) { return core::Date::FromYmd(y, m, d).value(); }

TEST(ShippedTemplates, LoadAgainstTheBuiltinSources) {
  ASSERT_EQ(Shipped().size(), 2u);
  const FormTemplate* institutions = Shipped().Find("institutions_list");
  const FormTemplate* audit = Shipped().Find("audit_extract");
  ASSERT_NE(institutions, nullptr);
  ASSERT_NE(audit, nullptr);
  EXPECT_EQ(institutions->file_name, "forms/institutions_list.form");
  EXPECT_EQ(institutions->source, "institutions");
  EXPECT_EQ(audit->source, "audit_events");
  EXPECT_EQ(BuiltinSourceSchemas().size(), 2u);
  EXPECT_EQ(FindBuiltinSource("nothing"), nullptr);
}

DataSet Institutions() {
  DataSet data;
  data.fields = FindBuiltinSource("institutions")->fields;
  const std::string office_kk =
      "Алматы қаласы білім беру ұйымдарының орталықтандырылған бухгалтериясы";
  const std::string office_ru = "Централизованная бухгалтерия организаций образования г. Алматы";
  auto school = [&](std::int64_t id, const std::string& bin, int number, unsigned day) {
    AddRow(data, {{"id", Value(id)},
                  {"bin", Value(bin)},
                  {"name_kk", Value("№" + std::to_string(number) + " мектеп-гимназиясы КММ")},
                  {"name_ru", Value("КГУ «Школа-гимназия №" + std::to_string(number) + "»")},
                  {"kind_kk", Value(std::string("КММ"))},
                  {"kind_ru", Value(std::string("КГУ"))},
                  {"budget_level_kk", Value(std::string("облыстық"))},
                  {"budget_level_ru", Value(std::string("областной"))},
                  {"parent_id", Value(std::int64_t{1})},
                  {"parent_name_kk", Value(std::string("Алматы қаласының білім басқармасы"))},
                  {"parent_name_ru", Value(std::string("Управление образования города Алматы"))},
                  {"accounting_office_name_kk", Value(office_kk)},
                  {"accounting_office_name_ru", Value(office_ru)},
                  {"status_kk", Value(std::string("жұмыс істейді"))},
                  {"status_ru", Value(std::string("действует"))},
                  {"created_on", Value(D(2025, 9, day))}});
  };
  school(12, "990240001234", 12, 2);
  AddRow(data, {{"id", Value(std::int64_t{1})},
                {"bin", Value(std::string("990240000011"))},
                {"name_kk", Value(std::string("Алматы қаласының білім басқармасы"))},
                {"name_ru", Value(std::string("Управление образования города Алматы"))},
                {"kind_kk", Value(std::string("ММ"))},
                {"kind_ru", Value(std::string("ГУ"))},
                {"budget_level_kk", Value(std::string("облыстық"))},
                {"budget_level_ru", Value(std::string("областной"))},
                {"abp_code", Value(std::string("261"))},
                {"status_kk", Value(std::string("жұмыс істейді"))},
                {"status_ru", Value(std::string("действует"))},
                {"created_on", Value(D(2025, 1, 15))}});
  school(14, "990240005678", 14, 3);
  AddRow(data, {{"id", Value(std::int64_t{2})},
                {"bin", Value(std::string("990240000022"))},
                {"name_kk", Value(std::string("Алматы қаласының денсаулық сақтау басқармасы"))},
                {"name_ru", Value(std::string("Управление здравоохранения города Алматы"))},
                {"kind_kk", Value(std::string("ММ"))},
                {"kind_ru", Value(std::string("ГУ"))},
                {"budget_level_kk", Value(std::string("облыстық"))},
                {"budget_level_ru", Value(std::string("областной"))},
                {"abp_code", Value(std::string("253"))},
                {"status_kk", Value(std::string("жұмыс істейді"))},
                {"status_ru", Value(std::string("действует"))},
                {"created_on", Value(D(2025, 1, 16))}});
  return data;
}

RenderContext Context(const FormTemplate& form, Lang lang, const ParameterTexts& texts) {
  RenderContext ctx;
  ctx.language = lang;
  auto parameters = ResolveParameters(form, texts, D(2026, 3, 15));
  EXPECT_TRUE(parameters.ok()) << parameters.error().message.en;
  if (parameters.ok()) ctx.parameters = *parameters;
  ctx.institution_name = {"Алматы қаласының білім басқармасы",
                          "Управление образования города Алматы", ""};
  ctx.signatories["head"] = Signatory{{}, lang == Lang::kKk ? "А. Қасымов" : "А. Касымов"};
  return ctx;
}

TEST(ShippedTemplates, InstitutionsListGroupsByParent) {
  const FormTemplate& form = *Shipped().Find("institutions_list");
  auto doc = Render(form, Context(form, Lang::kRu, {}), Institutions());
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  EXPECT_EQ(doc->page.orientation, Orientation::kLandscape);
  EXPECT_EQ(Texts(doc->title_rows[0]),
            (std::vector<std::string>{"Реестр государственных учреждений"}));
  EXPECT_EQ(Texts(doc->title_rows[1]),
            (std::vector<std::string>{"Управление образования города Алматы"}));
  EXPECT_EQ(Texts(doc->title_rows[2]), (std::vector<std::string>{"по состоянию на 15.03.2026"}));

  ASSERT_EQ(doc->header_rows.size(), 3u);
  EXPECT_EQ(Texts(doc->header_rows[0]),
            (std::vector<std::string>{"№ п/п", "Учреждение", "Бюджет",
                                      "Централизованная бухгалтерия, ведущая учёт",
                                      "Дата регистрации", "Состояние"}));
  EXPECT_EQ(doc->header_rows[0].cells[1].col_span, 3);
  EXPECT_EQ(doc->header_rows[0].cells[2].col_span, 2);
  EXPECT_EQ(doc->header_rows[0].cells[3].row_span, 2);
  EXPECT_EQ(Texts(doc->header_rows[1]),
            (std::vector<std::string>{"БИН", "Наименование", "Тип", "Уровень", "Код АБП"}));
  EXPECT_EQ(Texts(doc->header_rows[2]),
            (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9"}));

  std::vector<std::vector<std::string>> body;
  for (const auto& row : doc->body_rows) body.push_back(Texts(row));
  ASSERT_EQ(body.size(), 9u);
  EXPECT_EQ(body[0], (std::vector<std::string>{"Вышестоящий орган: отсутствует"}));
  EXPECT_EQ(body[1],
            (std::vector<std::string>{"1", "990240000011", "Управление образования города Алматы",
                                      "ГУ", "областной", "261", "", "15.01.2025", "действует"}));
  EXPECT_EQ(body[2][2], "Управление здравоохранения города Алматы");
  EXPECT_EQ(body[3], (std::vector<std::string>{"Итого учреждений в группе: 2"}));
  EXPECT_EQ(body[4],
            (std::vector<std::string>{"Вышестоящий орган: Управление образования города Алматы"}));
  EXPECT_EQ(body[5][0], "3");
  EXPECT_EQ(body[5][2], "КГУ «Школа-гимназия №12»");
  EXPECT_EQ(body[6][2], "КГУ «Школа-гимназия №14»");
  EXPECT_EQ(body[7], (std::vector<std::string>{"Итого учреждений в группе: 2"}));
  EXPECT_EQ(body[8], (std::vector<std::string>{"Всего учреждений: 4"}));
  EXPECT_EQ(doc->body_rows[5].cells[2].drill, (DrillDown{"institution", "12"}));

  ASSERT_EQ(doc->footer_rows.size(), 3u);
  EXPECT_EQ(doc->footer_rows[0].kind, RowKind::kFooter);
  EXPECT_EQ(Texts(doc->footer_rows[1]),
            (std::vector<std::string>{"Руководитель", "", "А. Касымов"}));
  EXPECT_EQ(Texts(doc->footer_rows[2]), (std::vector<std::string>{"Исполнитель", "", ""}));

  auto kk = Render(form, Context(form, Lang::kKk, {{"as_of", "2026-01-01"}}), Institutions());
  ASSERT_TRUE(kk.ok()) << kk.error().message.en;
  EXPECT_EQ(Texts(kk->title_rows[2]), (std::vector<std::string>{"01.01.2026 жағдай бойынша"}));
  EXPECT_EQ(kk->header_rows[0].cells[1].text, "Мекеме");
  EXPECT_EQ(kk->header_rows[1].cells[4].text, "ББӘ коды");
  EXPECT_EQ(kk->body_rows[0].cells[0].text, "Жоғары тұрған орган: жоқ");
  EXPECT_EQ(kk->body_rows[5].cells[2].text, "№12 мектеп-гимназиясы КММ");
  EXPECT_EQ(kk->body_rows[8].cells[0].text, "Барлығы мекемелер: 4");
  EXPECT_EQ(kk->footer_rows[1].cells[0].text, "Басшы");

  for (const Document* d : {&doc.value(), &kk.value()}) {
    auto back = DocumentFromJson(boost::json::parse(boost::json::serialize(DocumentToJson(*d))));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, *d);
  }
}

DataSet AuditEvents() {
  DataSet data;
  data.fields = FindBuiltinSource("audit_events")->fields;
  auto event = [&](std::int64_t id, core::Date day, const char* time, const char* login,
                   const char* action, const char* kk, const char* ru, const char* outcome_kk,
                   const char* outcome_ru) {
    AddRow(data, {{"id", Value(id)},
                  {"occurred_on", Value(day)},
                  {"occurred_at", Value(std::string(time))},
                  {"actor_login", Value(std::string(login))},
                  {"org_name_kk", Value(std::string("Алматы қаласының білім басқармасы"))},
                  {"org_name_ru", Value(std::string("Управление образования города Алматы"))},
                  {"action", Value(std::string(action))},
                  {"action_kk", Value(std::string(kk))},
                  {"action_ru", Value(std::string(ru))},
                  {"entity", Value(std::string("institution"))},
                  {"entity_id", Value(std::to_string(id * 10))},
                  {"outcome_kk", Value(std::string(outcome_kk))},
                  {"outcome_ru", Value(std::string(outcome_ru))}});
  };
  event(501, D(2026, 3, 14), "16:02:11", "omirzakova", "institution.update", "Мекемені өзгерту",
        "Изменение учреждения", "орындалды", "выполнено");
  event(498, D(2026, 3, 2), "09:15:40", "kassymov", "institution.create", "Мекемені тіркеу",
        "Регистрация учреждения", "орындалды", "выполнено");
  event(502, D(2026, 3, 14), "16:05:00", "guest", "access.denied", "Қолжетімділіктен бас тарту",
        "Отказ в доступе", "қабылданбады", "отказано");
  return data;
}

TEST(ShippedTemplates, AuditExtractGroupsByDayWithCounts) {
  const FormTemplate& form = *Shipped().Find("audit_extract");
  auto doc = Render(form, Context(form, Lang::kRu, {}), AuditEvents());
  ASSERT_TRUE(doc.ok()) << doc.error().message.en;
  EXPECT_EQ(doc->title, "Выписка из журнала аудита");
  EXPECT_EQ(doc->title_rows[2].cells[0].text, "за период с 01.03.2026 по 15.03.2026");
  EXPECT_DOUBLE_EQ(doc->page.font_size_pt, 7);
  EXPECT_DOUBLE_EQ(doc->page.margin_mm, 12);
  EXPECT_EQ(Texts(doc->header_rows[0]),
            (std::vector<std::string>{"№ п/п", "Время", "№ записи", "Пользователь", "Учреждение",
                                      "Действие", "Объект", "Результат"}));
  EXPECT_EQ(Texts(doc->header_rows[1]),
            (std::vector<std::string>{"Описание", "Код", "Вид", "Номер"}));

  std::vector<std::vector<std::string>> body;
  for (const auto& row : doc->body_rows) body.push_back(Texts(row));
  ASSERT_EQ(body.size(), 8u);
  EXPECT_EQ(body[0], (std::vector<std::string>{"02.03.2026 — событий: 1"}));
  EXPECT_EQ(body[1], (std::vector<std::string>{"1", "09:15:40", "498", "kassymov",
                                               "Управление образования города Алматы",
                                               "Регистрация учреждения", "institution.create",
                                               "institution", "4980", "выполнено"}));
  EXPECT_EQ(body[2], (std::vector<std::string>{"Итого за 02.03.2026: событий 1"}));
  EXPECT_EQ(body[3], (std::vector<std::string>{"14.03.2026 — событий: 2"}));
  EXPECT_EQ(body[4][2], "501");  // the provider's order within a day is kept
  EXPECT_EQ(body[5][2], "502");
  EXPECT_EQ(body[5][9], "отказано");
  EXPECT_EQ(body[6], (std::vector<std::string>{"Итого за 14.03.2026: событий 2"}));
  EXPECT_EQ(body[7], (std::vector<std::string>{"Всего событий за период: 3"}));
  EXPECT_EQ(doc->body_rows[4].cells[2].drill, (DrillDown{"audit_event", "501"}));

  auto kk = Render(form, Context(form, Lang::kKk, {{"from", "14.03.2026"}}), AuditEvents());
  ASSERT_TRUE(kk.ok()) << kk.error().message.en;
  EXPECT_EQ(kk->title_rows[2].cells[0].text, "14.03.2026 бастап 15.03.2026 дейінгі кезең");
  EXPECT_EQ(kk->body_rows[0].cells[0].text, "02.03.2026 — оқиғалар саны: 1");
  EXPECT_EQ(kk->body_rows[6].cells[0].text, "14.03.2026 күнгі жиыны: 2 оқиға");
  EXPECT_EQ(kk->body_rows[7].cells[0].text, "Кезеңдегі оқиғалардың барлығы: 3");
  EXPECT_EQ(kk->body_rows[5].cells[9].text, "қабылданбады");
  EXPECT_EQ(kk->footer_rows.back().cells[0].text, "Орындаушы");
}

}  // namespace
}  // namespace esep::forms
