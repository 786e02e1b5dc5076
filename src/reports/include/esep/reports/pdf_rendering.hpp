#pragma once
/// @file
/// PDF painting on the server's job threads: the fonts are loaded once on the GUI thread
/// (the one that created the QGuiApplication) before any job paints.

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"

namespace esep::reports {

/// Call on the thread that created the QGuiApplication, before reports run. Errors:
/// "print.no_gui_application" (no QGuiApplication), "print.font_missing".
core::Status PreparePdfRendering();

/// PreparePdfRendering() has succeeded in this process.
bool PdfRenderingReady();

/// "report.pdf_unavailable": the process was started without PDF painting.
core::Error PdfUnavailable();

}  // namespace esep::reports
