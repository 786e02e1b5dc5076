#include "esep/client/ui/form_field.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace esep::client::ui {

FormField::FormField(QString name, QWidget* parent)
    : QWidget(parent), name_(std::move(name)), label_(new QLabel), error_(new QLabel) {
  setObjectName(QStringLiteral("field_") + name_);
  error_->setObjectName(QStringLiteral("fieldError"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00;"));
  error_->hide();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(error_);
}

void FormField::SetEditorRow(QWidget* row) {
  static_cast<QVBoxLayout*>(layout())->insertWidget(0, row);
  label_->setBuddy(Editor());
  connect(this, &FormField::changed, this, [this] {
    // Typing into the field is the user's answer to its error.
    if (!error_text_.isEmpty()) SetError(QString());
  });
}

bool FormField::IsEmpty() const {
  const QJsonValue value = Value();
  return value.isNull() || value.isUndefined() ||
         (value.isString() && value.toString().trimmed().isEmpty());
}

QString FormField::Validate() const {
  if (required_ && IsEmpty()) return tr("Fill in this field.");
  return QString();
}

void FormField::SetError(const QString& message) {
  error_text_ = message;
  error_->setText(message);
  error_->setVisible(!message.isEmpty());
  QWidget* editor = Editor();
  editor->setToolTip(message);
  editor->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("border: 1px solid #d00;"));
}

void FormField::FocusEditor() {
  QWidget* editor = Editor();
  editor->setFocus(Qt::OtherFocusReason);
  if (auto* line = qobject_cast<QLineEdit*>(editor)) line->selectAll();
}

}  // namespace esep::client::ui
