#pragma once
/// @file
/// A Document as JSON, the form the desktop client receives to show and print it
/// (docs/forms.md, "Document JSON"). The round trip is exact: DocumentFromJson(DocumentToJson(d))
/// == d.

#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"

namespace esep::forms {

/// Compact: a cell's col_span/row_span of 1, empty kind, empty text, zero number, default
/// style fields and an absent drill-down are left out; enums use document_names.hpp. A large
/// document is built much faster in a boost::json::monotonic_resource passed as `sp`.
boost::json::object DocumentToJson(const Document& document, boost::json::storage_ptr sp = {});

/// Reads what DocumentToJson writes; keys it does not know are ignored (a newer server may
/// add some). Error "forms.json" with `field` the path of the bad value
/// ("body_rows[3].cells[1].kind"): a missing key, a wrong JSON type, an unknown enum name, a
/// cell outside the columns or a span below 1.
core::Result<Document> DocumentFromJson(const boost::json::value& json);

}  // namespace esep::forms
