// Reports through a real server on a real database: the two forms of forms/ in Kazakh and
// Russian as PDF, XLSX and JSON (read back with pdftotext, unzip and DocumentFromJson), the
// cache of repeated requests and its invalidation, the audit extract, the generic list
// print, signatories, bad requests that must leave nothing behind, and a broken template
// that stops the server at start with its file and line.
//
// ESEP_SCREENSHOTS=<dir> also writes the PDFs of both forms in both languages from
// demo-like data to <dir> (tools/render-form-screenshots.sh turns them into PNGs).
#include <gtest/gtest.h>

#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api_test.hpp"
#include "esep/core/date.hpp"
#include "esep/forms/document_json.hpp"

namespace esep::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

std::string Slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Standard output of a shell command (the tools the tests read files back with).
std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

class ReportsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    work_dir_ = fs::temp_directory_path() / ("esep_reports_" + database_);
    fs::create_directories(work_dir_);
    // The department's chief accountant: reports.read and audit.read on the whole subtree.
    UserWithRole("chief", "chief_accountant", department_, true);
    chief_ = SignIn("chief", kPassword);
  }

  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(work_dir_, ignored);
    ApiTest::TearDown();
  }

  std::string Today() const { return core::Date::Today().ToIso(); }

  ApiReply Post(const std::string& target, const json::object& body,
                const std::string& token = {}) {
    return Call("POST", target, token.empty() ? chief_ : token, json::serialize(body));
  }

  json::object ReportBody(core::OrgId org, const char* lang, json::array formats,
                          json::object parameters = {}) {
    return json::object{{"org_id", org.value()},
                        {"lang", lang},
                        {"parameters", std::move(parameters)},
                        {"formats", std::move(formats)}};
  }

  json::object WaitFinished(std::int64_t id, const std::string& token = {}) {
    return WaitForJob(id, token.empty() ? chief_ : token);
  }

  // Queues a report (expects 202) and returns the finished job, which must have succeeded.
  json::object Produce(const std::string& target, const json::object& body) {
    const auto reply = Post(target, body);
    EXPECT_EQ(reply.status, 202) << reply.body;
    if (reply.status != 202) return {};
    EXPECT_FALSE(reply.json().at("cached").as_bool());
    json::object job = WaitFinished(reply.json().at("id").as_int64());
    EXPECT_EQ(job.at("status").as_string(), "succeeded") << json::serialize(job);
    return job;
  }

  std::string File(const json::object& job, const std::string& name) {
    const auto reply =
        Call("GET", "/api/v1/jobs/" + std::to_string(job.at("id").as_int64()) + "/files/" + name,
             chief_);
    EXPECT_EQ(reply.status, 200) << name << ": " << reply.body.substr(0, 300);
    return reply.body;
  }

  fs::path Save(const std::string& bytes, const std::string& name) {
    const fs::path file = work_dir_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

  std::string PdfText(const std::string& pdf) {
    return Shell("pdftotext -layout '" + Save(pdf, "report.pdf").string() + "' -");
  }

  std::string XlsxStrings(const std::string& xlsx) {
    return Shell("unzip -p '" + Save(xlsx, "report.xlsx").string() + "' xl/sharedStrings.xml");
  }

  forms::Document DocumentOf(const json::object& job) {
    auto doc = forms::DocumentFromJson(json::parse(File(job, "document.json")));
    EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().field + " " + doc.error().message.en);
    return doc.ok() ? doc.value() : forms::Document{};
  }

  // Every text of a document's cells, one line per row.
  static std::string Texts(const forms::Document& doc) {
    std::string out;
    for (const auto* band : {&doc.title_rows, &doc.header_rows, &doc.body_rows, &doc.footer_rows}) {
      for (const auto& row : *band) {
        for (const auto& cell : row.cells) out += cell.text + " | ";
        out += "\n";
      }
    }
    return out;
  }

  std::int64_t Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<std::int64_t>();
  }

  std::string chief_;
  fs::path work_dir_;
};

