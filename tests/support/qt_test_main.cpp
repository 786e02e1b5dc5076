// A GoogleTest main for tests that paint: Qt's font database and QPdfWriter need a
// QGuiApplication, and tests run without a display, so the offscreen platform is forced.
#include <QGuiApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QGuiApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
