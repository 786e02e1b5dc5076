#include "esep/reports/catalog.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "esep/db/sha256.hpp"

namespace esep::reports {

std::filesystem::path DefaultFormsDir() {
  if (const char* env = std::getenv("ESEP_FORMS_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "esep" / "forms";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return ESEP_SOURCE_FORMS_DIR;
}

core::Result<ReportCatalog> ReportCatalog::Load(const std::filesystem::path& dir,
                                                const SourceRegistry& sources) {
  auto templates = forms::LoadTemplates(dir, sources.Schemas());
  if (!templates) return templates.error();
  ReportCatalog catalog;
  catalog.templates_ = std::move(templates.value());
  for (const auto& [id, form] : catalog.templates_.all()) {
    std::ifstream in(dir / (id + ".form"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    catalog.fingerprints_[id] = db::Sha256Hex(text.str());
  }
  return catalog;
}

std::string ReportCatalog::Fingerprint(std::string_view id) const {
  const auto it = fingerprints_.find(id);
  return it == fingerprints_.end() ? std::string() : it->second;
}

}  // namespace esep::reports
