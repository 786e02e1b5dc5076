#include "esep/ledger/documents.hpp"

#include <boost/json/serialize.hpp>

#include "document_store.hpp"
#include "esep/core/period.hpp"
#include "esep/ledger/document_json.hpp"
#include "esep/ledger/periods.hpp"
#include "esep/platform/audit.hpp"

namespace esep::ledger {
namespace {

core::Error NotFound() {
  return core::MakeError("ledger.document_not_found", "Құжат табылмады", "Документ не найден",
                         "The document was not found", "id");
}

core::Error VersionConflict(int current) {
  core::Error error = core::MakeError(
      "ledger.version_conflict",
      "Құжатты сізден кейін басқа біреу өзгертті; оны қайта ашып, өзгерістерді қайталаңыз",
      "Документ изменил кто-то другой после того, как вы его открыли; откройте его заново и "
      "повторите изменения",
      "Someone else changed the document after you opened it; reopen it and repeat your changes",
      "version");
  error.details = "current version " + std::to_string(current);
  return error;
}

core::Error NotDraft() {
  return core::MakeError("ledger.not_draft",
                         "Тек жоба өзгертіледі: өткізілген құжат сторно арқылы ғана түзетіледі",
                         "Изменить можно только черновик: проведённый документ исправляют сторно",
                         "Only a draft can be changed: a posted document is corrected by reversal",
                         "state");
}

std::vector<std::pair<std::string, Analytics>> Sides(const std::vector<EntryInput>& lines) {
  std::vector<std::pair<std::string, Analytics>> sides;
  sides.reserve(lines.size() * 2);
  for (const EntryInput& line : lines) {
    sides.emplace_back(line.debit_account, line.debit);
    sides.emplace_back(line.credit_account, line.credit);
  }
  return sides;
}

// Validated lines' sum cannot overflow: kMaxLines × kMaxLineAmount < 2^63.
std::int64_t Total(const std::vector<EntryInput>& lines) {
  std::int64_t total = 0;
  for (const EntryInput& line : lines) total += line.amount;
  return total;
}

core::Status Validate(pqxx::dbtransaction& tx, const DocumentInput& input,
                      ReferenceSnapshot* snapshot_out = nullptr) {
  ReferenceSnapshot snapshot = LoadReference(tx, input.org, input.date, Sides(input.lines));
  core::Status status = ValidateDocument(input, snapshot);
  if (status && snapshot_out != nullptr) *snapshot_out = std::move(snapshot);
  return status;
}

DocumentInput InputOf(const Document& document) {
  DocumentInput input;
  input.org = document.org;
  input.kind = document.kind;
  input.date = document.date;
  input.content = document.content;
  for (const Entry& entry : document.lines) input.lines.push_back(entry);
  return input;
}

void Audit(pqxx::dbtransaction& tx, const platform::Actor& actor, const std::string& action,
           const Document& document, const std::optional<Document>& before) {
  platform::AuditEntry entry;
  entry.action = action;
  entry.org = document.org;
  entry.entity = "ledger_document";
  entry.entity_id = std::to_string(document.id);
  if (before) entry.before_json = boost::json::serialize(DocumentToJson(*before));
  entry.after_json = boost::json::serialize(DocumentToJson(document));
  platform::AppendAudit(tx, actor, entry);
}

// Posts a document whose lines are stored and valid: the month must be open, each line gets
// its memorial order, the totals grow. Leaves the header's state to the caller.
core::Status PostStored(pqxx::dbtransaction& tx, const Document& document,
                        const std::vector<MemorialOrderRule>& rules) {
  if (auto open = EnsurePeriodOpen(tx, document.org, core::Period::MonthOf(document.date));
      !open) {
    return open;
  }
  std::vector<std::optional<int>> orders;
  orders.reserve(document.lines.size());
  for (const Entry& entry : document.lines) {
    orders.push_back(MemorialOrderFor(rules, entry.debit_account, entry.credit_account));
  }
  detail::PostLines(tx, document, orders);
  return {};
}

core::Result<Document> Reread(pqxx::dbtransaction& tx, std::int64_t id) {
  auto document = detail::ReadDocument(tx, id, false);
  if (!document) return NotFound();
  return std::move(*document);
}

// A locked draft at the expected version, or the error to return.
core::Result<Document> LockDraft(pqxx::dbtransaction& tx, std::int64_t id, int expected_version) {
  auto document = detail::ReadDocument(tx, id, true);
  if (!document) return NotFound();
  if (document->version != expected_version) return VersionConflict(document->version);
  if (document->state != DocumentState::kDraft) return NotDraft();
  return std::move(*document);
}

core::Result<Document> Insert(pqxx::dbtransaction& tx, const platform::Actor& actor,
                              const DocumentInput& input) {
  if (input.kind == DocumentKind::kReversal) {
    return core::MakeError("ledger.kind_not_allowed",
                           "Сторно құжаты өткізілген құжаттан ғана жасалады",
                           "Документ сторно создаётся только из проведённого документа",
                           "A reversal is made only from a posted document", "kind");
  }
  const std::string number = detail::NextDocumentNumber(tx, input.org, input.date.year());
  const auto [id, created_at] =
      detail::InsertHeader(tx, actor, input, number, Total(input.lines), std::nullopt);
  detail::ReplaceLines(tx, input.org, id, input.date, input.lines);
  return Reread(tx, id);
}

}  // namespace

std::string_view DocumentStateCode(DocumentState state) {
  switch (state) {
    case DocumentState::kDraft: return "draft";
    case DocumentState::kPosted: return "posted";
    case DocumentState::kReversed: return "reversed";
    case DocumentState::kDeleted: return "deleted";
  }
  return "draft";
}

core::Result<Document> CreateDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      const DocumentInput& input) {
  if (auto status = Validate(tx, input); !status) return status.error();
  auto document = Insert(tx, actor, input);
  if (!document) return document;
  Audit(tx, actor, "ledger.document.create", *document, std::nullopt);
  return document;
}