TEST_F(ReportsApiTest, TheRegisterOfInstitutionsInKazakhAndRussianAsPdfXlsxAndJson) {
  // Both languages queued at once: the two job workers paint their PDFs at the same time.
  const auto kk = Post("/api/v1/reports/institutions_list",
                       ReportBody(department_, "kk", {"pdf", "xlsx", "json"}));
  const auto ru = Post("/api/v1/reports/institutions_list",
                       ReportBody(department_, "ru", {"xlsx", "json", "pdf", "pdf"}));
  ASSERT_EQ(kk.status, 202) << kk.body;
  ASSERT_EQ(ru.status, 202) << ru.body;
  EXPECT_EQ(kk.json().at("kind").as_string(), "report.render");
  EXPECT_EQ(kk.json().at("org_id").as_int64(), department_.value());

  struct Expected {
    const ApiReply* reply;
    const char* title;
    const char* school;
    const char* department;
    const char* total;
  };
  for (const Expected& e :
       {Expected{&kk, "Мемлекеттік мекемелердің тізілімі", "Школа-гимназия № 1 (kk)",
                 "Отдел образования района (kk)", "Барлығы мекемелер: 3"},
        Expected{&ru, "Реестр государственных учреждений", "Школа-гимназия № 1",
                 "Отдел образования района", "Всего учреждений: 3"}}) {
    const json::object job = WaitFinished(e.reply->json().at("id").as_int64());
    ASSERT_EQ(job.at("status").as_string(), "succeeded") << json::serialize(job);
    std::vector<std::string> files;
    for (const auto& name : job.at("files").as_array()) files.emplace_back(name.as_string());
    std::sort(files.begin(), files.end());
    EXPECT_EQ(files, (std::vector<std::string>{"document.json", "institutions_list.pdf",
                                               "institutions_list.xlsx"}));
    // Progress counted every stage: parameters, rows, document and the three files.
    EXPECT_EQ(job.at("progress").at("total").as_int64(), 6);
    EXPECT_EQ(job.at("progress").at("done").as_int64(), 6);
    EXPECT_EQ(job.at("result").at("rows").as_int64(), 3);

    const std::string pdf = File(job, "institutions_list.pdf");
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
    const std::string text = PdfText(pdf);
    EXPECT_NE(text.find(e.title), std::string::npos) << text;
    EXPECT_NE(text.find(e.school), std::string::npos) << text;
    EXPECT_NE(text.find(e.department), std::string::npos) << text;
    EXPECT_NE(text.find(e.total), std::string::npos) << text;
    EXPECT_NE(text.find(SyntheticBin(300)), std::string::npos) << text;

    const std::string strings = XlsxStrings(File(job, "institutions_list.xlsx"));
    EXPECT_NE(strings.find(e.title), std::string::npos) << strings;
    EXPECT_NE(strings.find(e.school), std::string::npos) << strings;
    EXPECT_NE(strings.find(SyntheticBin(200)), std::string::npos) << strings;

    const forms::Document doc = DocumentOf(job);
    EXPECT_EQ(doc.form_id, "institutions_list");
    EXPECT_EQ(doc.title, e.title);
    EXPECT_EQ(doc.language, e.reply == &kk ? "kk" : "ru");
    EXPECT_NE(Texts(doc).find(e.school), std::string::npos);
  }
}

