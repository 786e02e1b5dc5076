#include "esep/platform/tls_certificate.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace esep::platform {
namespace {

constexpr int kMaxValidityDays = 825;
constexpr std::size_t kMaxCommonName = 64;  // ub-common-name, RFC 5280

template <auto Fn>
struct Free {
  template <typename T>
  void operator()(T* pointer) const {
    Fn(pointer);
  }
};
using BioPtr = std::unique_ptr<BIO, Free<BIO_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Free<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, Free<X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Free<X509_EXTENSION_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Free<BN_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Free<GENERAL_NAMES_free>>;

// OpenSSL keeps its reasons in a per-thread queue; drain it into the error's details.
std::string OpenSslErrors() {
  std::string text;
  while (unsigned long code = ERR_get_error()) {
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    if (!text.empty()) text += "; ";
    text += buffer.data();
  }
  return text;
}

core::Error OpenSslError(const std::string& what) {
  core::Error error = core::MakeError(
      "tls.openssl", "TLS сертификатын жасау мүмкін болмады: " + what,
      "Не удалось создать сертификат TLS: " + what, "Cannot create the TLS certificate: " + what);
  error.details = OpenSslErrors();
  return error;
}

core::Error WriteError(const std::filesystem::path& path, int error_number) {
  core::Error error = core::MakeError("tls.write", "Файлды жазу мүмкін болмады: " + path.string(),
                                      "Не удалось записать файл: " + path.string(),
                                      "Cannot write the file: " + path.string(), path.string());
  error.details = std::strerror(error_number);
  return error;
}

core::Error ExistsError(const std::filesystem::path& path) {
  return core::MakeError(
      "tls.exists",
      "Файл бар, қайта жазылмайды: " + path.string() + ". Ауыстыру үшін --force көрсетіңіз.",
      "Файл уже существует и не будет перезаписан: " + path.string() +
          ". Чтобы заменить его, укажите --force.",
      "The file exists and is not overwritten: " + path.string() + ". Pass --force to replace it.",
      path.string());
}

core::Error UnreadableError(const std::filesystem::path& path) {
  core::Error error = core::MakeError(
      "tls.unreadable", "Сертификат оқылмады (PEM емес немесе файл жоқ): " + path.string(),
      "Не удалось прочитать сертификат (нет файла или это не PEM): " + path.string(),
      "Cannot read the certificate (missing, or not PEM): " + path.string(), path.string());
  error.details = OpenSslErrors();
  return error;
}

std::string HostName() {
  std::array<char, 256> buffer{};
  if (gethostname(buffer.data(), buffer.size() - 1) != 0) return {};
  return buffer.data();
}

bool IsIpAddress(const std::string& text) {
  std::array<unsigned char, 16> address{};
  return inet_pton(AF_INET, text.c_str(), address.data()) == 1 ||
         inet_pton(AF_INET6, text.c_str(), address.data()) == 1;
}

// A host name as RFC 1123 allows, plus '_' (seen on Windows networks) and a leading "*."
// wildcard. Anything else could not be matched by a client, or would break the SAN syntax.
bool IsDnsName(const std::string& name) {
  std::string rest = name.rfind("*.", 0) == 0 ? name.substr(2) : name;
  if (rest.empty() || rest.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= rest.size(); ++i) {
    if (i == rest.size() || rest[i] == '.') {
      if (label == 0 || label > 63) return false;
      label = 0;
      continue;
    }
    const char c = rest[i];
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) return false;
    ++label;
  }
  return true;
}

core::Error BadName(const std::string& name, const std::string& field) {
  return core::MakeError("tls.bad_name",
                         "Сертификатқа жарамсыз атау немесе мекенжай: «" + name + "»",
                         "Недопустимое имя или адрес для сертификата: «" + name + "»",
                         "Not a valid name or address for a certificate: \"" + name + "\"", field);
}

struct ResolvedNames {
  std::string common_name;
  std::vector<std::string> sans;
};

