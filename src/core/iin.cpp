#include "esep/core/iin.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>

namespace esep::core {

namespace {

constexpr std::size_t kLength = 12;

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

int DigitAt(const std::string& digits, std::size_t index) { return digits[index] - '0'; }

/// What the user typed, in characters rather than UTF-8 bytes, for the length message.
std::size_t CountCharacters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  }));
}

/// The names an identifier goes by in each language, and its error-code prefix.
struct IdNames {
  std::string_view code;
  std::string_view kk;
  std::string_view ru;
  std::string_view en;
};

constexpr IdNames kIinNames{"iin", "ЖСН", "ИИН", "IIN"};
constexpr IdNames kBinNames{"bin", "БСН", "БИН", "BIN"};

Error IdError(const IdNames& names, std::string_view suffix, const std::string& kk,
              const std::string& ru, const std::string& en, std::string_view field) {
  return MakeError(std::string(names.code) + "." + std::string(suffix), kk, ru, en,
                   std::string(field));
}

/// The checks IIN and BIN share: 12 digits and a correct check digit. On success the
/// trimmed digits are returned. Details stay empty: an IIN is personal data and errors
/// get logged.
Result<std::string> ParseDigits(std::string_view text, std::string_view field,
                                const IdNames& names) {
  const std::string_view trimmed = Trim(text);
  const std::string kk(names.kk);
  const std::string ru(names.ru);
  const std::string en(names.en);
  // Length is judged in characters, so that twelve characters with a non-ASCII digit among
  // them are reported as "not digits" rather than as a length the user cannot see.
  const std::size_t characters = CountCharacters(trimmed);
  if (characters != kLength) {
    const std::string count = std::to_string(characters);
    Error error = IdError(
        names, "length", kk + " 12 цифрдан тұруы керек (енгізілген таңба саны: " + count + ")",
        ru + " должен состоять из 12 цифр (введено символов: " + count + ")",
        "The " + en + " must have 12 digits (characters entered: " + count + ")", field);
    error.details = count;
    return error;
  }
  if (trimmed.size() != kLength || !AllDigits(trimmed)) {
    return IdError(names, "not_digits", kk + " тек цифрлардан тұруы керек",
                   ru + " должен содержать только цифры", "The " + en + " must contain digits only",
                   field);
  }
  const int check = KzCheckDigit(trimmed.substr(0, kLength - 1));
  if (check < 0) {
    return IdError(names, "checksum", kk + " қате: мұндай алғашқы 11 цифрмен нөмір берілмейді",
                   "Неверный " + ru + ": номера с такими первыми 11 цифрами не выдаются",
                   "Invalid " + en + ": no number is issued with these first 11 digits", field);
  }
  if (check != trimmed.back() - '0') {
    return IdError(names, "checksum",
                   kk + " қате: бақылау разряды сәйкес келмейді (қате терілген болуы мүмкін)",
                   "Неверный " + ru + ": не сходится контрольный разряд (возможно, опечатка)",
                   "Invalid " + en + ": the check digit does not match (probably a typo)", field);
  }
  return std::string(trimmed);
}

}  // namespace

int KzCheckDigit(std::string_view first11) {
  constexpr std::array<int, 11> kFirstWeights = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  constexpr std::array<int, 11> kSecondWeights = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
  if (first11.size() != kFirstWeights.size() || !AllDigits(first11)) return -1;
  auto weighted = [first11](const std::array<int, 11>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += (first11[i] - '0') * weights[i];
    return sum % 11;
  };
  int check = weighted(kFirstWeights);
  if (check == 10) check = weighted(kSecondWeights);
  return check == 10 ? -1 : check;
}

bool LooksLikeBin(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  return trimmed.size() >= 5 && AllDigits(trimmed.substr(0, 5)) && trimmed[4] >= '4' &&
         trimmed[4] <= '6';
}

Result<Iin> Iin::Parse(std::string_view text, std::string_view field, IinRules rules) {
  Result<std::string> digits = ParseDigits(text, field, kIinNames);
  if (!digits) return digits.error();
  const std::string& value = *digits;
  // The check digit passes for BINs too; accepting one here would file an organisation
  // as a person.
  if (LooksLikeBin(value)) {
    return MakeError("iin.is_bin", "Бұл ЖСН емес, БСН (5-ші цифрасы 4, 5 немесе 6)",
                     "Это БИН, а не ИИН (5-я цифра 4, 5 или 6)",
                     "This is a BIN, not an IIN (the 5th digit is 4, 5 or 6)", std::string(field));
  }
  const int century = DigitAt(value, 6);
  const bool century_ok =
      (century >= 1 && century <= 6) || (century == 0 && rules.allow_unknown_century);
  if (!century_ok) {
    return MakeError("iin.century",
                     "ЖСН қате: 7-ші цифра (туған ғасыры мен жынысы) 1-ден 6-ға дейін болуы керек",
                     "Неверный ИИН: 7-я цифра (век рождения и пол) должна быть от 1 до 6",
                     "Invalid IIN: the 7th digit (century of birth and sex) must be 1 to 6",
                     std::string(field));
  }
  return Iin(std::move(digits).value());
}

