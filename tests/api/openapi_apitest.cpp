// docs/api/openapi.yaml against the route table of a running esep-server: every route is
// documented with its access, its summary and the error statuses the framework gives it, and
// the document describes nothing the server does not serve. The document is read line by
// line (no YAML library): it is written in a fixed layout that the parser below checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "api_test.hpp"

namespace esep::testing {
namespace {

/// One operation (a method under a path) as the document describes it.
struct DocumentedOperation {
  int line = 0;
  std::string summary;
  std::vector<std::string> permissions;  ///< every x-esep-permission given (one expected)
  std::vector<std::string> org_froms;    ///< every x-esep-org-from given (one expected)
  std::vector<std::string> security;     ///< values of an operation-level `security:` key
  std::set<std::string> statuses;        ///< the keys under `responses:`
};

using OperationKey = std::pair<std::string, std::string>;  ///< METHOD, path pattern

struct Document {
  std::map<OperationKey, DocumentedOperation> operations;
  bool global_bearer = false;         ///< top-level `security: [bearerAuth]`
  std::vector<std::string> problems;  ///< lines the layout does not allow
};

int Indent(const std::string& line) {
  return static_cast<int>(
      line.find_first_not_of(' ') == std::string::npos ? line.size() : line.find_first_not_of(' '));
}

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// A scalar as YAML reads it in this document: "double quoted" (with \" and \\), 'single
// quoted' (with ''), or plain.
std::string Unquote(const std::string& raw) {
  const std::string text = Trim(raw);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\\' && i + 2 < text.size()) ++i;
      out.push_back(text[i]);
    }
    return out;
  }
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\'' && i + 2 < text.size() && text[i + 1] == '\'') ++i;
      out.push_back(text[i]);
    }
    return out;
  }
  return text;
}

// "key: value" -> {key, value}; the key may be quoted ("/api/v1/x": or '200':).
std::pair<std::string, std::string> SplitKey(const std::string& trimmed) {
  std::size_t colon = std::string::npos;
  if (!trimmed.empty() && (trimmed.front() == '"' || trimmed.front() == '\'')) {
    const auto close = trimmed.find(trimmed.front(), 1);
    if (close != std::string::npos) colon = trimmed.find(':', close);
  } else {
    colon = trimmed.find(':');
  }
  if (colon == std::string::npos) return {Unquote(trimmed), std::string()};
  return {Unquote(trimmed.substr(0, colon)), Trim(trimmed.substr(colon + 1))};
}

bool IsHttpMethod(const std::string& key) {
  static const std::set<std::string> kMethods = {"get",     "put",  "post",  "delete",
                                                 "options", "head", "patch", "trace"};
  return kMethods.count(key) > 0;
}

std::string Upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The layout: `paths:` at column 0; a path at indent 2; a method at indent 4; the
// operation's keys at indent 6; status codes at indent 8 under `responses:`.
Document ParseOpenApi(const std::string& text) {
  Document doc;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  bool in_paths = false;
  bool in_global_security = false;
  std::string path;
  DocumentedOperation* operation = nullptr;
  bool in_responses = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (line.find('\t') != std::string::npos &&
        line.find('\t') < static_cast<std::size_t>(Indent(line) + 1)) {
      doc.problems.push_back("line " + std::to_string(number) + ": a tab in the indentation");
      continue;
    }
    const int indent = Indent(line);
    const auto [key, value] = SplitKey(trimmed);
    if (indent == 0) {
      in_paths = key == "paths";
      in_global_security = key == "security";
      operation = nullptr;
      path.clear();
      continue;
    }
    if (in_global_security) {
      if (indent == 2 && trimmed.rfind("- bearerAuth:", 0) == 0) doc.global_bearer = true;
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2) {
      operation = nullptr;
      path = key;
      if (path.empty() || path.front() != '/' || !value.empty()) {
        doc.problems.push_back("line " + std::to_string(number) +
                               ": expected a path such as /api/v1/x:");
        path.clear();
      }
      continue;
    }
    if (indent == 4) {
      operation = nullptr;
      if (!IsHttpMethod(key)) continue;  // parameters, summary, ... of the path item
      if (path.empty()) {
        doc.problems.push_back("line " + std::to_string(number) + ": a method outside a path");
        continue;
      }
      const OperationKey op_key{Upper(key), path};
      if (doc.operations.count(op_key) > 0) {
        doc.problems.push_back("line " + std::to_string(number) + ": " + key + " " + path +
                               " twice");
      }
      operation = &doc.operations[op_key];
      operation->line = number;
      continue;
    }
    if (operation == nullptr) continue;
    if (indent == 6) {
      in_responses = key == "responses";
      if (key == "summary") operation->summary = Unquote(value);
      if (key == "x-esep-permission") operation->permissions.push_back(Unquote(value));
      if (key == "x-esep-org-from") operation->org_froms.push_back(Unquote(value));
      if (key == "security") operation->security.push_back(value);
      continue;
    }
    if (indent == 8 && in_responses) operation->statuses.insert(key);
  }
  return doc;
}

