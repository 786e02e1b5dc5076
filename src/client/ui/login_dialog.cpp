#include "esep/client/ui/login_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "esep/client/ui/language.hpp"
#include "esep/client/ui/trust_dialog.hpp"

namespace esep::client::ui {
namespace {

const char* const kInvalidStyle = "border: 1px solid #c00; background: #fff0f0;";

}  // namespace

LoginDialog::LoginDialog(ApiClient* api, Session* session, ProfileStore* store, QWidget* parent)
    : QDialog(parent), api_(api), session_(session), store_(store) {
  setObjectName(QStringLiteral("loginDialog"));
  auto* layout = new QVBoxLayout(this);
  form_ = new QFormLayout;
  language_ = new QComboBox;
  language_->setObjectName(QStringLiteral("language"));
  for (const QString& code : Language::Codes())
    language_->addItem(Language::NativeName(code), code);
  language_->setCurrentIndex(static_cast<int>(Language::Codes().indexOf(Language::Current())));
  connect(language_, &QComboBox::activated, this,
          [this](int index) { Language::Switch(language_->itemData(index).toString()); });
  form_->addRow(QStringLiteral("-"), language_);

  profile_combo_ = new QComboBox;
  profile_combo_->setObjectName(QStringLiteral("profile"));
  new_profile_ = new QPushButton;
  delete_profile_ = new QPushButton;
  auto* profile_row = new QHBoxLayout;
  profile_row->addWidget(profile_combo_, 1);
  profile_row->addWidget(new_profile_);
  profile_row->addWidget(delete_profile_);
  form_->addRow(QStringLiteral("-"), profile_row);

  name_ = new QLineEdit;
  name_->setObjectName(QStringLiteral("profileName"));
  form_->addRow(QStringLiteral("-"), name_);
  server_ = new QLineEdit;
  server_->setObjectName(QStringLiteral("server"));
  server_->setPlaceholderText(QStringLiteral("https://esep.example.kz:8443"));
  form_->addRow(QStringLiteral("-"), server_);
  trust_mode_ = new QComboBox;
  trust_mode_->setObjectName(QStringLiteral("trustMode"));
  trust_mode_->addItem(QString(), static_cast<int>(TrustMode::kSystem));
  trust_mode_->addItem(QString(), static_cast<int>(TrustMode::kCaFile));
  trust_mode_->addItem(QString(), static_cast<int>(TrustMode::kPinned));
  form_->addRow(QStringLiteral("-"), trust_mode_);
  ca_file_ = new QLineEdit;
  ca_file_->setObjectName(QStringLiteral("caFile"));
  browse_ca_ = new QPushButton;
  auto* ca_row = new QHBoxLayout;
  ca_row->addWidget(ca_file_, 1);
  ca_row->addWidget(browse_ca_);
  form_->addRow(QStringLiteral("-"), ca_row);
  pin_ = new QLabel;
  pin_->setObjectName(QStringLiteral("pin"));
  pin_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  pin_->setWordWrap(true);
  forget_pin_ = new QPushButton;
  auto* pin_row = new QHBoxLayout;
  pin_row->addWidget(pin_, 1);
  pin_row->addWidget(forget_pin_);
  form_->addRow(QStringLiteral("-"), pin_row);
  login_ = new QLineEdit;
  login_->setObjectName(QStringLiteral("login"));
  form_->addRow(QStringLiteral("-"), login_);
  password_ = new QLineEdit;
  password_->setObjectName(QStringLiteral("password"));
  password_->setEchoMode(QLineEdit::Password);
  form_->addRow(QStringLiteral("-"), password_);
  layout->addLayout(form_);

  error_ = new QLabel;
  error_->setObjectName(QStringLiteral("error"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00;"));
  error_->hide();
  layout->addWidget(error_);

  auto* buttons = new QDialogButtonBox;
  connect_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  connect_->setObjectName(QStringLiteral("connect"));
  connect_->setDefault(true);
  cancel_ = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::Connect);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);

  connect(profile_combo_, &QComboBox::activated, this, [this](int index) {
    StoreEdited();
    ShowProfile(index);
  });
  connect(new_profile_, &QPushButton::clicked, this, &LoginDialog::NewProfile);
  connect(delete_profile_, &QPushButton::clicked, this, &LoginDialog::DeleteProfile);
  connect(trust_mode_, &QComboBox::currentIndexChanged, this, &LoginDialog::UpdateTrustFields);
  connect(browse_ca_, &QPushButton::clicked, this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"), ca_file_->text(),
                                                      tr("Certificates (*.pem *.crt *.cer)"));
    if (!file.isEmpty()) ca_file_->setText(file);
  });
  connect(forget_pin_, &QPushButton::clicked, this, [this] {
    pinned_.clear();
    UpdateTrustFields();
  });
  connect(api_, &ApiClient::CertificateNeedsConfirmation, this, &LoginDialog::AskTrust);

  LoadProfiles();
  Retranslate();
  setTabOrder(login_, password_);
  setTabOrder(password_, connect_);
}

void LoginDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QDialog::changeEvent(event);
}

