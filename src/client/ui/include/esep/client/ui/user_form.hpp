#pragma once
/// @file
/// UserForm: a user reached through an institution — created with a password and their
/// roles, or opened to switch them off or on, reset their password and change their roles.
/// The roles are a table part: role × institution × "and everything below it".

#include <functional>

#include "esep/client/ui/form_page.hpp"

namespace esep::client::ui {

class ChoiceField;
class ListLookupSource;
class RoleLookupSource;
class TablePart;
class TextField;

class UserForm : public FormPage {
  Q_OBJECT
 public:
  /// `org_id`: the institution the user is reached through (the working one); for a new
  /// user, the institution their first role line starts with. `id` 0: a new user.
  UserForm(ApiClient* api, qint64 org_id, qint64 id, QWidget* parent = nullptr);
  QString RecordKey() const override;
  qint64 id() const { return id_; }
  bool active() const { return active_; }
  TablePart* grants() const { return grants_; }
  RoleLookupSource* roles() const { return roles_; }
  /// Switches the user off (or on again) after asking.
  void ToggleActive();
  /// Asks for a new password and sets it; the user must change it at the next sign-in.
  void ResetPassword();
  /// Delete on the list: after the user agrees, the user is switched off.
  static void ConfirmSwitchOff(ApiClient* api, qint64 org_id, qint64 id, const QString& name,
                               QWidget* parent, std::function<void()> done);

 protected:
  void Load() override;
  void Submit(bool post) override;
  void Retranslate() override;
  bool ValidateMore() override;

 private:
  void Fill(const QJsonObject& user);
  void SetMode();
  /// Sends the grant lines one after another: removed ones, then new ones.
  void SaveLines();
  void LineFailed(int row, const ApiError& error);

  qint64 org_id_;
  qint64 id_;
  bool active_ = true;
  RoleLookupSource* roles_;
  ListLookupSource* institutions_;
  TextField* login_;
  TextField* full_name_;
  TextField* iin_;
  ChoiceField* lang_;
  TextField* password_;
  TablePart* grants_;
  QLabel* grants_caption_;
  QLabel* state_;
  QAction* toggle_active_;
  QAction* reset_password_;
};

}  // namespace esep::client::ui
