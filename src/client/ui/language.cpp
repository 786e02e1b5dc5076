#include "esep/client/ui/language.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace esep::client::ui {
namespace {

struct State {
  QString code = QStringLiteral("ru");
  QTranslator* translator = nullptr;
};

State& GetState() {
  static State state;
  return state;
}

}  // namespace

QString Language::Current() { return GetState().code; }

bool Language::Switch(const QString& code) {
  if (!Codes().contains(code)) return false;
  auto* translator = new QTranslator(QCoreApplication::instance());
  if (!translator->load(QStringLiteral(":/i18n/esep_%1.qm").arg(code))) {
    delete translator;
    return false;
  }
  State& state = GetState();
  if (state.translator != nullptr) {
    QCoreApplication::removeTranslator(state.translator);
    state.translator->deleteLater();
  }
  state.translator = translator;
  state.code = code;
  QLocale::setDefault(QLocale(code == QLatin1String("kk")   ? QLocale::Kazakh
                              : code == QLatin1String("ru") ? QLocale::Russian
                                                            : QLocale::English,
                              QLocale::Kazakhstan));
  // Installing sends QEvent::LanguageChange to every widget.
  QCoreApplication::installTranslator(translator);
  return true;
}

QString Language::NativeName(const QString& code) {
  if (code == QLatin1String("kk")) return QStringLiteral("Қазақша");
  if (code == QLatin1String("ru")) return QStringLiteral("Русский");
  return QStringLiteral("English");
}

QString Language::Pick(const QString& kk, const QString& ru, const QString& en) {
  const QString& code = Current();
  const QString& chosen = code == QLatin1String("kk") ? kk : code == QLatin1String("en") ? en : ru;
  if (!chosen.isEmpty()) return chosen;
  return ru.isEmpty() ? en : ru;
}

}  // namespace esep::client::ui