std::string ExpectedPermission(const server::RouteAccess& access) {
  switch (access.kind()) {
    case server::RouteAccess::Kind::kPublic:
      return "public";
    case server::RouteAccess::Kind::kAuthenticated:
      return "authenticated";
    case server::RouteAccess::Kind::kPermission:
      return access.permission();
  }
  return "?";
}

std::string ExpectedOrgFrom(const server::RouteAccess& access) {
  if (access.kind() != server::RouteAccess::Kind::kPermission) return "none";
  switch (access.org_from()) {
    case server::OrgFrom::kNone:
      return "none";
    case server::OrgFrom::kPathId:
      return "path-id";
    case server::OrgFrom::kPathOrgId:
      return "path-org_id";
    case server::OrgFrom::kQuery:
      return "query";
    case server::OrgFrom::kBody:
      return "body:" + access.body_field();
  }
  return "?";
}

bool IsMutating(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Everything that differs between the route table and the document, one line each.
std::vector<std::string> Compare(const std::vector<server::Route>& routes, const Document& doc) {
  std::vector<std::string> problems = doc.problems;
  if (!doc.global_bearer) problems.push_back("the top-level `security:` does not list bearerAuth");
  std::set<OperationKey> served;
  for (const auto& route : routes) {
    const OperationKey key{route.method, route.pattern};
    served.insert(key);
    const std::string name = route.method + " " + route.pattern;
    const auto found = doc.operations.find(key);
    if (found == doc.operations.end()) {
      problems.push_back(name + ": served but not documented under paths:");
      continue;
    }
    const DocumentedOperation& op = found->second;
    const std::string where = name + " (line " + std::to_string(op.line) + "): ";
    const std::string permission = ExpectedPermission(route.access);
    const std::string org_from = ExpectedOrgFrom(route.access);
    if (op.permissions != std::vector<std::string>{permission}) {
      problems.push_back(where + "x-esep-permission must be exactly one: " + permission);
    }
    if (op.org_froms != std::vector<std::string>{org_from}) {
      problems.push_back(where + "x-esep-org-from must be exactly one: " + org_from);
    }
    if (op.summary != route.summary) {
      problems.push_back(where + "summary must be the route's: \"" + route.summary + "\"");
    }
    const auto kind = route.access.kind();
    if (kind == server::RouteAccess::Kind::kPublic) {
      if (op.security != std::vector<std::string>{"[]"}) {
        problems.push_back(where + "a public route needs `security: []`");
      }
    } else if (!op.security.empty()) {
      problems.push_back(where + "must keep the document's bearerAuth (no own `security:`)");
    }
    std::vector<std::string> statuses;
    if (kind != server::RouteAccess::Kind::kPublic) statuses.push_back("401");
    if (kind == server::RouteAccess::Kind::kPermission) statuses.push_back("403");
    if (kind == server::RouteAccess::Kind::kPermission &&
        route.access.org_from() != server::OrgFrom::kNone) {
      statuses.push_back("400");  // http.bad_org
    }
    if (route.mode != server::TransactionMode::kNoDatabase) statuses.push_back("503");
    if (route.mode == server::TransactionMode::kFramework && IsMutating(route.method)) {
      statuses.push_back("422");  // idempotency.key_reused / key_invalid
    }
    for (const auto& status : statuses) {
      if (op.statuses.count(status) == 0) problems.push_back(where + "responses lack " + status);
    }
  }
  for (const auto& [key, op] : doc.operations) {
    if (served.count(key) == 0) {
      problems.push_back(key.first + " " + key.second + " (line " + std::to_string(op.line) +
                         "): documented but not served");
    }
  }
  return problems;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "  " + line + "\n";
  return out;
}

std::filesystem::path SourceFile(const char* relative) {
  return std::filesystem::path(ESEP_SOURCE_DIR) / relative;
}

std::filesystem::path DocumentPath() { return SourceFile("docs/api/openapi.yaml"); }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---- docs/admin-guide.md's tables of the builtin roles' permissions. ----

using RolePermission = std::pair<std::string, std::string>;  ///< role code, permission

/// One table between `<!-- roles-table-begin -->` and `<!-- roles-table-end -->`: a header
/// row of `role` codes, a separator, then one row per `permission` with ✓ or nothing.
struct RoleTable {
  std::vector<std::string> roles;
  std::set<RolePermission> marks;
};

struct RoleTables {
  std::vector<RoleTable> tables;
  std::vector<std::string> problems;
};

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string inner = Trim(row);
  if (inner.size() < 2 || inner.front() != '|' || inner.back() != '|') return cells;
  inner = inner.substr(1, inner.size() - 2);
  std::stringstream stream(inner);
  std::string cell;
  while (std::getline(stream, cell, '|')) cells.push_back(Trim(cell));
  return cells;
}