void LoginDialog::Retranslate() {
  setWindowTitle(tr("Esep — sign in"));
  const auto label = [this](QWidget* field, const QString& text) {
    if (auto* caption = qobject_cast<QLabel*>(form_->labelForField(field))) caption->setText(text);
  };
  label(language_, tr("Language:"));
  label(name_, tr("Profile name:"));
  label(server_, tr("Server:"));
  label(trust_mode_, tr("Trust the server by:"));
  label(login_, tr("Login:"));
  label(password_, tr("Password:"));
  // Rows holding a layout: their label is found through the layout's first widget's row.
  for (int row = 0; row < form_->rowCount(); ++row) {
    auto* caption = form_->itemAt(row, QFormLayout::LabelRole);
    auto* field = form_->itemAt(row, QFormLayout::FieldRole);
    if (caption == nullptr || field == nullptr || field->layout() == nullptr) continue;
    auto* text = qobject_cast<QLabel*>(caption->widget());
    if (text == nullptr) continue;
    QLayout* inner = field->layout();
    QWidget* first = inner->itemAt(0) != nullptr ? inner->itemAt(0)->widget() : nullptr;
    if (first == profile_combo_) text->setText(tr("Connection:"));
    if (first == ca_file_) text->setText(tr("CA file:"));
    if (first == pin_) text->setText(tr("Pinned certificate:"));
  }
  new_profile_->setText(tr("New"));
  delete_profile_->setText(tr("Delete"));
  trust_mode_->setItemText(0, tr("System certificate authorities"));
  trust_mode_->setItemText(1, tr("CA certificate file"));
  trust_mode_->setItemText(2, tr("Pinned fingerprint"));
  browse_ca_->setText(tr("Browse…"));
  forget_pin_->setText(tr("Forget"));
  connect_->setText(busy_ ? tr("Connecting…") : tr("&Connect"));
  cancel_->setText(tr("Cancel"));
  UpdateTrustFields();
  RenderError();
}

void LoginDialog::LoadProfiles() {
  profiles_ = store_ != nullptr ? store_->Load() : QList<ConnectionProfile>{};
  if (profiles_.isEmpty()) {
    ConnectionProfile profile;
    profile.name = tr("Default");
    profile.server = QUrl(QStringLiteral("https://localhost:8443"));
    profiles_.append(profile);
  }
  profile_combo_->clear();
  for (const auto& profile : profiles_) profile_combo_->addItem(profile.name);
  ShowProfile(0);
}

void LoginDialog::ShowProfile(int index) {
  if (index < 0 || index >= profiles_.size()) return;
  current_ = index;
  profile_combo_->setCurrentIndex(index);
  const ConnectionProfile& profile = profiles_[index];
  name_->setText(profile.name);
  server_->setText(profile.server.toString());
  trust_mode_->setCurrentIndex(trust_mode_->findData(static_cast<int>(profile.trust)));
  ca_file_->setText(profile.ca_file);
  pinned_ = profile.pinned_sha256;
  login_->setText(profile.last_login);
  password_->clear();
  UpdateTrustFields();
  (profile.last_login.isEmpty() ? login_ : password_)->setFocus();
}

void LoginDialog::StoreEdited() {
  if (current_ < 0 || current_ >= profiles_.size()) return;
  profiles_[current_] = profile();
  profile_combo_->setItemText(current_, profiles_[current_].name);
}

void LoginDialog::NewProfile() {
  StoreEdited();
  ConnectionProfile profile;
  profile.name = tr("Connection %1").arg(profiles_.size() + 1);
  profiles_.append(profile);
  profile_combo_->addItem(profile.name);
  ShowProfile(static_cast<int>(profiles_.size() - 1));
  server_->setFocus();
}

void LoginDialog::DeleteProfile() {
  if (profiles_.size() <= 1 || current_ < 0) return;
  profiles_.removeAt(current_);
  profile_combo_->removeItem(current_);
  if (store_ != nullptr) store_->Save(profiles_);
  ShowProfile(0);
}

ConnectionProfile LoginDialog::profile() const {
  ConnectionProfile profile;
  profile.name = name_->text().trimmed().isEmpty() ? tr("Default") : name_->text().trimmed();
  profile.server = QUrl::fromUserInput(server_->text().trimmed());
  profile.trust = static_cast<TrustMode>(trust_mode_->currentData().toInt());
  profile.ca_file = ca_file_->text().trimmed();
  profile.pinned_sha256 = pinned_;
  profile.last_login = login_->text().trimmed();
  return profile;
}

TrustDialog* LoginDialog::trustDialog() const { return trust_dialog_; }

QString LoginDialog::login() const { return login_->text().trimmed(); }

void LoginDialog::Prefill(const ConnectionProfile& profile, const QString& login,
                          const QString& password) {
  if (!profile.name.isEmpty()) name_->setText(profile.name);
  server_->setText(profile.server.toString());
  trust_mode_->setCurrentIndex(trust_mode_->findData(static_cast<int>(profile.trust)));
  ca_file_->setText(profile.ca_file);
  pinned_ = profile.pinned_sha256;
  login_->setText(login);
  password_->setText(password);
  UpdateTrustFields();
}

