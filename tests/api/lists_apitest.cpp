// The generic list endpoint over TLS: the catalog a user may open, paging with an exact
// total, sorting with a stable tiebreak, the quick search (wildcards literal), every filter
// kind, who sees which rows, the 4xx errors with their fields, and a deep page of a
// 200,000-row audit list.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "api_test.hpp"

namespace esep::testing {
namespace {

namespace json = boost::json;

// SQL expressions over g (the row's number) for the columns a test varies.
struct RowShape {
  std::string entity_id = "g::text";
  std::string at = "clock_timestamp()";
  std::string entity = "'doc'";
  std::string actor = "NULL::bigint";
};

class ListsApiTest : public ApiTest {
 protected:
  // `count` audit rows of `org` whose action is `action`. One statement, so 200,000 rows
  // take a second or two.
  void AddAuditRows(core::OrgId org, int count, const std::string& action,
                    const RowShape& shape = {}) {
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, at, "
        "actor_user_id, prev_hash, hash) SELECT 'mutation', $1::text, $2::bigint, " +
            shape.entity + ", " + shape.entity_id + ", " + shape.at + ", " + shape.actor +
            ", sha256(g::text::bytea), sha256(($1::text || '/' || $2::bigint || '/' || g)::bytea) "
            "FROM generate_series(1, $3::int) AS g",
        action, org.value(), count);
    tx.commit();
  }

  std::int64_t MinAuditId(const std::string& action) {
    pqxx::work tx(db());
    return tx.exec_params1("SELECT min(id) FROM audit_log WHERE action = $1", action)[0]
        .as<std::int64_t>();
  }

  std::int64_t UserId(const std::string& login) {
    pqxx::work tx(db());
    return tx.exec_params1("SELECT id FROM users WHERE login = $1", login)[0].as<std::int64_t>();
  }

  json::object Page(const std::string& list, const std::string& query,
                    const std::string& token = {}) {
    const auto reply =
        Call("GET", "/api/v1/lists/" + list + "?" + query, token.empty() ? admin_token_ : token);
    EXPECT_EQ(reply.status, 200) << list << "?" << query << ": " << reply.body;
    if (reply.status != 200) return {};
    return reply.json().as_object();
  }

  // The position of `code` in the page's columns.
  static std::size_t Index(const json::object& page, const std::string& code) {
    const auto& columns = page.at("columns").as_array();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].as_string() == code) return i;
    }
    ADD_FAILURE() << "no column " << code;
    return 0;
  }

  static std::vector<json::value> Column(const json::object& page, const std::string& code) {
    std::vector<json::value> values;
    const std::size_t index = Index(page, code);
    for (const auto& item : page.at("items").as_array()) values.push_back(item.as_array()[index]);
    return values;
  }

  static std::vector<std::string> Texts(const json::object& page, const std::string& code) {
    std::vector<std::string> texts;
    for (const auto& value : Column(page, code)) texts.emplace_back(value.as_string());
    return texts;
  }

  static std::vector<std::int64_t> Ids(const json::object& page) {
    std::vector<std::int64_t> ids;
    for (const auto& value : Column(page, "id")) ids.push_back(value.as_int64());
    return ids;
  }

  // Asserts an error reply: status, code, field, and a message in all three languages.
  void ExpectError(const std::string& target, int status, const std::string& code,
                   const std::string& field, const std::string& token = {}) {
    const auto reply = Call("GET", target, token.empty() ? admin_token_ : token);
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    const json::value body = reply.json();
    ASSERT_TRUE(body.is_object()) << target << ": " << reply.body;
    EXPECT_EQ(body.at("code").as_string(), code) << target;
    EXPECT_EQ(body.at("field").as_string(), field) << target;
    for (const char* lang : {"kk", "ru", "en"}) {
      EXPECT_FALSE(body.at("message").at(lang).as_string().empty()) << target << " " << lang;
    }
  }
};

