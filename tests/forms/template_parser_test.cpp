// Template parsing, validation against a source schema, loading a directory, and resolving
// a run's parameters: every error names file:line and speaks kk/ru/en.

#include "esep/forms/template_parser.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "esep/forms/builtin_sources.hpp"
#include "esep/forms/parameters.hpp"

namespace esep::forms {
namespace {

constexpr std::string_view kValid = R"(# a payments register
[form]
id = payments
title.kk = Төлемдер тізілімі
title.ru = Реестр платежей
source = payments
orientation = landscape   # trailing comment
font_size = 9

[parameter as_of]
type = date
label.kk = Күні
label.ru = Дата
default = month_end

[parameter region]
type = text
label.kk = Өңір
label.ru = Регион
required = false

[title]
institution = false
line.kk = {as_of} жағдай бойынша
line.ru = по состоянию на {as_of}
line.ru = {region}
line.kk = Өңір: {region}

[column no]
field = @row_number
header.kk = № р/с
header.ru = № п/п
width = 10

[column name]
field.kk = name_kk
field.ru = name_ru
header.kk = Мекеме / Атауы
header.ru = Учреждение / Наименование
width = 70
drill = institution:id

[column amount]
field = amount
header.kk = Сомасы, теңге \# 1
header.ru = Сумма, тенге
width = 32.5
align = right
total = sum
format = money_blank_zero

[group district]
field = district
label.kk = {value} ({count})
label.ru = {value} ({count})

[total]
label.kk = Барлығы: {count}
label.ru = Всего: {count}
in_words = amount

[footer]
line.kk = Ескерту
line.ru = Примечание

[signatures]
roles = head, chief_accountant
)";

SourceSchema PaymentsSchema() {
  SourceSchema schema;
  schema.name = "payments";
  schema.fields = {{"id", FieldType::kInteger},    {"name_kk", FieldType::kText},
                   {"name_ru", FieldType::kText},  {"district", FieldType::kText},
                   {"amount", FieldType::kMoney},  {"paid_on", FieldType::kDate},
                   {"pupils", FieldType::kInteger}};
  schema.parameters = {{"as_of", ParameterType::kDate, true, {"Күні", "Дата", "Date"}},
                       {"region", ParameterType::kText, false, {"Өңір", "Регион", "Region"}}};
  return schema;
}

int LineOf(std::string_view text, std::string_view marker) {
  const std::size_t at = text.find(marker);
  if (at == std::string_view::npos) {
    ADD_FAILURE() << "marker not found: " << marker;
    return -1;
  }
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const std::size_t at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  for (std::size_t at = out.find(from); at != std::string::npos;
       at = out.find(from, at + to.size())) {
    out.replace(at, from.size(), to);
  }
  return out;
}

/// Parses `text`; expects error `code` located at the line holding `marker`.
core::Error ExpectParseError(const std::string& text, std::string_view code,
                             std::string_view marker) {
  auto form = ParseTemplate(text, "forms/t.form");
  EXPECT_FALSE(form.ok()) << "expected " << code;
  if (form.ok()) return {};
  const core::Error& error = form.error();
  const std::string where = "forms/t.form:" + std::to_string(LineOf(text, marker));
  EXPECT_EQ(error.code, code) << error.message.en;
  EXPECT_EQ(error.field, where) << error.message.en;
  for (const std::string* message : {&error.message.kk, &error.message.ru, &error.message.en}) {
    EXPECT_EQ(message->rfind(where + ": ", 0), 0u) << *message;
    EXPECT_GT(message->size(), where.size() + 5);
  }
  EXPECT_NE(error.message.kk, error.message.ru);
  return error;
}

core::Error ExpectValidateError(const std::string& text, std::string_view code,
                                std::string_view marker) {
  auto form = ParseTemplate(text, "forms/t.form");
  EXPECT_TRUE(form.ok()) << (form.ok() ? "" : form.error().message.en);
  if (!form.ok()) return {};
  const auto status = ValidateTemplate(*form, PaymentsSchema());
  EXPECT_FALSE(status.ok()) << "expected " << code;
  if (status.ok()) return {};
  const std::string where = "forms/t.form:" + std::to_string(LineOf(text, marker));
  EXPECT_EQ(status.error().code, code) << status.error().message.en;
  EXPECT_EQ(status.error().field, where) << status.error().message.en;
  EXPECT_EQ(status.error().message.ru.rfind(where + ": ", 0), 0u);
  return status.error();
}

TEST(TemplateParser, ReadsEveryPartOfAValidTemplate) {
  auto parsed = ParseTemplate(kValid, "forms/payments.form");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message.en;
  const FormTemplate& form = *parsed;
  EXPECT_EQ(form.id, "payments");
  EXPECT_EQ(form.title.kk, "Төлемдер тізілімі");
  EXPECT_EQ(form.title.ru, "Реестр платежей");
  EXPECT_EQ(form.source, "payments");
  EXPECT_EQ(form.page.orientation, Orientation::kLandscape);
  EXPECT_DOUBLE_EQ(form.page.font_size_pt, 9);
  EXPECT_DOUBLE_EQ(form.page.margin_mm, 15);
  EXPECT_TRUE(form.page.repeat_header);
  EXPECT_EQ(form.lines.section, 2);
  EXPECT_EQ(form.lines.Of("source"), 6);

  ASSERT_EQ(form.parameters.size(), 2u);
  EXPECT_EQ(form.parameters[0].name, "as_of");
  EXPECT_EQ(form.parameters[0].type, ParameterType::kDate);
  EXPECT_EQ(form.parameters[0].default_value, "month_end");
  EXPECT_TRUE(form.parameters[0].required);
  EXPECT_FALSE(form.parameters[1].required);

  EXPECT_FALSE(form.title_block.show_institution);
  ASSERT_EQ(form.title_block.lines.size(), 2u);
  EXPECT_EQ(form.title_block.lines[0].text.ru, "по состоянию на {as_of}");
  EXPECT_EQ(form.title_block.lines[1].text.kk, "Өңір: {region}");
  EXPECT_EQ(form.title_block.lines[1].text.ru, "{region}");
  EXPECT_EQ(form.title_block.lines[1].line, LineOf(kValid, "line.ru = {region}"));

  ASSERT_EQ(form.columns.size(), 3u);
  EXPECT_TRUE(form.columns[0].row_number);
  EXPECT_TRUE(form.columns[0].field.empty());
  EXPECT_EQ(form.columns[1].field.kk, "name_kk");
  EXPECT_EQ(form.columns[1].field.ru, "name_ru");
  EXPECT_EQ(form.columns[1].drill, (DrillDef{"institution", "id"}));
  EXPECT_DOUBLE_EQ(form.columns[1].width_mm, 70);
  EXPECT_FALSE(form.columns[1].align.has_value());
  EXPECT_EQ(form.columns[2].header.kk, "Сомасы, теңге # 1");
  EXPECT_DOUBLE_EQ(form.columns[2].width_mm, 32.5);
  EXPECT_EQ(form.columns[2].align, Align::kRight);
  EXPECT_EQ(form.columns[2].total, ColumnTotal::kSum);
  EXPECT_EQ(form.columns[2].format, ColumnFormat::kMoneyBlankZero);
  EXPECT_EQ(form.columns[2].lines.Of("width"), LineOf(kValid, "width = 32.5"));
  EXPECT_EQ(form.columns[2].lines.Of("header"), LineOf(kValid, "header.kk = Сомасы"));

  ASSERT_EQ(form.groups.size(), 1u);
  EXPECT_EQ(form.groups[0].field.ru, "district");
  ASSERT_TRUE(form.total.has_value());
  EXPECT_EQ(form.total->in_words_column, "amount");
  ASSERT_EQ(form.footer.size(), 1u);
  EXPECT_EQ(form.signatures, (std::vector<std::string>{"head", "chief_accountant"}));
  EXPECT_TRUE(ValidateTemplate(form, PaymentsSchema()).ok());
}

TEST(TemplateParser, MinimalTemplateGetsTheDocumentedDefaults) {
  const std::string text =
      "[form]\nid = m\ntitle.kk = М\ntitle.ru = М\nsource = payments\n"
      "[column name_ru]\nheader.kk = Атауы\nheader.ru = Название\n";
  auto form = ParseTemplate(text, "m.form");
  ASSERT_TRUE(form.ok()) << form.error().message.en;
  EXPECT_EQ(form->page.orientation, Orientation::kPortrait);
  EXPECT_DOUBLE_EQ(form->page.font_size_pt, 8);
  EXPECT_TRUE(form->page.page_numbers);
  EXPECT_FALSE(form->column_numbers);
  EXPECT_TRUE(form->title_block.show_institution);
  EXPECT_EQ(form->columns[0].field.ru, "name_ru");  // the column id names the field
  EXPECT_DOUBLE_EQ(form->columns[0].width_mm, 30);
  EXPECT_EQ(form->columns[0].total, ColumnTotal::kNone);
  EXPECT_FALSE(form->total.has_value());
}

TEST(TemplateParser, SyntaxAndStructureErrorsNameFileAndLine) {
  ExpectParseError(Replace(kValid, "font_size = 9", "font_size 9"), "forms.syntax", "font_size 9");
  ExpectParseError("# top\nid = x\n", "forms.syntax", "id = x");
  ExpectParseError(Replace(kValid, "[total]", "[totals]"), "forms.unknown_section", "[totals]");
  ExpectParseError(Replace(kValid, "[column name]", "[column]"), "forms.syntax", "[column]\n");
  ExpectParseError(Replace(kValid, "[column name]", "[column no]"), "forms.duplicate",
                   "[column no]\nfield.kk");
  ExpectParseError(Replace(kValid, "[footer]", "[title]"), "forms.duplicate",
                   "[title]\nline.kk = Ескерту");
  ExpectParseError(Replace(kValid, "font_size = 9", "font_size = 9\nfont_size = 10"),
                   "forms.duplicate", "font_size = 10");
  ExpectParseError(Replace(kValid, "field = amount", "field = amount\nfield.kk = amount"),
                   "forms.duplicate", "field.kk = amount");
  ExpectParseError(Replace(kValid, "title.ru = Реестр платежей", "title = Реестр"),
                   "forms.unknown_key", "title = Реестр");
  ExpectParseError(Replace(kValid, "width = 10", "width.kk = 10"), "forms.unknown_key", "width.kk");
  ExpectParseError(Replace(kValid, "width = 70", "widht = 70"), "forms.unknown_key", "widht");
  ExpectParseError(Replace(kValid, "width = 70", "width ="), "forms.bad_value", "width =\n");
  ExpectParseError(std::string("[form]\nid = a\xff\n"), "forms.encoding", "id = a");
  ExpectParseError("[form]\nid = x\n", "forms.missing_key", "[form]");
  ExpectParseError("[column a]\nheader.kk = A\nheader.ru = A\n", "forms.missing_key", "[column a]");
}

TEST(TemplateParser, UnknownKeySuggestsTheClosestOne) {
  const auto error =
      ExpectParseError(Replace(kValid, "width = 70", "widht = 70"), "forms.unknown_key", "widht");
  EXPECT_NE(error.message.ru.find("возможно, «width»"), std::string::npos) << error.message.ru;
  EXPECT_NE(error.message.en.find("did you mean 'width'"), std::string::npos);
  EXPECT_NE(error.message.kk.find("«width» болуы мүмкін бе"), std::string::npos);
}

TEST(TemplateParser, ValueErrorsNameFileAndLine) {
  ExpectParseError(Replace(kValid, "width = 70", "width = 0"), "forms.bad_value", "width = 0");
  ExpectParseError(Replace(kValid, "width = 70", "width = 70mm"), "forms.bad_value",
                   "width = 70mm");
  ExpectParseError(Replace(kValid, "width = 70", "width = 1000"), "forms.bad_value",
                   "width = 1000");
  ExpectParseError(Replace(kValid, "format = money_blank_zero", "format = currency"),
                   "forms.bad_value", "format = currency");
  ExpectParseError(Replace(kValid, "align = right", "align = middle"), "forms.bad_value",
                   "align = middle");
  ExpectParseError(Replace(kValid, "total = sum", "total = avg"), "forms.bad_value", "total = avg");
  ExpectParseError(Replace(kValid, "orientation = landscape", "orientation = wide"),
                   "forms.bad_value", "orientation = wide");
  ExpectParseError(Replace(kValid, "font_size = 9", "font_size = 30"), "forms.bad_value",
                   "font_size = 30");
  ExpectParseError(Replace(kValid, "institution = false", "institution = nope"), "forms.bad_value",
                   "institution = nope");
  ExpectParseError(Replace(kValid, "drill = institution:id", "drill = institution"),
                   "forms.bad_value", "drill = institution");
  ExpectParseError(Replace(kValid, "type = date", "type = datetime"), "forms.bad_value",
                   "type = datetime");
  ExpectParseError(Replace(kValid, "default = month_end", "default = 31.02.2026"),
                   "forms.parameter.type", "default = 31.02.2026");
  ExpectParseError(Replace(kValid, "roles = head, chief_accountant", "roles = head, chef"),
                   "forms.bad_value", "roles = head, chef");
  ExpectParseError(Replace(kValid, "[parameter region]", "[parameter count]"),
                   "forms.reserved_name", "[parameter count]");
}

TEST(TemplateParser, MissingKazakhOrRussianTextIsAnError) {
  ExpectParseError(Replace(kValid, "header.ru = Сумма, тенге\n", ""), "forms.missing_key",
                   "header.kk = Сомасы");
  ExpectParseError(Replace(kValid, "header.kk = Мекеме / Атауы\n", ""), "forms.missing_key",
                   "header.ru = Учреждение");
  ExpectParseError(Replace(kValid, "label.kk = Күні\nlabel.ru = Дата\n", ""), "forms.missing_key",
                   "[parameter as_of]");
  ExpectParseError(Replace(kValid, "title.kk = Төлемдер тізілімі\n", ""), "forms.missing_key",
                   "title.ru = Реестр");
  // A title line in one language only: the next pair begins before it is complete.
  ExpectParseError(Replace(kValid, "line.ru = {region}\n", ""), "forms.missing_key",
                   "line.kk = Өңір");
  ExpectParseError(Replace(kValid, "line.ru = Примечание\n", ""), "forms.missing_key",
                   "line.kk = Ескерту");
}

TEST(TemplateParser, PlaceholdersMustNameAParameter) {
  const auto error =
      ExpectParseError(Replace(kValid, "по состоянию на {as_of}", "по состоянию на {asof}"),
                       "forms.placeholder", "по состоянию на {asof}");
  EXPECT_NE(error.message.en.find("{asof} names no parameter"), std::string::npos)
      << error.message.en;
  EXPECT_NE(error.message.en.find("as_of, region, institution"), std::string::npos);
  // {value} belongs to group labels, not to title lines.
  ExpectParseError(Replace(kValid, "line.kk = Өңір: {region}", "line.kk = {value}"),
                   "forms.placeholder", "line.kk = {value}");
  ExpectParseError(Replace(kValid, "label.ru = Всего: {count}", "label.ru = Всего: {value}"),
                   "forms.placeholder", "label.ru = Всего: {value}");
  ExpectParseError(Replace(kValid, "header.ru = Сумма, тенге", "header.ru = Сумма на {dt}"),
                   "forms.placeholder", "header.ru = Сумма на {dt}");
  ExpectParseError(Replace(kValid, "line.ru = {region}", "line.ru = {region"), "forms.placeholder",
                   "line.ru = {region");
  ExpectParseError(Replace(kValid, "line.ru = {region}", "line.ru = region}"), "forms.placeholder",
                   "line.ru = region}");
}

TEST(TemplateParser, ReferencesBetweenSectionsAreChecked) {
  const auto error = ExpectParseError(Replace(kValid, "in_words = amount", "in_words = amuont"),
                                      "forms.unknown_column", "in_words = amuont");
  EXPECT_NE(error.message.en.find("did you mean 'amount'"), std::string::npos);
  ExpectParseError(Replace(kValid, "total = sum\n", ""), "forms.bad_value", "in_words = amount");
  ExpectParseError(Replace(kValid, "header.ru = № п/п\nwidth = 10",
                           "header.ru = № п/п\nwidth = 10\ntotal = count"),
                   "forms.bad_value", "total = count");
  ExpectParseError(Replace(Replace(kValid, "orientation = landscape   # trailing comment\n", ""),
                           "width = 70", "width = 150"),
                   "forms.too_wide", "[form]");
  ExpectParseError(Replace(kValid, "width = 70", "width = 260"), "forms.too_wide",
                   "orientation = landscape");
}

TEST(TemplateParser, ValidationAgainstTheSourceNamesFileAndLine) {
  const auto error = ExpectValidateError(Replace(kValid, "field = amount", "field = amuont"),
                                         "forms.unknown_field", "field = amuont");
  EXPECT_EQ(error.message.en.rfind(
                "forms/t.form:" +
                    std::to_string(LineOf(Replace(kValid, "field = amount", "field = amuont"),
                                          "field = amuont")) +
                    ": unknown field 'amuont' in [column amount]",
                0),
            0u)
      << error.message.en;
  EXPECT_NE(error.message.en.find("did you mean 'amount'"), std::string::npos);
  EXPECT_NE(error.message.ru.find("нет поля «amuont»"), std::string::npos);
  ExpectValidateError(Replace(kValid, "field.ru = name_ru", "field.ru = name_rus"),
                      "forms.unknown_field", "field.ru = name_rus");
  ExpectValidateError(Replace(kValid, "field.ru = name_ru", "field.ru = id"), "forms.type_mismatch",
                      "field.ru = id");
  ExpectValidateError(Replace(kValid, "drill = institution:id", "drill = institution:uid"),
                      "forms.unknown_field", "drill = institution:uid");
  ExpectValidateError(Replace(kValid, "field = district", "field = region"), "forms.unknown_field",
                      "field = region");
  ExpectValidateError(Replace(kValid, "format = money_blank_zero", "format = date_long"),
                      "forms.type_mismatch", "format = date_long");
  ExpectValidateError(Replace(Replace(kValid, "field = amount", "field = district"),
                              "format = money_blank_zero", "format = auto"),
                      "forms.type_mismatch", "total = sum");
  ExpectValidateError(Replace(kValid, "source = payments", "source = payment"),
                      "forms.unknown_source", "source = payment");
  ExpectValidateError(
      Replace(kValid, "[parameter region]\ntype = text", "[parameter region]\ntype = integer"),
      "forms.type_mismatch", "type = integer");
  ExpectValidateError(
      ReplaceAll(Replace(kValid, "[parameter region]", "[parameter regio]"), "{region}", "{regio}"),
      "forms.unknown_parameter", "[parameter regio]");
  ExpectValidateError(Replace(kValid, "default = month_end", "required = false"),
                      "forms.missing_parameter", "required = false");
}

TEST(TemplateParser, ASourceRequiredParameterMustBeDeclared) {
  std::string text = Replace(kValid,
                             "[parameter as_of]\ntype = date\nlabel.kk = Күні\n"
                             "label.ru = Дата\ndefault = month_end\n",
                             "");
  text = Replace(text, "line.kk = {as_of} жағдай бойынша\nline.ru = по состоянию на {as_of}\n", "");
  ExpectValidateError(text, "forms.missing_parameter", "source = payments");
}

TEST(TemplateParser, HeaderLevelsSplitOnSpacedSlashesOnly) {
  EXPECT_EQ(HeaderLevels("Учреждение / БИН"), (std::vector<std::string>{"Учреждение", "БИН"}));
  EXPECT_EQ(HeaderLevels("№ п/п"), (std::vector<std::string>{"№ п/п"}));
  EXPECT_EQ(HeaderLevels("A / B/C / D"), (std::vector<std::string>{"A", "B/C", "D"}));
}

TEST(TemplateParser, PlaceholdersExpandWithEscapedBraces) {
  const auto expanded = ExpandPlaceholders("{{x}} = {x}, {y}", [](std::string_view name) {
    return name == "x" ? std::string("1") : std::string("?");
  });
  EXPECT_EQ(expanded, "{x} = 1, ?");
  EXPECT_FALSE(SplitPlaceholders("{X}").ok());
  EXPECT_FALSE(SplitPlaceholders("{}").ok());
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("esep_forms_test_" + std::to_string(::getpid())) / "forms";
    std::filesystem::remove_all(path_.parent_path());
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_.parent_path()); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

const SourceSchema* Lookup(std::string_view name) {
  static const SourceSchema schema = PaymentsSchema();
  return name == schema.name ? &schema : nullptr;
}

TEST(LoadTemplates, LoadsAndValidatesADirectory) {
  TempDir dir;
  dir.Write("payments.form", std::string(kValid));
  dir.Write("notes.txt", "not a template");
  auto set = LoadTemplates(dir.path(), Lookup);
  ASSERT_TRUE(set.ok()) << set.error().message.en;
  EXPECT_EQ(set->size(), 1u);
  ASSERT_NE(set->Find("payments"), nullptr);
  EXPECT_EQ(set->Find("payments")->file_name, "forms/payments.form");
  EXPECT_EQ(set->Find("absent"), nullptr);
}

TEST(LoadTemplates, ReportsTheFirstErrorAndListsAll) {
  TempDir dir;
  const std::string bad_field = Replace(kValid, "field = amount", "field = bnn");
  dir.Write("payments.form", bad_field);
  dir.Write("a_wrong_id.form", std::string(kValid));
  dir.Write("z_source.form", Replace(Replace(kValid, "id = payments", "id = z_source"),
                                     "source = payments", "source = nowhere"));
  auto set = LoadTemplates(dir.path(), Lookup);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().code, "forms.id_mismatch");
  EXPECT_EQ(set.error().field, "forms/a_wrong_id.form:3");
  const std::string& all = set.error().details;
  EXPECT_NE(all.find("forms/a_wrong_id.form:3: The template id 'payments' must equal"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("forms/payments.form:" + std::to_string(LineOf(bad_field, "field = bnn")) +
                     ": unknown field 'bnn' in [column amount]"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("forms/z_source.form:6: No data source 'nowhere'"), std::string::npos) << all;
}

TEST(LoadTemplates, AnEmptyOrMissingDirectoryIsAnError) {
  TempDir dir;
  auto empty = LoadTemplates(dir.path(), Lookup);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "forms.dir");
  auto missing = LoadTemplates(dir.path() / "absent", Lookup);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "forms.dir");
}

