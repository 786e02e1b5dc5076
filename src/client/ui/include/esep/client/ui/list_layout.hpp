#pragma once
/// @file
/// Per-user saved layout of a list (column order, widths, hidden columns, sort) in QSettings,
/// restored when the list is opened again.

#include <QString>
#include <QStringList>

class QHeaderView;

namespace esep::client::ui {

class ListLayout {
 public:
  /// `user` and `list` name the settings group; `columns` are the list's column codes, so a
  /// layout saved for other columns (a newer server) is ignored rather than misapplied.
  ListLayout(QString user, QString list, QStringList columns);

  void Save(const QHeaderView& header) const;
  /// false when nothing (usable) was saved.
  bool Restore(QHeaderView& header) const;

 private:
  QString group_;
  QStringList columns_;
};

}  // namespace esep::client::ui
