#include "esep/client/ui/trust_dialog.hpp"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "esep/client/connection_profile.hpp"

namespace esep::client::ui {
namespace {

QString Names(const QSslCertificate& certificate, bool issuer) {
  QStringList parts;
  const auto attribute = [&](QSslCertificate::SubjectInfo info) {
    return issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
  };
  for (auto info : {QSslCertificate::CommonName, QSslCertificate::Organization,
                    QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName}) {
    const QStringList values = attribute(info);
    if (!values.isEmpty()) parts << values.join(QStringLiteral(", "));
  }
  return parts.join(QStringLiteral("; "));
}

QLabel* Selectable(const QString& text) {
  auto* label = new QLabel(text);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  label->setWordWrap(true);
  return label;
}

}  // namespace

TrustDialog::TrustDialog(const QSslCertificate& certificate, const QByteArray& sha256_hex,
                         const QByteArray& previous_pin, QWidget* parent)
    : QDialog(parent),
      certificate_(certificate),
      sha256_hex_(sha256_hex),
      previous_pin_(previous_pin) {
  setObjectName(QStringLiteral("trustDialog"));
  auto* layout = new QVBoxLayout(this);
  intro_ = new QLabel;
  intro_->setWordWrap(true);
  layout->addWidget(intro_);
  auto* form = new QFormLayout;
  subject_caption_ = new QLabel;
  issuer_caption_ = new QLabel;
  validity_caption_ = new QLabel;
  fingerprint_caption_ = new QLabel;
  validity_ = Selectable(QString());
  auto* fingerprint = Selectable(FormatFingerprint(sha256_hex));
  fingerprint->setObjectName(QStringLiteral("fingerprint"));
  QFont mono = fingerprint->font();
  mono.setFamily(QStringLiteral("monospace"));
  mono.setStyleHint(QFont::Monospace);
  fingerprint->setFont(mono);
  form->addRow(subject_caption_, Selectable(Names(certificate, false)));
  form->addRow(issuer_caption_, Selectable(Names(certificate, true)));
  form->addRow(validity_caption_, validity_);
  form->addRow(fingerprint_caption_, fingerprint);
  layout->addLayout(form);
  warning_ = new QLabel;
  warning_->setWordWrap(true);
  warning_->setStyleSheet(QStringLiteral("color: #a00;"));
  layout->addWidget(warning_);
  auto* buttons = new QDialogButtonBox;
  trust_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  trust_->setObjectName(QStringLiteral("trust"));
  cancel_ = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
  cancel_->setDefault(true);  // trusting must be a deliberate choice
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  Retranslate();
}

void TrustDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QDialog::changeEvent(event);
}

void TrustDialog::Retranslate() {
  setWindowTitle(tr("Server certificate"));
  intro_->setText(
      tr("The server presented a certificate this computer does not know yet. Compare the "
         "fingerprint with the one your administrator gave you before trusting it."));
  subject_caption_->setText(tr("Issued to:"));
  issuer_caption_->setText(tr("Issued by:"));
  validity_caption_->setText(tr("Valid:"));
  fingerprint_caption_->setText(tr("SHA-256 fingerprint:"));
  const QLocale locale;
  validity_->setText(
      tr("from %1 to %2")
          .arg(locale.toString(certificate_.effectiveDate().toLocalTime(), QLocale::ShortFormat),
               locale.toString(certificate_.expiryDate().toLocalTime(), QLocale::ShortFormat)));
  QStringList warnings;
  if (!previous_pin_.isEmpty() && previous_pin_ != sha256_hex_) {
    warnings << tr(
        "The certificate differs from the one trusted before. If the server's "
        "certificate was not replaced on purpose, someone may be intercepting the "
        "connection.");
  }
  const QDateTime now = QDateTime::currentDateTimeUtc();
  if (certificate_.expiryDate() < now || certificate_.effectiveDate() > now) {
    warnings << tr("The certificate is not valid at this date.");
  }
  warning_->setText(warnings.join(QLatin1Char('\n')));
  warning_->setVisible(!warnings.isEmpty());
  trust_->setText(tr("&Trust and connect"));
  cancel_->setText(tr("Cancel"));
}

}  // namespace esep::client::ui
