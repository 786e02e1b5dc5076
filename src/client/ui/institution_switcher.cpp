#include "esep/client/ui/institution_switcher.hpp"

#include <QEvent>
#include <QJsonObject>

#include "esep/client/api_client.hpp"
#include "esep/client/ui/language.hpp"

namespace esep::client::ui {
namespace {

// More institutions than this (a whole region's administrator) are shown by number only, so
// signing in never floods the server with look-ups.
constexpr int kMaxLookups = 200;

}  // namespace

InstitutionSwitcher::InstitutionSwitcher(ApiClient* api, QWidget* parent)
    : QComboBox(parent), api_(api) {
  setObjectName(QStringLiteral("institution"));
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
  setMinimumContentsLength(24);
  connect(this, &QComboBox::activated, this,
          [this](int) { emit institutionChanged(currentInstitution()); });
}

void InstitutionSwitcher::SetInstitutions(const QList<qint64>& ids, qint64 current) {
  clear();
  for (qint64 id : ids) addItem(QString(), id);
  const int index = findData(current);
  setCurrentIndex(index >= 0 ? index : 0);
  Rename();
  for (int i = 0; i < ids.size() && i < kMaxLookups; ++i) {
    const qint64 id = ids[i];
    if (names_.contains(id)) continue;
    ApiCall* call = api_->Get(QStringLiteral("/api/v1/institutions/%1").arg(id));
    connect(call, &ApiCall::finished, this, [this, id](const QJsonDocument& document) {
      const QJsonObject object = document.object();
      names_.insert(id, Names{object.value(QStringLiteral("name_kk")).toString(),
                              object.value(QStringLiteral("name_ru")).toString()});
      Rename();
      emit institutionChanged(currentInstitution());  // its name is known now
    });
  }
}

qint64 InstitutionSwitcher::currentInstitution() const { return currentData().toLongLong(); }

QString InstitutionSwitcher::currentName() const { return currentText(); }

void InstitutionSwitcher::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Rename();
  QComboBox::changeEvent(event);
}

void InstitutionSwitcher::Rename() {
  for (int i = 0; i < count(); ++i) {
    const qint64 id = itemData(i).toLongLong();
    const auto it = names_.constFind(id);
    const QString name = it == names_.cend() ? QString() : Language::Pick(it->kk, it->ru, it->ru);
    setItemText(i, name.isEmpty() ? tr("Institution №%1").arg(id) : name);
  }
}

}  // namespace esep::client::ui
