#include "esep/client/connection_profile.hpp"

#include <QCryptographicHash>
#include <QSettings>
#include <QSslCertificate>
#include <QStringList>

namespace esep::client {

QString TrustModeName(TrustMode mode) {
  switch (mode) {
    case TrustMode::kSystem:
      return QStringLiteral("system");
    case TrustMode::kCaFile:
      return QStringLiteral("ca_file");
    case TrustMode::kPinned:
      break;
  }
  return QStringLiteral("pinned");
}

TrustMode TrustModeFromName(const QString& name) {
  if (name == QLatin1String("system")) return TrustMode::kSystem;
  if (name == QLatin1String("ca_file")) return TrustMode::kCaFile;
  return TrustMode::kPinned;
}

ProfileStore::ProfileStore(QSettings* settings) : settings_(settings) {}

QList<ConnectionProfile> ProfileStore::Load() const {
  QList<ConnectionProfile> profiles;
  const int count = settings_->beginReadArray(QStringLiteral("profiles"));
  for (int i = 0; i < count; ++i) {
    settings_->setArrayIndex(i);
    ConnectionProfile profile;
    profile.name = settings_->value(QStringLiteral("name")).toString();
    profile.server = QUrl(settings_->value(QStringLiteral("server")).toString());
    profile.trust = TrustModeFromName(settings_->value(QStringLiteral("trust")).toString());
    profile.ca_file = settings_->value(QStringLiteral("ca_file")).toString();
    profile.pinned_sha256 = settings_->value(QStringLiteral("pinned_sha256")).toByteArray();
    profile.last_login = settings_->value(QStringLiteral("last_login")).toString();
    profiles.append(profile);
  }
  settings_->endArray();
  return profiles;
}

void ProfileStore::Save(const QList<ConnectionProfile>& profiles) {
  settings_->remove(QStringLiteral("profiles"));
  settings_->beginWriteArray(QStringLiteral("profiles"), static_cast<int>(profiles.size()));
  for (int i = 0; i < profiles.size(); ++i) {
    const ConnectionProfile& profile = profiles[i];
    settings_->setArrayIndex(i);
    settings_->setValue(QStringLiteral("name"), profile.name);
    settings_->setValue(QStringLiteral("server"), profile.server.toString());
    settings_->setValue(QStringLiteral("trust"), TrustModeName(profile.trust));
    settings_->setValue(QStringLiteral("ca_file"), profile.ca_file);
    settings_->setValue(QStringLiteral("pinned_sha256"),
                        QString::fromLatin1(profile.pinned_sha256));
    settings_->setValue(QStringLiteral("last_login"), profile.last_login);
  }
  settings_->endArray();
  settings_->sync();
}

QByteArray CertificateSha256(const QSslCertificate& certificate) {
  return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex();
}

QString FormatFingerprint(const QByteArray& hex) {
  QStringList pairs;
  const QString upper = QString::fromLatin1(hex).toUpper();
  for (qsizetype i = 0; i + 1 < upper.size(); i += 2) pairs.append(upper.mid(i, 2));
  return pairs.join(QLatin1Char(':'));
}

}  // namespace esep::client