TEST(TemplateDocs, TheExampleInDocsFormsMdIsValid) {
  std::ifstream in(ESEP_SOURCE_DIR "/docs/forms.md", std::ios::binary);
  ASSERT_TRUE(in) << "docs/forms.md";
  const std::string docs((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t begin = docs.find("<!-- example:begin -->\n```ini\n");
  const std::size_t end = docs.find("```\n<!-- example:end -->");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::size_t start = docs.find("[form]", begin);
  auto form = ParseTemplate(docs.substr(start, end - start), "docs/forms.md");
  ASSERT_TRUE(form.ok()) << form.error().message.en;
  EXPECT_EQ(form->columns.size(), 5u);
  const auto status = ValidateTemplate(*form, *FindBuiltinSource(form->source));
  EXPECT_TRUE(status.ok()) << status.error().message.en;
}

// --- parameters ----------------------------------------------------------------------------

FormTemplate ParsedValid() { return ParseTemplate(kValid, "forms/payments.form").value(); }

TEST(Parameters, DefaultsApplyWhenNothingIsSupplied) {
  const auto today = core::Date::FromYmd(2026, 2, 10).value();
  auto values = ResolveParameters(ParsedValid(), {}, today);
  ASSERT_TRUE(values.ok()) << values.error().message.en;
  EXPECT_EQ(std::get<core::Date>(values->at("as_of")), core::Date::FromYmd(2026, 2, 28).value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(values->at("region")));
}

TEST(Parameters, SuppliedTextsAreTyped) {
  const auto today = core::Date::FromYmd(2026, 2, 10).value();
  auto values =
      ResolveParameters(ParsedValid(), {{"as_of", " 15.03.2026 "}, {"region", " Алматы "}}, today);
  ASSERT_TRUE(values.ok()) << values.error().message.en;
  EXPECT_EQ(std::get<core::Date>(values->at("as_of")), core::Date::FromYmd(2026, 3, 15).value());
  EXPECT_EQ(std::get<std::string>(values->at("region")), "Алматы");
}

TEST(Parameters, ErrorsNameTheParameter) {
  const auto today = core::Date::FromYmd(2026, 2, 10).value();
  auto bad_date = ResolveParameters(ParsedValid(), {{"as_of", "2026-13-01"}}, today);
  ASSERT_FALSE(bad_date.ok());
  EXPECT_EQ(bad_date.error().code, "forms.parameter.type");
  EXPECT_EQ(bad_date.error().field, "as_of");
  EXPECT_NE(bad_date.error().message.ru.find("дата"), std::string::npos);
  EXPECT_NE(bad_date.error().message.kk.find("күн"), std::string::npos);

  auto unknown = ResolveParameters(ParsedValid(), {{"asof", "2026-01-01"}}, today);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "forms.parameter.unknown");
  EXPECT_EQ(unknown.error().field, "asof");

  FormTemplate form = ParsedValid();
  form.parameters[0].default_value.clear();
  auto required = ResolveParameters(form, {{"as_of", "  "}}, today);
  ASSERT_FALSE(required.ok());
  EXPECT_EQ(required.error().code, "forms.parameter.required");
  EXPECT_EQ(required.error().field, "as_of");
  EXPECT_EQ(required.error().message.ru, "Заполните параметр «Дата»");
  EXPECT_EQ(required.error().message.kk, "«Күні» параметрін толтырыңыз");
}

TEST(Parameters, EveryTypeAndKeyword) {
  const auto today = core::Date::FromYmd(2024, 2, 10).value();
  auto date = [&](std::string_view keyword) {
    return std::get<core::Date>(DefaultValue(ParameterType::kDate, keyword, today, "d").value());
  };
  EXPECT_EQ(date("today"), today);
  EXPECT_EQ(date("month_start"), core::Date::FromYmd(2024, 2, 1).value());
  EXPECT_EQ(date("month_end"), core::Date::FromYmd(2024, 2, 29).value());
  EXPECT_EQ(date("year_start"), core::Date::FromYmd(2024, 1, 1).value());
  EXPECT_EQ(date("year_end"), core::Date::FromYmd(2024, 12, 31).value());
  EXPECT_EQ(date("2026-03-15"), core::Date::FromYmd(2026, 3, 15).value());

  EXPECT_EQ(
      std::get<std::int64_t>(ParseParameterValue(ParameterType::kInteger, "-42", "n").value()),
      -42);
  EXPECT_FALSE(ParseParameterValue(ParameterType::kInteger, "4 2", "n").ok());
  EXPECT_FALSE(ParseParameterValue(ParameterType::kInteger, "99999999999999999999", "n").ok());
  EXPECT_EQ(
      std::get<std::int64_t>(ParseParameterValue(ParameterType::kInstitution, "17", "i").value()),
      17);
  EXPECT_FALSE(ParseParameterValue(ParameterType::kInstitution, "0", "i").ok());
  EXPECT_FALSE(ParseParameterValue(ParameterType::kInstitution, "-3", "i").ok());
  EXPECT_FALSE(ParseParameterValue(ParameterType::kInstitution, "+3", "i").ok());
  EXPECT_FALSE(ParseParameterValue(ParameterType::kText, std::string(501, 'a'), "t").ok());
  EXPECT_FALSE(CheckParameterDefault(ParameterType::kInteger, "today", "n").ok());
  EXPECT_TRUE(CheckParameterDefault(ParameterType::kDate, "year_end", "d").ok());
}

}  // namespace
}  // namespace esep::forms
