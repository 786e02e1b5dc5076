#pragma once
/// @file
/// Connection profiles (server address, how its TLS certificate is trusted, last login),
/// their QSettings storage and certificate fingerprints for the trust dialog.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

class QSettings;
class QSslCertificate;

namespace esep::client {

/// kSystem: the operating system's CAs; kCaFile: only the CA certificate(s) in ca_file;
/// kPinned: only the certificate whose SHA-256 is pinned_sha256 (a self-signed server).
enum class TrustMode { kSystem, kCaFile, kPinned };

struct ConnectionProfile {
  QString name;
  QUrl server;  ///< https://host:port
  TrustMode trust = TrustMode::kPinned;
  QString ca_file;
  QByteArray pinned_sha256;  ///< lower-case hex of SHA-256(DER); empty until the user accepts
  QString last_login;
};

QString TrustModeName(TrustMode mode);             // "system" | "ca_file" | "pinned"
TrustMode TrustModeFromName(const QString& name);  // unknown → kPinned (the safe one)

/// Profiles in QSettings (organization "Esep", application "esep-client" by default, or the
/// file the caller opened), as an array "profiles".
class ProfileStore {
 public:
  explicit ProfileStore(QSettings* settings);
  QList<ConnectionProfile> Load() const;
  void Save(const QList<ConnectionProfile>& profiles);

 private:
  QSettings* settings_;
};

/// Lower-case hex of SHA-256 over the certificate's DER encoding.
QByteArray CertificateSha256(const QSslCertificate& certificate);
/// "AB:CD:…" (upper case, colon-separated pairs) for people comparing it by eye.
QString FormatFingerprint(const QByteArray& hex);

}  // namespace esep::client