std::string Unbacktick(const std::string& cell) {
  if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') {
    return cell.substr(1, cell.size() - 2);
  }
  return cell;
}

RoleTables ParseRoleTables(const std::string& text) {
  RoleTables result;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  RoleTable* table = nullptr;
  int row = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = "admin-guide.md:" + std::to_string(number) + ": ";
    if (Trim(line) == "<!-- roles-table-begin -->") {
      result.tables.emplace_back();
      table = &result.tables.back();
      row = 0;
      continue;
    }
    if (Trim(line) == "<!-- roles-table-end -->") {
      table = nullptr;
      continue;
    }
    if (table == nullptr) continue;
    const std::vector<std::string> cells = Cells(line);
    if (cells.empty()) {
      result.problems.push_back(where + "not a table row");
      continue;
    }
    ++row;
    if (row == 1) {
      for (std::size_t i = 1; i < cells.size(); ++i) table->roles.push_back(Unbacktick(cells[i]));
      continue;
    }
    if (row == 2) continue;  // |---|:---:|...
    if (cells.size() != table->roles.size() + 1) {
      result.problems.push_back(where + "a row with " + std::to_string(cells.size()) + " cells");
      continue;
    }
    const std::string permission = Unbacktick(cells[0]);
    for (std::size_t i = 1; i < cells.size(); ++i) {
      if (cells[i] == "\u2713") {
        table->marks.insert({table->roles[i - 1], permission});
      } else if (!cells[i].empty()) {
        result.problems.push_back(where + "a cell that is neither \u2713 nor empty: " + cells[i]);
      }
    }
  }
  return result;
}

// What differs between one table and the roles and permissions the database holds.
std::vector<std::string> CompareRoleTable(const RoleTable& table,
                                          const std::vector<std::string>& roles,
                                          const std::set<RolePermission>& granted) {
  std::vector<std::string> problems;
  std::vector<std::string> columns = table.roles;
  std::sort(columns.begin(), columns.end());
  std::vector<std::string> wanted = roles;
  std::sort(wanted.begin(), wanted.end());
  if (columns != wanted) problems.push_back("the columns are not the builtin roles, each once");
  for (const auto& [role, permission] : granted) {
    if (table.marks.count({role, permission}) == 0)
      problems.push_back("missing: " + role + " " + permission);
  }
  for (const auto& [role, permission] : table.marks) {
    if (granted.count({role, permission}) == 0)
      problems.push_back("not in the database: " + role + " " + permission);
  }
  return problems;
}

