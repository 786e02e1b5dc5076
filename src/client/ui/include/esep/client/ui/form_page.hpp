#pragma once
/// @file
/// FormPage: a record or document open in a tab — its fields and table parts, Save (Ctrl+S),
/// Post (Ctrl+Enter, where the kind is posted), Close (Esc, asking before changes are lost);
/// the server's errors land on the field they name, and a stale version (someone else saved
/// first) is explained with a choice to reload or keep editing.

#include <QJsonObject>
#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QString>
#include <QWidget>

#include "esep/client/api_error.hpp"

class QAction;
class QFormLayout;
class QLabel;
class QToolBar;
class QVBoxLayout;

namespace esep::client {
class ApiClient;
}

namespace esep::client::ui {

class FormField;
class TablePart;

class FormPage : public QWidget {
  Q_OBJECT
 public:
  explicit FormPage(ApiClient* api, QWidget* parent = nullptr);

  /// What identifies the open record ("institution/12"); empty for a new one. The window
  /// shows an already open record's tab instead of opening it twice.
  virtual QString RecordKey() const = 0;
  /// The tab's text: the record's name, with "*" while there are unsaved changes.
  QString title() const;
  bool dirty() const;
  bool busy() const { return busy_; }
  FormField* Field(const QString& name) const;
  const QList<FormField*>& fields() const { return fields_; }
  /// The error about the record as a whole (empty when none).
  QString errorText() const;
  /// The explanation of a version conflict while it is open (nullptr otherwise).
  QMessageBox* conflictDialog() const { return conflict_; }
  /// The "discard the changes?" question while it is open (nullptr otherwise).
  QMessageBox* discardQuestion() const { return discard_; }
  /// Puts the keyboard into the first field.
  void FocusFirstField();
  QAction* saveAction() const { return save_; }
  QAction* postAction() const { return post_; }

 public slots:
  /// Checks the fields here, then sends them (Ctrl+S).
  void Save();
  /// Saves and posts (Ctrl+Enter), for the kinds of records that are posted.
  void Post();
  /// Closes the form: at once when nothing changed, otherwise after the user agrees.
  void RequestClose();
  /// Reads the record again, dropping the changes here.
  void Reload();

 signals:
  void titleChanged(const QString& title);
  void saved();
  /// The form may go (nothing to lose, or the user chose to discard).
  void closeRequested();
  void statusMessage(const QString& text);

 protected:
  ApiClient* api() const { return api_; }
  QVBoxLayout* body() const { return body_; }
  void AddField(FormField* field);
  /// A table part under the fields, with a caption.
  void AddTablePart(TablePart* part, QLabel* caption);
  QToolBar* toolbar() const { return toolbar_; }
  void SetPostable(bool postable);
  void SetRecordName(const QString& name);

  /// Reads the record (nothing for a new one) and fills the fields; calls MarkClean after.
  virtual void Load() = 0;
  /// Sends the checked values; ends with Saved() or ShowError().
  virtual void Submit(bool post) = 0;
  /// Sets every text of the form in the interface language.
  virtual void Retranslate() = 0;
  /// Checks beyond the fields (e.g. table parts); false when something is wrong (and shown).
  virtual bool ValidateMore() { return true; }

  /// The values now are the saved ones.
  void MarkClean();
  void SetBusy(bool busy);
  /// The server accepted the record.
  void Saved(const QString& message);
  /// Puts the error where it belongs: a version conflict explained, a field's on the field,
  /// the rest above the fields. Ends the busy state.
  void ShowError(const ApiError& error);
  void ShowGeneralError(const QString& message);
  /// The values of every field by name, for the request body.
  QJsonObject Values() const;
  void changeEvent(QEvent* event) override;

 private:
  void RetranslateFrame();
  void UpdateTitle();
  void ExplainConflict(const ApiError& error);

  ApiClient* api_;
  QToolBar* toolbar_;
  QLabel* error_;
  QWidget* fields_box_;
  QFormLayout* form_;
  QVBoxLayout* body_;
  QList<FormField*> fields_;
  QList<TablePart*> parts_;
  QAction* save_;
  QAction* post_;
  QAction* close_;
  QJsonObject clean_;  ///< the field values when last loaded or saved
  QString record_name_;
  QString shown_title_;
  bool busy_ = false;
  QPointer<QMessageBox> conflict_;
  QPointer<QMessageBox> discard_;
};

}  // namespace esep::client::ui
