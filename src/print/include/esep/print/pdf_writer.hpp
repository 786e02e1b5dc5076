#pragma once
/// @file
/// A Document as a PDF file: A4, fonts embedded, titled, made by "Esep". What the server
/// sends for every printed report.

#include <filesystem>
#include <string>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"

namespace esep::print {

/// Device units per inch of the PDFs written here. Text and lines are vectors either way;
/// this only sets the grid coordinates snap to (1/1200 inch is finer than any printer).
inline constexpr int kPdfResolution = 1200;

/// The PDF's bytes.
core::Result<std::string> RenderPdf(const forms::Document& doc);

/// Writes the PDF to `path`. It is written beside it first and renamed into place when
/// complete, so `path` never holds a half-written file.
core::Status WritePdf(const forms::Document& doc, const std::filesystem::path& path);

}  // namespace esep::print
