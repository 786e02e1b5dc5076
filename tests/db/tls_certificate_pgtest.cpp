// The self-signed TLS pair of a first install: what is written, with which modes, and that
// OpenSSL's own command line reads the same fingerprint the client will show.
// (No database needed; it lives in tests/db because esep::platform is linked only there.)
#include "esep/platform/tls_certificate.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "esep/db/process.hpp"

namespace esep::platform {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

unsigned ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return static_cast<unsigned>(info.st_mode) & 07777U;
}

std::time_t ParseIso(const std::string& iso) {
  std::tm parts{};
  std::istringstream in(iso);
  in >> std::get_time(&parts, "%Y-%m-%dT%H:%M:%SZ");
  return in.fail() ? 0 : timegm(&parts);
}

bool HaveOpensslCli() { return db::RunProcess({"openssl", "version"}).exit_code == 0; }

class TlsCertificateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "esep-tls-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    cert_ = dir_ / "tls" / "server.crt";
    key_ = dir_ / "tls" / "server.key";
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path dir_, cert_, key_;
};

TEST_F(TlsCertificateTest, DefaultFilesLiveInTheDataDirectory) {
  const TlsFiles files = DefaultTlsFiles("var/esep");
  EXPECT_EQ(files.cert, std::filesystem::path("var/esep/tls/server.crt"));
  EXPECT_EQ(files.key, std::filesystem::path("var/esep/tls/server.key"));
}

TEST_F(TlsCertificateTest, WritesAMatchingPairWithAPrivateKeyFile) {
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  EXPECT_TRUE(CertificateAndKeyMatch(cert_, key_));
  EXPECT_EQ(ModeOf(key_), 0600U) << "the key must be readable by its owner only";
  EXPECT_EQ(ModeOf(cert_), 0644U);
  EXPECT_NE(ReadAll(key_).find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  EXPECT_NE(ReadAll(cert_).find("-----BEGIN CERTIFICATE-----"), std::string::npos);
  // No temporary files are left beside them.
  int files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(cert_.parent_path())) {
    ++files;
  }
  EXPECT_EQ(files, 2);
}

TEST_F(TlsCertificateTest, DefaultNamesCoverLocalhostBothLoopbacksAndTheHostName) {
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  auto info = ReadCertificateInfo(cert_);
  ASSERT_TRUE(info.ok()) << info.error().details;
  const auto has = [&](const std::string& name) {
    return std::find(info->sans.begin(), info->sans.end(), name) != info->sans.end();
  };
  EXPECT_TRUE(has("localhost"));
  EXPECT_TRUE(has("127.0.0.1"));
  EXPECT_TRUE(has("::1"));
  std::array<char, 256> host{};
  ASSERT_EQ(gethostname(host.data(), host.size() - 1), 0);
  EXPECT_TRUE(has(host.data())) << host.data();
  EXPECT_NE(info->subject.find(std::string("CN=") + host.data()), std::string::npos)
      << info->subject;

  // 825 days of validity, starting an hour ago for clients whose clock lags.
  const std::time_t not_before = ParseIso(info->not_before);
  const std::time_t not_after = ParseIso(info->not_after);
  const std::time_t now = std::time(nullptr);
  EXPECT_LE(not_before, now - 3500);
  EXPECT_GE(not_before, now - 3700);
  EXPECT_NEAR(static_cast<double>(not_after - now), 825.0 * 86400, 120.0);
}

TEST_F(TlsCertificateTest, GivenNamesAreWrittenInOrderWithoutDuplicates) {
  SelfSignedOptions options;
  options.common_name = "school-17";
  options.subject_alt_names = {"esep.school17.kz", "10.0.0.5", "fe80::1", "10.0.0.5", "*.esep.kz"};
  options.validity_days = 30;
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_, options).ok());
  auto info = ReadCertificateInfo(cert_);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->sans,
            (std::vector<std::string>{"esep.school17.kz", "10.0.0.5", "fe80::1", "*.esep.kz"}));
  EXPECT_EQ(info->subject, "CN=school-17,O=Esep");
  EXPECT_NEAR(static_cast<double>(ParseIso(info->not_after) - std::time(nullptr)), 30.0 * 86400,
              120.0);
}

