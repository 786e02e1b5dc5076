#pragma once
/// @file
/// Shows a server-rendered document (a report job's document.json) in the print preview,
/// painted page by page by the same painter as the server's PDFs (esep::print).

#include <QByteArray>
#include <QString>

class QWidget;

namespace esep::client::ui {

/// Opens the print preview for `json`; returns an error text in the interface language when
/// the JSON is not a document (nothing is shown then), otherwise an empty string.
QString ShowDocumentPreview(QWidget* parent, const QByteArray& json);

/// The number of data rows of the document (-1 when `json` is not a document): lets tests
/// check what the preview would show without opening a dialog.
int DocumentDataRows(const QByteArray& json);

}  // namespace esep::client::ui