core::Result<ResolvedNames> ResolveNames(const SelfSignedOptions& options) {
  const std::string host = HostName();
  const bool host_usable = IsDnsName(host) && host.size() <= kMaxCommonName;
  ResolvedNames names;
  names.common_name =
      !options.common_name.empty() ? options.common_name : (host_usable ? host : "localhost");
  if (names.common_name.size() > kMaxCommonName) {
    return BadName(names.common_name, "common_name");
  }
  for (char c : names.common_name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return BadName(names.common_name, "common_name");
    }
  }
  std::vector<std::string> wanted = options.subject_alt_names;
  if (wanted.empty()) {
    wanted = {"localhost", "127.0.0.1", "::1"};
    if (host_usable) wanted.push_back(host);
  }
  for (const auto& name : wanted) {
    if (!IsIpAddress(name) && !IsDnsName(name)) return BadName(name, "subject_alt_names");
    bool seen = false;
    for (const auto& kept : names.sans) seen = seen || kept == name;
    if (!seen) names.sans.push_back(name);
  }
  return names;
}

PkeyPtr GenerateP256Key() {
  PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!context || EVP_PKEY_keygen_init(context.get()) != 1 ||
      EVP_PKEY_CTX_set_group_name(context.get(), "P-256") != 1) {
    return nullptr;
  }
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_generate(context.get(), &key) != 1) return nullptr;
  return PkeyPtr(key);
}

bool AddExtension(X509* certificate, X509V3_CTX* context, int nid, const std::string& value) {
  ExtensionPtr extension(X509V3_EXT_nconf_nid(nullptr, context, nid, value.c_str()));
  return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// 127 random bits: a positive serial that two installs will never share.
bool SetRandomSerial(X509* certificate) {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) return false;
  bytes[0] = static_cast<unsigned char>((bytes[0] & 0x7f) | 0x01);
  BignumPtr serial(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
  return serial && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

core::Result<X509Ptr> MakeCertificate(EVP_PKEY* key, const ResolvedNames& names,
                                      int validity_days) {
  X509Ptr certificate(X509_new());
  if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
      !SetRandomSerial(certificate.get())) {
    return OpenSslError("serial");
  }
  // An hour of slack so that a client whose clock is a little behind accepts it at once.
  if (X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) == nullptr ||
      X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validity_days, 0, nullptr) ==
          nullptr) {
    return OpenSslError("validity");
  }
  X509_NAME* subject = X509_get_subject_name(certificate.get());
  const auto* common_name = reinterpret_cast<const unsigned char*>(names.common_name.c_str());
  const auto* organization = reinterpret_cast<const unsigned char*>("Esep");
  if (X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, organization, -1, -1, 0) != 1 ||
      X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, common_name, -1, -1, 0) != 1 ||
      X509_set_issuer_name(certificate.get(), subject) != 1 ||
      X509_set_pubkey(certificate.get(), key) != 1) {
    return OpenSslError("subject");
  }

  std::string sans;
  for (const auto& name : names.sans) {
    if (!sans.empty()) sans += ",";
    sans += (IsIpAddress(name) ? "IP:" : "DNS:") + name;
  }
  X509V3_CTX context;
  X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
  // The subject key identifier goes first: the authority key identifier copies it.
  if (!AddExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE") ||
      !AddExtension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature") ||
      !AddExtension(certificate.get(), &context, NID_ext_key_usage, "serverAuth") ||
      !AddExtension(certificate.get(), &context, NID_subject_key_identifier, "hash") ||
      !AddExtension(certificate.get(), &context, NID_authority_key_identifier, "keyid:always") ||
      !AddExtension(certificate.get(), &context, NID_subject_alt_name, sans)) {
    return OpenSslError("extensions");
  }
  if (X509_sign(certificate.get(), key, EVP_sha256()) <= 0) return OpenSslError("signature");
  return certificate;
}

std::string DrainBio(BIO* bio) {
  std::string text;
  std::array<char, 4096> buffer{};
  for (;;) {
    const int n = BIO_read(bio, buffer.data(), static_cast<int>(buffer.size()));
    if (n <= 0) break;
    text.append(buffer.data(), static_cast<std::size_t>(n));
  }
  OPENSSL_cleanse(buffer.data(), buffer.size());
  return text;
}