TEST_F(ReportsApiTest, ARepeatedRequestIsServedFromTheCacheUntilTheDataChanges) {
  const json::object body = ReportBody(department_, "ru", {"json"});
  const json::object first = Produce("/api/v1/reports/institutions_list", body);
  const std::int64_t id = first.at("id").as_int64();
  const std::int64_t jobs = Count("SELECT count(*) FROM jobs");

  // The same request (formats repeated, defaults spelt out) finds the finished job.
  json::object same =
      ReportBody(department_, "ru", {"json", "json"}, json::object{{"as_of", Today()}});
  const auto cached = Post("/api/v1/reports/institutions_list", same);
  ASSERT_EQ(cached.status, 200) << cached.body;
  EXPECT_TRUE(cached.json().at("cached").as_bool());
  EXPECT_EQ(cached.json().at("id").as_int64(), id);
  EXPECT_EQ(cached.json().at("status").as_string(), "succeeded");
  EXPECT_EQ(Count("SELECT count(*) FROM jobs"), jobs);

  // Another language, another set of files.
  const auto kazakh =
      Post("/api/v1/reports/institutions_list", ReportBody(department_, "kk", {"json"}));
  EXPECT_EQ(kazakh.status, 202) << kazakh.body;
  WaitFinished(kazakh.json().at("id").as_int64());

  // A school is renamed through the API: the next request prints it anew.
  auto school =
      Call("GET", "/api/v1/institutions/" + std::to_string(school2_.value()), admin_token_);
  ASSERT_EQ(school.status, 200) << school.body;
  json::object change = school.json().as_object();
  change["name_ru"] = "Средняя школа № 2 имени Абая";
  const auto put = Call("PUT", "/api/v1/institutions/" + std::to_string(school2_.value()),
                        admin_token_, json::serialize(change));
  ASSERT_EQ(put.status, 200) << put.body;

  const json::object renewed = Produce("/api/v1/reports/institutions_list", body);
  EXPECT_NE(renewed.at("id").as_int64(), id);
  EXPECT_NE(renewed.at("result").at("cache_key"), first.at("result").at("cache_key"));
  EXPECT_NE(Texts(DocumentOf(renewed)).find("Средняя школа № 2 имени Абая"), std::string::npos);

  // ...and that one is the cache now.
  const auto again = Post("/api/v1/reports/institutions_list", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("id").as_int64(), renewed.at("id").as_int64());

  // Another user does not get the chief's files.
  UserWithRole("auditor", "auditor", department_, true);
  const auto other = Post("/api/v1/reports/institutions_list", body, SignIn("auditor", kPassword));
  EXPECT_EQ(other.status, 202) << other.body;
}

