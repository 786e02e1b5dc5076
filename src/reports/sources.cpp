#include "esep/reports/sources.hpp"

#include "esep/reports/audit_events_source.hpp"
#include "esep/reports/institutions_source.hpp"

namespace esep::reports {

void SourceRegistry::Add(DataSource source) {
  std::string name = source.schema.name;
  sources_.insert_or_assign(std::move(name), std::move(source));
}

const DataSource* SourceRegistry::Find(std::string_view name) const {
  const auto it = sources_.find(name);
  return it == sources_.end() ? nullptr : &it->second;
}

forms::SchemaLookup SourceRegistry::Schemas() const {
  return [this](std::string_view name) -> const forms::SourceSchema* {
    const DataSource* source = Find(name);
    return source == nullptr ? nullptr : &source->schema;
  };
}

const SourceRegistry& BuiltinDataSources() {
  static const SourceRegistry registry = [] {
    SourceRegistry sources;
    sources.Add(InstitutionsSource());
    sources.Add(AuditEventsSource());
    return sources;
  }();
  return registry;
}

}  // namespace esep::reports
