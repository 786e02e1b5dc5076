#include "esep/client/ui/filter_dialog.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "esep/client/ui/language.hpp"

namespace esep::client::ui {
namespace {

QString Placeholder(const QString& kind) {
  if (kind == QLatin1String("date")) return QStringLiteral("2026-01-31");
  if (kind == QLatin1String("datetime")) return QStringLiteral("2026-01-31T09:00:00Z");
  return QString();
}

}  // namespace

bool FilterDialog::HasFilterableColumns(const QList<ListColumn>& columns) {
  for (const auto& column : columns) {
    if (!column.filter.isEmpty() && column.filter != QLatin1String("none")) return true;
  }
  return false;
}

FilterDialog::FilterDialog(const QList<ListColumn>& columns, const QMap<QString, QString>& filters,
                           QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("filterDialog"));
  setWindowTitle(tr("Filter"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  const auto make_edit = [&](const QString& key, const QString& kind) {
    auto* edit = new QLineEdit(filters.value(key));
    edit->setObjectName(QStringLiteral("filter_") + key);
    edit->setPlaceholderText(Placeholder(kind));
    edit->setClearButtonEnabled(true);
    edits_.insert(key, edit);
    return edit;
  };
  for (const auto& column : columns) {
    const QString title = column.Title(Language::Current());
    if (column.filter == QLatin1String("eq") || column.filter == QLatin1String("text")) {
      auto* edit = make_edit(column.code, column.kind);
      if (column.kind == QLatin1String("bool"))
        edit->setPlaceholderText(QStringLiteral("true / false"));
      form->addRow(column.filter == QLatin1String("eq") ? tr("%1 equals:").arg(title)
                                                        : tr("%1 contains:").arg(title),
                   edit);
    } else if (column.filter == QLatin1String("range")) {
      auto* row = new QHBoxLayout;
      row->addWidget(new QLabel(tr("from")));
      row->addWidget(make_edit(column.code + QStringLiteral(".from"), column.kind), 1);
      row->addWidget(new QLabel(tr("to")));
      row->addWidget(make_edit(column.code + QStringLiteral(".to"), column.kind), 1);
      form->addRow(title + QLatin1Char(':'), row);
    }
  }
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole)->setDefault(true);
  auto* clear = buttons->addButton(tr("Clear all"), QDialogButtonBox::ResetRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(clear, &QPushButton::clicked, this, [this] {
    for (QLineEdit* edit : std::as_const(edits_)) edit->clear();
  });
  layout->addWidget(buttons);
}

QMap<QString, QString> FilterDialog::filters() const {
  QMap<QString, QString> result;
  for (auto it = edits_.cbegin(); it != edits_.cend(); ++it) {
    const QString value = it.value()->text().trimmed();
    if (!value.isEmpty()) result.insert(it.key(), value);
  }
  return result;
}

}  // namespace esep::client::ui
