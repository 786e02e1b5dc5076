#pragma once
/// @file
/// FormField: one field of a form — its API name, a label, an editor, a value as JSON, local
/// validation, and an error shown on the field itself (red border, message under it).

#include <QJsonValue>
#include <QString>
#include <QWidget>

class QLabel;

namespace esep::client::ui {

class FormField : public QWidget {
  Q_OBJECT
 public:
  /// `name` is the field's name in the API body; the server's error `field` is matched to it.
  explicit FormField(QString name, QWidget* parent = nullptr);

  const QString& name() const { return name_; }
  /// The label the form shows beside the field (its text is set by the form, with tr()).
  QLabel* label() const { return label_; }
  void SetRequired(bool required) { required_ = required; }
  bool required() const { return required_; }
  virtual void SetReadOnly(bool read_only) = 0;

  virtual QJsonValue Value() const = 0;
  virtual void SetValue(const QJsonValue& value) = 0;
  /// The widget that takes the keyboard when the field is focused.
  virtual QWidget* Editor() const = 0;
  /// The message in the interface language when the value cannot be sent (empty: fine).
  /// The base checks `required`; fields add their own rules.
  virtual QString Validate() const;

  /// Shows `message` on the field (empty clears it).
  void SetError(const QString& message);
  QString error() const { return error_text_; }
  void FocusEditor();

 signals:
  void changed();

 protected:
  /// Lays out the editor (with anything beside it) and the error line under it.
  void SetEditorRow(QWidget* row);
  virtual bool IsEmpty() const;

 private:
  QString name_;
  QLabel* label_;
  QLabel* error_;
  QString error_text_;
  bool required_ = false;
};

}  // namespace esep::client::ui
