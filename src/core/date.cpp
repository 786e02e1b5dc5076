#include "esep/core/date.hpp"

#include <chrono>
#include <ctime>
#include <ostream>
#include <string>

namespace esep::core {

namespace {

constexpr std::string_view kMonthsRu[] = {"Январь",   "Февраль", "Март",   "Апрель",
                                          "Май",      "Июнь",    "Июль",   "Август",
                                          "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
constexpr std::string_view kMonthsRuGenitive[] = {"января",   "февраля", "марта",  "апреля",
                                                  "мая",      "июня",    "июля",   "августа",
                                                  "сентября", "октября", "ноября", "декабря"};
constexpr std::string_view kMonthsKk[] = {"Қаңтар",   "Ақпан",  "Наурыз", "Сәуір",
                                          "Мамыр",    "Маусым", "Шілде",  "Тамыз",
                                          "Қыркүйек", "Қазан",  "Қараша", "Желтоқсан"};
// Kazakh month names are common nouns: lower case inside a sentence ("15 наурыз").
constexpr std::string_view kMonthsKkLower[] = {"қаңтар",   "ақпан",  "наурыз", "сәуір",
                                               "мамыр",    "маусым", "шілде",  "тамыз",
                                               "қыркүйек", "қазан",  "қараша", "желтоқсан"};
constexpr std::string_view kMonthsEn[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

/// Reads a run of 1..9 digits (no sign); false when `text` is empty or not all digits.
bool ParseNumber(std::string_view text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

std::string TwoDigits(unsigned value) {
  std::string text = std::to_string(value);
  return value < 10 ? "0" + text : text;
}

std::string FourDigits(int value) {
  std::string text = std::to_string(value);
  while (text.size() < 4) text.insert(text.begin(), '0');
  return text;
}

Error FormatError(std::string_view text, std::string_view field) {
  Error error = MakeError("date.format", "Күні КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК форматында болуы керек",
                          "Дата должна быть в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
                          "A date must be written as DD.MM.YYYY or YYYY-MM-DD", std::string(field));
  error.details = std::string(text);
  return error;
}

Error OutOfRangeError(std::string_view field, std::string details) {
  Error error = MakeError("date.out_of_range",
                          "Жыл " + std::to_string(Date::kMinYear) + "-ден " +
                              std::to_string(Date::kMaxYear) + "-ға дейін болуы керек",
                          "Год должен быть от " + std::to_string(Date::kMinYear) + " до " +
                              std::to_string(Date::kMaxYear),
                          "The year must be between " + std::to_string(Date::kMinYear) + " and " +
                              std::to_string(Date::kMaxYear),
                          std::string(field));
  error.details = std::move(details);
  return error;
}

constexpr std::int32_t SerialOf(int year, unsigned month, unsigned day) {
  const std::chrono::sys_days days{std::chrono::year{year} / std::chrono::month{month} /
                                   std::chrono::day{day}};
  return static_cast<std::int32_t>(days.time_since_epoch().count());
}

constexpr std::int32_t kMinSerial = SerialOf(Date::kMinYear, 1, 1);
constexpr std::int32_t kMaxSerial = SerialOf(Date::kMaxYear, 12, 31);

}  // namespace

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day, std::string_view field) {
  const std::string shown = TwoDigits(day) + "." + TwoDigits(month) + "." + FourDigits(year);
  if (year < kMinYear || year > kMaxYear) return OutOfRangeError(field, shown);
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    Error error = MakeError("date.invalid", "Күнтізбеде мұндай күн жоқ: " + shown,
                            "Такой даты нет в календаре: " + shown, "No such date: " + shown,
                            std::string(field));
    error.details = shown;
    return error;
  }
  return FromValidYmd(year, month, day);
}

Result<Date> Date::Parse(std::string_view text, std::string_view field) {
  const std::string_view trimmed = Trim(text);
  int year = 0;
  int month = 0;
  int day = 0;
  // ISO is strict (the machine form); the dotted form allows one-digit day and month
  // because that is how people type it.
  if (trimmed.size() == 10 && trimmed[4] == '-' && trimmed[7] == '-') {
    if (ParseNumber(trimmed.substr(0, 4), year) && ParseNumber(trimmed.substr(5, 2), month) &&
        ParseNumber(trimmed.substr(8, 2), day)) {
      return FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day), field);
    }
    return FormatError(text, field);
  }
  const auto dot1 = trimmed.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : trimmed.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) return FormatError(text, field);
  const std::string_view day_text = trimmed.substr(0, dot1);
  const std::string_view month_text = trimmed.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view year_text = trimmed.substr(dot2 + 1);
  if (day_text.size() > 2 || month_text.size() > 2 || year_text.size() != 4 ||
      !ParseNumber(day_text, day) || !ParseNumber(month_text, month) ||
      !ParseNumber(year_text, year)) {
    return FormatError(text, field);
  }
  return FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day), field);
}

Result<Date> Date::FromDaysSinceEpoch(std::int32_t days, std::string_view field) {
  if (days < kMinSerial || days > kMaxSerial) {
    return OutOfRangeError(field, std::to_string(days));
  }
  return FromValidSerial(days);
}

Date Date::Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return FromValidYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                      static_cast<unsigned>(local.tm_mday));
}

Date Date::FromValidYmd(int year, unsigned month, unsigned day) {
  return Date(SerialOf(year, month, day), year, month, day);
}

Date Date::FromValidSerial(std::int32_t serial) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{serial}}};
  return Date(serial, static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
              static_cast<unsigned>(ymd.day()));
}

unsigned Date::Weekday() const {
  return std::chrono::weekday{std::chrono::sys_days{std::chrono::days{serial_}}}.iso_encoding();
}

Date Date::AddDays(std::int32_t days) const {
  const std::int64_t target = std::int64_t{serial_} + days;
  if (target < kMinSerial || target > kMaxSerial) {
    throw ErrorException(OutOfRangeError("date", ToIso() + " + " + std::to_string(days)));
  }
  return FromValidSerial(static_cast<std::int32_t>(target));
}

std::string Date::ToIso() const {
  return FourDigits(year_) + "-" + TwoDigits(month_) + "-" + TwoDigits(day_);
}

std::string Date::Format(Lang /*lang*/) const {
  return TwoDigits(day_) + "." + TwoDigits(month_) + "." + FourDigits(year_);
}

std::string Date::FormatLong(Lang lang) const {
  const std::size_t index = month_ - 1u;
  switch (lang) {
    case Lang::kKk:
      return FourDigits(year_) + " жылғы " + std::to_string(day_) + " " +
             std::string(kMonthsKkLower[index]);
    case Lang::kRu:
      return std::to_string(day_) + " " + std::string(kMonthsRuGenitive[index]) + " " +
             FourDigits(year_) + " г.";
    case Lang::kEn:
      break;
  }
  return std::to_string(day_) + " " + std::string(kMonthsEn[index]) + " " + FourDigits(year_);
}

std::string_view MonthName(unsigned month, Lang lang) {
  if (month < 1 || month > 12) return {};
  const std::size_t index = month - 1;
  switch (lang) {
    case Lang::kKk:
      return kMonthsKk[index];
    case Lang::kRu:
      return kMonthsRu[index];
    case Lang::kEn:
      break;
  }
  return kMonthsEn[index];
}

std::ostream& operator<<(std::ostream& out, Date date) { return out << date.ToIso(); }

}  // namespace esep::core