std::set<std::string> ListNames(const json::value& catalog) {
  std::set<std::string> names;
  for (const auto& list : catalog.at("lists").as_array()) {
    names.emplace(list.at("name").as_string());
  }
  return names;
}

TEST_F(ListsApiTest, TheCatalogShowsOnlyTheListsTheUserMayOpen) {
  const auto all = Call("GET", "/api/v1/lists", admin_token_);
  ASSERT_EQ(all.status, 200) << all.body;
  const json::value catalog = all.json();
  EXPECT_EQ(ListNames(catalog), (std::set<std::string>{"institutions", "users", "audit", "jobs"}));
  for (const auto& list : catalog.at("lists").as_array()) {
    if (list.at("name").as_string() != "audit") continue;
    EXPECT_EQ(list.at("permission").as_string(), "audit.read");
    EXPECT_EQ(list.at("default_sort").as_string(), "-id");
    EXPECT_EQ(list.at("title").at("kk").as_string(), "Аудит журналы");
    const auto& columns = list.at("columns").as_array();
    ASSERT_GE(columns.size(), 8u);
    EXPECT_EQ(columns[0].at("code").as_string(), "id");
    EXPECT_EQ(columns[0].at("kind").as_string(), "int");
    EXPECT_EQ(columns[0].at("filter").as_string(), "eq");
    EXPECT_EQ(columns[1].at("code").as_string(), "at");
    EXPECT_EQ(columns[1].at("kind").as_string(), "datetime");
    EXPECT_EQ(columns[1].at("filter").as_string(), "range");
    EXPECT_TRUE(columns[1].at("sortable").as_bool());
    EXPECT_FALSE(columns[1].at("searchable").as_bool());
    EXPECT_FALSE(columns[1].at("title").at("ru").as_string().empty());
    // A column of codes names its codes; other columns carry no names.
    EXPECT_EQ(columns[2].at("code").as_string(), "kind");
    EXPECT_EQ(columns[2].at("values").at("security").at("ru").as_string(), "Безопасность");
    EXPECT_EQ(columns[2].at("values").at("mutation").at("kk").as_string(), "Өзгеріс");
    EXPECT_FALSE(columns[1].as_object().contains("values"));
  }

  // An HR officer reads institutions only; anyone may watch their own jobs.
  const std::string hr = SignIn(UserWithRole("hr1", "hr_officer", school1_), kPassword);
  EXPECT_EQ(ListNames(Call("GET", "/api/v1/lists", hr).json()),
            (std::set<std::string>{"institutions", "jobs"}));
  const std::string employee = SignIn(UserWithRole("emp1", "employee", school1_), kPassword);
  EXPECT_EQ(ListNames(Call("GET", "/api/v1/lists", employee).json()),
            (std::set<std::string>{"jobs"}));
  EXPECT_EQ(Call("GET", "/api/v1/lists", "").status, 401);
}

