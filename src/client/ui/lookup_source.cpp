#include "esep/client/ui/lookup_source.hpp"

#include <QJsonArray>
#include <QJsonDocument>

#include "esep/client/api_call.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/list_types.hpp"
#include "esep/client/ui/language.hpp"

namespace esep::client::ui {

ListLookupSource::ListLookupSource(ApiClient* api, QString list_name, QString key_column,
                                   Format format, QObject* parent)
    : LookupSource(parent),
      api_(api),
      list_name_(std::move(list_name)),
      key_column_(std::move(key_column)),
      format_(std::move(format)) {}

QList<LookupItem> ListLookupSource::Items(const QJsonObject& body) const {
  QStringList codes;
  for (const QJsonValue& code : body.value("columns").toArray()) codes.append(code.toString());
  QList<LookupItem> items;
  for (const QJsonValue& item : body.value("items").toArray()) {
    const QJsonArray cells = item.toArray();
    QJsonObject row;
    for (int i = 0; i < codes.size() && i < cells.size(); ++i) row.insert(codes[i], cells[i]);
    items.append(LookupItem{row.value(key_column_), format_(row)});
  }
  return items;
}

void ListLookupSource::Search(const QString& text) {
  if (search_ != nullptr) search_->Abort();
  ListQuery query;
  query.search = text.trimmed();
  ApiCall* call =
      api_->Get(QStringLiteral("/api/v1/lists/") + list_name_ + ListQueryString(query, 0, kLimit));
  search_ = call;
  connect(call, &ApiCall::finished, this, [this, text](const QJsonDocument& document) {
    emit results(text, Items(document.object()));
  });
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    if (error.code != QLatin1String("net.cancelled")) emit failed(error);
  });
}

void ListLookupSource::Describe(const QJsonValue& key) {
  if (key.isNull() || key.isUndefined()) {
    emit described(key, QString());
    return;
  }
  ListQuery query;
  query.filters.insert(key_column_,
                       key.isDouble() ? QString::number(key.toInteger()) : key.toString());
  ApiCall* call =
      api_->Get(QStringLiteral("/api/v1/lists/") + list_name_ + ListQueryString(query, 0, 1));
  connect(call, &ApiCall::finished, this, [this, key](const QJsonDocument& document) {
    const QList<LookupItem> items = Items(document.object());
    emit described(key, items.isEmpty() ? QString() : items.first().text);
  });
  connect(call, &ApiCall::failed, this, &LookupSource::failed);
}

void FixedLookupSource::SetItems(QList<LookupItem> items) { items_ = std::move(items); }

void FixedLookupSource::Search(const QString& text) {
  QList<LookupItem> found;
  const QString needle = text.trimmed();
  for (const LookupItem& item : std::as_const(items_)) {
    if (needle.isEmpty() || item.text.contains(needle, Qt::CaseInsensitive) ||
        item.key.toString().contains(needle, Qt::CaseInsensitive)) {
      found.append(item);
    }
  }
  // Emitted later, like a server's answer, so callers handle both sources the same way.
  QMetaObject::invokeMethod(
      this, [this, text, found] { emit results(text, found); }, Qt::QueuedConnection);
}

void FixedLookupSource::Describe(const QJsonValue& key) {
  QString text;
  for (const LookupItem& item : std::as_const(items_)) {
    if (item.key == key) text = item.text;
  }
  QMetaObject::invokeMethod(
      this, [this, key, text] { emit described(key, text); }, Qt::QueuedConnection);
}

RoleLookupSource::RoleLookupSource(ApiClient* api, QObject* parent)
    : FixedLookupSource(parent), api_(api) {
  Load();
}

void RoleLookupSource::Load() {
  ApiCall* call = api_->Get(QStringLiteral("/api/v1/roles"));
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    QList<LookupItem> items;
    for (const QJsonValue& value : document.object().value("roles").toArray()) {
      const QJsonObject role = value.toObject();
      const QJsonObject name = role.value("name").toObject();
      items.append(LookupItem{role.value("code"), Language::Pick(name.value("kk").toString(),
                                                                 name.value("ru").toString(),
                                                                 name.value("en").toString())});
    }
    SetItems(items);
    loaded_ = true;
    emit loadedChanged();
  });
  connect(call, &ApiCall::failed, this, &LookupSource::failed);
}

QString InstitutionText(const QJsonObject& row) {
  const QString kk = row.value("name_kk").toString();
  const QString ru = row.value("name_ru").toString();
  const QString name = Language::Pick(kk, ru, ru);
  const QString bin = row.value("bin").toString();
  return bin.isEmpty() ? name : name + QStringLiteral(" · ") + bin;
}

ListLookupSource* NewInstitutionSource(ApiClient* api, QObject* parent) {
  return new ListLookupSource(api, QStringLiteral("institutions"), QStringLiteral("id"),
                              &InstitutionText, parent);
}

}  // namespace esep::client::ui
