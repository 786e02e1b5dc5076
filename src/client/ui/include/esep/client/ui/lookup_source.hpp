#pragma once
/// @file
/// Where a lookup field finds its values: a generic list of the server searched as the user
/// types (GET /api/v1/lists/{name}?q=…), or a fixed set of items (e.g. the roles).

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

#include "esep/client/api_error.hpp"

namespace esep::client {
class ApiCall;
class ApiClient;
}  // namespace esep::client

namespace esep::client::ui {

/// A value to pick: what is sent (`key`) and what the user reads (`text`).
struct LookupItem {
  QJsonValue key;
  QString text;
};

class LookupSource : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  /// Looks for items matching `text` (empty: the first ones); results() follows.
  virtual void Search(const QString& text) = 0;
  /// The text of the item with `key`; described() follows (the text is empty when unknown).
  virtual void Describe(const QJsonValue& key) = 0;
  /// The generic list a picker dialog can browse; empty when the items are few and fixed.
  virtual QString ListName() const { return QString(); }
  virtual ApiClient* api() const { return nullptr; }

 signals:
  void results(const QString& text, const QList<esep::client::ui::LookupItem>& items);
  void described(const QJsonValue& key, const QString& text);
  void failed(const esep::client::ApiError& error);
};

/// A generic list of the server, searched with its quick search; the item's key is the row's
/// `key_column`, its text made from the row (column code → value) by `format`.
class ListLookupSource : public LookupSource {
  Q_OBJECT
 public:
  using Format = std::function<QString(const QJsonObject& row)>;
  static constexpr int kLimit = 20;

  ListLookupSource(ApiClient* api, QString list_name, QString key_column, Format format,
                   QObject* parent = nullptr);
  void Search(const QString& text) override;
  void Describe(const QJsonValue& key) override;
  QString ListName() const override { return list_name_; }
  ApiClient* api() const override { return api_; }

 private:
  QList<LookupItem> Items(const QJsonObject& body) const;

  ApiClient* api_;
  QString list_name_;
  QString key_column_;
  Format format_;
  QPointer<ApiCall> search_;  ///< only the newest search matters while the user types
};

/// A fixed set of items, searched by substring without asking the server.
class FixedLookupSource : public LookupSource {
  Q_OBJECT
 public:
  explicit FixedLookupSource(QObject* parent = nullptr) : LookupSource(parent) {}
  void SetItems(QList<LookupItem> items);
  const QList<LookupItem>& items() const { return items_; }
  void Search(const QString& text) override;
  void Describe(const QJsonValue& key) override;

 private:
  QList<LookupItem> items_;
};

/// The roles (GET /api/v1/roles) as a fixed source, their names in the interface language.
class RoleLookupSource : public FixedLookupSource {
  Q_OBJECT
 public:
  explicit RoleLookupSource(ApiClient* api, QObject* parent = nullptr);
  /// Reads the roles again (after a language change the names follow).
  void Load();
  bool loaded() const { return loaded_; }

 signals:
  void loadedChanged();

 private:
  ApiClient* api_;
  bool loaded_ = false;
};

/// An institution as a lookup shows it: its name in the interface language and its BIN.
QString InstitutionText(const QJsonObject& row);
/// The institutions list (`institutions`) as a lookup source.
ListLookupSource* NewInstitutionSource(ApiClient* api, QObject* parent);

}  // namespace esep::client::ui