TEST_F(ListsApiTest, PagesCarryTheExactTotalAndTheirSlice) {
  AddAuditRows(school1_, 250, "page.test");
  const std::int64_t first = MinAuditId("page.test");

  const json::object page = Page("audit", "f.action=page.test&sort=id&offset=200&limit=100");
  EXPECT_EQ(page.at("name").as_string(), "audit");
  EXPECT_EQ(page.at("total").as_int64(), 250);
  EXPECT_EQ(page.at("offset").as_int64(), 200);
  EXPECT_EQ(page.at("limit").as_int64(), 100);
  const auto ids = Ids(page);
  ASSERT_EQ(ids.size(), 50u);
  EXPECT_EQ(ids.front(), first + 200);
  EXPECT_EQ(ids.back(), first + 249);

  std::vector<std::string> columns;
  for (const auto& column : page.at("columns").as_array()) columns.emplace_back(column.as_string());
  EXPECT_EQ(columns, (std::vector<std::string>{"id", "at", "kind", "user_id", "user_login",
                                               "org_id", "action", "entity", "entity_id"}));
  // JSON types per kind: numbers, null for a missing user, strings, UTC times with Z.
  const auto& item = page.at("items").as_array()[0].as_array();
  EXPECT_EQ(item[Index(page, "org_id")].as_int64(), school1_.value());
  EXPECT_TRUE(item[Index(page, "user_id")].is_null());
  EXPECT_TRUE(item[Index(page, "user_login")].is_null());
  EXPECT_EQ(item[Index(page, "entity_id")].as_string(), "201");
  const std::string at(item[Index(page, "at")].as_string());
  EXPECT_EQ(at.size(), 20u) << at;
  EXPECT_EQ(at.back(), 'Z');
  EXPECT_EQ(at[10], 'T');

  // The default: 100 rows, newest first; past the end: the total and no items.
  const json::object newest = Page("audit", "f.action=page.test");
  EXPECT_EQ(Ids(newest).size(), 100u);
  EXPECT_EQ(Ids(newest).front(), first + 249);
  const json::object beyond = Page("audit", "f.action=page.test&offset=250");
  EXPECT_EQ(beyond.at("total").as_int64(), 250);
  EXPECT_TRUE(beyond.at("items").as_array().empty());

  // total=0: the same page without the count (a client that knows the total already).
  const json::object uncounted = Page("audit", "f.action=page.test&offset=100&total=0");
  EXPECT_TRUE(uncounted.at("total").is_null());
  EXPECT_EQ(Ids(uncounted).size(), 100u);
  EXPECT_EQ(Ids(uncounted).front(), first + 149);
}

TEST_F(ListsApiTest, SortsAscendingDescendingAndByManyColumnsWithAStableTiebreak) {
  // entity_id takes three values, each on many rows: only the id tiebreak orders them.
  AddAuditRows(school1_, 60, "sort.test", {.entity_id = "'e' || (g % 3)::text"});
  AddAuditRows(school2_, 30, "sort.test", {.entity_id = "'e' || (g % 3)::text"});
  const json::object whole = Page("audit", "f.action=sort.test&sort=entity_id&limit=1000");
  const auto ids = Ids(whole);
  const auto entities = Texts(whole, "entity_id");
  ASSERT_EQ(ids.size(), 90u);
  for (std::size_t i = 1; i < ids.size(); ++i) {
    ASSERT_TRUE(entities[i - 1] < entities[i] ||
                (entities[i - 1] == entities[i] && ids[i - 1] < ids[i]))
        << i;
  }
  // Small pages put together give the same order: paging is stable.
  std::vector<std::int64_t> paged;
  for (int offset = 0; offset < 90; offset += 7) {
    const auto part = Ids(Page(
        "audit", "f.action=sort.test&sort=entity_id&limit=7&offset=" + std::to_string(offset)));
    paged.insert(paged.end(), part.begin(), part.end());
  }
  EXPECT_EQ(paged, ids);

  // Descending, then by institution descending, then by id descending.
  const json::object mixed =
      Page("audit", "f.action=sort.test&sort=-entity_id,-org_id,-id&limit=1000");
  const auto m_ids = Ids(mixed);
  const auto m_entities = Texts(mixed, "entity_id");
  const auto m_orgs = Column(mixed, "org_id");
  ASSERT_EQ(m_ids.size(), 90u);
  EXPECT_EQ(m_entities.front(), "e2");
  EXPECT_EQ(m_entities.back(), "e0");
  for (std::size_t i = 1; i < m_ids.size(); ++i) {
    const auto before = std::make_tuple(m_entities[i - 1], m_orgs[i - 1].as_int64(), m_ids[i - 1]);
    const auto after = std::make_tuple(m_entities[i], m_orgs[i].as_int64(), m_ids[i]);
    ASSERT_GT(before, after) << i;
  }
  EXPECT_EQ(m_orgs.front().as_int64(), std::max(school1_.value(), school2_.value()));
}