// ---- The checker itself, on small documents: it must see every kind of drift. ----

server::Route MakeRoute(std::string method, std::string pattern, server::RouteAccess access,
                        server::TransactionMode mode, std::string summary) {
  return server::Route{
      std::move(method),
      std::move(pattern),
      std::move(access),
      mode,
      [](server::RequestContext&) -> server::HandlerResult { return server::HttpResponse{}; },
      std::move(summary)};
}

std::vector<server::Route> SampleRoutes() {
  std::vector<server::Route> routes;
  routes.push_back(MakeRoute("GET", "/api/v1/health", server::RouteAccess::Public(),
                             server::TransactionMode::kNoDatabase, "Liveness"));
  routes.push_back(MakeRoute(
      "POST", "/api/v1/institutions",
      server::RouteAccess::Permission("institutions.write", server::OrgFrom::kBody, "parent_id"),
      server::TransactionMode::kFramework, "Create: an institution"));
  return routes;
}

const char* const kSampleDocument = R"(openapi: 3.0.3
security:
  - bearerAuth: []
paths:
  /api/v1/health:
    get:
      summary: Liveness
      security: []
      x-esep-permission: public
      x-esep-org-from: none
      responses:
        "200":
          description: ok
  "/api/v1/institutions":
    parameters: []
    post:
      summary: "Create: an institution"
      x-esep-permission: institutions.write
      x-esep-org-from: body:parent_id
      responses:
        '201':
          description: created
        "400":
          description: bad
        "401":
          description: no session
        "403":
          description: denied
        "422":
          description: invalid
        "503":
          description: down
components:
  schemas: {}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("sample lacks: " + from);
  return text.replace(at, from.size(), to);
}

bool Mentions(const std::vector<std::string>& problems, const std::string& part) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

TEST(OpenApiChecker, AcceptsAMatchingDocument) {
  const Document doc = ParseOpenApi(kSampleDocument);
  EXPECT_EQ(doc.operations.size(), 2u);
  const auto problems = Compare(SampleRoutes(), doc);
  EXPECT_TRUE(problems.empty()) << Join(problems);
}

TEST(OpenApiChecker, ReportsARouteThatIsNotDocumented) {
  auto routes = SampleRoutes();
  routes.push_back(
      MakeRoute("DELETE", "/api/v1/institutions/{id}",
                server::RouteAccess::Permission("institutions.write", server::OrgFrom::kPathId),
                server::TransactionMode::kFramework, "Delete"));
  const auto problems = Compare(routes, ParseOpenApi(kSampleDocument));
  EXPECT_TRUE(Mentions(problems, "DELETE /api/v1/institutions/{id}: served but not documented"))
      << Join(problems);
}

TEST(OpenApiChecker, ReportsADocumentedOperationThatIsNotServed) {
  auto routes = SampleRoutes();
  routes.pop_back();
  const auto problems = Compare(routes, ParseOpenApi(kSampleDocument));
  EXPECT_TRUE(Mentions(problems, "POST /api/v1/institutions (line 16): documented but not served"))
      << Join(problems);
}

TEST(OpenApiChecker, MethodsAreLowerCaseKeysAndPatternsAreCompared) {
  // An upper-case method is not an operation in OpenAPI, and another parameter name is
  // another pattern: both leave the route undocumented.
  auto problems =
      Compare(SampleRoutes(), ParseOpenApi(Replace(kSampleDocument, "    post:", "    POST:")));
  EXPECT_TRUE(Mentions(problems, "POST /api/v1/institutions: served but not documented"))
      << Join(problems);
  problems =
      Compare(SampleRoutes(),
              ParseOpenApi(Replace(kSampleDocument, "/api/v1/health:", "/api/v1/health/{id}:")));
  EXPECT_TRUE(Mentions(problems, "GET /api/v1/health: served but not documented"))
      << Join(problems);
  EXPECT_TRUE(Mentions(problems, "GET /api/v1/health/{id} (line 6): documented but not served"))
      << Join(problems);
}

