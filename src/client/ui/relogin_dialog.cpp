#include "esep/client/ui/relogin_dialog.hpp"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

#include "esep/client/ui/language.hpp"

namespace esep::client::ui {

ReloginDialog::ReloginDialog(Session* session, QString login, QWidget* parent)
    : QDialog(parent), session_(session), login_(std::move(login)) {
  setObjectName(QStringLiteral("reloginDialog"));
  auto* layout = new QVBoxLayout(this);
  intro_ = new QLabel;
  intro_->setWordWrap(true);
  layout->addWidget(intro_);
  auto* row = new QHBoxLayout;
  password_caption_ = new QLabel;
  password_ = new QLineEdit;
  password_->setObjectName(QStringLiteral("password"));
  password_->setEchoMode(QLineEdit::Password);
  password_caption_->setBuddy(password_);
  row->addWidget(password_caption_);
  row->addWidget(password_, 1);
  layout->addLayout(row);
  error_label_ = new QLabel;
  error_label_->setWordWrap(true);
  error_label_->setStyleSheet(QStringLiteral("color: #b00;"));
  error_label_->hide();
  layout->addWidget(error_label_);
  auto* buttons = new QDialogButtonBox;
  sign_in_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  sign_in_->setObjectName(QStringLiteral("signIn"));
  sign_in_->setDefault(true);
  quit_ = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &ReloginDialog::SignIn);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  Retranslate();
  password_->setFocus();
}

void ReloginDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QDialog::changeEvent(event);
}

void ReloginDialog::Retranslate() {
  setWindowTitle(tr("Session expired"));
  intro_->setText(tr("Your session has ended. Enter the password of %1 to go on; the open "
                     "windows and unsaved work stay as they are.")
                      .arg(login_));
  password_caption_->setText(tr("&Password:"));
  sign_in_->setText(tr("&Sign in"));
  quit_->setText(tr("Quit"));
  const QString text = has_error_ ? error_.Message(Language::Current()) : QString();
  error_label_->setText(text);
  error_label_->setVisible(!text.isEmpty());
}

void ReloginDialog::SignIn() {
  if (busy_ || password_->text().isEmpty()) return;
  busy_ = true;
  sign_in_->setEnabled(false);
  ApiCall* call = session_->Login(login_, password_->text());
  connect(call, &ApiCall::finished, this, [this] {
    busy_ = false;
    password_->clear();
    session_->Reauthenticated();
    accept();
  });
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    busy_ = false;
    sign_in_->setEnabled(true);
    has_error_ = true;
    error_ = error;
    Retranslate();
    password_->selectAll();
    password_->setFocus();
  });
}

}  // namespace esep::client::ui
