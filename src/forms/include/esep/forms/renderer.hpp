#pragma once
/// @file
/// Render: a template, a run's context and the provider's rows become one Document in one
/// language — title block, merged multi-row header, data, groupings with subtotals, the
/// grand total, amount in words and signatures.

#include <map>
#include <string>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/document.hpp"
#include "esep/forms/form_template.hpp"
#include "esep/forms/parameters.hpp"

namespace esep::forms {

/// Who signs for a role ("head", "chief_accountant", ...). An empty position falls back to
/// the role's built-in one (SignatureRoles()); an empty name leaves the line to be filled in
/// by hand.
struct Signatory {
  core::LocalizedText position;
  std::string person_name;
};

struct RenderContext {
  core::Lang language = core::Lang::kRu;
  /// From ResolveParameters: every parameter the template declares.
  ParameterValues parameters;
  /// The institution the form is printed for: the title block and {institution}.
  core::LocalizedText institution_name;
  std::map<std::string, Signatory, std::less<>> signatories;
};

/// The Document for `data` in ctx.language. Data rows are stable-sorted by the group fields
/// (outermost first; empty values — NULL or "" — first, text by code point, numbers and dates
/// by value), so a provider's order is kept within a group. Errors: "forms.data.shape"
/// (DataSet::Check), "forms.data.missing_field" / "forms.data.type" (the rows lack a field the
/// template shows, or it has another type; field = "file:line" of the column or group),
/// "forms.parameter.unresolved" (a declared parameter missing from ctx.parameters or of the
/// wrong type; field = its name), "forms.total_overflow" (a subtotal or total does not fit;
/// field = the column id) — an overflow is never a wrong number.
core::Result<Document> Render(const FormTemplate& form, const RenderContext& ctx,
                              const DataSet& data);

/// "Страница {page} из {pages}", "{page}-бет, барлығы {pages}", "Page {page} of {pages}".
std::string PageNumberFormat(core::Lang lang);

}  // namespace esep::forms
