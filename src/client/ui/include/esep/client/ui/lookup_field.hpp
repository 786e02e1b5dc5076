#pragma once
/// @file
/// Lookup: a value picked from a list. LookupEdit is the line where the user types and the
/// matches drop down (type-ahead, 250 ms after the last key), F4 opens the picker; LookupField
/// is the same on a form, with a "…" button.

#include <QJsonValue>
#include <QLineEdit>
#include <QPointer>

#include "esep/client/ui/form_field.hpp"
#include "esep/client/ui/lookup_picker.hpp"
#include "esep/client/ui/lookup_source.hpp"

class QCompleter;
class QStandardItemModel;
class QTimer;
class QToolButton;

namespace esep::client::ui {

class LookupEdit : public QLineEdit {
  Q_OBJECT
 public:
  static constexpr int kTypeAheadDelayMs = 250;

  explicit LookupEdit(LookupSource* source, QWidget* parent = nullptr);
  /// The picked item's key; null while the text is not a picked item.
  QJsonValue key() const { return key_; }
  /// Shows `key` (its text is asked from the source when `text` is empty).
  void SetKey(const QJsonValue& key, const QString& text = QString());
  /// F4: a picker over the source's list, or every fixed item in the drop-down.
  void OpenPicker();
  LookupPicker* picker() const { return picker_; }
  QCompleter* typeAhead() const { return completer_; }

 signals:
  void keyChanged(const QJsonValue& key);
  /// The user chose an item (from the drop-down, the picker or by leaving a single match).
  void picked();

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void OnResults(const QString& text, const QList<LookupItem>& items);
  void Take(const QJsonValue& key, const QString& text);

  LookupSource* source_;
  QCompleter* completer_;
  QStandardItemModel* matches_;
  QTimer* timer_;
  QJsonValue key_ = QJsonValue::Null;
  QString matches_for_;    ///< the text the drop-down's items were found for
  bool show_all_ = false;  ///< F4 on a fixed source: the next results are every item
  QPointer<LookupPicker> picker_;
};

class LookupField : public FormField {
  Q_OBJECT
 public:
  /// The field does not own `source` (several fields may share one).
  LookupField(QString name, LookupSource* source, QWidget* parent = nullptr);
  void SetReadOnly(bool read_only) override;
  QJsonValue Value() const override { return edit_->key(); }
  void SetValue(const QJsonValue& value) override { edit_->SetKey(value); }
  QWidget* Editor() const override { return edit_; }
  QString Validate() const override;
  LookupEdit* edit() const { return edit_; }

 private:
  LookupEdit* edit_;
  QToolButton* pick_;
};

}  // namespace esep::client::ui