core::Result<Document> CreateAndPostDocument(pqxx::dbtransaction& tx,
                                             const platform::Actor& actor,
                                             const DocumentInput& input) {
  ReferenceSnapshot snapshot;
  if (auto status = Validate(tx, input, &snapshot); !status) return status.error();
  // The month first: a refusal then costs no document number.
  if (auto open = EnsurePeriodOpen(tx, input.org, core::Period::MonthOf(input.date)); !open) {
    return open.error();
  }
  auto document = Insert(tx, actor, input);
  if (!document) return document;
  if (auto posted = PostStored(tx, *document, snapshot.rules); !posted) return posted.error();
  detail::SetState(tx, actor, document->id, DocumentState::kPosted);
  auto result = Reread(tx, document->id);
  Audit(tx, actor, "ledger.document.post", *result, std::nullopt);
  return result;
}

core::Result<Document> UpdateDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      std::int64_t id, int expected_version,
                                      const DocumentInput& input) {
  auto before = LockDraft(tx, id, expected_version);
  if (!before) return before;
  DocumentInput changed = input;
  changed.org = before->org;  // a document never moves to another institution
  changed.kind = before->kind;
  if (auto status = Validate(tx, changed); !status) return status.error();
  detail::UpdateHeader(tx, id, changed, Total(changed.lines));
  detail::ReplaceLines(tx, changed.org, id, changed.date, changed.lines);
  auto after = Reread(tx, id);
  Audit(tx, actor, "ledger.document.update", *after, *before);
  return after;
}

core::Result<Document> PostDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                    std::int64_t id, int expected_version) {
  auto before = LockDraft(tx, id, expected_version);
  if (!before) return before;
  ReferenceSnapshot snapshot;
  if (auto status = Validate(tx, InputOf(*before), &snapshot); !status) return status.error();
  if (auto posted = PostStored(tx, *before, snapshot.rules); !posted) return posted.error();
  detail::SetState(tx, actor, id, DocumentState::kPosted);
  auto after = Reread(tx, id);
  Audit(tx, actor, "ledger.document.post", *after, *before);
  return after;
}

core::Result<Document> ReverseDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                       std::int64_t id, int expected_version, core::Date date) {
  auto original = detail::ReadDocument(tx, id, true);
  if (!original) return NotFound();
  if (original->version != expected_version) return VersionConflict(original->version);
  if (original->state != DocumentState::kPosted) {
    return core::MakeError("ledger.not_posted", "Тек өткізілген құжатты сторнолауға болады",
                           "Сторнировать можно только проведённый документ",
                           "Only a posted document can be reversed", "state");
  }
  if (date < original->date) {
    return core::MakeError("ledger.reversal_before_original",
                           "Сторно күні түпнұсқа құжаттың күнінен бұрын болмайды",
                           "Дата сторно не может быть раньше даты исходного документа",
                           "A reversal cannot be dated before the original document", "date");
  }
  DocumentInput input;
  input.org = original->org;
  input.kind = DocumentKind::kReversal;
  input.date = date;
  input.content = "Сторно: № " + original->number + ", " + original->date.Format(core::Lang::kRu);
  for (const Entry& entry : original->lines) {
    EntryInput line = entry;
    line.amount = -entry.amount;
    if (line.quantity && !line.quantity->empty()) {
      line.quantity = line.quantity->front() == '-' ? line.quantity->substr(1) : "-" + *line.quantity;
    }
    input.lines.push_back(std::move(line));
  }
  if (auto open = EnsurePeriodOpen(tx, input.org, core::Period::MonthOf(date)); !open) {
    return open.error();
  }
  const std::string number = detail::NextDocumentNumber(tx, input.org, date.year());
  const auto [reversal_id, created_at] =
      detail::InsertHeader(tx, actor, input, number, -original->total, original->id);
  detail::ReplaceLines(tx, input.org, reversal_id, date, input.lines);
  auto reversal = Reread(tx, reversal_id);
  // The reversal's postings take the memorial orders of the original's: the same accounts.
  std::vector<std::optional<int>> orders;
  for (const Entry& entry : original->lines) orders.push_back(entry.memorial_order);
  detail::PostLines(tx, *reversal, orders);
  detail::SetState(tx, actor, reversal_id, DocumentState::kPosted);
  detail::SetState(tx, actor, id, DocumentState::kReversed, reversal_id);
  Audit(tx, actor, "ledger.document.reverse", *Reread(tx, id), *original);
  auto posted = Reread(tx, reversal_id);
  Audit(tx, actor, "ledger.document.post", *posted, std::nullopt);
  return posted;
}

core::Result<Document> DeleteDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      std::int64_t id, int expected_version) {
  auto before = LockDraft(tx, id, expected_version);
  if (!before) return before;
  detail::SetState(tx, actor, id, DocumentState::kDeleted);
  auto after = Reread(tx, id);
  Audit(tx, actor, "ledger.document.delete", *after, *before);
  return after;
}

core::Result<Document> GetDocument(pqxx::dbtransaction& tx, std::int64_t id) {
  return Reread(tx, id);
}

}  // namespace esep::ledger
