#include "esep/client/list_catalog.hpp"

#include <QJsonArray>
#include <QJsonDocument>

#include "esep/client/api_client.hpp"

namespace esep::client {

QList<ListInfo> ParseListCatalog(const QJsonObject& body) {
  QList<ListInfo> lists;
  for (const QJsonValue& value : body.value("lists").toArray()) {
    const QJsonObject object = value.toObject();
    ListInfo info;
    info.name = object.value("name").toString();
    const QJsonObject title = object.value("title").toObject();
    info.title_kk = title.value("kk").toString();
    info.title_ru = title.value("ru").toString();
    info.title_en = title.value("en").toString();
    info.permission = object.value("permission").toString();
    info.default_sort = object.value("default_sort").toString();
    for (const QJsonValue& column : object.value("columns").toArray()) {
      info.columns.append(ParseListColumn(column.toObject()));
    }
    lists.append(info);
  }
  return lists;
}

ListCatalog::ListCatalog(ApiClient* client, QObject* parent) : QObject(parent), client_(client) {}

void ListCatalog::Load() {
  ApiCall* call = client_->Get(QStringLiteral("/api/v1/lists"));
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    lists_ = ParseListCatalog(document.object());
    emit loaded();
  });
  connect(call, &ApiCall::failed, this, &ListCatalog::failed);
}

const ListInfo* ListCatalog::Find(const QString& name) const {
  for (const ListInfo& info : lists_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace esep::client
