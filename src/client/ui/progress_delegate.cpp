#include "esep/client/ui/progress_delegate.hpp"

#include <QApplication>
#include <QJsonValue>
#include <QStyleOptionProgressBar>
#include <algorithm>

#include "esep/client/paged_list_model.hpp"

namespace esep::client::ui {
namespace {

qint64 Count(const QVariant& value) {
  if (value.metaType() == QMetaType::fromType<QJsonValue>()) return value.toJsonValue().toInteger();
  return value.toLongLong();
}

}  // namespace

ProgressDelegate::ProgressDelegate(int done_column, int total_column, QObject* parent)
    : QStyledItemDelegate(parent), done_column_(done_column), total_column_(total_column) {}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
  const QVariant done_value = index.siblingAtColumn(done_column_).data(PagedListModel::kRawRole);
  const QVariant total_value = index.siblingAtColumn(total_column_).data(PagedListModel::kRawRole);
  if (!done_value.isValid() || !total_value.isValid()) {
    QStyledItemDelegate::paint(painter, option, index);
    return;
  }
  const qint64 done = Count(done_value);
  const qint64 total = Count(total_value);
  QStyleOptionProgressBar bar;
  bar.rect = option.rect.adjusted(2, 2, -2, -2);
  bar.minimum = 0;
  bar.maximum = 1000;
  // An unknown total (0) shows the count alone rather than a bar that never moves.
  bar.progress = total > 0 ? static_cast<int>(std::min<qint64>(1000, done * 1000 / total)) : 0;
  bar.text = total > 0 ? QStringLiteral("%L1 / %L2").arg(done).arg(total)
                       : QStringLiteral("%L1").arg(done);
  bar.textVisible = true;
  // Without State_Horizontal a style lays the bar out as a vertical one in the cell.
  bar.state = option.state | QStyle::State_Horizontal;
  QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
}

}  // namespace esep::client::ui