TEST(OpenApiChecker, ReportsWrongOrMissingAccess) {
  auto problems = Compare(
      SampleRoutes(), ParseOpenApi(Replace(kSampleDocument, "x-esep-permission: institutions.write",
                                           "x-esep-permission: institutions.read")));
  EXPECT_TRUE(Mentions(problems, "x-esep-permission must be exactly one: institutions.write"))
      << Join(problems);
  problems =
      Compare(SampleRoutes(),
              ParseOpenApi(Replace(kSampleDocument, "      x-esep-permission: public\n", "")));
  EXPECT_TRUE(Mentions(problems, "x-esep-permission must be exactly one: public"))
      << Join(problems);
  problems = Compare(SampleRoutes(),
                     ParseOpenApi(Replace(kSampleDocument, "x-esep-org-from: body:parent_id",
                                          "x-esep-org-from: body:org_id")));
  EXPECT_TRUE(Mentions(problems, "x-esep-org-from must be exactly one: body:parent_id"))
      << Join(problems);
  problems =
      Compare(SampleRoutes(),
              ParseOpenApi(Replace(kSampleDocument, "      x-esep-org-from: none\n",
                                   "      x-esep-org-from: none\n      x-esep-org-from: none\n")));
  EXPECT_TRUE(Mentions(problems, "x-esep-org-from must be exactly one: none")) << Join(problems);
}

TEST(OpenApiChecker, ReportsSecurityThatDoesNotMatchTheAccess) {
  auto problems =
      Compare(SampleRoutes(), ParseOpenApi(Replace(kSampleDocument, "      security: []\n", "")));
  EXPECT_TRUE(Mentions(problems, "a public route needs `security: []`")) << Join(problems);
  problems =
      Compare(SampleRoutes(),
              ParseOpenApi(Replace(kSampleDocument, "      summary: \"Create: an institution\"\n",
                                   "      summary: \"Create: an institution\"\n"
                                   "      security: []\n")));
  EXPECT_TRUE(Mentions(problems, "must keep the document's bearerAuth")) << Join(problems);
  problems =
      Compare(SampleRoutes(), ParseOpenApi(Replace(kSampleDocument, "  - bearerAuth: []\n", "")));
  EXPECT_TRUE(Mentions(problems, "top-level `security:` does not list bearerAuth"))
      << Join(problems);
}

TEST(OpenApiChecker, ReportsAChangedSummaryAndMissingStatuses) {
  auto problems =
      Compare(SampleRoutes(),
              ParseOpenApi(Replace(kSampleDocument, "summary: Liveness", "summary: Alive")));
  EXPECT_TRUE(Mentions(problems, "summary must be the route's: \"Liveness\"")) << Join(problems);
  for (const std::string status : {"400", "401", "403", "422", "503"}) {
    problems = Compare(SampleRoutes(),
                       ParseOpenApi(Replace(kSampleDocument, "\"" + status + "\":", "\"299\":")));
    EXPECT_TRUE(Mentions(problems, "responses lack " + status)) << status << "\n" << Join(problems);
  }
}

TEST(OpenApiChecker, ReportsLayoutMistakes) {
  auto doc = ParseOpenApi(Replace(kSampleDocument, "  /api/v1/health:", "  api/v1/health:"));
  EXPECT_TRUE(Mentions(doc.problems, "line 5: expected a path")) << Join(doc.problems);
  doc = ParseOpenApi(std::string(kSampleDocument) +
                     "paths:\n  /api/v1/health:\n    get:\n      summary: x\n");
  EXPECT_TRUE(Mentions(doc.problems, "get /api/v1/health twice")) << Join(doc.problems);
  doc = ParseOpenApi(Replace(kSampleDocument, "    get:", "\tget:"));
  EXPECT_TRUE(Mentions(doc.problems, "line 6: a tab in the indentation")) << Join(doc.problems);
}

