#pragma once
/// @file
/// ProgressDelegate: paints a job's "done of total" as a progress bar in the jobs monitor.

#include <QStyledItemDelegate>

namespace esep::client::ui {

class ProgressDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  /// `done_column` and `total_column` are the model columns of the counts.
  ProgressDelegate(int done_column, int total_column, QObject* parent = nullptr);

  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;

 private:
  int done_column_;
  int total_column_;
};

}  // namespace esep::client::ui
