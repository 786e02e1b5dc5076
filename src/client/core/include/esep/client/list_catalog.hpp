#pragma once
/// @file
/// ListCatalog: the generic lists the user may open (GET /api/v1/lists) with their columns.

#include <QList>
#include <QObject>
#include <QString>

#include "esep/client/api_error.hpp"
#include "esep/client/list_types.hpp"

namespace esep::client {

class ApiClient;

class ListCatalog : public QObject {
  Q_OBJECT

 public:
  explicit ListCatalog(ApiClient* client, QObject* parent = nullptr);

  /// GET /api/v1/lists; loaded() or failed() follows.
  void Load();
  const QList<ListInfo>& lists() const { return lists_; }
  /// The list called `name`, or nullptr when the user may not see it.
  const ListInfo* Find(const QString& name) const;

 signals:
  void loaded();
  void failed(const esep::client::ApiError& error);

 private:
  ApiClient* client_;
  QList<ListInfo> lists_;
};

/// Parses the body of GET /api/v1/lists.
QList<ListInfo> ParseListCatalog(const QJsonObject& body);

}  // namespace esep::client
