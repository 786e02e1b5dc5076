#include "esep/client/ui/table_part_model.hpp"

#include <QBrush>
#include <QColor>

namespace esep::client::ui {

TablePartModel::TablePartModel(QList<TablePartColumn> columns, QObject* parent)
    : QAbstractTableModel(parent), columns_(std::move(columns)) {}

void TablePartModel::SetLines(QList<TablePartLine> lines) {
  beginResetModel();
  lines_ = std::move(lines);
  errors_ = QList<QHash<int, QString>>(lines_.size());
  removed_.clear();
  endResetModel();
}

int TablePartModel::AddLine() {
  const int row = static_cast<int>(lines_.size());
  beginInsertRows({}, row, row);
  TablePartLine line;
  for (const TablePartColumn& column : columns_) {
    if (column.kind == TablePartColumn::Kind::kBool) line.values.insert(column.code, false);
  }
  lines_.append(line);
  errors_.append(QHash<int, QString>());
  endInsertRows();
  return row;
}

void TablePartModel::RemoveLine(int row) {
  if (row < 0 || row >= lines_.size()) return;
  beginRemoveRows({}, row, row);
  if (lines_[row].stored) removed_.append(lines_[row]);
  lines_.removeAt(row);
  errors_.removeAt(row);
  endRemoveRows();
}

bool TablePartModel::dirty() const {
  if (!removed_.isEmpty()) return true;
  return std::any_of(lines_.begin(), lines_.end(),
                     [](const TablePartLine& line) { return !line.stored; });
}

int TablePartModel::ColumnOf(const QString& code) const {
  for (int i = 0; i < columns_.size(); ++i) {
    if (columns_[i].code == code) return i;
  }
  return -1;
}

QString TablePartModel::CheckCell(const TablePartLine& line, int column) const {
  const TablePartColumn& definition = columns_[column];
  const QJsonValue value = line.values.value(definition.code);
  const bool empty = value.isNull() || value.isUndefined() ||
                     (value.isString() && value.toString().trimmed().isEmpty());
  if (definition.kind == TablePartColumn::Kind::kLookup && empty &&
      !line.texts.value(definition.code).trimmed().isEmpty()) {
    return tr("Choose a value from the list (F4).");
  }
  if (empty) return definition.required ? tr("Fill in this cell.") : QString();
  if (definition.kind == TablePartColumn::Kind::kInteger && !value.isDouble()) {
    return tr("Enter a whole number.");
  }
  return QString();
}

QModelIndex TablePartModel::Validate() {
  QModelIndex first;
  for (int row = 0; row < lines_.size(); ++row) {
    if (lines_[row].stored) continue;
    for (int column = 0; column < columns_.size(); ++column) {
      const QString message = CheckCell(lines_[row], column);
      if (message.isEmpty()) {
        errors_[row].remove(column);
      } else {
        errors_[row].insert(column, message);
        if (!first.isValid()) first = index(row, column);
      }
    }
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
  }
  return first;
}

void TablePartModel::SetCellError(int row, const QString& code, const QString& message) {
  if (row < 0 || row >= lines_.size()) return;
  int column = ColumnOf(code);
  if (column < 0) column = 0;  // a line's error about no column of ours: shown on its start
  errors_[row].insert(column, message);
  emit dataChanged(index(row, column), index(row, column));
}

QString TablePartModel::CellError(int row, int column) const {
  if (row < 0 || row >= errors_.size()) return QString();
  return errors_[row].value(column);
}

void TablePartModel::MarkStored(int row, const QJsonObject& values) {
  if (row < 0 || row >= lines_.size()) return;
  for (auto it = values.begin(); it != values.end(); ++it) lines_[row].values.insert(it.key(), *it);
  lines_[row].stored = true;
  errors_[row].clear();
  emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void TablePartModel::TakeFirstRemoved() {
  if (!removed_.isEmpty()) removed_.removeFirst();
}

int TablePartModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(lines_.size());
}

int TablePartModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant TablePartModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= lines_.size()) return {};
  const TablePartLine& line = lines_[index.row()];
  const TablePartColumn& column = columns_[index.column()];
  const QJsonValue value = line.values.value(column.code);
  const QString error = errors_[index.row()].value(index.column());
  switch (role) {
    case Qt::DisplayRole:
      if (column.kind == TablePartColumn::Kind::kBool) return {};
      if (column.kind == TablePartColumn::Kind::kLookup) return line.texts.value(column.code);
      return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
    case Qt::EditRole:
      return value.toVariant();
    case kTextRole:
      return line.texts.value(column.code);
    case Qt::CheckStateRole:
      if (column.kind != TablePartColumn::Kind::kBool) return {};
      return value.toBool() ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
    case kErrorRole:
      return error.isEmpty() ? QVariant() : QVariant(error);
    case Qt::BackgroundRole:
      if (!error.isEmpty()) return QBrush(QColor(0xff, 0xd8, 0xd8));
      if (line.stored) return QBrush(QColor(0xf2, 0xf2, 0xf2));
      return {};
    default:
      return {};
  }
}

bool TablePartModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || index.row() >= lines_.size()) return false;
  TablePartLine& line = lines_[index.row()];
  if (line.stored) return false;
  const TablePartColumn& column = columns_[index.column()];
  if (role == Qt::CheckStateRole && column.kind == TablePartColumn::Kind::kBool) {
    line.values.insert(column.code, value.toInt() == Qt::Checked);
  } else if (role == kTextRole) {
    line.texts.insert(column.code, value.toString());
  } else if (role == Qt::EditRole) {
    if (column.kind == TablePartColumn::Kind::kInteger) {
      // A text that is not a number is kept as typed, so the user sees what to fix.
      bool ok = false;
      const QString text = value.toString().trimmed();
      const qint64 number = text.toLongLong(&ok);
      line.values.insert(column.code, text.isEmpty() ? QJsonValue(QJsonValue::Null)
                                      : ok           ? QJsonValue(number)
                                                     : QJsonValue(text));
    } else if (column.kind == TablePartColumn::Kind::kBool) {
      line.values.insert(column.code, value.toBool());
    } else {
      line.values.insert(column.code, QJsonValue::fromVariant(value));
    }
  } else {
    return false;
  }
  // A cell that shows an error is checked again at once, so a fixed one clears; a new
  // mistake waits for the save, not to nag while the line is being filled.
  const QString message = CheckCell(line, index.column());
  if (message.isEmpty()) {
    errors_[index.row()].remove(index.column());
  } else if (errors_[index.row()].contains(index.column())) {
    errors_[index.row()].insert(index.column(), message);
  }
  emit dataChanged(index, index);
  return true;
}

Qt::ItemFlags TablePartModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (lines_[index.row()].stored) return flags;
  if (columns_[index.column()].kind == TablePartColumn::Kind::kBool) {
    return flags | Qt::ItemIsUserCheckable;
  }
  return flags | Qt::ItemIsEditable;
}

QVariant TablePartModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= columns_.size() || !columns_[section].title) return {};
  return columns_[section].title();
}

void TablePartModel::Retranslate() {
  if (!columns_.isEmpty()) emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

}  // namespace esep::client::ui
