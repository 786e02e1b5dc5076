#pragma once
/// @file
/// The report service: a request checked and resolved in the caller's transaction (with the
/// cache key of what it would print), the rows read under the user's row-level scope, the
/// Document rendered and written as the requested files.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <pqxx/transaction>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/document.hpp"
#include "esep/forms/form_template.hpp"
#include "esep/forms/renderer.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/reports/catalog.hpp"
#include "esep/reports/report_request.hpp"
#include "esep/reports/sources.hpp"

namespace esep::reports {

/// Who runs a report: the user (the "executor" of the signature block) and what they may.
struct ReportUser {
  core::UserId id;
  platform::AccessSet access;
  std::string request_id;
};

/// A request checked in the caller's transaction, ready to be queued or run.
struct PreparedReport {
  /// As asked, with the parameters canonical: every resolved value as text (dates ISO),
  /// defaults included, so that the job prints what was checked even after midnight.
  ReportRequest request;
  forms::FormTemplate form;
  const DataSource* source = nullptr;
  forms::ParameterValues values;
  forms::RenderContext context;
  /// SHA-256 (hex) of everything the files depend on: the template (its file's hash, or the
  /// list's columns), institution, language, parameters, formats, the source's data version
  /// and what the title and signature blocks print. Equal keys, equal files.
  std::string cache_key;
};

/// What a run leaves: the files in the order of request.formats and the job's result.
struct ReportOutput {
  std::vector<platform::JobFile> files;
  std::string cache_key;
  std::string result_json;  ///< {cache_key, form_id, title, language, rows, files}
};

/// Told after each stage (parameters and data version, rows, rendering, each file);
/// returning false stops the run with "report.cancelled".
using ReportProgress =
    std::function<bool(std::int64_t done, std::int64_t total, const std::string& stage)>;

class ReportService {
 public:
  ReportService(const ReportCatalog& catalog, const SourceRegistry& sources);

  /// Checks and resolves `request` in `tx` (bound to the user's row-level scope). Errors:
  /// "report.form_not_found" (form_id), "report.unknown_source" (source),
  /// forms::BuildListTemplate's errors (columns[i]..., title), "report.pdf_unavailable"
  /// (formats), "auth.forbidden" (org_id: the source needs a permission the user lacks
  /// there), "institution.not_found" (org_id), forms::ResolveParameters' errors and
  /// "report.parameter.range" / "report.parameter.institution" with field
  /// "parameters.<name>". The transaction's identity is narrowed while the data version is
  /// read and restored to `actor` before returning.
  core::Result<PreparedReport> Prepare(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                       const ReportRequest& request, const ReportUser& user,
                                       core::Date today) const;

  /// The rows of a prepared report, read in `tx` narrowed to the institutions where the
  /// user holds reports.read (and the source's permission). Call right after Prepare in
  /// the same transaction: its data version was read before these rows.
  core::Result<forms::DataSet> Fetch(pqxx::dbtransaction& tx, const PreparedReport& prepared,
                                     const ReportUser& user) const;

  /// Renders and writes the files; no database.
  core::Result<ReportOutput> Render(const PreparedReport& prepared, const forms::DataSet& rows,
                                    const ReportProgress& progress) const;

  /// Prepare, Fetch and Render with progress and cancel between the stages.
  core::Result<ReportOutput> Run(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                 const ReportRequest& request, const ReportUser& user,
                                 core::Date today, const ReportProgress& progress) const;

  /// The number of stages progress counts for `request`.
  static std::int64_t StageCount(const ReportRequest& request);

  const ReportCatalog& catalog() const { return catalog_; }
  const SourceRegistry& sources() const { return sources_; }

 private:
  const ReportCatalog& catalog_;
  const SourceRegistry& sources_;
};

/// "report.cancelled": progress asked to stop.
core::Error ReportCancelled();

}  // namespace esep::reports
