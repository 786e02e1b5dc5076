#pragma once
/// @file
/// The report catalog: every template of the forms directory, loaded and checked against the
/// providers when the server starts, with a fingerprint of each file so that a cached report
/// is never served from an older version of its template.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"
#include "esep/forms/template_parser.hpp"
#include "esep/reports/sources.hpp"

namespace esep::reports {

/// Where the templates are: $ESEP_FORMS_DIR, else <prefix>/share/esep/forms beside an
/// installed binary, else the source tree's forms/ (runs from the build tree).
std::filesystem::path DefaultFormsDir();

class ReportCatalog {
 public:
  /// An empty catalog (no templates): every form is unknown.
  ReportCatalog() = default;

  /// forms::LoadTemplates over `dir` with `sources`' schemas: the first error names
  /// "forms/<file>.form:<line>" in its field and messages (details list every error).
  static core::Result<ReportCatalog> Load(const std::filesystem::path& dir,
                                          const SourceRegistry& sources);

  const forms::FormTemplate* Find(std::string_view id) const { return templates_.Find(id); }
  const forms::TemplateSet& templates() const { return templates_; }
  /// SHA-256 (hex) of the template file's bytes; "" for an unknown id.
  std::string Fingerprint(std::string_view id) const;

 private:
  forms::TemplateSet templates_;
  std::map<std::string, std::string, std::less<>> fingerprints_;
};

}  // namespace esep::reports
