#include "esep/reports/pdf_rendering.hpp"

#include <atomic>

#include "esep/print/fonts.hpp"

namespace esep::reports {
namespace {

std::atomic<bool> g_ready{false};

}  // namespace

core::Status PreparePdfRendering() {
  if (g_ready.load()) return core::Status::Ok();
  // print::DocumentFontFamily() registers the fonts once per process; doing it here, on the
  // GUI thread, keeps QFontDatabase::addApplicationFont off the job threads. Qt 6 draws text
  // on any thread (each thread has its own font engine cache), so jobs may paint at once.
  auto fonts = print::DocumentFontFamily();
  if (!fonts) return fonts.error();
  g_ready.store(true);
  return core::Status::Ok();
}

bool PdfRenderingReady() { return g_ready.load(); }

core::Error PdfUnavailable() {
  return core::MakeError(
      "report.pdf_unavailable",
      "Бұл сервер PDF жасамайды (QGuiApplication-сыз іске қосылған); json немесе xlsx таңдаңыз",
      "Этот сервер не формирует PDF (запущен без QGuiApplication); выберите json или xlsx",
      "This server does not produce PDF (started without a QGuiApplication); choose json or xlsx",
      "formats");
}

}  // namespace esep::reports
