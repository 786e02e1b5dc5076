// The Document's JSON: exact round trips, the compact form, and errors that name the path.

#include "esep/forms/document_json.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "sample_documents.hpp"

namespace esep::forms {
namespace {

namespace json = boost::json;

Document ThroughText(const Document& document) {
  const std::string text = json::serialize(DocumentToJson(document));
  auto back = DocumentFromJson(json::parse(text));
  if (!back.ok()) ADD_FAILURE() << back.error().message.en;
  return back.ok() ? std::move(back).value() : Document{};
}

TEST(DocumentJson, SampleDocumentsRoundTripExactly) {
  for (core::Lang lang : {core::Lang::kKk, core::Lang::kRu}) {
    for (std::size_t rows : {0u, 1u, 12u, 200u}) {
      const Document document = test::SampleDocument(lang, rows);
      EXPECT_EQ(ThroughText(document), document) << core::LangCode(lang) << " " << rows;
    }
  }
}

TEST(DocumentJson, EveryFieldAndExtremeValueRoundTrips) {
  Document document;
  document.form_id = "edge";
  document.language = "en";
  document.title = "Quotes \" and \\ and\nnewlines, Қазақша";
  document.page = {Orientation::kLandscape, 12.5, 7.25, false, false, ""};
  document.columns = {{"", 0.1, ValueKind::kEmpty},
                      {"a", 1234.5678, ValueKind::kMoney},
                      {"b", 30, ValueKind::kDate}};
  Cell full;
  full.column = 0;
  full.col_span = 3;
  full.row_span = 4;
  full.kind = ValueKind::kMoney;
  full.text = "-92\u00A0233\u00A0720\u00A0368\u00A0547\u00A0758,08";
  full.number = std::numeric_limits<std::int64_t>::min();
  full.style = {Align::kRight, true, true, true, false, 5};
  full.drill = DrillDown{"memorial_order", "MO-1/2026"};
  Cell max;
  max.column = 1;
  max.kind = ValueKind::kInteger;
  max.number = std::numeric_limits<std::int64_t>::max();
  Cell empty;
  empty.column = 2;
  empty.drill = DrillDown{"", ""};
  document.title_rows = {Row{RowKind::kTitle, {full}}};
  document.header_rows = {Row{RowKind::kHeader, {}}};
  document.body_rows = {Row{RowKind::kGroupHeader, {max, empty}}, Row{RowKind::kSubtotal, {}},
                        Row{RowKind::kTotal, {}}, Row{RowKind::kData, {}}};
  document.footer_rows = {Row{RowKind::kFooter, {}}, Row{RowKind::kSignature, {}}};
  EXPECT_EQ(ThroughText(document), document);
}

TEST(DocumentJson, AnArenaGivesTheSameJson) {
  const Document document = test::SampleDocument(core::Lang::kKk, 30);
  json::monotonic_resource arena;
  const json::object in_arena = DocumentToJson(document, &arena);
  EXPECT_EQ(json::serialize(in_arena), json::serialize(DocumentToJson(document)));
  EXPECT_EQ(DocumentFromJson(in_arena).value(), document);
}

TEST(DocumentJson, DefaultsAreLeftOut) {
  const Document document = test::SampleDocument(core::Lang::kRu, 3);
  const json::object out = DocumentToJson(document);
  EXPECT_EQ(out.at("form_id").as_string(), "sample_payments");
  EXPECT_EQ(out.at("language").as_string(), "ru");
  const json::object& page = out.at("page").as_object();
  EXPECT_EQ(page.at("orientation").as_string(), "portrait");
  EXPECT_EQ(page.at("page_number_format").as_string(), "Страница {page} из {pages}");
  // Whole millimetres are integers, not "1E1".
  EXPECT_TRUE(out.at("columns").as_array()[0].as_object().at("width_mm").is_int64());
  EXPECT_EQ(json::serialize(out.at("columns").as_array()[0]),
            R"({"field":"line_no","width_mm":12,"kind":"integer"})");

  // A data row's BIN cell: a plain bordered left-aligned text cell has no style at all.
  const json::array& body = out.at("body_rows").as_array();
  const json::object& data = body[1].as_object();
  EXPECT_EQ(data.at("kind").as_string(), "data");
  const json::object& bin = data.at("cells").as_array()[2].as_object();
  EXPECT_EQ(json::serialize(bin), R"({"column":2,"kind":"text","text":"260140000000"})");
  // A money cell keeps only what differs from the defaults.
  const json::object& amount = data.at("cells").as_array()[4].as_object();
  EXPECT_FALSE(amount.contains("col_span"));
  EXPECT_FALSE(amount.contains("row_span"));
  EXPECT_EQ(json::serialize(amount.at("style")), R"({"align":"right"})");
  EXPECT_TRUE(amount.at("number").is_int64());
  // The name cell carries its drill-down.
  EXPECT_EQ(json::serialize(data.at("cells").as_array()[1].as_object().at("drill")),
            R"({"entity":"institution","id":"1000"})");
  // Signature cells: no border is written, the empty signing line has only its place.
  const json::array& footer = out.at("footer_rows").as_array();
  const json::object& line = footer.back().as_object().at("cells").as_array()[1].as_object();
  EXPECT_EQ(json::serialize(line),
            R"({"column":2,"col_span":2,"kind":"text","style":{"align":"center","border":false}})");
  // A header cell spanning two rows.
  const json::object& number_header =
      out.at("header_rows").as_array()[0].as_object().at("cells").as_array()[0].as_object();
  EXPECT_EQ(number_header.at("row_span").as_int64(), 2);
}

// Sets the value at a JSON pointer whose parent exists (Boost 1.81 has no set_at_pointer).
void SetAt(json::value& document, std::string_view pointer, json::value replacement) {
  const std::size_t slash = pointer.rfind('/');
  json::value& parent = slash == 0 ? document : document.at_pointer(pointer.substr(0, slash));
  const std::string key(pointer.substr(slash + 1));
  if (parent.is_array()) {
    parent.as_array().at(std::stoul(key)) = std::move(replacement);
  } else {
    parent.as_object()[key] = std::move(replacement);
  }
}

struct BadCase {
  const char* pointer_path;  ///< where to change the JSON
  json::value replacement;
  const char* field;  ///< the expected error field
};

TEST(DocumentJson, ErrorsNameThePath) {
  const json::object good = DocumentToJson(test::SampleDocument(core::Lang::kKk, 3));
  const std::vector<BadCase> cases{
      {"/body_rows/1/cells/1/kind", "currency", "body_rows[1].cells[1].kind"},
      {"/body_rows/1/cells/1/column", 6, "body_rows[1].cells[1].column"},
      {"/body_rows/1/cells/1/column", -1, "body_rows[1].cells[1].column"},
      {"/body_rows/1/cells/1/col_span", 0, "body_rows[1].cells[1].col_span"},
      {"/body_rows/1/cells/1/col_span", 6, "body_rows[1].cells[1].col_span"},
      {"/body_rows/1/cells/1/text", 5, "body_rows[1].cells[1].text"},
      {"/body_rows/1/cells/1/style", json::object{{"align", "justify"}},
       "body_rows[1].cells[1].style.align"},
      {"/body_rows/1/cells/1/style", json::object{{"bold", 1}}, "body_rows[1].cells[1].style.bold"},
      {"/body_rows/1/cells/1/drill", json::object{{"entity", "x"}},
       "body_rows[1].cells[1].drill.id"},
      {"/body_rows/1/cells/1/number", 1.5, "body_rows[1].cells[1].number"},
      {"/body_rows/1/kind", "row", "body_rows[1].kind"},
      {"/footer_rows/0", "text", "footer_rows[0]"},
      {"/columns/2/width_mm", "28", "columns[2].width_mm"},
      {"/columns/2/kind", "number", "columns[2].kind"},
      {"/page/orientation", "square", "page.orientation"},
      {"/page/font_size_pt", -8, "page.font_size_pt"},
      {"/header_rows", json::object{}, "header_rows"},
      {"/title", nullptr, "title"},
  };
  for (const auto& bad : cases) {
    json::value document = good;
    SetAt(document, bad.pointer_path, bad.replacement);
    auto result = DocumentFromJson(document);
    ASSERT_FALSE(result.ok()) << bad.pointer_path;
    EXPECT_EQ(result.error().code, "forms.json");
    EXPECT_EQ(result.error().field, bad.field) << bad.pointer_path;
    EXPECT_NE(result.error().message.ru.find(bad.field), std::string::npos);
    EXPECT_NE(result.error().message.kk.find(bad.field), std::string::npos);
  }
  json::object no_page = good;
  no_page.erase("page");
  auto missing = DocumentFromJson(no_page);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "page");
  EXPECT_FALSE(DocumentFromJson(json::array{}).ok());
}

TEST(DocumentJson, UnknownKeysAreIgnored) {
  const Document document = test::SampleDocument(core::Lang::kRu, 2);
  json::value out = DocumentToJson(document);
  out.as_object()["generated_by"] = "a newer server";
  SetAt(out, "/body_rows/1/cells/1/tooltip", "later");
  auto back = DocumentFromJson(out);
  ASSERT_TRUE(back.ok()) << back.error().message.en;
  EXPECT_EQ(*back, document);
}

}  // namespace
}  // namespace esep::forms