void LoginDialog::UpdateTrustFields() {
  const auto mode = static_cast<TrustMode>(trust_mode_->currentData().toInt());
  ca_file_->setEnabled(mode == TrustMode::kCaFile);
  browse_ca_->setEnabled(mode == TrustMode::kCaFile);
  forget_pin_->setEnabled(mode == TrustMode::kPinned && !pinned_.isEmpty());
  if (mode != TrustMode::kPinned) {
    pin_->setText(tr("not used"));
  } else {
    pin_->setText(pinned_.isEmpty() ? tr("none yet: you will be asked on first connection")
                                    : FormatFingerprint(pinned_));
  }
}

void LoginDialog::ClearError() {
  local_error_ = nullptr;
  has_api_error_ = false;
  error_field_.clear();
  RenderError();
}

void LoginDialog::ShowError(const char* source, const QString& field) {
  local_error_ = source;
  has_api_error_ = false;
  error_field_ = field;
  RenderError();
}

void LoginDialog::ShowApiError(const ApiError& error) {
  local_error_ = nullptr;
  api_error_ = error;
  has_api_error_ = true;
  // Network failures (no HTTP status) concern the server address.
  error_field_ =
      error.status == 0 && error.field.isEmpty() ? QStringLiteral("server") : error.field;
  RenderError();
}

void LoginDialog::RenderError() {
  QString text;
  if (local_error_ != nullptr) text = tr(local_error_);
  if (has_api_error_) text = api_error_.Message(Language::Current());
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
  for (QWidget* field : {static_cast<QWidget*>(server_), static_cast<QWidget*>(ca_file_),
                         static_cast<QWidget*>(login_), static_cast<QWidget*>(password_)}) {
    field->setStyleSheet(QString());
  }
  QWidget* marked = nullptr;
  if (error_field_ == QLatin1String("server")) marked = server_;
  if (error_field_ == QLatin1String("ca_file")) marked = ca_file_;
  if (error_field_ == QLatin1String("login")) marked = login_;
  if (error_field_ == QLatin1String("password")) marked = password_;
  if (marked != nullptr) marked->setStyleSheet(QLatin1String(kInvalidStyle));
}

void LoginDialog::SetBusy(bool busy) {
  busy_ = busy;
  connect_->setEnabled(!busy);
  connect_->setText(busy ? tr("Connecting…") : tr("&Connect"));
  setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void LoginDialog::Connect() {
  if (busy_) return;
  ClearError();
  const ConnectionProfile edited = profile();
  if (!edited.server.isValid() || edited.server.host().isEmpty() ||
      edited.server.scheme() != QLatin1String("https")) {
    ShowError(QT_TR_NOOP("Enter the server address as https://host:port."),
              QStringLiteral("server"));
    server_->setFocus();
    return;
  }
  if (edited.trust == TrustMode::kCaFile && edited.ca_file.isEmpty()) {
    ShowError(QT_TR_NOOP("Choose the CA certificate file."), QStringLiteral("ca_file"));
    ca_file_->setFocus();
    return;
  }
  if (login().isEmpty()) {
    ShowError(QT_TR_NOOP("Enter your login."), QStringLiteral("login"));
    login_->setFocus();
    return;
  }
  if (password_->text().isEmpty()) {
    ShowError(QT_TR_NOOP("Enter your password."), QStringLiteral("password"));
    password_->setFocus();
    return;
  }
  StoreEdited();
  api_->SetProfile(edited);
  SetBusy(true);
  ApiCall* call = session_->Login(login(), password_->text());
  connect(call, &ApiCall::finished, this, [this] {
    SetBusy(false);
    StoreEdited();
    if (store_ != nullptr) store_->Save(profiles_);
    password_->clear();
    accept();
  });
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    SetBusy(false);
    if (trust_pending_) return;  // the trust dialog decides what comes next
    ShowApiError(error);
    if (error_field_ == QLatin1String("password") || error.status == 401) {
      password_->selectAll();
      password_->setFocus();
    }
  });
}

void LoginDialog::AskTrust(const QSslCertificate& certificate, const QByteArray& sha256_hex) {
  if (trust_pending_ || !isVisible()) return;
  trust_pending_ = true;
  trust_dialog_ = new TrustDialog(certificate, sha256_hex, pinned_, this);
  trust_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  connect(trust_dialog_, &QDialog::finished, this, [this, sha256_hex](int result) {
    trust_pending_ = false;
    if (result != QDialog::Accepted) {
      ShowError(QT_TR_NOOP("The server's certificate was not trusted; nothing was sent."),
                QStringLiteral("server"));
      return;
    }
    pinned_ = sha256_hex;
    trust_mode_->setCurrentIndex(trust_mode_->findData(static_cast<int>(TrustMode::kPinned)));
    UpdateTrustFields();
    StoreEdited();
    if (store_ != nullptr) store_->Save(profiles_);
    Connect();
  });
  trust_dialog_->open();
}

}  // namespace esep::client::ui
