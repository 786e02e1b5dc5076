#pragma once
/// @file
/// TablePart: the lines of a form in a table — Insert adds a line and starts editing it,
/// Delete removes the current line, F2/typing edits a cell (lookup cells type ahead, F4
/// picks), wrong cells turn red with the message as their tooltip and under the table.

#include <QStyledItemDelegate>
#include <QWidget>

#include "esep/client/ui/table_part_model.hpp"

class QAction;
class QLabel;
class QTableView;

namespace esep::client::ui {

/// Editors of a table part's cells: a LookupEdit for lookup columns, a line for the rest.
class TablePartDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override;
};

class TablePart : public QWidget {
  Q_OBJECT
 public:
  explicit TablePart(TablePartModel* model, QWidget* parent = nullptr);

  TablePartModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  /// Adds a line and opens its first cell for editing.
  void AddLine();
  /// Removes the current line.
  void RemoveCurrentLine();
  /// Validates every new line; shows and focuses the first wrong cell. False when one is wrong.
  bool Validate();
  /// An error about the lines as a whole (empty hides it).
  void SetError(const QString& message);
  QString error() const;
  void SetReadOnly(bool read_only);
  void Retranslate();

 signals:
  void changed();

 private:
  void ShowCurrentError();

  TablePartModel* model_;
  QTableView* view_;
  QLabel* error_;
  QAction* add_;
  QAction* remove_;
  bool read_only_ = false;
};

}  // namespace esep::client::ui