TEST_F(ReportsApiTest, TheAuditExtractForADateRange) {
  // Something to extract besides the registrations of SetUp: a user's sign-in.
  const std::string today = Today();
  const json::object job =
      Produce("/api/v1/reports/audit_extract",
              ReportBody(department_, "kk", {"json", "pdf"},
                         json::object{{"from", today}, {"to", today}, {"action", "institution."}}));
  const forms::Document doc = DocumentOf(job);
  EXPECT_EQ(doc.form_id, "audit_extract");
  EXPECT_EQ(doc.title, "Аудит журналынан үзінді");
  const std::string texts = Texts(doc);
  // The three registrations of SetUp, described for people, with their institutions.
  EXPECT_EQ(job.at("result").at("rows").as_int64(), 3) << texts;
  EXPECT_NE(texts.find("Мекеме тіркелді"), std::string::npos) << texts;
  EXPECT_NE(texts.find("institution.create"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Школа-гимназия № 1 (kk)"), std::string::npos) << texts;
  EXPECT_NE(texts.find("орындалды"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Кезеңдегі оқиғалардың барлығы: 3"), std::string::npos) << texts;
  const std::string date = core::Date::Today().Format(core::Lang::kKk);
  EXPECT_NE(texts.find(date + " бастап " + date + " дейінгі кезең"), std::string::npos) << texts;
  const std::string pdf = PdfText(File(job, "audit_extract.pdf"));
  EXPECT_NE(pdf.find("Аудит журналынан үзінді"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("Мекеме тіркелді"), std::string::npos) << pdf;

  // A period with nothing in it.
  const json::object empty =
      Produce("/api/v1/reports/audit_extract",
              ReportBody(department_, "ru", {"json"},
                         json::object{{"from", "2020-01-01"}, {"to", "31.01.2020"}}));
  EXPECT_EQ(empty.at("result").at("rows").as_int64(), 0);
  EXPECT_NE(Texts(DocumentOf(empty)).find("Всего событий за период: 0"), std::string::npos);

  // The end before the start names the parameter.
  const auto backwards =
      Post("/api/v1/reports/audit_extract",
           ReportBody(department_, "ru", {"json"},
                      json::object{{"from", "2026-03-02"}, {"to", "2026-03-01"}}));
  EXPECT_EQ(backwards.status, 422) << backwards.body;
  EXPECT_EQ(backwards.json().at("field").as_string(), "parameters.to");

  // The audit trail is for holders of audit.read: an accountant may print reports, not this.
  UserWithRole("accountant", "accountant", department_, true);
  const auto refused =
      Post("/api/v1/reports/audit_extract", ReportBody(department_, "ru", {"json"}),
           SignIn("accountant", kPassword));
  EXPECT_EQ(refused.status, 403) << refused.body;
}

TEST_F(ReportsApiTest, ALargeReportReportsProgressAndCanBeCancelled) {
  // Enough rows that painting them takes a while.
  {
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, prev_hash, hash) "
        "SELECT 'mutation', 'institution.update', $1, 'institution', g::text, '\\x00', "
        "sha256(('bulk' || g)::bytea) FROM generate_series(1, 20000) AS g",
        school1_.value());
    tx.commit();
  }
  const std::string today = Today();
  const auto reply = Post("/api/v1/reports/audit_extract",
                          ReportBody(department_, "ru", {"json", "pdf", "xlsx"},
                                     json::object{{"from", today}, {"to", today}}));
  ASSERT_EQ(reply.status, 202) << reply.body;
  const std::int64_t id = reply.json().at("id").as_int64();
  // Asked to stop as soon as it runs: it stops at its next stage (rendering 20,000 rows
  // takes far longer than the request).
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  for (;;) {
    const json::value job = Call("GET", "/api/v1/jobs/" + std::to_string(id), chief_).json();
    ASSERT_EQ(job.at("finished_at"), nullptr) << "finished before it could be cancelled";
    if (job.at("status").as_string() == "running") break;
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(5ms);
  }
  const auto cancel = Call("POST", "/api/v1/jobs/" + std::to_string(id) + "/cancel", chief_);
  ASSERT_EQ(cancel.status, 202) << cancel.body;
  const json::object job = WaitFinished(id);
  EXPECT_EQ(job.at("status").as_string(), "cancelled") << json::serialize(job);
  EXPECT_EQ(job.at("error").at("code").as_string(), "job.cancelled");
  EXPECT_TRUE(job.at("files").as_array().empty());
  // Progress counts the stages: parameters and rows, document, three files.
  EXPECT_EQ(job.at("progress").at("total").as_int64(), 6);
  EXPECT_LT(job.at("progress").at("done").as_int64(), 6);
  // A cancelled report is no cache: the same request runs again.
  const auto again = Post("/api/v1/reports/audit_extract",
                          ReportBody(department_, "ru", {"json", "pdf", "xlsx"},
                                     json::object{{"from", today}, {"to", today}}));
  EXPECT_EQ(again.status, 202) << again.body;
  const auto stop =
      Call("POST", "/api/v1/jobs/" + std::to_string(again.json().at("id").as_int64()) + "/cancel",
           chief_);
  EXPECT_EQ(stop.status, 202) << stop.body;
  WaitFinished(again.json().at("id").as_int64());
}

TEST_F(ReportsApiTest, AnyClientListPrintsThroughTheGenericList) {
  json::array columns{
      json::object{{"field", "bin"}, {"header", {{"kk", "БСН"}, {"ru", "БИН"}}}, {"width_mm", 30}},
      json::object{{"field", "name_ru"},
                   {"header", {{"kk", "Атауы"}, {"ru", "Наименование"}}},
                   {"width_mm", 90}}};
  json::object body = ReportBody(department_, "ru", {"json", "xlsx", "pdf"},
                                 json::object{{"institution", std::to_string(school1_.value())}});
  body["source"] = "institutions";
  body["title"] = json::object{{"kk", "Мекемелер тізімі"}, {"ru", "Список учреждений"}};
  body["columns"] = columns;
  const json::object job = Produce("/api/v1/reports/list", body);
  EXPECT_EQ(job.at("result").at("form_id").as_string(), "list_institutions");
  const forms::Document doc = DocumentOf(job);
  EXPECT_EQ(doc.title, "Список учреждений");
  const std::string texts = Texts(doc);
  // The filter (one school and what is below it) came as a parameter.
  EXPECT_NE(texts.find("Школа-гимназия № 1"), std::string::npos) << texts;
  EXPECT_NE(texts.find(SyntheticBin(200)), std::string::npos) << texts;
  EXPECT_EQ(texts.find("Средняя школа № 2"), std::string::npos) << texts;
  EXPECT_NE(texts.find("Всего: 1"), std::string::npos) << texts;
  EXPECT_NE(XlsxStrings(File(job, "list_institutions.xlsx")).find("Наименование"),
            std::string::npos);
  EXPECT_NE(PdfText(File(job, "list_institutions.pdf")).find("Список учреждений"),
            std::string::npos);

  // A column the source does not have is named as the list spec names it.
  body["columns"] = json::array{
      json::object{{"field", "bnn"}, {"header", {{"kk", "БСН"}, {"ru", "БИН"}}}, {"width_mm", 30}}};
  const auto bad = Post("/api/v1/reports/list", body);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json().at("field").as_string(), "columns[0].field");
}

TEST_F(ReportsApiTest, BadRequestsAreRefusedBeforeAnythingIsQueued) {
  // An institution outside the chief's subtree.
  core::OrgId foreign;
  {
    pqxx::work tx(db());
    foreign =
        core::OrgId(tx.exec1("INSERT INTO institutions (bin, name_kk, name_ru, kind, "
                             "budget_level) VALUES ('" +
                             SyntheticBin(900) + "', 'Басқа', 'Чужое', 'gu', 2) RETURNING id")[0]
                        .as<std::int64_t>());
    tx.commit();
  }
  const std::int64_t jobs = Count("SELECT count(*) FROM jobs");
  const std::int64_t audit =
      Count("SELECT count(*) FROM audit_log WHERE action <> 'access.denied'");

  const auto unknown_form =
      Post("/api/v1/reports/no_such_form", ReportBody(department_, "ru", {"json"}));
  EXPECT_EQ(unknown_form.status, 404) << unknown_form.body;
  EXPECT_EQ(unknown_form.json().at("code").as_string(), "report.form_not_found");

  const auto bad_date =
      Post("/api/v1/reports/audit_extract",
           ReportBody(department_, "ru", {"json"}, json::object{{"from", "2026-13-45"}}));
  EXPECT_EQ(bad_date.status, 422) << bad_date.body;
  EXPECT_EQ(bad_date.json().at("field").as_string(), "parameters.from");
  EXPECT_NE(bad_date.json().at("message").at("ru").as_string().find("from"), std::string::npos);
  EXPECT_NE(bad_date.json().at("message").at("kk").as_string().find("from"), std::string::npos);

  const auto unknown_parameter =
      Post("/api/v1/reports/institutions_list",
           ReportBody(department_, "ru", {"json"}, json::object{{"colour", "red"}}));
  EXPECT_EQ(unknown_parameter.status, 422) << unknown_parameter.body;
  EXPECT_EQ(unknown_parameter.json().at("field").as_string(), "parameters.colour");

  const auto bad_format =
      Post("/api/v1/reports/institutions_list", ReportBody(department_, "ru", {"json", "docx"}));
  EXPECT_EQ(bad_format.status, 400) << bad_format.body;
  EXPECT_EQ(bad_format.json().at("code").as_string(), "report.format");
  EXPECT_EQ(bad_format.json().at("field").as_string(), "formats[1]");

  const auto bad_lang =
      Post("/api/v1/reports/institutions_list", ReportBody(department_, "de", {"json"}));
  EXPECT_EQ(bad_lang.status, 400) << bad_lang.body;
  EXPECT_EQ(bad_lang.json().at("field").as_string(), "lang");

  const auto foreign_org =
      Post("/api/v1/reports/institutions_list", ReportBody(foreign, "ru", {"json"}));
  EXPECT_EQ(foreign_org.status, 403) << foreign_org.body;

  const auto foreign_parameter =
      Post("/api/v1/reports/institutions_list",
           ReportBody(department_, "ru", {"json"},
                      json::object{{"institution", std::to_string(foreign.value())}}));
  EXPECT_EQ(foreign_parameter.status, 422) << foreign_parameter.body;
  EXPECT_EQ(foreign_parameter.json().at("field").as_string(), "parameters.institution");

  EXPECT_EQ(Count("SELECT count(*) FROM jobs"), jobs);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action <> 'access.denied'"), audit);
}

TEST_F(ReportsApiTest, SignatoriesArePrintedUnderTheForm) {
  const std::string path =
      "/api/v1/institutions/" + std::to_string(department_.value()) + "/signatories";
  json::object body{{"signatories", json::array{json::object{{"role", "head"},
                                                             {"position_kk", "Бөлім басшысы"},
                                                             {"position_ru", "Начальник отдела"},
                                                             {"person_name", "А. С. Омаров"}}}}};
  const auto put = Call("PUT", path, admin_token_, json::serialize(body));
  ASSERT_EQ(put.status, 200) << put.body;
  const auto got = Call("GET", path, admin_token_);
  ASSERT_EQ(got.status, 200) << got.body;
  const json::value listed = got.json();
  const auto& items = listed.at("signatories").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("person_name").as_string(), "А. С. Омаров");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'institution.signatories'"), 1);

  // The chief may print but not change who signs.
  EXPECT_EQ(Call("PUT", path, chief_, json::serialize(body)).status, 403);
  json::object bad{
      {"signatories", json::array{json::object{{"role", "mayor"}, {"person_name", "X"}}}}};
  const auto refused = Call("PUT", path, admin_token_, json::serialize(bad));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json().at("field").as_string(), "signatories[0].role");

  const json::object job =
      Produce("/api/v1/reports/institutions_list", ReportBody(department_, "ru", {"pdf"}));
  const std::string text = PdfText(File(job, "institutions_list.pdf"));
  EXPECT_NE(text.find("Начальник отдела"), std::string::npos) << text;
  EXPECT_NE(text.find("А. С. Омаров"), std::string::npos) << text;
  // The executor is the user who ran the report.
  EXPECT_NE(text.find("Исполнитель"), std::string::npos) << text;
  EXPECT_NE(text.find("Тест Пайдаланушы chief"), std::string::npos) << text;

  // New signatories make the same request print again.
  body["signatories"].as_array()[0].as_object()["person_name"] = "Б. Б. Сейтқали";
  ASSERT_EQ(Call("PUT", path, admin_token_, json::serialize(body)).status, 200);
  const auto after =
      Post("/api/v1/reports/institutions_list", ReportBody(department_, "ru", {"pdf"}));
  EXPECT_EQ(after.status, 202) << after.body;
}