TEST_F(ListsApiTest, TheQuickSearchIsCaseInsensitiveAndTakesWildcardsLiterally) {
  AddAuditRows(
      school1_, 6, "q.test",
      {.entity_id = "(ARRAY['50%off', '50xoff', 'a_b', 'axb', 'Mixed-CASE', 'back\\slash'])[g]"});
  AddAuditRows(school2_, 3, "login.test", {.actor = std::to_string(UserId("admin"))});
  const auto found = [this](const std::string& q) {
    auto texts = Texts(Page("audit", "f.action=q.test&sort=id&q=" + q), "entity_id");
    return std::set<std::string>(texts.begin(), texts.end());
  };
  EXPECT_EQ(found("50%25"), (std::set<std::string>{"50%off"}));
  EXPECT_EQ(found("a_b"), (std::set<std::string>{"a_b"}));
  EXPECT_EQ(found("mixed-case"), (std::set<std::string>{"Mixed-CASE"}));
  EXPECT_EQ(found("k%5Cs"), (std::set<std::string>{"back\\slash"}));
  EXPECT_EQ(found("off"), (std::set<std::string>{"50%off", "50xoff"}));
  EXPECT_EQ(found("nothing-like-it"), (std::set<std::string>{}));
  // The search also covers the user's login, through the join.
  const json::object by_login = Page("audit", "q=ADMIN&f.action=login.test");
  EXPECT_EQ(by_login.at("total").as_int64(), 3);
  for (const auto& login : Column(by_login, "user_login")) EXPECT_EQ(login.as_string(), "admin");
}

TEST_F(ListsApiTest, EveryFilterKindSelectsTheRightRows) {
  AddAuditRows(school1_, 10, "f.test",
               {.at = "timestamptz '2026-01-01T00:00:00Z' + (g - 1) * interval '1 day'",
                .entity = "CASE WHEN g <= 3 THEN 'doc' ELSE 'document' END"});
  AddAuditRows(school2_, 4, "f.test");

  // eq on an id and on an enum-like text: exact, not a substring.
  EXPECT_EQ(Page("audit", "f.action=f.test&f.org_id=" + std::to_string(school2_.value()))
                .at("total")
                .as_int64(),
            4);
  EXPECT_EQ(Page("audit", "f.action=f.test&f.entity=doc").at("total").as_int64(), 3 + 4);
  // text: a substring, case-insensitive.
  EXPECT_EQ(Page("audit", "f.action=F.TE&f.entity=document").at("total").as_int64(), 7);
  // range over a datetime: bare dates are whole days, inclusive at both ends.
  const json::object days =
      Page("audit", "f.action=f.test&f.at.from=2026-01-05&f.at.to=2026-01-07&sort=at");
  EXPECT_EQ(Texts(days, "at"),
            (std::vector<std::string>{"2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z",
                                      "2026-01-07T00:00:00Z"}));
  EXPECT_EQ(
      Page("audit", "f.action=f.test&f.at.from=2026-01-05T00:00:00Z&f.at.to=2026-01-06T00:00:00Z")
          .at("total")
          .as_int64(),
      2);
  EXPECT_EQ(
      Page("audit", "f.action=f.test&f.at.to=2026-01-02T05:00:00%2B05:00").at("total").as_int64(),
      2);  // 2026-01-02T00:00Z in Almaty time
  EXPECT_EQ(Page("audit", "f.action=f.test&f.at.from=2026-01-09&f.at.to=2026-01-31")
                .at("total")
                .as_int64(),
            2);
  // An empty filter value is no filter (a cleared field).
  EXPECT_EQ(Page("audit", "f.action=f.test&f.entity=").at("total").as_int64(), 14);

  // bool eq and text on users; range over numbers on jobs.
  {
    pqxx::work tx(db());
    tx.exec("UPDATE users SET active = false WHERE login = 'admin'");
    tx.commit();
  }
  UserWithRole("clerk1", "accountant", school1_);
  const std::string token =
      SignIn(UserWithRole("viewer", "administrator", department_, true), kPassword);
  EXPECT_EQ(Texts(Page("users", "f.active=false", token), "login"),
            (std::vector<std::string>{"admin"}));
  EXPECT_EQ(Texts(Page("users", "f.login=CLERK", token), "login"),
            (std::vector<std::string>{"clerk1"}));
  const json::object active = Page("users", "f.active=true&sort=login", token);
  EXPECT_EQ(Texts(active, "login"), (std::vector<std::string>{"clerk1", "viewer"}));
  EXPECT_EQ(Column(active, "active")[0].as_bool(), true);
  EXPECT_EQ(Column(active, "must_change_password")[0].as_bool(), false);

  {
    const std::int64_t viewer = UserId("viewer");
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO jobs (org_id, kind, status, progress_done, progress_total, created_by, "
        "finished_at) SELECT $1, 'list.test', 'succeeded', g * 10, 100, $2, now() "
        "FROM generate_series(1, 5) AS g",
        school1_.value(), viewer);
    tx.commit();
  }
  const json::object jobs = Page(
      "jobs", "f.kind=list.test&f.progress_done.from=20&f.progress_done.to=40&sort=-progress_done",
      token);
  std::vector<std::int64_t> done;
  for (const auto& value : Column(jobs, "progress_done")) done.push_back(value.as_int64());
  EXPECT_EQ(done, (std::vector<std::int64_t>{40, 30, 20}));
  EXPECT_EQ(
      Page("institutions", "f.kind=kgu&f.parent_id=" + std::to_string(department_.value()), token)
          .at("total")
          .as_int64(),
      2);
}