TEST(RoleTableChecker, ReadsMarksAndReportsEveryDifference) {
  const std::string text =
      "intro\n<!-- roles-table-begin -->\n| | `admin` | `clerk` |\n|---|:---:|:---:|\n"
      "| `users.read` | \u2713 |  |\n| `ledger.read` | \u2713 | \u2713 |\n<!-- roles-table-end "
      "-->\n";
  const RoleTables parsed = ParseRoleTables(text);
  ASSERT_EQ(parsed.tables.size(), 1u);
  EXPECT_TRUE(parsed.problems.empty()) << Join(parsed.problems);
  const std::vector<std::string> roles = {"admin", "clerk"};
  const std::set<RolePermission> granted = {
      {"admin", "users.read"}, {"admin", "ledger.read"}, {"clerk", "ledger.read"}};
  EXPECT_TRUE(CompareRoleTable(parsed.tables[0], roles, granted).empty());

  auto problems = CompareRoleTable(
      parsed.tables[0], roles,
      {{"admin", "users.read"}, {"clerk", "ledger.read"}, {"clerk", "users.read"}});
  EXPECT_TRUE(Mentions(problems, "missing: clerk users.read")) << Join(problems);
  EXPECT_TRUE(Mentions(problems, "not in the database: admin ledger.read")) << Join(problems);
  EXPECT_TRUE(CompareRoleTable(parsed.tables[0], {"clerk", "admin"}, granted).empty());
  problems = CompareRoleTable(parsed.tables[0], {"admin", "clerk", "auditor"}, granted);
  EXPECT_TRUE(Mentions(problems, "columns are not the builtin roles")) << Join(problems);

  const RoleTables broken =
      ParseRoleTables(Replace(Replace(text, "| \u2713 |  |", "| x |  |"),
                              "| `ledger.read` | \u2713 | \u2713 |", "| `ledger.read` | \u2713 |"));
  EXPECT_TRUE(Mentions(broken.problems, "admin-guide.md:5: a cell that is neither"))
      << Join(broken.problems);
  EXPECT_TRUE(Mentions(broken.problems, "admin-guide.md:6: a row with 2 cells"))
      << Join(broken.problems);
}

// ---- The real documents against the real server and database. ----

class OpenApiDocumentTest : public ApiTest {};

TEST_F(OpenApiDocumentTest, DescribesExactlyTheRoutesTheServerServes) {
  const std::filesystem::path path = DocumentPath();
  const std::string text = ReadFile(path);
  ASSERT_FALSE(text.empty()) << "cannot read " << path;
  const Document doc = ParseOpenApi(text);
  const auto& routes = server_->router().routes();
  ASSERT_FALSE(routes.empty());
  EXPECT_EQ(doc.operations.size(), routes.size()) << "documented operations vs served routes";
  const auto problems = Compare(routes, doc);
  EXPECT_TRUE(problems.empty()) << path.string() << " is out of step with the routes:\n"
                                << Join(problems);
}

// Both the Russian and the English part show the table generated from
// sql/0006_builtin_roles.sql; the migrated database is the reference.
TEST_F(OpenApiDocumentTest, AdminGuideRoleTablesMatchTheBuiltinRoles) {
  const std::filesystem::path path = SourceFile("docs/admin-guide.md");
  const std::string text = ReadFile(path);
  ASSERT_FALSE(text.empty()) << "cannot read " << path;
  std::vector<std::string> roles;
  std::set<RolePermission> granted;
  {
    pqxx::work tx(db());
    for (const auto& row : tx.exec("SELECT code FROM roles WHERE builtin ORDER BY code")) {
      roles.push_back(row[0].as<std::string>());
    }
    for (const auto& row : tx.exec("SELECT rp.role_code, rp.permission FROM role_permissions rp "
                                   "JOIN roles r ON r.code = rp.role_code WHERE r.builtin")) {
      granted.insert({row[0].as<std::string>(), row[1].as<std::string>()});
    }
  }
  ASSERT_EQ(roles.size(), 9u);
  const RoleTables parsed = ParseRoleTables(text);
  EXPECT_TRUE(parsed.problems.empty()) << Join(parsed.problems);
  ASSERT_EQ(parsed.tables.size(), 2u) << "one table in the Russian part, one in the English part";
  for (const auto& table : parsed.tables) {
    const auto problems = CompareRoleTable(table, roles, granted);
    EXPECT_TRUE(problems.empty()) << path.string() << ":\n" << Join(problems);
  }
}

}  // namespace
}  // namespace esep::testing
