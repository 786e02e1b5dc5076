#include "esep/core/period.hpp"

#include <ostream>
#include <string>

namespace esep::core {

namespace {

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool ParseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

Error OutOfRangeError(std::string_view field, int year) {
  const std::string min = std::to_string(Date::kMinYear);
  const std::string max = std::to_string(Date::kMaxYear);
  Error error = MakeError(
      "period.out_of_range", "Кезең жылы " + min + "-ден " + max + "-ға дейін болуы керек",
      "Год периода должен быть от " + min + " до " + max,
      "The period's year must be between " + min + " and " + max, std::string(field));
  error.details = std::to_string(year);
  return error;
}

bool YearInRange(int year) { return year >= Date::kMinYear && year <= Date::kMaxYear; }

std::string TwoDigits(unsigned value) {
  std::string text = std::to_string(value);
  return value < 10 ? "0" + text : text;
}

std::string FourDigits(int value) {
  std::string text = std::to_string(value);
  while (text.size() < 4) text.insert(text.begin(), '0');
  return text;
}

}  // namespace

Result<Period> Period::Month(int year, unsigned month, std::string_view field) {
  if (month < 1 || month > 12) {
    Error error =
        MakeError("period.month", "Ай 1-ден 12-ге дейін болуы керек",
                  "Месяц должен быть от 1 до 12", "The month must be 1 to 12", std::string(field));
    error.details = std::to_string(month);
    return error;
  }
  if (!YearInRange(year)) return OutOfRangeError(field, year);
  return Period(PeriodKind::kMonth, year, month);
}

Result<Period> Period::Quarter(int year, unsigned quarter, std::string_view field) {
  if (quarter < 1 || quarter > 4) {
    Error error = MakeError("period.quarter", "Тоқсан 1-ден 4-ке дейін болуы керек",
                            "Квартал должен быть от 1 до 4", "The quarter must be 1 to 4",
                            std::string(field));
    error.details = std::to_string(quarter);
    return error;
  }
  if (!YearInRange(year)) return OutOfRangeError(field, year);
  return Period(PeriodKind::kQuarter, year, (quarter - 1) * 3 + 1);
}

Result<Period> Period::Year(int year, std::string_view field) {
  if (!YearInRange(year)) return OutOfRangeError(field, year);
  return Period(PeriodKind::kYear, year, 1);
}

Period Period::MonthOf(Date date) { return Period(PeriodKind::kMonth, date.year(), date.month()); }

Period Period::QuarterOf(Date date) {
  return Period(PeriodKind::kQuarter, date.year(), (date.month() - 1) / 3 * 3 + 1);
}

Period Period::YearOf(Date date) { return Period(PeriodKind::kYear, date.year(), 1); }

Result<Period> Period::Parse(std::string_view text, std::string_view field) {
  const std::string_view trimmed = Trim(text);
  auto format_error = [&] {
    Error error =
        MakeError("period.format",
                  "Кезең ЖЖЖЖ-АА (ай), ЖЖЖЖ-Qn (тоқсан) немесе ЖЖЖЖ (жыл) түрінде болуы керек",
                  "Период должен быть в виде ГГГГ-ММ (месяц), ГГГГ-Qn (квартал) или ГГГГ (год)",
                  "A period must be written as YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year)",
                  std::string(field));
    error.details = std::string(text);
    return error;
  };
  int year = 0;
  if (trimmed.size() < 4 || !ParseDigits(trimmed.substr(0, 4), year)) return format_error();
  if (trimmed.size() == 4) return Year(year, field);
  if (trimmed[4] != '-') return format_error();
  const std::string_view rest = trimmed.substr(5);
  int number = 0;
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    if (!ParseDigits(rest.substr(1), number)) return format_error();
    return Quarter(year, static_cast<unsigned>(number), field);
  }
  if (rest.size() != 2 || !ParseDigits(rest, number)) return format_error();
  return Month(year, static_cast<unsigned>(number), field);
}

unsigned Period::number() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return first_month_;
    case PeriodKind::kQuarter:
      return (first_month_ - 1) / 3 + 1;
    case PeriodKind::kYear:
      break;
  }
  return 1;
}

unsigned Period::MonthCount() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return 1;
    case PeriodKind::kQuarter:
      return 3;
    case PeriodKind::kYear:
      break;
  }
  return 12;
}

Date Period::First() const { return Date::FromYmd(year_, first_month_, 1).value(); }

Date Period::Last() const {
  const unsigned last_month = first_month_ + MonthCount() - 1;
  return Date::FromYmd(year_, last_month, Date::DaysInMonth(year_, last_month)).value();
}

Period Period::Shifted(int steps) const {
  // Counting in months from year 0 makes year boundaries fall out of the arithmetic.
  const long long month_index = static_cast<long long>(year_) * 12 + first_month_ - 1 +
                                static_cast<long long>(steps) * MonthCount();
  const long long year = month_index / 12;
  if (month_index < 0 || year < Date::kMinYear || year > Date::kMaxYear) {
    throw ErrorException(OutOfRangeError("period", static_cast<int>(year)));
  }
  return Period(kind_, static_cast<int>(year), static_cast<unsigned>(month_index % 12) + 1);
}

Period Period::Next() const { return Shifted(1); }

Period Period::Prev() const { return Shifted(-1); }

std::vector<Period> Period::Months() const {
  std::vector<Period> months;
  months.reserve(MonthCount());
  for (unsigned month = first_month_; month < first_month_ + MonthCount(); ++month) {
    months.push_back(Period(PeriodKind::kMonth, year_, month));
  }
  return months;
}

std::string Period::ToString() const {
  switch (kind_) {
    case PeriodKind::kMonth:
      return FourDigits(year_) + "-" + TwoDigits(first_month_);
    case PeriodKind::kQuarter:
      return FourDigits(year_) + "-Q" + std::to_string(number());
    case PeriodKind::kYear:
      break;
  }
  return FourDigits(year_);
}

std::string Period::Name(Lang lang) const {
  std::string year = FourDigits(year_);
  const std::string quarter = std::to_string(number());
  switch (kind_) {
    case PeriodKind::kMonth:
      return std::string(MonthName(first_month_, lang)) + " " + year;
    case PeriodKind::kQuarter:
      switch (lang) {
        case Lang::kKk:
          return year + " жылғы " + quarter + "-тоқсан";
        case Lang::kRu:
          return quarter + " квартал " + year;
        case Lang::kEn:
          break;
      }
      return "Q" + quarter + " " + year;
    case PeriodKind::kYear:
      break;
  }
  switch (lang) {
    case Lang::kKk:
      return year + " жыл";
    case Lang::kRu:
      return year + " год";
    case Lang::kEn:
      break;
  }
  return year;
}

std::strong_ordering operator<=>(const Period& a, const Period& b) {
  if (const auto by_year = a.year_ <=> b.year_; std::is_neq(by_year)) return by_year;
  if (const auto by_month = a.first_month_ <=> b.first_month_; std::is_neq(by_month)) {
    return by_month;
  }
  return a.MonthCount() <=> b.MonthCount();
}

std::ostream& operator<<(std::ostream& out, const Period& period) {
  return out << period.ToString();
}

}  // namespace esep::core