// The private key's PEM; the caller wipes it after writing.
core::Result<std::string> KeyPem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return OpenSslError("key PEM");
  }
  return DrainBio(bio.get());
}

core::Result<std::string> CertificatePem(X509* certificate) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) {
    return OpenSslError("certificate PEM");
  }
  return DrainBio(bio.get());
}

// A file written next to its final place, with its final mode from creation on (mkstemp
// creates 0600, so the key is never readable by others, not even for a moment).
class TempFile {
 public:
  explicit TempFile(std::filesystem::path final_path) : final_(std::move(final_path)) {}
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  core::Status Write(const std::string& content, mode_t mode) {
    std::string pattern =
        (final_.parent_path() / ("." + final_.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) return WriteError(final_, errno);
    path_ = pattern;
    std::size_t written = 0;
    int failure = fchmod(fd, mode) == 0 ? 0 : errno;
    while (failure == 0 && written < content.size()) {
      const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) failure = errno;
      if (n > 0) written += static_cast<std::size_t>(n);
    }
    if (failure == 0 && fsync(fd) != 0) failure = errno;
    if (::close(fd) != 0 && failure == 0) failure = errno;
    if (failure != 0) return WriteError(final_, failure);
    return core::Status::Ok();
  }

  /// Puts the file in place: link() refuses an existing target atomically, rename() replaces.
  core::Status Publish(bool overwrite) {
    if (overwrite) {
      if (::rename(path_.c_str(), final_.c_str()) != 0) return WriteError(final_, errno);
      path_.clear();
      return core::Status::Ok();
    }
    if (::link(path_.c_str(), final_.c_str()) != 0) {
      if (errno == EEXIST) return ExistsError(final_);
      return WriteError(final_, errno);
    }
    return core::Status::Ok();
  }

 private:
  std::filesystem::path final_;
  std::filesystem::path path_;
};

void SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)fsync(fd);
  ::close(fd);
}

X509Ptr ReadCertificate(const std::filesystem::path& cert_pem) {
  BioPtr bio(BIO_new_file(cert_pem.c_str(), "r"));
  if (!bio) return nullptr;
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::string Fingerprint(const X509* certificate) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (X509_digest(certificate, EVP_sha256(), digest.data(), &length) != 1) return {};
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    if (i > 0) text.push_back(':');
    text.push_back(kHex[digest[i] >> 4]);
    text.push_back(kHex[digest[i] & 0x0f]);
  }
  return text;
}

std::string IsoTime(const ASN1_TIME* time) {
  std::tm parts{};
  if (ASN1_TIME_to_tm(time, &parts) != 1) return {};
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer.data();
}

std::vector<std::string> SubjectAltNames(const X509* certificate) {
  std::vector<std::string> sans;
  GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr)));
  if (!names) return sans;
  for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
    if (name->type == GEN_DNS) {
      const auto* data = ASN1_STRING_get0_data(name->d.dNSName);
      sans.emplace_back(reinterpret_cast<const char*>(data),
                        static_cast<std::size_t>(ASN1_STRING_length(name->d.dNSName)));
    } else if (name->type == GEN_IPADD) {
      const int length = ASN1_STRING_length(name->d.iPAddress);
      const auto* data = ASN1_STRING_get0_data(name->d.iPAddress);
      std::array<char, INET6_ADDRSTRLEN> text{};
      const int family = length == 4 ? AF_INET : AF_INET6;
      if ((length == 4 || length == 16) &&
          inet_ntop(family, data, text.data(), static_cast<socklen_t>(text.size())) != nullptr) {
        sans.emplace_back(text.data());
      }
    }
  }
  return sans;
}

}  // namespace

TlsFiles DefaultTlsFiles(const std::filesystem::path& data_dir) {
  return {data_dir / "tls" / "server.crt", data_dir / "tls" / "server.key"};
}

