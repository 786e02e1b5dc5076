#include "esep/client/ui/record_dialog.hpp"

#include <QAbstractItemModel>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace esep::client::ui {

RecordDialog::RecordDialog(const QAbstractItemModel& model, int row, const QString& title,
                           QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("recordDialog"));
  setWindowTitle(title);
  auto* layout = new QVBoxLayout(this);
  auto* area = new QScrollArea;
  area->setWidgetResizable(true);
  auto* inner = new QWidget;
  auto* form = new QFormLayout(inner);
  for (int column = 0; column < model.columnCount(); ++column) {
    auto* value = new QLineEdit(model.index(row, column).data(Qt::DisplayRole).toString());
    value->setReadOnly(true);
    value->setCursorPosition(0);
    form->addRow(model.headerData(column, Qt::Horizontal).toString() + QLatin1Char(':'), value);
  }
  area->setWidget(inner);
  layout->addWidget(area);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole)->setDefault(true);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(520, 420);
}

}  // namespace esep::client::ui
