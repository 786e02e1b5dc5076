#pragma once
/// @file
/// The schemas of the data sources the server provides to templates (forms/*.form): each
/// server provider returns exactly these fields and accepts exactly these parameters.

#include <string_view>
#include <vector>

#include "esep/forms/dataset.hpp"

namespace esep::forms {

/// "institutions" (the register of institutions with their superiors and accounting offices)
/// and "audit_events" (the audit trail as a readable extract).
const std::vector<SourceSchema>& BuiltinSourceSchemas();

/// The built-in schema called `name`; nullptr when there is none. Usable as a SchemaLookup.
const SourceSchema* FindBuiltinSource(std::string_view name);

}  // namespace esep::forms
