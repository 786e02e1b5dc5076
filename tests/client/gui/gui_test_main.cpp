// A GoogleTest main for the client's widget tests: a QApplication for the whole run (on the
// display xvfb-run provides), with the document fonts loaded so the in-process server's
// report jobs can paint PDFs.
#include <QApplication>

#include <gtest/gtest.h>

#include "esep/print/fonts.hpp"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Esep"));
  QApplication::setApplicationName(QStringLiteral("esep-client-guitest"));
  if (!esep::print::DocumentFontFamily()) return 2;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
