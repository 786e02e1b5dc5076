#pragma once
/// @file
/// The SQL behind documents.hpp (private to the ledger): rows in, rows out, no rules.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/ledger/documents.hpp"

namespace esep::ledger::detail {

/// The next number of `org`'s documents in `year` ("1", "2", ...).
std::string NextDocumentNumber(pqxx::dbtransaction& tx, core::OrgId org, int year);

/// Inserts the header (state draft, version 1) and returns its id and created_at.
std::pair<std::int64_t, std::string> InsertHeader(pqxx::dbtransaction& tx,
                                                  const platform::Actor& actor,
                                                  const DocumentInput& input,
                                                  const std::string& number, std::int64_t total,
                                                  std::optional<std::int64_t> reverses);

/// Replaces the lines of document `id` (numbered from 1), resolving analytics to their ids.
void ReplaceLines(pqxx::dbtransaction& tx, core::OrgId org, std::int64_t id, core::Date date,
                  const std::vector<EntryInput>& lines);

/// The document with its lines; `lock` takes the header's row lock (FOR UPDATE).
std::optional<Document> ReadDocument(pqxx::dbtransaction& tx, std::int64_t id, bool lock);

/// Marks the lines posted with their memorial orders and adds them to the monthly totals.
void PostLines(pqxx::dbtransaction& tx, const Document& document,
               const std::vector<std::optional<int>>& memorial_orders);

/// Sets state (and, for posting, who and when), bumps the version; returns the new version.
int SetState(pqxx::dbtransaction& tx, const platform::Actor& actor, std::int64_t id,
             DocumentState state, std::optional<std::int64_t> reversed_by = std::nullopt);

/// Updates date, content and total of a draft; bumps the version.
int UpdateHeader(pqxx::dbtransaction& tx, std::int64_t id, const DocumentInput& input,
                 std::int64_t total);

}  // namespace esep::ledger::detail
