#pragma once
/// @file
/// LoginDialog: chooses or edits a connection profile (server URL, how its certificate is
/// trusted), signs in with login and password, and asks to trust an unknown certificate
/// (TrustDialog) storing the pin in the profile. Errors appear in the interface language
/// next to the field they concern.

#include <QDialog>
#include <QList>
#include <QPointer>

#include "esep/client/api_client.hpp"
#include "esep/client/api_error.hpp"
#include "esep/client/connection_profile.hpp"
#include "esep/client/session.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QFormLayout;

namespace esep::client::ui {

class TrustDialog;

class LoginDialog : public QDialog {
  Q_OBJECT
 public:
  LoginDialog(ApiClient* api, Session* session, ProfileStore* store, QWidget* parent = nullptr);

  /// Fills the form (command-line demos); an empty profile name keeps "Default".
  void Prefill(const ConnectionProfile& profile, const QString& login, const QString& password);
  /// The profile as edited (with the pin accepted in this dialog).
  ConnectionProfile profile() const;
  QString login() const;
  TrustDialog* trustDialog() const;

 public slots:
  /// Validates the form and signs in; accept() on success.
  void Connect();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void Retranslate();
  void LoadProfiles();
  void ShowProfile(int index);
  void NewProfile();
  void DeleteProfile();
  void StoreEdited();
  void UpdateTrustFields();
  /// `source` is a QT_TR_NOOP text, so the message follows a language switch.
  void ShowError(const char* source, const QString& field);
  void ShowApiError(const ApiError& error);
  void ClearError();
  void RenderError();
  void AskTrust(const QSslCertificate& certificate, const QByteArray& sha256_hex);
  void SetBusy(bool busy);

  ApiClient* api_;
  Session* session_;
  ProfileStore* store_;
  QList<ConnectionProfile> profiles_;
  int current_ = -1;
  bool busy_ = false;
  bool trust_pending_ = false;
  QPointer<TrustDialog> trust_dialog_;

  QFormLayout* form_ = nullptr;
  QComboBox* language_ = nullptr;
  QComboBox* profile_combo_ = nullptr;
  QPushButton* new_profile_ = nullptr;
  QPushButton* delete_profile_ = nullptr;
  QLineEdit* name_ = nullptr;
  QLineEdit* server_ = nullptr;
  QComboBox* trust_mode_ = nullptr;
  QLineEdit* ca_file_ = nullptr;
  QPushButton* browse_ca_ = nullptr;
  QLabel* pin_ = nullptr;
  QPushButton* forget_pin_ = nullptr;
  QLineEdit* login_ = nullptr;
  QLineEdit* password_ = nullptr;
  QLabel* error_ = nullptr;
  QPushButton* connect_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QByteArray pinned_;  ///< the edited profile's pin (hex)
  QString error_field_;
  const char* local_error_ = nullptr;
  ApiError api_error_;
  bool has_api_error_ = false;
};

}  // namespace esep::client::ui
