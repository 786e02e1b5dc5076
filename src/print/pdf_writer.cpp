#include "esep/print/pdf_writer.hpp"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QPdfWriter>
#include <QString>

#include <system_error>

#include "esep/print/document_painter.hpp"

namespace esep::print {
namespace {

core::Status Paint(const forms::Document& doc, QIODevice& out) {
  QPdfWriter writer(&out);
  writer.setResolution(kPdfResolution);
  writer.setTitle(QString::fromStdString(doc.title));
  writer.setCreator(QStringLiteral("Esep"));
  return PaintDocument(doc, writer);
}

core::Error WriteFailed(const std::filesystem::path& path, const std::string& reason) {
  const std::string file = path.string();
  return core::MakeError("print.write_failed",
                         "PDF файлын жазу мүмкін болмады: " + file + " (" + reason + ")",
                         "Не удалось записать PDF-файл: " + file + " (" + reason + ")",
                         "Could not write the PDF file: " + file + " (" + reason + ")", file);
}

}  // namespace

core::Result<std::string> RenderPdf(const forms::Document& doc) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (auto status = Paint(doc, buffer); !status) return status.error();
  buffer.close();
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

core::Status WritePdf(const forms::Document& doc, const std::filesystem::path& path) {
  std::filesystem::path partial = path;
  partial += ".part";
  QFile file(QString::fromStdString(partial.string()));
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    return WriteFailed(path, file.errorString().toStdString());
  }
  const core::Status painted = Paint(doc, file);
  file.close();
  if (!painted || file.error() != QFileDevice::NoError) {
    const std::string reason = file.errorString().toStdString();
    file.remove();
    if (!painted) return painted;
    return WriteFailed(path, reason);
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    std::filesystem::remove(partial, error);
    return WriteFailed(path, error.message());
  }
  return {};
}

}  // namespace esep::print
