#pragma once
/// @file
/// What a generic list is made of: its columns, the query the user builds, its catalog entry.

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace esep::client {

struct ListColumn {
  QString code, kind;  ///< kind: int, money, bool, date, datetime, text
  QString title_kk, title_ru, title_en;
  bool sortable = false;
  QString filter;  ///< "eq" | "range" | "text" | "none"
  bool searchable = false;
  /// Names of the codes of a column of codes (status, kind): code → {kk, ru, en}.
  QHash<QString, QJsonObject> values;

  QString Title(const QString& language) const;
  /// The name of the code `value` in `language`, or the code itself when the list gives none.
  QString ValueName(const QString& value, const QString& language) const;
};

/// f.<code>=v for "eq"/"text"; f.<code>.from / f.<code>.to for "range" (keys as sent).
struct ListQuery {
  QString sort;                    ///< "-id,full_name"; empty = the list's default
  QString search;                  ///< q
  QMap<QString, QString> filters;  ///< key without "f.": "kind", "created_at.from"
  qint64 org_id = 0;               ///< 0 = every institution the permission allows
};

struct ListInfo {
  QString name;
  QString title_kk, title_ru, title_en;
  QString permission;
  QString default_sort;
  QList<ListColumn> columns;

  QString Title(const QString& language) const;
};

ListColumn ParseListColumn(const QJsonObject& object);
/// "?offset=..&limit=..&sort=..&q=..&f.x=..&org_id=.." with every value percent-encoded.
QString ListQueryString(const ListQuery& query, qint64 offset, int limit);

}  // namespace esep::client