TEST_F(ListsApiTest, AStrangerFromAnotherInstitutionSeesNoneOfTheRows) {
  AddAuditRows(school1_, 20, "secret.test");
  const std::string stranger = SignIn(UserWithRole("aud2", "auditor", school2_), kPassword);
  EXPECT_EQ(Page("audit", "f.action=secret.test").at("total").as_int64(), 20);  // the admin
  EXPECT_EQ(Page("audit", "f.action=secret.test", stranger).at("total").as_int64(), 0);
  EXPECT_EQ(Page("audit", "q=secret", stranger).at("total").as_int64(), 0);
  ExpectError("/api/v1/lists/audit?org_id=" + std::to_string(school1_.value()), 403,
              "auth.forbidden", "org_id", stranger);
  EXPECT_EQ(
      Page("audit", "f.action=secret.test&org_id=" + std::to_string(school2_.value()), stranger)
          .at("total")
          .as_int64(),
      0);

  // Institutions and users: only their own school and the people holding a role there.
  const json::object institutions = Page("institutions", "", stranger);
  EXPECT_EQ(Ids(institutions), (std::vector<std::int64_t>{school2_.value()}));
  EXPECT_EQ(Texts(Page("users", "", stranger), "login"), (std::vector<std::string>{"aud2"}));

  // Jobs: a job of school1 is not theirs; an employee sees their own job and no other.
  const std::string employee = SignIn(UserWithRole("emp2", "employee", school1_), kPassword);
  {
    const std::int64_t admin = UserId("admin");
    const std::int64_t emp2 = UserId("emp2");
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO jobs (org_id, kind, status, created_by, finished_at) VALUES "
        "($1, 'list.test', 'succeeded', $2, now()), ($1, 'list.test', 'succeeded', $3, now())",
        school1_.value(), admin, emp2);
    tx.commit();
  }
  EXPECT_EQ(Page("jobs", "f.kind=list.test", stranger).at("total").as_int64(), 0);
  const json::object own = Page("jobs", "f.kind=list.test", employee);
  ASSERT_EQ(own.at("total").as_int64(), 1);
  EXPECT_EQ(Column(own, "created_by")[0].as_int64(), UserId("emp2"));
  EXPECT_EQ(Page("jobs", "f.kind=list.test").at("total").as_int64(), 2);  // the admin
  ExpectError("/api/v1/lists/audit", 403, "auth.forbidden", "", employee);
}

