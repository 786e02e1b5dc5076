#pragma once
/// @file
/// The interface language (kk, ru, en): switching it at run time installs the compiled
/// translation embedded under :/i18n, and every widget retranslates on QEvent::LanguageChange.

#include <QString>
#include <QStringList>

namespace esep::client::ui {

class Language {
 public:
  /// "kk", "ru" or "en"; "ru" until Switch is called.
  static QString Current();
  /// Installs esep_<code>.qm; false (and nothing changes) for an unknown code.
  static bool Switch(const QString& code);
  static QStringList Codes() {
    return {QStringLiteral("kk"), QStringLiteral("ru"), QStringLiteral("en")};
  }
  /// The language's own name, as its speakers write it (menus list languages this way).
  static QString NativeName(const QString& code);
  /// The one of three texts in the current language (server titles come as kk/ru/en).
  static QString Pick(const QString& kk, const QString& ru, const QString& en);
};

}  // namespace esep::client::ui
