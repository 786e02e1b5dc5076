#include "esep/platform/jobs.hpp"

#include <array>
#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <utility>

#include "esep/db/sha256.hpp"
#include "esep/platform/actor.hpp"

namespace esep::platform {
namespace {
namespace json = boost::json;

constexpr std::array<std::pair<JobStatus, std::string_view>, 5> kStatusNames{{
    {JobStatus::kQueued, "queued"},
    {JobStatus::kRunning, "running"},
    {JobStatus::kSucceeded, "succeeded"},
    {JobStatus::kFailed, "failed"},
    {JobStatus::kCancelled, "cancelled"},
}};

#define ESEP_ISO(col) \
  "coalesce(to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), '')"

constexpr const char* kJobColumns =
    "j.id, j.org_id, j.kind, j.params::text, j.status, j.progress_done, j.progress_total, "
    "j.progress_message, j.cancel_requested, coalesce(j.result::text, ''), "
    "coalesce(j.error::text, ''), j.created_by, " ESEP_ISO("j.created_at") ", " ESEP_ISO(
        "j.started_at") ", " ESEP_ISO("j.finished_at") ", "
                        "coalesce((SELECT array_agg(f.name ORDER BY f.name) FROM job_files f "
                        "WHERE f.job_id = j.id), '{}')::text ";
#undef ESEP_ISO

std::string ErrorToJson(const core::Error& error) {
  json::object body{
      {"code", error.code},
      {"message",
       json::object{{"kk", error.message.kk}, {"ru", error.message.ru}, {"en", error.message.en}}},
      {"field", error.field}};
  if (!error.details.empty()) body["details"] = error.details;
  return json::serialize(body);
}

core::Error ErrorFromJson(const std::string& text) {
  core::Error error;
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return error;
  const auto& o = value.get_object();
  const auto str = [](const json::object& obj, const char* key) -> std::string {
    const auto* v = obj.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
  };
  error.code = str(o, "code");
  error.field = str(o, "field");
  error.details = str(o, "details");
  if (const auto* m = o.if_contains("message"); m && m->is_object()) {
    error.message = {str(m->get_object(), "kk"), str(m->get_object(), "ru"),
                     str(m->get_object(), "en")};
  }
  return error;
}

// "{a.pdf,b.xlsx}" -> names. Job file names are restricted to [A-Za-z0-9_.-] by the table,
// so PostgreSQL never quotes them inside the array literal.
std::vector<std::string> NamesFromArrayLiteral(std::string_view literal) {
  std::vector<std::string> names;
  if (literal.size() < 2) return names;
  literal = literal.substr(1, literal.size() - 2);
  while (!literal.empty()) {
    const auto comma = literal.find(',');
    names.emplace_back(literal.substr(0, comma));
    if (comma == std::string_view::npos) break;
    literal.remove_prefix(comma + 1);
  }
  return names;
}

Job JobFromRow(const pqxx::row& row) {
  Job job;
  job.id = row[0].as<std::int64_t>();
  if (!row[1].is_null()) job.org = core::OrgId(row[1].as<std::int64_t>());
  job.kind = row[2].c_str();
  job.params_json = row[3].c_str();
  job.status = ParseJobStatus(row[4].c_str()).value_or(JobStatus::kFailed);
  job.progress_done = row[5].as<std::int64_t>();
  job.progress_total = row[6].as<std::int64_t>();
  job.progress_message = row[7].c_str();
  job.cancel_requested = row[8].as<bool>();
  job.result_json = row[9].c_str();
  if (const std::string error = row[10].c_str(); !error.empty()) job.error = ErrorFromJson(error);
  if (!row[11].is_null()) job.created_by = core::UserId(row[11].as<std::int64_t>());
  job.created_at = row[12].c_str();
  job.started_at = row[13].c_str();
  job.finished_at = row[14].c_str();
  job.files = NamesFromArrayLiteral(row[15].c_str());
  return job;
}

}  // namespace

std::string_view JobStatusName(JobStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "failed";
}

std::optional<JobStatus> ParseJobStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

std::int64_t CreateJob(pqxx::dbtransaction& tx, const NewJob& job) {
  // Optional ids travel as text ("" = NULL): GCC's -O2 flow analysis misreads optionals
  // passed through libpqxx 6.4's parameter code (-Wmaybe-uninitialized).
  const std::string org = job.org ? std::to_string(job.org->value()) : std::string();
  const std::string created_by =
      job.created_by ? std::to_string(job.created_by->value()) : std::string();
  return tx
      .exec_params1(
          "INSERT INTO jobs (org_id, kind, params, created_by) "
          "VALUES (NULLIF($1, '')::bigint, $2, $3::jsonb, NULLIF($4, '')::bigint) RETURNING id",
          org, job.kind, job.params_json, created_by)[0]
      .as<std::int64_t>();
}

std::optional<Job> ClaimNextJob(pqxx::dbtransaction& tx) {
  const auto claimed = tx.exec(
      "UPDATE jobs SET status = 'running', started_at = now() WHERE id = ("
      "  SELECT id FROM jobs WHERE status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)"
      " RETURNING id");
  if (claimed.empty()) return std::nullopt;
  return FindJob(tx, claimed[0][0].as<std::int64_t>());
}

bool UpdateJobProgress(pqxx::dbtransaction& tx, std::int64_t id, std::int64_t done,
                       std::int64_t total, const std::string& message) {
  const auto row = tx.exec_params(
      "UPDATE jobs SET progress_done = $2, progress_total = $3, progress_message = $4 "
      "WHERE id = $1 AND status = 'running' RETURNING cancel_requested",
      id, done < 0 ? 0 : done, total < 0 ? 0 : total, message);
  return !row.empty() && row[0][0].as<bool>();
}

void CompleteJob(pqxx::dbtransaction& tx, std::int64_t id, const std::string& result_json,
                 const std::vector<JobFile>& files) {
  for (const auto& file : files) {
    const pqxx::binarystring content(file.content);
    tx.exec_params(
        "INSERT INTO job_files (job_id, name, content_type, content, sha256) "
        "VALUES ($1, $2, $3, $4, decode($5, 'hex'))",
        id, file.name, file.content_type, content, db::Sha256Hex(file.content));
  }
  tx.exec_params(
      "UPDATE jobs SET status = 'succeeded', finished_at = now(), result = $2::jsonb, "
      "progress_done = greatest(progress_done, progress_total) WHERE id = $1",
      id, result_json.empty() ? std::string("{}") : result_json);
}

void FailJob(pqxx::dbtransaction& tx, std::int64_t id, const core::Error& error, bool cancelled) {
  tx.exec_params(
      "UPDATE jobs SET status = $2, finished_at = now(), error = $3::jsonb WHERE id = $1 "
      "AND finished_at IS NULL",
      id, cancelled ? "cancelled" : "failed", ErrorToJson(error));
}

core::Status RequestJobCancel(pqxx::dbtransaction& tx, std::int64_t id) {
  const auto row = tx.exec_params("SELECT status FROM jobs WHERE id = $1 FOR UPDATE", id);
  if (row.empty()) {
    return core::MakeError("job.not_found", "Тапсырма табылмады", "Задание не найдено",
                           "Job not found", "id");
  }
  const auto status = ParseJobStatus(row[0][0].c_str());
  if (!status || IsFinished(*status)) {
    return core::MakeError("job.finished", "Тапсырма аяқталған, оны тоқтату мүмкін емес",
                           "Задание уже завершено, отменить его нельзя",
                           "The job has already finished", "id");
  }
  if (*status == JobStatus::kQueued) {
    FailJob(tx, id,
            core::MakeError("job.cancelled", "Тапсырма пайдаланушының өтініші бойынша тоқтатылды",
                            "Задание отменено пользователем", "The job was cancelled", ""),
            /*cancelled=*/true);
  }
  tx.exec_params("UPDATE jobs SET cancel_requested = true WHERE id = $1", id);
  return core::Status::Ok();
}

std::int64_t FailInterruptedJobs(pqxx::dbtransaction& tx) {
  const core::Error error = core::MakeError(
      "job.interrupted", "Сервер қайта іске қосылғандықтан тапсырма үзілді; оны қайта бастаңыз",
      "Задание прервано перезапуском сервера; запустите его снова",
      "The job was interrupted by a server restart; start it again", "");
  return static_cast<std::int64_t>(
      tx.exec_params("UPDATE jobs SET status = 'failed', finished_at = now(), error = $1::jsonb "
                     "WHERE status = 'running'",
                     ErrorToJson(error))
          .affected_rows());
}

std::optional<Job> FindJob(pqxx::dbtransaction& tx, std::int64_t id) {
  const auto rows =
      tx.exec_params(std::string("SELECT ") + kJobColumns + "FROM jobs j WHERE j.id = $1", id);
  if (rows.empty()) return std::nullopt;
  return JobFromRow(rows[0]);
}

std::vector<Job> ListJobs(pqxx::dbtransaction& tx, const JobQuery& query) {
  const auto user = query.created_by ? query.created_by->value() : std::int64_t{0};
  const auto rows =
      tx.exec_params(std::string("SELECT ") + kJobColumns +
                         "FROM jobs j WHERE (j.created_by = $1 OR j.org_id = ANY($2::bigint[])) "
                         "AND ($3 = '' OR j.status = $3) AND ($4 = 0 OR j.id < $4) "
                         "ORDER BY j.id DESC LIMIT $5",
                     user, OrgIdsLiteral(query.orgs),
                     query.status ? std::string(JobStatusName(*query.status)) : std::string(),
                     query.before_id, query.limit);
  std::vector<Job> jobs;
  jobs.reserve(rows.size());
  for (const auto& row : rows) jobs.push_back(JobFromRow(row));
  return jobs;
}

std::optional<JobFile> ReadJobFile(pqxx::dbtransaction& tx, std::int64_t job_id,
                                   const std::string& name) {
  const auto rows = tx.exec_params(
      "SELECT content_type, content FROM job_files WHERE job_id = $1 AND name = $2", job_id, name);
  if (rows.empty()) return std::nullopt;
  const pqxx::binarystring content(rows[0][1]);
  return JobFile{name, rows[0][0].c_str(), content.str()};
}

std::int64_t PurgeFinishedJobs(pqxx::dbtransaction& tx, int days) {
  return static_cast<std::int64_t>(
      tx.exec_params("DELETE FROM jobs WHERE finished_at IS NOT NULL "
                     "AND finished_at < now() - make_interval(days => $1)",
                     days)
          .affected_rows());
}

}  // namespace esep::platform
