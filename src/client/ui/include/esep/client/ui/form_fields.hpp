#pragma once
/// @file
/// The plain fields of a form: text (with an optional rule), integer in a range, date, yes/no
/// and a choice among fixed codes.

#include <QDate>
#include <QList>
#include <QPair>
#include <functional>

#include "esep/client/ui/form_field.hpp"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;

namespace esep::client::ui {

class TextField : public FormField {
  Q_OBJECT
 public:
  /// A rule returns the message in the interface language when the text is wrong.
  using Rule = std::function<QString(const QString& text)>;

  explicit TextField(QString name, QWidget* parent = nullptr);
  void SetRule(Rule rule) { rule_ = std::move(rule); }
  void SetPassword(bool password);
  void SetMaxLength(int length);
  /// An empty text is sent as null (optional fields such as the IIN).
  void SetEmptyIsNull(bool empty_is_null) { empty_is_null_ = empty_is_null; }
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override;
  void SetValue(const QJsonValue& value) override;
  QWidget* Editor() const override;
  QString Validate() const override;
  QLineEdit* edit() const { return edit_; }

 private:
  QLineEdit* edit_;
  Rule rule_;
  bool empty_is_null_ = false;
};

class IntegerField : public FormField {
  Q_OBJECT
 public:
  IntegerField(QString name, qint64 minimum, qint64 maximum, QWidget* parent = nullptr);
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override;  ///< null when empty; the text as typed when not a number
  void SetValue(const QJsonValue& value) override;
  QWidget* Editor() const override;
  QString Validate() const override;

 private:
  QLineEdit* edit_;
  qint64 minimum_, maximum_;
};

class DateField : public FormField {
  Q_OBJECT
 public:
  explicit DateField(QString name, QWidget* parent = nullptr);
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override;  ///< "YYYY-MM-DD"
  void SetValue(const QJsonValue& value) override;
  QWidget* Editor() const override;

 private:
  QDateEdit* edit_;
};

class BoolField : public FormField {
  Q_OBJECT
 public:
  explicit BoolField(QString name, QWidget* parent = nullptr);
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override;
  void SetValue(const QJsonValue& value) override;
  QWidget* Editor() const override;
  QCheckBox* box() const { return box_; }

 private:
  QCheckBox* box_;
};

class ChoiceField : public FormField {
  Q_OBJECT
 public:
  explicit ChoiceField(QString name, QWidget* parent = nullptr);
  /// (code sent to the server, text shown); the texts are set again on a language change.
  void SetChoices(const QList<QPair<QString, QString>>& choices);
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override;
  void SetValue(const QJsonValue& value) override;
  QWidget* Editor() const override;
  QComboBox* combo() const { return combo_; }

 private:
  QComboBox* combo_;
};

}  // namespace esep::client::ui
