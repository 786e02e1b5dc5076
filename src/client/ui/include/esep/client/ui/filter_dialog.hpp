#pragma once
/// @file
/// FilterDialog: one field per filterable column of a list (equality, substring, or a
/// from–to range), giving the ListQuery's filters.

#include <QDialog>
#include <QList>
#include <QMap>
#include <QString>

#include "esep/client/list_types.hpp"

class QLineEdit;
class QPushButton;

namespace esep::client::ui {

class FilterDialog : public QDialog {
  Q_OBJECT
 public:
  FilterDialog(const QList<ListColumn>& columns, const QMap<QString, QString>& filters,
               QWidget* parent = nullptr);

  /// Non-empty values by filter key ("kind", "at.from", "at.to").
  QMap<QString, QString> filters() const;
  static bool HasFilterableColumns(const QList<ListColumn>& columns);

 private:
  QMap<QString, QLineEdit*> edits_;
};

}  // namespace esep::client::ui
