#pragma once
/// @file
/// RecordDialog: one row of a list shown as a card, every column with its title (Enter/F2 on
/// a read-only list), so a long row can be read and copied without scrolling sideways.

#include <QDialog>

class QAbstractItemModel;

namespace esep::client::ui {

class RecordDialog : public QDialog {
  Q_OBJECT
 public:
  RecordDialog(const QAbstractItemModel& model, int row, const QString& title,
               QWidget* parent = nullptr);
};

}  // namespace esep::client::ui
