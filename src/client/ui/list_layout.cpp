#include "esep/client/ui/list_layout.hpp"

#include <QHeaderView>
#include <QSettings>
#include <utility>

namespace esep::client::ui {

ListLayout::ListLayout(QString user, QString list, QStringList columns)
    : group_(
          QStringLiteral("layouts/%1/%2").arg(user.isEmpty() ? QStringLiteral("_") : user, list)),
      columns_(std::move(columns)) {}

void ListLayout::Save(const QHeaderView& header) const {
  QSettings settings;
  settings.beginGroup(group_);
  settings.setValue(QStringLiteral("columns"), columns_);
  settings.setValue(QStringLiteral("header"), header.saveState());
  settings.endGroup();
}

bool ListLayout::Restore(QHeaderView& header) const {
  QSettings settings;
  settings.beginGroup(group_);
  const QStringList saved_columns = settings.value(QStringLiteral("columns")).toStringList();
  const QByteArray state = settings.value(QStringLiteral("header")).toByteArray();
  settings.endGroup();
  if (saved_columns != columns_ || state.isEmpty()) return false;
  return header.restoreState(state);
}

}  // namespace esep::client::ui
