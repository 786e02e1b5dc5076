#include "esep/client/ui/document_preview.hpp"

#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QWidget>
#include <algorithm>
#include <boost/json/parse.hpp>
#include <memory>
#include <optional>

#include "esep/client/ui/language.hpp"
#include "esep/forms/document_json.hpp"
#include "esep/print/document_painter.hpp"

namespace esep::client::ui {
namespace {

std::optional<forms::Document> Parse(const QByteArray& json, QString* error) {
  boost::system::error_code parse_error;
  const boost::json::value value = boost::json::parse(
      std::string_view(json.constData(), static_cast<size_t>(json.size())), parse_error);
  if (parse_error) {
    *error = QObject::tr("The server sent a document that cannot be read.");
    return std::nullopt;
  }
  auto document = forms::DocumentFromJson(value);
  if (!document) {
    const auto& text = document.error().message;
    const QString lang = Language::Current();
    *error = QString::fromStdString(lang == QLatin1String("kk")   ? text.kk
                                    : lang == QLatin1String("en") ? text.en
                                                                  : text.ru);
    return std::nullopt;
  }
  return *document;
}

}  // namespace

int DocumentDataRows(const QByteArray& json) {
  QString error;
  const auto document = Parse(json, &error);
  if (!document) return -1;
  return static_cast<int>(
      std::count_if(document->body_rows.begin(), document->body_rows.end(),
                    [](const forms::Row& row) { return row.kind == forms::RowKind::kData; }));
}

QString ShowDocumentPreview(QWidget* parent, const QByteArray& json) {
  QString error;
  auto document = Parse(json, &error);
  if (!document) return error;
  auto shared = std::make_shared<forms::Document>(std::move(*document));
  auto* printer = new QPrinter(QPrinter::HighResolution);
  printer->setDocName(QString::fromStdString(shared->title));
  auto* dialog = new QPrintPreviewDialog(printer, parent);
  dialog->setObjectName(QStringLiteral("printPreview"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
  QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                   [shared](QPrinter* target) { (void)print::PaintDocument(*shared, *target); });
  dialog->resize(900, 700);
  dialog->open();
  return QString();
}

}  // namespace esep::client::ui