core::Status WriteSelfSignedCertificate(const std::filesystem::path& cert_pem,
                                        const std::filesystem::path& key_pem,
                                        const SelfSignedOptions& options) {
  if (options.validity_days < 1 || options.validity_days > kMaxValidityDays) {
    const std::string days = std::to_string(options.validity_days);
    return core::MakeError(
        "tls.bad_validity",
        "Жарамдылық мерзімі 1-ден " + std::to_string(kMaxValidityDays) + " күнге дейін: " + days,
        "Срок действия должен быть от 1 до " + std::to_string(kMaxValidityDays) + " дней: " + days,
        "Validity must be 1 to " + std::to_string(kMaxValidityDays) + " days: " + days,
        "validity_days");
  }
  auto names = ResolveNames(options);
  if (!names) return names.error();
  std::error_code ec;
  if (!options.overwrite) {
    for (const auto& path : {key_pem, cert_pem}) {
      if (std::filesystem::exists(path, ec)) return ExistsError(path);
    }
  }
  for (const auto& path : {key_pem, cert_pem}) {
    if (path.has_parent_path() && !std::filesystem::exists(path.parent_path(), ec)) {
      std::filesystem::create_directories(path.parent_path(), ec);
      if (ec) return WriteError(path.parent_path(), ec.value());
    }
  }

  PkeyPtr key = GenerateP256Key();
  if (!key) return OpenSslError("EC P-256 key");
  auto certificate = MakeCertificate(key.get(), *names, options.validity_days);
  if (!certificate) return certificate.error();
  auto key_text = KeyPem(key.get());
  if (!key_text) return key_text.error();
  auto cert_text = CertificatePem(certificate->get());
  if (!cert_text) return cert_text.error();

  TempFile key_file(key_pem);
  auto key_written = key_file.Write(*key_text, 0600);
  OPENSSL_cleanse(key_text.value().data(), key_text->size());
  if (!key_written) return key_written;
  TempFile cert_file(cert_pem);
  if (auto written = cert_file.Write(*cert_text, 0644); !written) return written;

  if (auto published = key_file.Publish(options.overwrite); !published) return published;
  if (auto published = cert_file.Publish(options.overwrite); !published) {
    // Never leave a new key beside someone else's certificate.
    if (!options.overwrite) ::unlink(key_pem.c_str());
    return published;
  }
  SyncDirectory(key_pem.parent_path().empty() ? "." : key_pem.parent_path());
  SyncDirectory(cert_pem.parent_path().empty() ? "." : cert_pem.parent_path());
  return core::Status::Ok();
}

core::Result<std::string> CertificateFingerprintSha256(const std::filesystem::path& cert_pem) {
  X509Ptr certificate = ReadCertificate(cert_pem);
  if (!certificate) return UnreadableError(cert_pem);
  std::string fingerprint = Fingerprint(certificate.get());
  if (fingerprint.empty()) return UnreadableError(cert_pem);
  return fingerprint;
}

core::Result<CertificateInfo> ReadCertificateInfo(const std::filesystem::path& cert_pem) {
  X509Ptr certificate = ReadCertificate(cert_pem);
  if (!certificate) return UnreadableError(cert_pem);
  CertificateInfo info;
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(certificate.get()), 0,
                                 XN_FLAG_RFC2253) < 0) {
    return UnreadableError(cert_pem);
  }
  info.subject = DrainBio(bio.get());
  info.not_before = IsoTime(X509_get0_notBefore(certificate.get()));
  info.not_after = IsoTime(X509_get0_notAfter(certificate.get()));
  info.fingerprint = Fingerprint(certificate.get());
  info.sans = SubjectAltNames(certificate.get());
  return info;
}

bool CertificateAndKeyMatch(const std::filesystem::path& cert_pem,
                            const std::filesystem::path& key_pem) {
  X509Ptr certificate = ReadCertificate(cert_pem);
  BioPtr bio(BIO_new_file(key_pem.c_str(), "r"));
  if (!certificate || !bio) {
    ERR_clear_error();
    return false;
  }
  // A passphrase-protected key must not make OpenSSL prompt on the terminal.
  auto no_passphrase = [](char*, int, int, void*) -> int { return 0; };
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  const bool match = key && X509_check_private_key(certificate.get(), key.get()) == 1;
  ERR_clear_error();
  return match;
}

}  // namespace esep::platform
