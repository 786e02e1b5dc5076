#include "esep/client/ui/lookup_field.hpp"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>

#include "esep/client/ui/lookup_picker.hpp"

namespace esep::client::ui {

LookupEdit::LookupEdit(LookupSource* source, QWidget* parent)
    : QLineEdit(parent),
      source_(source),
      completer_(new QCompleter(this)),
      matches_(new QStandardItemModel(this)),
      timer_(new QTimer(this)) {
  // The server (or the fixed source) has already filtered: the drop-down shows every match.
  completer_->setModel(matches_);
  completer_->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
  completer_->setCaseSensitivity(Qt::CaseInsensitive);
  completer_->setWidget(this);
  timer_->setSingleShot(true);
  timer_->setInterval(kTypeAheadDelayMs);
  connect(this, &QLineEdit::textEdited, this, [this] {
    if (!key_.isNull()) {
      key_ = QJsonValue::Null;
      emit keyChanged(key_);
    }
    timer_->start();
  });
  connect(timer_, &QTimer::timeout, this, [this] { source_->Search(text()); });
  connect(source_, &LookupSource::results, this, &LookupEdit::OnResults);
  connect(source_, &LookupSource::described, this, [this](const QJsonValue& key, const QString& t) {
    if (key == key_ && text().isEmpty()) setText(t);
  });
  connect(completer_, qOverload<const QModelIndex&>(&QCompleter::activated), this,
          [this](const QModelIndex& index) {
            Take(QJsonValue::fromVariant(index.data(Qt::UserRole)),
                 index.data(Qt::DisplayRole).toString());
          });
  // Leaving the field with a text that has exactly one match picks it, as typing it fully
  // and pressing Enter would.
  connect(this, &QLineEdit::editingFinished, this, [this] {
    if (!key_.isNull() || text().trimmed().isEmpty() || timer_->isActive()) return;
    if (matches_for_ == text() && matches_->rowCount() == 1) {
      const QModelIndex only = matches_->index(0, 0);
      Take(QJsonValue::fromVariant(only.data(Qt::UserRole)), only.data().toString());
    }
  });
}

void LookupEdit::OnResults(const QString& text, const QList<LookupItem>& items) {
  // Results of an older text (the user typed on) or of another edit sharing the source.
  if (!hasFocus() || (show_all_ ? !text.isEmpty() : text != this->text())) return;
  show_all_ = false;
  matches_->clear();
  for (const LookupItem& item : items) {
    auto* row = new QStandardItem(item.text);
    row->setData(item.key.toVariant(), Qt::UserRole);
    matches_->appendRow(row);
  }
  matches_for_ = text;
  if (items.isEmpty()) {
    completer_->popup()->hide();
    return;
  }
  completer_->setCompletionPrefix(QString());
  completer_->complete();
}

void LookupEdit::Take(const QJsonValue& key, const QString& text) {
  key_ = key;
  setText(text);
  emit keyChanged(key_);
  emit picked();
}

void LookupEdit::SetKey(const QJsonValue& key, const QString& text) {
  // The same key again (the record read back after a save) keeps the text it shows.
  if (text.isEmpty() && key == key_ && !key_.isNull() && !this->text().isEmpty()) return;
  key_ = key.isUndefined() ? QJsonValue(QJsonValue::Null) : key;
  setText(text);
  if (!key_.isNull() && text.isEmpty()) source_->Describe(key_);
}

void LookupEdit::OpenPicker() {
  if (isReadOnly()) return;
  if (source_->ListName().isEmpty()) {
    setFocus();
    show_all_ = true;
    source_->Search(QString());
    return;
  }
  if (picker_ != nullptr) return;
  picker_ = new LookupPicker(source_->api(), source_->ListName(), this);
  picker_->setAttribute(Qt::WA_DeleteOnClose);
  connect(picker_, &LookupPicker::picked, this, [this](qint64 id) {
    key_ = QJsonValue(id);
    clear();
    emit keyChanged(key_);
    // Picked once the text is known: a table cell stores both.
    connect(
        source_, &LookupSource::described, this,
        [this](const QJsonValue&, const QString&) { emit picked(); }, Qt::SingleShotConnection);
    source_->Describe(key_);
  });
  picker_->open();
}

void LookupEdit::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_F4 && event->modifiers() == Qt::NoModifier) {
    OpenPicker();
    return;
  }
  QLineEdit::keyPressEvent(event);
}

LookupField::LookupField(QString name, LookupSource* source, QWidget* parent)
    : FormField(std::move(name), parent), edit_(new LookupEdit(source)), pick_(new QToolButton) {
  edit_->setObjectName(this->name());
  pick_->setText(QStringLiteral("…"));
  pick_->setToolTip(tr("Choose from the list (F4)"));
  pick_->setFocusPolicy(Qt::NoFocus);
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(edit_, 1);
  layout->addWidget(pick_);
  SetEditorRow(row);
  connect(pick_, &QToolButton::clicked, edit_, &LookupEdit::OpenPicker);
  connect(edit_, &LookupEdit::keyChanged, this, &FormField::changed);
}

void LookupField::SetReadOnly(bool read_only) {
  edit_->setReadOnly(read_only);
  pick_->setEnabled(!read_only);
}

QString LookupField::Validate() const {
  if (edit_->key().isNull() && !edit_->text().trimmed().isEmpty()) {
    return tr("Choose a value from the list (F4).");
  }
  return FormField::Validate();
}

}  // namespace esep::client::ui
