#pragma once
/// @file
/// The server's TLS certificate for a first install: a self-signed EC P-256 pair written to
/// the data directory, and the SHA-256 fingerprint the client's first-use dialog shows.

#include <filesystem>
#include <string>
#include <vector>

#include "esep/core/result.hpp"

namespace esep::platform {

/// Where the self-signed pair lives when `server.tls_cert` / `server.tls_key` are empty.
struct TlsFiles {
  std::filesystem::path cert;  ///< DATA_DIR/tls/server.crt
  std::filesystem::path key;   ///< DATA_DIR/tls/server.key
};
TlsFiles DefaultTlsFiles(const std::filesystem::path& data_dir);

struct SelfSignedOptions {
  /// The subject's CN; empty means this machine's host name.
  std::string common_name;
  /// DNS names and IP addresses (v4 or v6) the certificate is valid for; empty means
  /// "localhost", "127.0.0.1", "::1" and the host name.
  std::vector<std::string> subject_alt_names;
  /// Apple's platforms refuse TLS server certificates valid longer than 825 days, so
  /// that is both the default and the maximum.
  int validity_days = 825;
  /// Replace existing files; otherwise an existing certificate or key is an error.
  bool overwrite = false;
};

/// Generates an EC P-256 key and a self-signed X.509 v3 server certificate (CA:FALSE,
/// serverAuth, the SANs), and writes both as PEM. The key file has mode 0600 from its
/// creation on. Each file is written beside its place and then linked (or, with overwrite,
/// renamed) into it, so no reader ever sees half a file; missing directories are created.
/// Errors: "tls.exists" (either file exists and !overwrite), "tls.bad_name",
/// "tls.bad_validity", "tls.write", "tls.openssl".
core::Status WriteSelfSignedCertificate(const std::filesystem::path& cert_pem,
                                        const std::filesystem::path& key_pem,
                                        const SelfSignedOptions& options = {});

/// SHA-256 of the certificate's DER form as "AB:CD:…" (uppercase, colon separated) — the
/// same text `openssl x509 -noout -fingerprint -sha256` prints and the client shows.
core::Result<std::string> CertificateFingerprintSha256(const std::filesystem::path& cert_pem);

struct CertificateInfo {
  std::string subject;     ///< RFC 2253 form, e.g. "CN=school-17"
  std::string not_before;  ///< ISO 8601 UTC, "2026-11-23T10:00:00Z"
  std::string not_after;
  std::string fingerprint;        ///< as CertificateFingerprintSha256
  std::vector<std::string> sans;  ///< DNS names and IP addresses, in the certificate's order
};
/// Errors: "tls.unreadable" (missing file or not a PEM certificate).
core::Result<CertificateInfo> ReadCertificateInfo(const std::filesystem::path& cert_pem);

/// True when `key_pem` holds the private key of `cert_pem`'s public key; false when they
/// differ or either cannot be read.
bool CertificateAndKeyMatch(const std::filesystem::path& cert_pem,
                            const std::filesystem::path& key_pem);

}  // namespace esep::platform