std::optional<int> Iin::Century() const {
  const int digit = DigitAt(digits_, 6);
  if (digit == 0) return std::nullopt;
  return 19 + (digit - 1) / 2;
}

std::optional<int> Iin::BirthYear() const {
  const std::optional<int> century = Century();
  if (!century) return std::nullopt;
  return (*century - 1) * 100 + DigitAt(digits_, 0) * 10 + DigitAt(digits_, 1);
}

std::optional<Date> Iin::BirthDate() const {
  const std::optional<int> year = BirthYear();
  if (!year) return std::nullopt;
  const auto month = static_cast<unsigned>(DigitAt(digits_, 2) * 10 + DigitAt(digits_, 3));
  const auto day = static_cast<unsigned>(DigitAt(digits_, 4) * 10 + DigitAt(digits_, 5));
  const Result<Date> date = Date::FromYmd(*year, month, day);
  if (!date) return std::nullopt;
  return *date;
}

std::optional<Sex> Iin::Sex() const {
  const int digit = DigitAt(digits_, 6);
  if (digit == 0) return std::nullopt;
  return digit % 2 == 1 ? Sex::kMale : Sex::kFemale;
}

std::string Iin::Mask() const {
  return digits_.substr(0, 2) + std::string(kLength - 4, '*') + digits_.substr(kLength - 2);
}

Result<Bin> Bin::Parse(std::string_view text, std::string_view field) {
  Result<std::string> digits = ParseDigits(text, field, kBinNames);
  if (!digits) return digits.error();
  const std::string& value = *digits;
  if (!LooksLikeBin(value)) {
    return MakeError("bin.kind",
                     "БСН қате: 5-ші цифра (түрі) 4, 5 немесе 6 болуы керек (бұл ЖСН емес пе?)",
                     "Неверный БИН: 5-я цифра (тип) должна быть 4, 5 или 6 (может быть, это ИИН?)",
                     "Invalid BIN: the 5th digit (kind) must be 4, 5 or 6 (is this an IIN?)",
                     std::string(field));
  }
  if (DigitAt(value, 5) > 3) {
    return MakeError("bin.division",
                     "БСН қате: 6-шы цифра (бөлімше белгісі) 0-ден 3-ке дейін болуы керек",
                     "Неверный БИН: 6-я цифра (признак подразделения) должна быть от 0 до 3",
                     "Invalid BIN: the 6th digit (division) must be 0 to 3", std::string(field));
  }
  const int month = DigitAt(value, 2) * 10 + DigitAt(value, 3);
  if (month < 1 || month > 12) {
    return MakeError(
        "bin.month", "БСН қате: тіркелген айы (3–4-ші цифрлар) 01-ден 12-ге дейін болуы керек",
        "Неверный БИН: месяц регистрации (3–4-я цифры) должен быть от 01 до 12",
        "Invalid BIN: the registration month (digits 3–4) must be 01 to 12", std::string(field));
  }
  return Bin(std::move(digits).value());
}

int Bin::RegistrationYear() const {
  const int two_digits = DigitAt(digits_, 0) * 10 + DigitAt(digits_, 1);
  return two_digits >= 90 ? 1900 + two_digits : 2000 + two_digits;
}

unsigned Bin::RegistrationMonth() const {
  return static_cast<unsigned>(DigitAt(digits_, 2) * 10 + DigitAt(digits_, 3));
}

BinKind Bin::Kind() const {
  switch (DigitAt(digits_, 4)) {
    case 4:
      return BinKind::kResidentLegalEntity;
    case 5:
      return BinKind::kNonResidentLegalEntity;
    default:
      break;
  }
  return BinKind::kJointIndividualEntrepreneur;
}

BinDivision Bin::Division() const {
  switch (DigitAt(digits_, 5)) {
    case 0:
      return BinDivision::kHeadOffice;
    case 1:
      return BinDivision::kBranch;
    case 2:
      return BinDivision::kRepresentativeOffice;
    default:
      break;
  }
  return BinDivision::kPeasantFarm;
}

std::ostream& operator<<(std::ostream& out, const Iin& iin) { return out << iin.Mask(); }

std::ostream& operator<<(std::ostream& out, const Bin& bin) { return out << bin.str(); }

}  // namespace esep::core
