#pragma once
/// @file
/// Reading forms/*.form files (docs/forms.md) into FormTemplate, and checking templates
/// against the schema of the data source they print. Every error names "file:line".

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/form_template.hpp"

namespace esep::forms {

/// Parses one template. `file_name` prefixes line numbers in errors ("forms/x.form:12: ...";
/// the error's `field` is "forms/x.form:12"). Checks everything that needs no data source:
/// syntax, UTF-8, unknown sections and keys, duplicates, required keys, kk and ru texts,
/// values (widths, formats, booleans, defaults), placeholders, references between sections,
/// and that the columns fit the page. Codes: forms.encoding, forms.syntax,
/// forms.unknown_section, forms.unknown_key, forms.duplicate, forms.missing_key,
/// forms.bad_value, forms.placeholder, forms.unknown_column, forms.reserved_name,
/// forms.too_wide, forms.parameter.type (a default that is not a value of its type).
core::Result<FormTemplate> ParseTemplate(std::string_view text, std::string file_name);

/// Checks `form` against its provider's schema: the source's name, every field a column,
/// group or drill-down names (and its type: formats, sums, amount in words), and the
/// parameters (each must be one the source accepts, with its type; each parameter the
/// source requires must be declared). Codes: forms.unknown_source, forms.unknown_field,
/// forms.type_mismatch, forms.unknown_parameter, forms.missing_parameter.
core::Status ValidateTemplate(const FormTemplate& form, const SourceSchema& schema);

/// Finds a provider's schema by source name; nullptr when there is none.
using SchemaLookup = std::function<const SourceSchema*(std::string_view source)>;

/// Every template of a directory, by id.
class TemplateSet {
 public:
  const FormTemplate* Find(std::string_view id) const;
  const std::map<std::string, FormTemplate, std::less<>>& all() const { return templates_; }
  std::size_t size() const { return templates_.size(); }

 private:
  friend core::Result<TemplateSet> LoadTemplates(const std::filesystem::path&, const SchemaLookup&);
  std::map<std::string, FormTemplate, std::less<>> templates_;
};

/// Loads, parses and validates every `*.form` in `dir` (not recursive), named in errors as
/// "<dir's last component>/<file>" ("forms/x.form:12"). A template's id must equal its file
/// name without ".form". On failure returns the first error (files in name order); when
/// there are several, `details` lists all of them, one "file:line: message" (English) per
/// line. Also: forms.dir (unreadable or no templates), forms.file (unreadable file),
/// forms.id_mismatch.
core::Result<TemplateSet> LoadTemplates(const std::filesystem::path& dir,
                                        const SchemaLookup& schemas);

}  // namespace esep::forms
