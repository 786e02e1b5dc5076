#pragma once
/// @file
/// The XLSX export of a Document: one worksheet with real numbers and dates, merged cells
/// as on paper, frozen and repeated header rows, and an A4 page setup ready to print.

#include <filesystem>
#include <string>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"

namespace esep::forms {

/// Writes `doc` to `file` as an Excel workbook. The workbook is assembled in a temporary
/// file beside `file` and renamed over it only when complete, so a failed export never
/// leaves a truncated file or destroys an earlier one.
///
/// Money cells become numbers (tenge with tiyn) formatted "#,##0.00", integers "#,##0",
/// dates Excel dates formatted "dd.mm.yyyy". A value Excel cannot show exactly (more than
/// 15 significant digits, or a date outside 1900..9999) is written as the cell's text.
///
/// Errors: "xlsx.write" (the file or its temporary cannot be written; `field` is the path,
/// `details` the libxlsxwriter message), "xlsx.too_large" (more rows or columns than a
/// worksheet holds, or a text over 32,767 characters), "xlsx.bad_layout" (a cell outside
/// the grid or overlapping another; `field` names the row and cell).
core::Status WriteXlsx(const Document& doc, const std::filesystem::path& file);

/// The bytes of the XLSX file WriteXlsx would write, for sending over the network.
/// libxlsxwriter writes only to files, so this goes through a private temporary file in
/// std::filesystem::temp_directory_path(), removed before returning. Errors as WriteXlsx.
core::Result<std::string> RenderXlsx(const Document& doc);

/// The worksheet name Excel accepts for a document title: characters []:*?/\ and control
/// characters become spaces, runs of spaces collapse, leading and trailing spaces and
/// apostrophes go, and the name is cut to 31 UTF-16 units at a character boundary
/// (invalid UTF-8 bytes become U+FFFD first). Empty results and Excel's reserved
/// "History" give "Sheet1".
std::string XlsxSheetName(const std::string& title);

/// Excel's column width (in characters of the default font's digit) for a printed width
/// in millimetres. See xlsx_writer.cpp for the conversion.
double XlsxColumnWidth(double width_mm);

}  // namespace esep::forms
