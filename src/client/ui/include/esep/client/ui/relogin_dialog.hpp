#pragma once
/// @file
/// ReloginDialog: the session expired while the user worked; asks for the password again
/// and, once signed in, lets the held requests go on (Session::Reauthenticated), so the
/// main window and its open tabs stay exactly as they were.

#include <QDialog>

#include "esep/client/api_error.hpp"
#include "esep/client/session.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace esep::client::ui {

class ReloginDialog : public QDialog {
  Q_OBJECT
 public:
  ReloginDialog(Session* session, QString login, QWidget* parent = nullptr);

 public slots:
  void SignIn();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void Retranslate();

  Session* session_;
  QString login_;
  bool busy_ = false;
  bool has_error_ = false;
  ApiError error_;
  QLabel* intro_ = nullptr;
  QLabel* password_caption_ = nullptr;
  QLineEdit* password_ = nullptr;
  QLabel* error_label_ = nullptr;
  QPushButton* sign_in_ = nullptr;
  QPushButton* quit_ = nullptr;
};

}  // namespace esep::client::ui