TEST_F(TlsCertificateTest, FingerprintIsStableUppercaseColonSeparatedSha256) {
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  auto first = CertificateFingerprintSha256(cert_);
  auto second = CertificateFingerprintSha256(cert_);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_TRUE(std::regex_match(*first, std::regex("([0-9A-F]{2}:){31}[0-9A-F]{2}"))) << *first;
  EXPECT_EQ(ReadCertificateInfo(cert_)->fingerprint, *first);

  // Another pair is another certificate: the client would ask again.
  const auto other_cert = dir_ / "other.crt";
  ASSERT_TRUE(WriteSelfSignedCertificate(other_cert, dir_ / "other.key").ok());
  EXPECT_NE(*CertificateFingerprintSha256(other_cert), *first);
  EXPECT_FALSE(CertificateAndKeyMatch(cert_, dir_ / "other.key"));
  EXPECT_FALSE(CertificateAndKeyMatch(other_cert, key_));
}

TEST_F(TlsCertificateTest, OpensslCommandLineAgreesAndAcceptsTheCertificate) {
  if (!HaveOpensslCli()) GTEST_SKIP() << "the openssl command is not installed";
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  auto fingerprint =
      db::RunProcess({"openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert_});
  ASSERT_EQ(fingerprint.exit_code, 0) << fingerprint.output;
  const auto equals = fingerprint.output.find('=');
  ASSERT_NE(equals, std::string::npos) << fingerprint.output;
  std::string theirs = fingerprint.output.substr(equals + 1);
  while (!theirs.empty() && (theirs.back() == '\n' || theirs.back() == '\r')) theirs.pop_back();
  EXPECT_EQ(theirs, *CertificateFingerprintSha256(cert_));

  // As the client will, after the first-use dialog: the certificate is its own anchor and
  // valid for the names it carries.
  auto by_name = db::RunProcess(
      {"openssl", "verify", "-CAfile", cert_, "-verify_hostname", "localhost", cert_});
  EXPECT_EQ(by_name.exit_code, 0) << by_name.output;
  auto by_ip = db::RunProcess({"openssl", "verify", "-CAfile", cert_, "-verify_ip", "::1", cert_});
  EXPECT_EQ(by_ip.exit_code, 0) << by_ip.output;
  auto wrong_name = db::RunProcess(
      {"openssl", "verify", "-CAfile", cert_, "-verify_hostname", "evil.example", cert_});
  EXPECT_NE(wrong_name.exit_code, 0) << wrong_name.output;

  auto text = db::RunProcess({"openssl", "x509", "-noout", "-text", "-in", cert_});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find("Version: 3"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("P-256"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("CA:FALSE"), std::string::npos);
  EXPECT_NE(text.output.find("TLS Web Server Authentication"), std::string::npos);
  EXPECT_NE(text.output.find("ecdsa-with-SHA256"), std::string::npos);

  auto key_check = db::RunProcess({"openssl", "pkey", "-noout", "-in", key_});
  EXPECT_EQ(key_check.exit_code, 0) << key_check.output;
}

TEST_F(TlsCertificateTest, RefusesToOverwriteEitherFileUnlessAsked) {
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  const std::string cert_before = ReadAll(cert_);
  const std::string key_before = ReadAll(key_);

  auto again = WriteSelfSignedCertificate(cert_, key_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "tls.exists");
  EXPECT_FALSE(again.error().message.kk.empty());
  EXPECT_NE(again.error().message.ru.find("--force"), std::string::npos);
  EXPECT_EQ(ReadAll(cert_), cert_before);
  EXPECT_EQ(ReadAll(key_), key_before);

  // Only the certificate present: still refused, and no key is written beside it.
  const auto lone_key = dir_ / "lone.key";
  auto lone = WriteSelfSignedCertificate(cert_, lone_key);
  ASSERT_FALSE(lone.ok());
  EXPECT_EQ(lone.error().code, "tls.exists");
  EXPECT_EQ(lone.error().field, cert_.string());
  EXPECT_FALSE(std::filesystem::exists(lone_key));

  SelfSignedOptions force;
  force.overwrite = true;
  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_, force).ok());
  EXPECT_NE(ReadAll(cert_), cert_before);
  EXPECT_NE(ReadAll(key_), key_before);
  EXPECT_TRUE(CertificateAndKeyMatch(cert_, key_));
  EXPECT_EQ(ModeOf(key_), 0600U);
}

TEST_F(TlsCertificateTest, BadOptionsAreRefusedBeforeAnythingIsWritten) {
  const auto expect_refused = [&](const SelfSignedOptions& options, const std::string& code,
                                  const std::string& field) {
    auto status = WriteSelfSignedCertificate(cert_, key_, options);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, code);
    EXPECT_EQ(status.error().field, field);
    EXPECT_FALSE(status.error().message.kk.empty());
    EXPECT_FALSE(status.error().message.en.empty());
    EXPECT_FALSE(std::filesystem::exists(cert_));
    EXPECT_FALSE(std::filesystem::exists(key_));
  };
  SelfSignedOptions zero_days;
  zero_days.validity_days = 0;
  expect_refused(zero_days, "tls.bad_validity", "validity_days");
  SelfSignedOptions too_long;
  too_long.validity_days = 826;
  expect_refused(too_long, "tls.bad_validity", "validity_days");
  SelfSignedOptions comma;
  comma.subject_alt_names = {"localhost,IP:1.2.3.4"};
  expect_refused(comma, "tls.bad_name", "subject_alt_names");
  SelfSignedOptions space;
  space.subject_alt_names = {"my host"};
  expect_refused(space, "tls.bad_name", "subject_alt_names");
  SelfSignedOptions empty_label;
  empty_label.subject_alt_names = {"esep..kz"};
  expect_refused(empty_label, "tls.bad_name", "subject_alt_names");
  SelfSignedOptions long_cn;
  long_cn.common_name = std::string(65, 'a');
  expect_refused(long_cn, "tls.bad_name", "common_name");
  SelfSignedOptions control_cn;
  control_cn.common_name = "esep\nserver";
  expect_refused(control_cn, "tls.bad_name", "common_name");
}

