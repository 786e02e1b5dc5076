#pragma once
/// @file
/// The one typeface printed documents use (DejaVu Sans: every Kazakh letter, embeddable)
/// and the fonts cells are drawn with.

#include <QFont>
#include <QString>

#include <filesystem>

#include "esep/core/result.hpp"
#include "esep/forms/document.hpp"

namespace esep::print {

/// Where Debian's fonts-dejavu-core (regular, bold) and fonts-dejavu-extra (obliques) live.
inline constexpr char kDejaVuDir[] = "/usr/share/fonts/truetype/dejavu";

/// A typeface registered with Qt's font database.
struct FontFamily {
  QString family;            ///< the family name Qt knows it by ("DejaVu Sans")
  bool real_italic = false;  ///< oblique faces were found; otherwise Qt slants the upright ones
};

/// Registers DejaVu Sans from `dir` with the application's font database. Regular and bold
/// are required; the oblique faces are optional. Needs a QGuiApplication. Each call adds
/// the files again, so products call DocumentFontFamily() instead.
core::Result<FontFamily> LoadFontFamily(const std::filesystem::path& dir);

/// LoadFontFamily(kDejaVuDir), done once per process; later calls return the same result.
core::Result<FontFamily> DocumentFontFamily();

/// The font a cell of a row of `kind` is drawn with. Hinting and kerning are off so that
/// text measures the same at every resolution and by every path that measures it.
QFont CellFont(const FontFamily& family, const forms::PageSetup& page, forms::RowKind kind,
               const forms::CellStyle& style);

/// The font of the page-number line.
QFont PageNumberFont(const FontFamily& family, const forms::PageSetup& page);

}  // namespace esep::print
