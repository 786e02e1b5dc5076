#include "esep/core/iin.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <unordered_set>

namespace esep::core {
namespace {

// Only the public examples of iin-bin.md (bank BINs, the validator's README IIN) and
// synthetic numbers appear here: real people's IINs must not end up in the repository.

/// Completes 11 digits with their check digit; the algorithm itself is pinned by the
/// worked examples in KzCheckDigitTest.
std::string Synthetic(const std::string& first11) {
  const int check = KzCheckDigit(first11);
  EXPECT_GE(check, 0) << first11 << " has no check digit";
  return first11 + std::to_string(check);
}

/// The same 11 digits with a wrong last digit.
std::string WrongCheck(const std::string& first11) {
  const int check = KzCheckDigit(first11);
  return first11 + std::to_string((check + 1) % 10);
}

void ExpectError(const Error& error, const std::string& code, const std::string& field) {
  EXPECT_EQ(error.code, code);
  EXPECT_EQ(error.field, field);
  EXPECT_FALSE(error.message.kk.empty());
  EXPECT_FALSE(error.message.ru.empty());
  EXPECT_FALSE(error.message.en.empty());
  EXPECT_NE(error.message.kk, error.message.ru);
}

void ExpectIinError(std::string_view text, const std::string& code, IinRules rules = {}) {
  const Result<Iin> iin = Iin::Parse(text, "employee.iin", rules);
  ASSERT_FALSE(iin.ok()) << "expected " << code << " for " << text;
  ExpectError(iin.error(), code, "employee.iin");
}

void ExpectBinError(std::string_view text, const std::string& code) {
  const Result<Bin> bin = Bin::Parse(text, "org.bin");
  ASSERT_FALSE(bin.ok()) << "expected " << code << " for " << text;
  ExpectError(bin.error(), code, "org.bin");
}

TEST(KzCheckDigitTest, WorkedExamplesFromTheDomainNotes) {
  EXPECT_EQ(KzCheckDigit("94014000038"), 5);  // S1 = 159
  EXPECT_EQ(KzCheckDigit("96114100002"), 3);  // S1 mod 11 = 10, S2 = 102: second pass
  EXPECT_EQ(KzCheckDigit("95034100005"), 2);
  EXPECT_EQ(KzCheckDigit("07094102469"), 1);
  EXPECT_EQ(KzCheckDigit("06121160001"), 2);  // second pass, S2 = 112
  EXPECT_EQ(KzCheckDigit("90010130001"), 7);  // S1 = 51
}

TEST(KzCheckDigitTest, BothPassesTenMeansNoNumber) {
  EXPECT_EQ(KzCheckDigit("90010130080"), -1);  // S1 = 120, S2 = 76: both ≡ 10 (mod 11)
  EXPECT_EQ(KzCheckDigit("94014000096"), -1);  // S1 = 197, S2 = 98
}

TEST(KzCheckDigitTest, UnusableInput) {
  EXPECT_EQ(KzCheckDigit(""), -1);
  EXPECT_EQ(KzCheckDigit("9001013000"), -1);
  EXPECT_EQ(KzCheckDigit("900101300017"), -1);
  EXPECT_EQ(KzCheckDigit("9001013000a"), -1);
  EXPECT_EQ(KzCheckDigit(" 9001013000"), -1);
}

TEST(KzCheckDigitTest, AgreesWithTheReferencePseudocode) {
  // The pseudocode of iin-bin.md §4, written out independently, over many inputs.
  auto reference = [](const std::string& s) {
    static const int w1[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    static const int w2[11] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
    int k = 0;
    for (int i = 0; i < 11; ++i) k += (s[static_cast<std::size_t>(i)] - '0') * w1[i];
    k %= 11;
    if (k == 10) {
      k = 0;
      for (int i = 0; i < 11; ++i) k += (s[static_cast<std::size_t>(i)] - '0') * w2[i];
      k %= 11;
    }
    return k == 10 ? -1 : k;
  };
  int unusable = 0;
  for (unsigned seed = 0; seed < 20000; ++seed) {
    std::string digits;
    unsigned value = seed * 2654435761u;
    for (int i = 0; i < 11; ++i) {
      digits += static_cast<char>('0' + value % 10);
      value = value / 10 + (value % 7) * 100000007u;
    }
    ASSERT_EQ(KzCheckDigit(digits), reference(digits)) << digits;
    if (reference(digits) < 0) ++unusable;
  }
  EXPECT_GT(unusable, 0);
}

TEST(IinTest, ParsesTheExampleFromTheValidatorReadme) {
  const Iin iin = Iin::Parse("061211600012").value();
  EXPECT_EQ(iin.str(), "061211600012");
  EXPECT_EQ(iin.Century(), 21);
  EXPECT_EQ(iin.BirthYear(), 2006);
  EXPECT_EQ(iin.BirthDate(), Date::FromYmd(2006, 12, 11).value());
  EXPECT_EQ(iin.Sex(), Sex::kFemale);
}

TEST(IinTest, ParsesTheSyntheticExample) {
  const Iin iin = Iin::Parse(" 900101300017\t").value();
  EXPECT_EQ(iin.str(), "900101300017");
  EXPECT_EQ(iin.Century(), 20);
  EXPECT_EQ(iin.BirthDate(), Date::FromYmd(1990, 1, 1).value());
  EXPECT_EQ(iin.Sex(), Sex::kMale);
  EXPECT_EQ(iin.Mask(), "90********17");
}

TEST(IinTest, CenturyDigitGivesCenturyAndSex) {
  struct Case {
    char digit;
    int century;
    int year;
    Sex sex;
  };
  for (const Case& c : {Case{'1', 19, 1885, Sex::kMale}, Case{'2', 19, 1885, Sex::kFemale},
                        Case{'3', 20, 1985, Sex::kMale}, Case{'4', 20, 1985, Sex::kFemale},
                        Case{'5', 21, 2085, Sex::kMale}, Case{'6', 21, 2085, Sex::kFemale}}) {
    SCOPED_TRACE(c.digit);
    const Iin iin = Iin::Parse(Synthetic(std::string("850315") + c.digit + "0042")).value();
    EXPECT_EQ(iin.Century(), c.century);
    EXPECT_EQ(iin.BirthYear(), c.year);
    EXPECT_EQ(iin.BirthDate(), Date::FromYmd(c.year, 3, 15).value());
    EXPECT_EQ(iin.Sex(), c.sex);
  }
}

TEST(IinTest, LeapDaysFollowTheCentury) {
  EXPECT_EQ(Iin::Parse(Synthetic("0002295"
                                 "0007"))
                .value()
                .BirthDate(),
            Date::FromYmd(2000, 2, 29).value());
  EXPECT_EQ(Iin::Parse(Synthetic("0002293"
                                 "0007"))
                .value()
                .BirthDate(),
            std::nullopt);  // 1900
  EXPECT_EQ(Iin::Parse(Synthetic("0002291"
                                 "0007"))
                .value()
                .BirthDate(),
            std::nullopt);  // 1800
  EXPECT_EQ(Iin::Parse(Synthetic("0001011"
                                 "0007"))
                .value()
                .BirthDate(),
            Date::FromYmd(1800, 1, 1).value());
}

TEST(IinTest, UnrealDatePartIsAcceptedWithoutABirthDate) {
  for (const char* date_part : {"901301", "900001", "900100", "900230", "900132"}) {
    SCOPED_TRACE(date_part);
    const Result<Iin> iin = Iin::Parse(Synthetic(std::string(date_part) + "30017"));
    ASSERT_TRUE(iin.ok()) << iin.error().code;
    EXPECT_EQ(iin->BirthDate(), std::nullopt);
    EXPECT_EQ(iin->BirthYear(), 1990);
    EXPECT_EQ(iin->Sex(), Sex::kMale);
  }
}

TEST(IinTest, LengthErrors) {
  ExpectIinError("", "iin.length");
  ExpectIinError("   ", "iin.length");
  ExpectIinError("90010130001", "iin.length");
  ExpectIinError("9001013000177", "iin.length");
  ExpectIinError("900101 300017", "iin.length");
  const Result<Iin> iin = Iin::Parse("90010130001");
  ASSERT_FALSE(iin.ok());
  EXPECT_EQ(iin.error().field, "iin");
  EXPECT_EQ(iin.error().details, "11");
  EXPECT_NE(iin.error().message.ru.find("11"), std::string::npos);
}

TEST(IinTest, LengthCountsCharactersNotBytes) {
  // Twelve characters, one a Cyrillic letter (two bytes): the problem is the letter.
  ExpectIinError("90010130001О", "iin.not_digits");
  // Eleven characters, twelve bytes.
  const Result<Iin> iin = Iin::Parse("9001013000О");
  ASSERT_FALSE(iin.ok());
  EXPECT_EQ(iin.error().code, "iin.length");
  EXPECT_EQ(iin.error().details, "11");
}

TEST(IinTest, NotDigits) {
  ExpectIinError("9001013000l7", "iin.not_digits");
  ExpectIinError("90010130001-", "iin.not_digits");
  ExpectIinError("+90010130001", "iin.not_digits");
  ExpectIinError("９00101300017", "iin.not_digits");  // a full-width digit: 12 characters
}

TEST(IinTest, ChecksumErrors) {
  ExpectIinError("900101300018", "iin.checksum");
  ExpectIinError("900101300070", "iin.checksum");
  ExpectIinError(WrongCheck("06121160001"), "iin.checksum");
  // Swapped neighbouring digits, the commonest typo.
  ExpectIinError("090101300017", "iin.checksum");
}

TEST(IinTest, NumberWhoseBothPassesGiveTenIsRejected) {
  for (char last = '0'; last <= '9'; ++last) {
    const std::string text = std::string("90010130080") + last;
    SCOPED_TRACE(text);
    ExpectIinError(text, "iin.checksum");
  }
  const Result<Iin> iin = Iin::Parse("900101300800");
  ASSERT_FALSE(iin.ok());
  EXPECT_NE(iin.error().message.ru.find("не выдаются"), std::string::npos);
  EXPECT_NE(Iin::Parse("900101300018").error().message.ru, iin.error().message.ru);
}

TEST(IinTest, BinIsNotAnIin) {
  ExpectIinError("940140000385", "iin.is_bin", IinRules{.allow_unknown_century = true});
  ExpectIinError(Synthetic("90014530001"), "iin.is_bin");
  ExpectIinError(Synthetic("90016030001"), "iin.is_bin");
}

TEST(IinTest, CenturyErrors) {
  for (char digit : {'0', '7', '8', '9'}) {
    SCOPED_TRACE(digit);
    ExpectIinError(Synthetic(std::string("900101") + digit + "0017"), "iin.century");
  }
}

TEST(IinTest, UnknownCenturyWhenAllowed) {
  const IinRules rules{.allow_unknown_century = true};
  const Result<Iin> iin = Iin::Parse(Synthetic("90010100017"), "iin", rules);
  ASSERT_TRUE(iin.ok()) << iin.error().code;
  EXPECT_EQ(iin->Century(), std::nullopt);
  EXPECT_EQ(iin->BirthYear(), std::nullopt);
  EXPECT_EQ(iin->BirthDate(), std::nullopt);
  EXPECT_EQ(iin->Sex(), std::nullopt);
  // The rule admits 0 only; 7..9 stay errors.
  ExpectIinError(Synthetic("90010170017"), "iin.century", rules);
  ExpectIinError(Synthetic("90010190017"), "iin.century", rules);
}

TEST(IinTest, ErrorsCarryTheFieldAndNoDigits) {
  const Result<Iin> iin = Iin::Parse("900101300018", "rows[12].iin");
  ASSERT_FALSE(iin.ok());
  EXPECT_EQ(iin.error().field, "rows[12].iin");
  EXPECT_TRUE(iin.error().details.empty());
  EXPECT_EQ(iin.error().message.ru.find("90010130001"), std::string::npos);
}

TEST(IinTest, EqualityOrderingHashAndStream) {
  const Iin a = Iin::Parse("900101300017").value();
  const Iin b = Iin::Parse(" 900101300017").value();
  const Iin c = Iin::Parse("061211600012").value();
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_LT(c, a);
  EXPECT_EQ((std::set<Iin>{a, b, c}.size()), 2u);
  EXPECT_EQ((std::unordered_set<Iin>{a, b, c}.size()), 2u);
  std::ostringstream out;
  out << a;
  EXPECT_EQ(out.str(), "90********17");
  EXPECT_EQ(c.Mask(), "06********12");
}

TEST(LooksLikeBinTest, FifthDigitDecides) {
  EXPECT_TRUE(LooksLikeBin("940140000385"));
  EXPECT_TRUE(LooksLikeBin("  07094"));
  EXPECT_TRUE(LooksLikeBin("00005"));
  EXPECT_TRUE(LooksLikeBin("00006"));
  EXPECT_FALSE(LooksLikeBin("00007"));
  EXPECT_FALSE(LooksLikeBin("00003"));
  EXPECT_FALSE(LooksLikeBin("900101300017"));
  EXPECT_FALSE(LooksLikeBin("9401"));
  EXPECT_FALSE(LooksLikeBin("a0014"));
  EXPECT_FALSE(LooksLikeBin(""));
}

TEST(BinTest, ParsesTheBankExamples) {
  const Bin head = Bin::Parse("940140000385").value();
  EXPECT_EQ(head.str(), "940140000385");
  EXPECT_EQ(head.RegistrationYear(), 1994);
  EXPECT_EQ(head.RegistrationMonth(), 1u);
  EXPECT_EQ(head.Kind(), BinKind::kResidentLegalEntity);
  EXPECT_EQ(head.Division(), BinDivision::kHeadOffice);

  const Bin second_pass = Bin::Parse("961141000023").value();
  EXPECT_EQ(second_pass.RegistrationYear(), 1996);
  EXPECT_EQ(second_pass.RegistrationMonth(), 11u);
  EXPECT_EQ(second_pass.Division(), BinDivision::kBranch);

  const Bin march = Bin::Parse(" 950341000052 ").value();
  EXPECT_EQ(march.str(), "950341000052");
  EXPECT_EQ(march.RegistrationYear(), 1995);
  EXPECT_EQ(march.RegistrationMonth(), 3u);

  const Bin recent = Bin::Parse("070941024691").value();
  EXPECT_EQ(recent.RegistrationYear(), 2007);
  EXPECT_EQ(recent.RegistrationMonth(), 9u);
  EXPECT_EQ(recent.Kind(), BinKind::kResidentLegalEntity);
  EXPECT_EQ(recent.Division(), BinDivision::kBranch);
}

TEST(BinTest, KindsDivisionsAndYearPivot) {
  const Bin non_resident = Bin::Parse(Synthetic("15065200001")).value();
  EXPECT_EQ(non_resident.Kind(), BinKind::kNonResidentLegalEntity);
  EXPECT_EQ(non_resident.Division(), BinDivision::kRepresentativeOffice);
  EXPECT_EQ(non_resident.RegistrationYear(), 2015);
  EXPECT_EQ(non_resident.RegistrationMonth(), 6u);

  const Bin farm = Bin::Parse(Synthetic("89126300001")).value();
  EXPECT_EQ(farm.Kind(), BinKind::kJointIndividualEntrepreneur);
  EXPECT_EQ(farm.Division(), BinDivision::kPeasantFarm);
  EXPECT_EQ(farm.RegistrationYear(), 2089);

  EXPECT_EQ(Bin::Parse(Synthetic("90126000001")).value().RegistrationYear(), 1990);
  EXPECT_EQ(Bin::Parse(Synthetic("00124000001")).value().RegistrationYear(), 2000);
}

TEST(BinTest, LengthAndDigitErrors) {
  ExpectBinError("", "bin.length");
  ExpectBinError("94014000038", "bin.length");
  ExpectBinError("9401400003855", "bin.length");
  ExpectBinError("94014000038O", "bin.not_digits");
  ExpectBinError("9401400003 5", "bin.not_digits");
}

TEST(BinTest, ChecksumErrors) {
  ExpectBinError("940140000386", "bin.checksum");
  ExpectBinError("961141000024", "bin.checksum");
  ExpectBinError("940140000960", "bin.checksum");  // both passes give 10
  const Result<Bin> bin = Bin::Parse("940140000386");
  ASSERT_FALSE(bin.ok());
  EXPECT_NE(bin.error().message.ru.find("БИН"), std::string::npos);
  EXPECT_NE(bin.error().message.kk.find("БСН"), std::string::npos);
  EXPECT_EQ(bin.error().field, "bin");
}

TEST(BinTest, KindErrors) {
  ExpectBinError("900101300017", "bin.kind");  // an IIN
  ExpectBinError(Synthetic("94013000001"), "bin.kind");
  ExpectBinError(Synthetic("94017000001"), "bin.kind");
}

TEST(BinTest, DivisionErrors) {
  for (char digit : {'4', '5', '9'}) {
    SCOPED_TRACE(digit);
    ExpectBinError(Synthetic(std::string("94014") + digit + "00001"), "bin.division");
  }
}

TEST(BinTest, MonthErrors) {
  ExpectBinError(Synthetic("94004000001"), "bin.month");
  ExpectBinError(Synthetic("94134000001"), "bin.month");
  ExpectBinError(Synthetic("94994000001"), "bin.month");
  EXPECT_TRUE(Bin::Parse(Synthetic("94124000001")).ok());
}

TEST(BinTest, EqualityOrderingHashAndStream) {
  const Bin a = Bin::Parse("940140000385").value();
  const Bin b = Bin::Parse("940140000385 ").value();
  const Bin c = Bin::Parse("070941024691").value();
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_LT(c, a);
  EXPECT_EQ((std::unordered_set<Bin>{a, b, c}.size()), 2u);
  std::ostringstream out;
  out << a;
  EXPECT_EQ(out.str(), "940140000385");
}

}  // namespace
}  // namespace esep::core