TEST_F(TlsCertificateTest, AnUnwritableDirectoryIsAWriteError) {
  std::ofstream(dir_ / "plain-file") << "x";
  const auto key = dir_ / "keys" / "server.key";
  auto status = WriteSelfSignedCertificate(dir_ / "plain-file" / "server.crt", key);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "tls.write");
  EXPECT_FALSE(std::filesystem::exists(key)) << "no key without its certificate";
}

TEST_F(TlsCertificateTest, UnreadableCertificatesAreErrorsNotCrashes) {
  auto missing = CertificateFingerprintSha256(dir_ / "none.crt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "tls.unreadable");
  EXPECT_EQ(missing.error().field, (dir_ / "none.crt").string());

  std::ofstream(dir_ / "garbage.crt") << "-----BEGIN CERTIFICATE-----\nnot base64\n";
  EXPECT_EQ(ReadCertificateInfo(dir_ / "garbage.crt").error().code, "tls.unreadable");
  EXPECT_EQ(CertificateFingerprintSha256(dir_ / "garbage.crt").error().code, "tls.unreadable");
  EXPECT_FALSE(CertificateAndKeyMatch(dir_ / "garbage.crt", key_));

  ASSERT_TRUE(WriteSelfSignedCertificate(cert_, key_).ok());
  EXPECT_FALSE(CertificateAndKeyMatch(cert_, dir_ / "none.key"));
  // A key file holding a certificate is not a key.
  EXPECT_FALSE(CertificateAndKeyMatch(cert_, cert_));
}

}  // namespace
}  // namespace esep::platform