TEST_F(ReportsApiTest, TheFormsAreListedWithTheirParameters) {
  const auto reply = Call("GET", "/api/v1/forms", chief_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json::value forms = reply.json();
  const auto& items = forms.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << reply.body;
  const auto& audit = items[0].as_object();
  EXPECT_EQ(audit.at("id").as_string(), "audit_extract");
  EXPECT_EQ(audit.at("title").at("kk").as_string(), "Аудит журналынан үзінді");
  EXPECT_EQ(audit.at("source").as_string(), "audit_events");
  EXPECT_EQ(audit.at("orientation").as_string(), "landscape");
  const auto& from = audit.at("parameters").as_array()[0];
  EXPECT_EQ(from.at("name").as_string(), "from");
  EXPECT_EQ(from.at("type").as_string(), "date");
  EXPECT_EQ(from.at("default").as_string(), "month_start");
  EXPECT_TRUE(from.at("required").as_bool());
  EXPECT_EQ(from.at("label").at("ru").as_string(), "Начало периода");
  EXPECT_EQ(from.at("label").at("en").as_string(), "Начало периода") << "English falls back";
  EXPECT_EQ(items[1].at("id").as_string(), "institutions_list");
  // Without reports.read there is nothing to list.
  EXPECT_EQ(Call("GET", "/api/v1/forms", admin_token_).status, 403);
}

TEST_F(ReportsApiTest, ATemplateErrorStopsTheServerWithItsFileAndLine) {
  const fs::path forms = work_dir_ / "broken" / "forms";
  fs::create_directories(forms);
  for (const auto& entry : fs::directory_iterator(fs::path(ESEP_SOURCE_DIR) / "forms")) {
    if (entry.path().extension() == ".form")
      fs::copy_file(entry.path(), forms / entry.path().filename());
  }
  std::string text = Slurp(forms / "institutions_list.form");
  const std::size_t at = text.find("field = bin\n");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "field = bnn");
  std::ofstream(forms / "institutions_list.form", std::ios::binary) << text;
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');

  server::ServerSettings settings = settings_;
  settings.forms_dir = forms;
  server::ServerApp broken(settings);
  const core::Status started = broken.Start();
  ASSERT_FALSE(started.ok());
  const std::string where = "forms/institutions_list.form:" + std::to_string(line);
  EXPECT_EQ(started.error().code, "forms.unknown_field");
  EXPECT_EQ(started.error().field, where);
  EXPECT_EQ(started.error().message.ru.rfind(where + ":", 0), 0u) << started.error().message.ru;
  EXPECT_NE(started.error().message.en.find("bnn"), std::string::npos);
  EXPECT_EQ(broken.port(), 0);
}

