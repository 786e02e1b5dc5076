#include "esep/client/list_types.hpp"

#include <QUrl>

namespace esep::client {
namespace {

QString Pick(const QString& language, const QString& kk, const QString& ru, const QString& en) {
  const QString& preferred = language == QLatin1String("kk")   ? kk
                             : language == QLatin1String("en") ? en
                                                               : ru;
  if (!preferred.isEmpty()) return preferred;
  return ru.isEmpty() ? en : ru;
}

QString Encoded(const QString& text) {
  // toPercentEncoding also encodes '+', which a query decoder would read as a space.
  return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

}  // namespace

QString ListColumn::Title(const QString& language) const {
  const QString title = Pick(language, title_kk, title_ru, title_en);
  return title.isEmpty() ? code : title;
}

QString ListInfo::Title(const QString& language) const {
  const QString title = Pick(language, title_kk, title_ru, title_en);
  return title.isEmpty() ? name : title;
}

ListColumn ParseListColumn(const QJsonObject& object) {
  ListColumn column;
  column.code = object.value("code").toString();
  column.kind = object.value("kind").toString();
  const QJsonObject title = object.value("title").toObject();
  column.title_kk = title.value("kk").toString();
  column.title_ru = title.value("ru").toString();
  column.title_en = title.value("en").toString();
  column.sortable = object.value("sortable").toBool();
  column.filter = object.value("filter").toString(QStringLiteral("none"));
  column.searchable = object.value("searchable").toBool();
  const QJsonObject values = object.value("values").toObject();
  for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
    column.values.insert(it.key(), it.value().toObject());
  }
  return column;
}

QString ListColumn::ValueName(const QString& value, const QString& language) const {
  const auto it = values.constFind(value);
  if (it == values.constEnd()) return value;
  const QString name = it->value(language).toString();
  return name.isEmpty() ? it->value(QStringLiteral("ru")).toString(value) : name;
}

QString ListQueryString(const ListQuery& query, qint64 offset, int limit) {
  QString text = QStringLiteral("?offset=%1&limit=%2").arg(offset).arg(limit);
  if (!query.sort.isEmpty()) text += QStringLiteral("&sort=") + Encoded(query.sort);
  if (!query.search.isEmpty()) text += QStringLiteral("&q=") + Encoded(query.search);
  for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
    text += QStringLiteral("&f.") + Encoded(it.key()) + QLatin1Char('=') + Encoded(it.value());
  }
  if (query.org_id != 0) text += QStringLiteral("&org_id=%1").arg(query.org_id);
  return text;
}

}  // namespace esep::client
