#pragma once
/// @file
/// The generic "print this list" template every client list uses: the columns the user sees,
/// in the order and widths they see them, as a FormTemplate for the usual renderer.

#include <string>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/dataset.hpp"
#include "esep/forms/form_template.hpp"

namespace esep::forms {

struct ListColumn {
  std::string field;           ///< a field of the source
  core::LocalizedText header;  ///< as the list shows it; printed literally (no placeholders)
  double width_mm = 30;
};

struct ListSpec {
  core::LocalizedText title;
  std::string source;
  std::vector<ListColumn> columns;
  bool numbered = true;  ///< a first "№" column numbering the rows
};

/// A template with id "list_<source>": the title and the institution above the table, the
/// columns (text wraps, numbers right, dates centered), a closing "Всего: N" row, page
/// numbers; portrait when the columns fit (180 mm), landscape up to 267 mm. It declares every
/// parameter the source accepts (required ones that are dates default to today), so the
/// caller passes the list's filters as parameters. Errors, with `field` naming the spec
/// member: "forms.list.title" (title), "forms.list.columns" (columns: none),
/// "forms.unknown_field" / "forms.duplicate" (columns[i].field), "forms.list.header"
/// (columns[i].header), "forms.bad_value" (columns[i].width_mm, 3..400), "forms.too_wide"
/// (columns), and those of ValidateTemplate.
core::Result<FormTemplate> BuildListTemplate(const ListSpec& spec, const SourceSchema& schema);

}  // namespace esep::forms
