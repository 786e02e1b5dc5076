#pragma once
/// @file
/// Paints a Document page by page with QPainter onto any paged device: a QPdfWriter on the
/// server, a QPrinter or its print preview in the desktop client.

#include <QPagedPaintDevice>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"

namespace esep::print {

/// Sets the device's page layout (A4, the document's orientation and margins), lays the
/// document out for the device's resolution and paints every page: thin borders (a merged
/// cell is one box), shaded header rows, aligned text in the cells' weights and slants,
/// wrapped or elided so that it never runs into a neighbouring cell, and the page-number
/// line. Needs a QGuiApplication and the DejaVu fonts (fonts.hpp).
core::Status PaintDocument(const forms::Document& doc, QPagedPaintDevice& device);

}  // namespace esep::print