TEST_F(ListsApiTest, BadRequestsGetTheirErrorAndField) {
  ExpectError("/api/v1/lists/nope", 404, "list.unknown", "name");
  ExpectError("/api/v1/lists/audit?offset=-1", 400, "http.bad_paging", "offset");
  ExpectError("/api/v1/lists/audit?offset=x", 400, "http.bad_paging", "offset");
  ExpectError("/api/v1/lists/audit?limit=0", 400, "http.bad_paging", "limit");
  ExpectError("/api/v1/lists/audit?limit=1001", 400, "http.bad_paging", "limit");
  ExpectError("/api/v1/lists/audit?total=yes", 400, "http.bad_paging", "total");
  EXPECT_EQ(Page("audit", "limit=1000").at("limit").as_int64(), 1000);
  ExpectError("/api/v1/lists/audit?sort=nope", 400, "list.bad_sort", "sort");
  ExpectError("/api/v1/lists/audit?sort=id,-id", 400, "list.bad_sort", "sort");
  ExpectError("/api/v1/lists/audit?sort=at,,id", 400, "list.bad_sort", "sort");
  ExpectError("/api/v1/lists/audit?sort=id;DROP%20TABLE%20users", 400, "list.bad_sort", "sort");
  ExpectError("/api/v1/lists/audit?f.nope=1", 400, "list.bad_filter", "f.nope");
  ExpectError("/api/v1/lists/audit?f.id=abc", 400, "list.bad_filter", "f.id");
  ExpectError("/api/v1/lists/audit?f.id.from=1", 400, "list.bad_filter", "f.id");
  ExpectError("/api/v1/lists/audit?f.at=2026-01-01", 400, "list.bad_filter", "f.at");
  ExpectError("/api/v1/lists/audit?f.at.from=2026-02-30", 400, "list.bad_filter", "f.at");
  ExpectError("/api/v1/lists/audit?f.at.to=2026-01-01T25:00", 400, "list.bad_filter", "f.at");
  ExpectError("/api/v1/lists/users?f.active=maybe", 400, "list.bad_filter", "f.active");
  ExpectError("/api/v1/lists/audit?org_id=abc", 400, "http.bad_org", "org_id");
}

TEST_F(ListsApiTest, ADeepPageOfTwoHundredThousandAuditRowsIsExact) {
  AddAuditRows(school1_, 200000, "deep.test");
  const std::int64_t first = MinAuditId("deep.test");
  const json::object deep = Page("audit", "f.action=deep.test&sort=id&offset=150000&limit=50");
  EXPECT_EQ(deep.at("total").as_int64(), 200000);
  const auto ids = Ids(deep);
  ASSERT_EQ(ids.size(), 50u);
  EXPECT_EQ(ids.front(), first + 150000);
  EXPECT_EQ(ids.back(), first + 150049);
  EXPECT_EQ(Texts(deep, "entity_id").front(), "150001");

  const json::object last = Page("audit", "f.action=deep.test&offset=199990");  // newest first
  const auto last_ids = Ids(last);
  ASSERT_EQ(last_ids.size(), 10u);
  EXPECT_EQ(last_ids.back(), first);

  // Unfiltered, the admin's whole audit trail: the seeded rows plus those of the fixture.
  pqxx::work tx(db());
  const auto visible =
      tx.exec_params1("SELECT count(*) FROM audit_log WHERE org_id IN ($1, $2, $3)",
                      department_.value(), school1_.value(), school2_.value())[0]
          .as<std::int64_t>();
  EXPECT_EQ(Page("audit", "offset=100000&limit=1").at("total").as_int64(), visible);
}

}  // namespace
}  // namespace esep::testing
