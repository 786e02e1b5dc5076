#pragma once
/// @file
/// Data sources (providers): the rows a template prints, read through the caller's
/// transaction so that row-level security limits them, and a cheap "data version" that
/// changes whenever those rows may have changed (the report cache's key).

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include <pqxx/transaction>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/parameters.hpp"
#include "esep/forms/template_parser.hpp"

namespace esep::reports {

/// The rows for resolved parameters; exactly the fields of the source's schema, in order.
using FetchRows = std::function<core::Result<forms::DataSet>(
    pqxx::dbtransaction& tx, const forms::ParameterValues& params, core::Lang lang)>;
/// A short text equal for two reads exactly when the rows FetchRows would return (for the
/// same parameters and the same row-level scope) cannot differ.
using ReadDataVersion =
    std::function<std::string(pqxx::dbtransaction& tx, const forms::ParameterValues& params)>;
/// Checks between parameters the schema cannot express (a period's end before its start).
/// Errors name the parameter in `field`.
using CheckParameters = std::function<core::Status(const forms::ParameterValues& params)>;

struct DataSource {
  forms::SourceSchema schema;
  /// Needed besides reports.read in every institution whose rows are printed ("" = none):
  /// the audit trail is for holders of audit.read only.
  std::string permission;
  CheckParameters check;
  ReadDataVersion version;
  FetchRows fetch;
};

class SourceRegistry {
 public:
  /// Replaces a source of the same name.
  void Add(DataSource source);
  const DataSource* Find(std::string_view name) const;
  /// For forms::LoadTemplates: templates may print only sources that have a provider.
  forms::SchemaLookup Schemas() const;
  const std::map<std::string, DataSource, std::less<>>& all() const { return sources_; }

 private:
  std::map<std::string, DataSource, std::less<>> sources_;
};

/// `institutions` and `audit_events` with the schemas of forms::BuiltinSourceSchemas().
const SourceRegistry& BuiltinDataSources();

}  // namespace esep::reports
