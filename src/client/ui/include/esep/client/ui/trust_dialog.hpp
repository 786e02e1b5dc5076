#pragma once
/// @file
/// TrustDialog: the server presented a certificate that is not the pinned one (or none is
/// pinned yet); shows who it names, its validity and SHA-256 fingerprint, and asks whether
/// to trust it. The caller stores the pin in the connection profile when accepted.

#include <QByteArray>
#include <QDialog>
#include <QSslCertificate>

class QLabel;
class QPushButton;

namespace esep::client::ui {

class TrustDialog : public QDialog {
  Q_OBJECT
 public:
  TrustDialog(const QSslCertificate& certificate, const QByteArray& sha256_hex,
              const QByteArray& previous_pin, QWidget* parent = nullptr);

  QByteArray fingerprint() const { return sha256_hex_; }
  QPushButton* trustButton() const { return trust_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void Retranslate();

  QSslCertificate certificate_;
  QByteArray sha256_hex_;
  QByteArray previous_pin_;
  QLabel* intro_ = nullptr;
  QLabel* subject_caption_ = nullptr;
  QLabel* issuer_caption_ = nullptr;
  QLabel* validity_caption_ = nullptr;
  QLabel* fingerprint_caption_ = nullptr;
  QLabel* validity_ = nullptr;
  QLabel* warning_ = nullptr;
  QPushButton* trust_ = nullptr;
  QPushButton* cancel_ = nullptr;
};

}  // namespace esep::client::ui
