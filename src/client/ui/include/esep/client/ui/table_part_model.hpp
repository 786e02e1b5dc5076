#pragma once
/// @file
/// TablePartModel: the lines of a document or record (a user's grants, later a document's
/// rows) — lines read from the server stay as they are, new lines are edited in place and
/// checked cell by cell, removed stored lines are remembered until the form is saved.

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace esep::client::ui {

class LookupSource;

struct TablePartColumn {
  enum class Kind { kText, kInteger, kBool, kLookup };
  QString code;  ///< the key in the line's JSON
  Kind kind = Kind::kText;
  bool required = false;
  LookupSource* source = nullptr;  ///< kLookup: where the values are picked from
  std::function<QString()> title;  ///< in the interface language
};

/// One line: its values by column code, the texts shown for lookup values, whether the
/// server already holds it (then it is read-only: change means remove and add).
struct TablePartLine {
  QJsonObject values;
  QHash<QString, QString> texts;
  bool stored = false;
};

class TablePartModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  /// The shown text of a lookup cell (set by the editor together with the key).
  static constexpr int kTextRole = Qt::UserRole + 10;
  static constexpr int kErrorRole = Qt::UserRole + 11;

  explicit TablePartModel(QList<TablePartColumn> columns, QObject* parent = nullptr);

  const QList<TablePartColumn>& columns() const { return columns_; }
  /// Replaces every line (after reading the record); nothing is removed or new afterwards.
  void SetLines(QList<TablePartLine> lines);
  const QList<TablePartLine>& lines() const { return lines_; }
  /// Appends an empty new line; returns its row.
  int AddLine();
  /// Removes the line; a stored one is kept in removed() until the form is saved.
  void RemoveLine(int row);
  const QList<TablePartLine>& removed() const { return removed_; }
  /// A line the user added or a stored line removed.
  bool dirty() const;

  /// Checks every new line; the first wrong cell (invalid when all are fine). Each wrong
  /// cell shows its message.
  QModelIndex Validate();
  /// The server's error on one cell of a line, in the interface language.
  void SetCellError(int row, const QString& code, const QString& message);
  QString CellError(int row, int column) const;
  /// The new line at `row` was saved: it becomes stored with the server's values.
  void MarkStored(int row, const QJsonObject& values);
  /// Forgets the first removed line (the server has dropped it).
  void TakeFirstRemoved();
  int ColumnOf(const QString& code) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  /// Titles follow the interface language.
  void Retranslate();

 private:
  QString CheckCell(const TablePartLine& line, int column) const;

  QList<TablePartColumn> columns_;
  QList<TablePartLine> lines_;
  QList<QHash<int, QString>> errors_;  ///< per line: column → message
  QList<TablePartLine> removed_;
};

}  // namespace esep::client::ui
