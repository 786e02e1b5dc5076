#pragma once
/// @file
/// Accounting documents and their postings: drafts saved and changed under an optimistic
/// lock, posting (memorial orders assigned, monthly totals updated in the same
/// transaction), reversal by a red-storno document, deletion of drafts. Every change is
/// audited in the caller's transaction; after any error the caller rolls back, so nothing
/// is ever half-posted.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/ledger/posting_rules.hpp"
#include "esep/platform/actor.hpp"

namespace esep::ledger {

enum class DocumentState { kDraft, kPosted, kReversed, kDeleted };

std::string_view DocumentStateCode(DocumentState state);  ///< draft, posted, reversed, deleted

struct Entry : EntryInput {
  int line_no = 0;
  std::optional<int> memorial_order;  ///< set when posted, if a rule matched
};

struct Document {
  std::int64_t id = 0;
  core::OrgId org;
  DocumentKind kind = DocumentKind::kOperation;
  std::string number;
  core::Date date = core::Date::FromDaysSinceEpoch(0).value();  ///< 1970-01-01 until set
  std::string content;
  DocumentState state = DocumentState::kDraft;
  std::int64_t total = 0;  ///< sum of the lines' amounts, tiyn
  std::optional<std::int64_t> reverses, reversed_by;
  int version = 0;
  std::vector<Entry> lines;
  std::optional<core::UserId> created_by, posted_by;
  std::string created_at, posted_at;  ///< ISO 8601 UTC; posted_at empty until posted
};

/// Saves a draft: ValidateDocument's errors, and "ledger.kind_not_allowed" (kind) for a
/// reversal, which only ReverseDocument makes. Numbers run per institution and year.
/// Audited "ledger.document.create".
core::Result<Document> CreateDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      const DocumentInput& input);

/// Creates and posts in one step (an API call with "post": true, imports). Errors of
/// CreateDocument and PostDocument.
core::Result<Document> CreateAndPostDocument(pqxx::dbtransaction& tx,
                                             const platform::Actor& actor,
                                             const DocumentInput& input);

/// Replaces a draft's date, content and lines (the institution and kind stay). Errors:
/// "ledger.document_not_found" (id), "ledger.version_conflict" (version),
/// "ledger.not_draft" (state), and ValidateDocument's. Audited "ledger.document.update".
core::Result<Document> UpdateDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      std::int64_t id, int expected_version,
                                      const DocumentInput& input);

/// Posts a draft: validated again against the reference data of its date, refused in a
/// closed month ("ledger.period_closed", field date). Audited "ledger.document.post".
core::Result<Document> PostDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                    std::int64_t id, int expected_version);

/// Reverses a posted document by a new posted document dated `date` with the same lines
/// and negated amounts; the original becomes "reversed". Errors: "ledger.document_not_found",
/// "ledger.version_conflict", "ledger.not_posted" (state), "ledger.period_closed" (date),
/// "ledger.reversal_before_original" (date). Returns the reversal. Audited
/// "ledger.document.reverse".
core::Result<Document> ReverseDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                       std::int64_t id, int expected_version, core::Date date);

/// Marks a draft deleted (kept for the audit trail). Errors: "ledger.document_not_found",
/// "ledger.version_conflict", "ledger.not_draft". Audited "ledger.document.delete".
core::Result<Document> DeleteDocument(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                      std::int64_t id, int expected_version);

/// "ledger.document_not_found" also when row-level security hides it.
core::Result<Document> GetDocument(pqxx::dbtransaction& tx, std::int64_t id);

}  // namespace esep::ledger
