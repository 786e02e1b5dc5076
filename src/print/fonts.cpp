#include "esep/print/fonts.hpp"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QStringList>

#include <mutex>
#include <optional>
#include <string>

namespace esep::print {
namespace {

// Title rows stand out by size; every other row is styled by its cells (bold, italic).
constexpr double kTitleScale = 1.25;

struct FaceFile {
  const char* name;
  bool required;
};

constexpr FaceFile kFaces[] = {
    {"DejaVuSans.ttf", true},
    {"DejaVuSans-Bold.ttf", true},
    {"DejaVuSans-Oblique.ttf", false},
    {"DejaVuSans-BoldOblique.ttf", false},
};

core::Error MissingFont(const std::filesystem::path& file) {
  const std::string path = file.string();
  return core::MakeError(
      "print.font_missing",
      "PDF жасау үшін DejaVu Sans қарпі қажет, бірақ " + path +
          " файлы табылмады немесе оқылмады. fonts-dejavu-core бумасын орнатыңыз.",
      "Для печати в PDF нужен шрифт DejaVu Sans, но файл " + path +
          " не найден или не читается. Установите пакет fonts-dejavu-core.",
      "Printing to PDF needs the DejaVu Sans font, but " + path +
          " is missing or unreadable. Install the fonts-dejavu-core package.",
      path);
}

core::Error NoGuiApplication() {
  return core::MakeError("print.no_gui_application",
                         "PDF жасау үшін QGuiApplication іске қосылуы керек.",
                         "Для печати в PDF должен быть создан QGuiApplication.",
                         "Printing to PDF needs a QGuiApplication to be running.");
}

}  // namespace

core::Result<FontFamily> LoadFontFamily(const std::filesystem::path& dir) {
  if (QGuiApplication::instance() == nullptr) return NoGuiApplication();
  FontFamily result;
  int obliques = 0;
  for (const FaceFile& face : kFaces) {
    const std::filesystem::path file = dir / face.name;
    const int id = QFontDatabase::addApplicationFont(QString::fromStdString(file.string()));
    if (id < 0) {
      if (face.required) return MissingFont(file);
      continue;
    }
    const QStringList families = QFontDatabase::applicationFontFamilies(id);
    if (families.isEmpty()) {
      if (face.required) return MissingFont(file);
      continue;
    }
    if (result.family.isEmpty()) result.family = families.front();
    if (!face.required) ++obliques;
  }
  result.real_italic = obliques == 2;
  return result;
}

core::Result<FontFamily> DocumentFontFamily() {
  // Not cached: a caller that runs before the application exists may retry later.
  if (QGuiApplication::instance() == nullptr) return NoGuiApplication();
  static std::once_flag once;
  static std::optional<core::Result<FontFamily>> loaded;
  std::call_once(once, [] { loaded.emplace(LoadFontFamily(kDejaVuDir)); });
  return *loaded;
}

QFont CellFont(const FontFamily& family, const forms::PageSetup& page, forms::RowKind kind,
               const forms::CellStyle& style) {
  QFont font(family.family);
  const double scale = kind == forms::RowKind::kTitle ? kTitleScale : 1.0;
  font.setPointSizeF(page.font_size_pt * scale);
  font.setBold(style.bold);
  font.setItalic(style.italic);
  font.setHintingPreference(QFont::PreferNoHinting);
  // Widths are then plain sums of advances: the painter's fast glyph path (page_layout.hpp,
  // TextFace) and Qt's text layout measure alike.
  font.setKerning(false);
  return font;
}

QFont PageNumberFont(const FontFamily& family, const forms::PageSetup& page) {
  return CellFont(family, page, forms::RowKind::kFooter, forms::CellStyle{});
}

}  // namespace esep::print
