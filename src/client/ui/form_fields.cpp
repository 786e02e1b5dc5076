#include "esep/client/ui/form_fields.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>

namespace esep::client::ui {

TextField::TextField(QString name, QWidget* parent)
    : FormField(std::move(name), parent), edit_(new QLineEdit) {
  edit_->setObjectName(this->name());
  SetEditorRow(edit_);
  connect(edit_, &QLineEdit::textEdited, this, &FormField::changed);
}

void TextField::SetPassword(bool password) {
  edit_->setEchoMode(password ? QLineEdit::Password : QLineEdit::Normal);
}

void TextField::SetMaxLength(int length) { edit_->setMaxLength(length); }

void TextField::SetReadOnly(bool read_only) { edit_->setReadOnly(read_only); }

QJsonValue TextField::Value() const {
  const QString text = edit_->text().trimmed();
  if (text.isEmpty() && empty_is_null_) return QJsonValue::Null;
  // Passwords are sent as typed: a space may be part of one.
  return edit_->echoMode() == QLineEdit::Password ? edit_->text() : text;
}

void TextField::SetValue(const QJsonValue& value) {
  edit_->setText(value.isString()   ? value.toString()
                 : value.isDouble() ? QString::number(value.toInteger())
                                    : QString());
}

QWidget* TextField::Editor() const { return edit_; }

QString TextField::Validate() const {
  QString message = FormField::Validate();
  if (message.isEmpty() && rule_ && !edit_->text().trimmed().isEmpty()) {
    message = rule_(edit_->text().trimmed());
  }
  return message;
}

IntegerField::IntegerField(QString name, qint64 minimum, qint64 maximum, QWidget* parent)
    : FormField(std::move(name), parent),
      edit_(new QLineEdit),
      minimum_(minimum),
      maximum_(maximum) {
  edit_->setObjectName(this->name());
  edit_->setAlignment(Qt::AlignRight);
  edit_->setMaximumWidth(160);
  SetEditorRow(edit_);
  connect(edit_, &QLineEdit::textEdited, this, &FormField::changed);
}

void IntegerField::SetReadOnly(bool read_only) { edit_->setReadOnly(read_only); }

QJsonValue IntegerField::Value() const {
  const QString text = edit_->text().trimmed();
  if (text.isEmpty()) return QJsonValue::Null;
  bool ok = false;
  const qint64 number = text.toLongLong(&ok);
  return ok ? QJsonValue(number) : QJsonValue(text);
}

void IntegerField::SetValue(const QJsonValue& value) {
  edit_->setText(value.isDouble() ? QString::number(value.toInteger()) : value.toString());
}

QWidget* IntegerField::Editor() const { return edit_; }

QString IntegerField::Validate() const {
  QString message = FormField::Validate();
  if (!message.isEmpty()) return message;
  const QJsonValue value = Value();
  if (value.isNull()) return QString();
  if (!value.isDouble()) return tr("Enter a whole number.");
  const qint64 number = value.toInteger();
  if (number < minimum_ || number > maximum_) {
    return tr("Enter a number from %1 to %2.").arg(minimum_).arg(maximum_);
  }
  return QString();
}

DateField::DateField(QString name, QWidget* parent)
    : FormField(std::move(name), parent), edit_(new QDateEdit) {
  edit_->setObjectName(this->name());
  edit_->setCalendarPopup(true);
  edit_->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
  edit_->setDate(QDate::currentDate());
  SetEditorRow(edit_);
  connect(edit_, &QDateEdit::dateChanged, this, &FormField::changed);
}

void DateField::SetReadOnly(bool read_only) { edit_->setReadOnly(read_only); }

QJsonValue DateField::Value() const { return edit_->date().toString(Qt::ISODate); }

void DateField::SetValue(const QJsonValue& value) {
  const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
  edit_->setDate(date.isValid() ? date : QDate::currentDate());
}

QWidget* DateField::Editor() const { return edit_; }

BoolField::BoolField(QString name, QWidget* parent)
    : FormField(std::move(name), parent), box_(new QCheckBox) {
  box_->setObjectName(this->name());
  SetEditorRow(box_);
  connect(box_, &QCheckBox::toggled, this, &FormField::changed);
}

void BoolField::SetReadOnly(bool read_only) { box_->setEnabled(!read_only); }

QJsonValue BoolField::Value() const { return box_->isChecked(); }

void BoolField::SetValue(const QJsonValue& value) {
  QSignalBlocker block(box_);
  box_->setChecked(value.toBool());
}

QWidget* BoolField::Editor() const { return box_; }

ChoiceField::ChoiceField(QString name, QWidget* parent)
    : FormField(std::move(name), parent), combo_(new QComboBox) {
  combo_->setObjectName(this->name());
  SetEditorRow(combo_);
  connect(combo_, &QComboBox::activated, this, &FormField::changed);
}

void ChoiceField::SetChoices(const QList<QPair<QString, QString>>& choices) {
  QSignalBlocker block(combo_);
  const QString current = combo_->currentData().toString();
  combo_->clear();
  for (const auto& [code, text] : choices) combo_->addItem(text, code);
  const int index = combo_->findData(current);
  if (index >= 0) combo_->setCurrentIndex(index);
}

void ChoiceField::SetReadOnly(bool read_only) { combo_->setEnabled(!read_only); }

QJsonValue ChoiceField::Value() const {
  return combo_->currentIndex() < 0 ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(combo_->currentData().toString());
}

void ChoiceField::SetValue(const QJsonValue& value) {
  QSignalBlocker block(combo_);
  combo_->setCurrentIndex(combo_->findData(value.toString()));
}

QWidget* ChoiceField::Editor() const { return combo_; }

}  // namespace esep::client::ui