// Not a check: the pictures in docs/screenshots (tools/render-form-screenshots.sh).
TEST_F(ReportsApiTest, ScreenshotsOfTheForms) {
  const char* out = std::getenv("ESEP_SCREENSHOTS");
  if (out == nullptr || *out == '\0') GTEST_SKIP() << "set ESEP_SCREENSHOTS=<dir> to render";
  // The demo structure of `esep-admin demo`, with a few more institutions of the district.
  {
    pqxx::work tx(db());
    const auto rename = [&](core::OrgId id, const char* kk, const char* ru) {
      tx.exec_params(
          "UPDATE institutions SET name_kk = $2, name_ru = $3, accounting_office_id = "
          "CASE WHEN id = $4 THEN NULL ELSE $4 END WHERE id = $1",
          id.value(), kk, ru, department_.value());
    };
    rename(department_, "Аудандық білім бөлімі", "Районный отдел образования");
    rename(school1_, "№ 1 мектеп-гимназия", "Школа-гимназия № 1");
    rename(school2_, "№ 2 жалпы білім беретін мектеп", "Общеобразовательная школа № 2");
    struct More {
      const char* kk;
      const char* ru;
      const char* kind;
    };
    const More more[] = {
        {"«Балдырған» бөбекжайы", "Ясли-сад «Балдырган»", "gkkp"},
        {"Балалар музыка мектебі", "Детская музыкальная школа", "gkkp"},
        {"№ 3 орта мектеп", "Средняя школа № 3", "kgu"},
        {"Ақсу ауылының бастауыш мектебі", "Начальная школа села Аксу", "kgu"},
    };
    int sequence = 400;
    for (const More& m : more) {
      tx.exec_params(
          "INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level, "
          "parent_id, accounting_office_id) VALUES ($1, $2, $3, $4, 3, $5, $5)",
          SyntheticBin(sequence), m.kk, m.ru, m.kind, department_.value());
      sequence += 100;
    }
    tx.commit();
  }
  const std::string path =
      "/api/v1/institutions/" + std::to_string(department_.value()) + "/signatories";
  json::object signatories{
      {"signatories", json::array{json::object{{"role", "head"},
                                               {"position_kk", "Бөлім басшысы"},
                                               {"position_ru", "Руководитель отдела"},
                                               {"person_name", "Ә. С. Омарова"}}}}};
  ASSERT_EQ(Call("PUT", path, admin_token_, json::serialize(signatories)).status, 200);
  // A morning's work for the audit trail.
  UserWithRole("akhmetova", "chief_accountant", department_, true);
  SignIn("akhmetova", kPassword);
  EXPECT_EQ(client_
                ->Request("POST", "/api/v1/auth/login",
                          R"({"login":"akhmetova","password":"wrong-password-1"})")
                .status,
            401);
  auto school =
      Call("GET", "/api/v1/institutions/" + std::to_string(school2_.value()), admin_token_);
  json::object change = school.json().as_object();
  change["name_ru"] = "Общеобразовательная школа № 2 имени Абая";
  change["name_kk"] = "Абай атындағы № 2 жалпы білім беретін мектеп";
  EXPECT_EQ(Call("PUT", "/api/v1/institutions/" + std::to_string(school2_.value()), admin_token_,
                 json::serialize(change))
                .status,
            200);
  {
    pqxx::work tx(db());
    tx.exec("UPDATE users SET full_name = 'Г. Б. Ахметова' WHERE login = 'chief'");
    tx.commit();
  }

  const std::string today = Today();
  for (const char* lang : {"kk", "ru"}) {
    for (const char* form : {"institutions_list", "audit_extract"}) {
      json::object parameters;
      if (std::string(form) == "audit_extract") parameters = {{"from", today}, {"to", today}};
      const json::object job = Produce(std::string("/api/v1/reports/") + form,
                                       ReportBody(department_, lang, {"pdf"}, parameters));
      const std::string pdf = File(job, std::string(form) + ".pdf");
      std::ofstream(fs::path(out) / (std::string("forms-") + form + "-" + lang + ".pdf"),
                    std::ios::binary)
          << pdf;
    }
  }
}

}  // namespace
}  // namespace esep::testing
