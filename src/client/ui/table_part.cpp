#include "esep/client/ui/table_part.hpp"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "esep/client/ui/lookup_field.hpp"

namespace esep::client::ui {

namespace {
const TablePartColumn* ColumnOf(const QModelIndex& index) {
  const auto* model = qobject_cast<const TablePartModel*>(index.model());
  if (model == nullptr || index.column() >= model->columns().size()) return nullptr;
  return &model->columns()[index.column()];
}
}  // namespace

QWidget* TablePartDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const {
  const TablePartColumn* column = ColumnOf(index);
  if (column != nullptr && column->kind == TablePartColumn::Kind::kLookup && column->source) {
    auto* edit = new LookupEdit(column->source, parent);
    edit->setObjectName(QStringLiteral("cell_") + column->code);
    // The pick is the cell's value at once: the drop-down closing may already have ended
    // the editing (focus moves back and forth as the popup shows and hides).
    auto* self = const_cast<TablePartDelegate*>(this);
    connect(edit, &LookupEdit::picked, self, [self, edit] { emit self->commitData(edit); });
    return edit;
  }
  if (column != nullptr && column->kind != TablePartColumn::Kind::kBool) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("cell_") + column->code);
    return edit;
  }
  return QStyledItemDelegate::createEditor(parent, option, index);
}

void TablePartDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  if (auto* lookup = qobject_cast<LookupEdit*>(editor)) {
    lookup->SetKey(QJsonValue::fromVariant(index.data(Qt::EditRole)),
                   index.data(TablePartModel::kTextRole).toString());
    return;
  }
  if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    line->setText(index.data(Qt::DisplayRole).toString());
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void TablePartDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const {
  if (auto* lookup = qobject_cast<LookupEdit*>(editor)) {
    // The key first: each setData refreshes the open editor from the model, and the editor
    // keeps its text only for the key it already has.
    model->setData(index, lookup->key().toVariant(), Qt::EditRole);
    model->setData(index, lookup->text(), TablePartModel::kTextRole);
    return;
  }
  if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    model->setData(index, line->text(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

TablePart::TablePart(TablePartModel* model, QWidget* parent)
    : QWidget(parent), model_(model), view_(new QTableView), error_(new QLabel) {
  setObjectName(QStringLiteral("tablePart"));
  model_->setParent(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* toolbar = new QToolBar;
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->setIconSize(QSize(12, 12));
  layout->addWidget(toolbar);
  view_->setObjectName(QStringLiteral("lines"));
  view_->setModel(model_);
  view_->setItemDelegate(new TablePartDelegate(view_));
  view_->setSelectionBehavior(QAbstractItemView::SelectItems);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                         QAbstractItemView::AnyKeyPressed);
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->horizontalHeader()->setDefaultSectionSize(220);
  layout->addWidget(view_, 1);
  error_->setObjectName(QStringLiteral("tableError"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00;"));
  error_->hide();
  layout->addWidget(error_);

  // The line keys belong to the table: Delete typed in a cell's editor edits the text.
  add_ = new QAction(this);
  add_->setObjectName(QStringLiteral("addLine"));
  add_->setShortcut(QKeySequence(Qt::Key_Insert));
  add_->setShortcutContext(Qt::WidgetShortcut);
  remove_ = new QAction(this);
  remove_->setObjectName(QStringLiteral("removeLine"));
  remove_->setShortcut(QKeySequence(Qt::Key_Delete));
  remove_->setShortcutContext(Qt::WidgetShortcut);
  view_->addAction(add_);
  view_->addAction(remove_);
  toolbar->addAction(add_);
  toolbar->addAction(remove_);
  connect(add_, &QAction::triggered, this, &TablePart::AddLine);
  connect(remove_, &QAction::triggered, this, &TablePart::RemoveCurrentLine);
  connect(model_, &QAbstractItemModel::dataChanged, this, [this] {
    ShowCurrentError();
    emit changed();
  });
  connect(model_, &QAbstractItemModel::rowsInserted, this, &TablePart::changed);
  connect(model_, &QAbstractItemModel::rowsRemoved, this, &TablePart::changed);
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &TablePart::ShowCurrentError);
  Retranslate();
}

void TablePart::Retranslate() {
  add_->setText(tr("Add line"));
  add_->setToolTip(tr("Add a line (Insert)"));
  remove_->setText(tr("Remove line"));
  remove_->setToolTip(tr("Remove the current line (Delete)"));
  model_->Retranslate();
}

void TablePart::SetReadOnly(bool read_only) {
  read_only_ = read_only;
  add_->setEnabled(!read_only);
  remove_->setEnabled(!read_only);
}

void TablePart::AddLine() {
  if (read_only_) return;
  SetError(QString());
  const int row = model_->AddLine();
  const QModelIndex first = model_->index(row, 0);
  view_->setFocus();
  view_->setCurrentIndex(first);
  view_->edit(first);
}

void TablePart::RemoveCurrentLine() {
  if (read_only_) return;
  const QModelIndex current = view_->currentIndex();
  if (!current.isValid()) return;
  model_->RemoveLine(current.row());
}

bool TablePart::Validate() {
  const QModelIndex wrong = model_->Validate();
  if (!wrong.isValid()) return true;
  view_->setFocus();
  view_->setCurrentIndex(wrong);
  ShowCurrentError();
  return false;
}

void TablePart::ShowCurrentError() {
  const QModelIndex current = view_->currentIndex();
  QString message;
  if (current.isValid()) message = model_->CellError(current.row(), current.column());
  if (message.isEmpty()) {
    // The first wrong cell anywhere, so an error is never hidden by where the cursor is.
    for (int row = 0; row < model_->rowCount() && message.isEmpty(); ++row) {
      for (int column = 0; column < model_->columnCount() && message.isEmpty(); ++column) {
        message = model_->CellError(row, column);
        if (!message.isEmpty()) {
          message = tr("Line %1, %2: %3")
                        .arg(row + 1)
                        .arg(model_->headerData(column, Qt::Horizontal).toString(), message);
        }
      }
    }
  } else {
    message = tr("Line %1, %2: %3")
                  .arg(current.row() + 1)
                  .arg(model_->headerData(current.column(), Qt::Horizontal).toString(), message);
  }
  SetError(message);
}

void TablePart::SetError(const QString& message) {
  error_->setText(message);
  error_->setVisible(!message.isEmpty());
}

QString TablePart::error() const { return error_->isVisible() ? error_->text() : QString(); }

}  // namespace esep::client::ui
