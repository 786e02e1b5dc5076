#include "esep/core/production_calendar.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace esep::core {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::int32_t kMinutesPerDay = 24 * 60;

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    fields.push_back(Trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Hours as written in the data ("8", "7.2", "7.25") to whole minutes; nullopt when the
/// text is not such a number, is above 24 hours, or is not a whole number of minutes
/// ("7.01" would be 420.6 minutes: a typo rather than a schedule).
std::optional<std::int32_t> ParseHoursAsMinutes(std::string_view text) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (!AllDigits(whole) || whole.size() > 2) return std::nullopt;
  if (dot != std::string_view::npos && (!AllDigits(fraction) || fraction.size() > 6)) {
    return std::nullopt;
  }
  std::int64_t minutes = std::stoll(std::string(whole)) * 60;
  if (!fraction.empty()) {
    std::int64_t scale = 1;
    for (std::size_t i = 0; i < fraction.size(); ++i) scale *= 10;
    const std::int64_t fraction_minutes = std::stoll(std::string(fraction)) * 60;
    if (fraction_minutes % scale != 0) return std::nullopt;
    minutes += fraction_minutes / scale;
  }
  if (minutes > kMinutesPerDay) return std::nullopt;
  return static_cast<std::int32_t>(minutes);
}

std::string Quoted(std::string_view text) { return "«" + std::string(text) + "»"; }

Error LineError(std::string code, std::string kk, std::string ru, std::string en,
                std::string_view source_name, std::size_t line, std::string_view details) {
  Error error = MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en),
                          std::string(source_name) + ":" + std::to_string(line));
  error.details = std::string(details);
  return error;
}

Error MissingDateError(Date date) {
  const std::string shown = date.Format(Lang::kRu);
  const std::string year = std::to_string(date.year());
  Error error = MakeError(
      "calendar.missing_date",
      "Өндірістік күнтізбеде " + shown + " күні жоқ (" + year + " жыл жүктелмеген бе?)",
      "В производственном календаре нет даты " + shown + " (не загружен " + year + " год?)",
      "The production calendar has no entry for " + date.ToIso() + " (is " + year + " loaded?)");
  error.details = date.ToIso();
  return error;
}

}  // namespace

std::string_view DayTypeCode(DayType type) {
  switch (type) {
    case DayType::kWork:
      return "work";
    case DayType::kWeekend:
      return "weekend";
    case DayType::kHoliday:
      return "holiday";
    case DayType::kTransfer:
      break;
  }
  return "transfer";
}

std::optional<DayType> ParseDayType(std::string_view code) {
  for (DayType type : {DayType::kWork, DayType::kWeekend, DayType::kHoliday, DayType::kTransfer}) {
    if (DayTypeCode(type) == code) return type;
  }
  return std::nullopt;
}

Result<ProductionCalendar> ProductionCalendar::FromCsv(std::string_view csv_text,
                                                       std::string_view source_name) {
  std::string_view rest = csv_text;
  if (rest.starts_with(kBom)) rest.remove_prefix(kBom.size());

  std::vector<CalendarDay> days;
  // Remembers where each date came from, to point at both lines of a duplicate.
  std::unordered_map<std::int32_t, std::size_t> line_of_date;
  bool header_seen = false;
  std::size_t line_number = 0;
  while (!rest.empty()) {
    const auto newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (Trim(line).empty()) continue;

    const std::vector<std::string_view> fields = SplitFields(line);
    if (!header_seen) {
      if (fields.size() != 3 || fields[0] != "date" || fields[1] != "day_type" ||
          fields[2] != "hours") {
        return LineError("calendar.header", "Бірінші жол «date,day_type,hours» болуы керек",
                         "Первая строка должна быть «date,day_type,hours»",
                         "The first line must be \"date,day_type,hours\"", source_name, line_number,
                         line);
      }
      header_seen = true;
      continue;
    }
    if (fields.size() != 3) {
      return LineError("calendar.columns",
                       "Жолда 3 өріс болуы керек (күні, күн түрі, сағат), бірақ " +
                           std::to_string(fields.size()) + " өріс бар",
                       "В строке должно быть 3 поля (дата, тип дня, часы), а их " +
                           std::to_string(fields.size()),
                       "A line must have 3 fields (date, day type, hours), found " +
                           std::to_string(fields.size()),
                       source_name, line_number, line);
    }

    const Result<Date> date = Date::Parse(fields[0]);
    if (!date) {
      return LineError("calendar.date",
                       "Күні қате " + Quoted(fields[0]) + ": " + date.error().message.kk,
                       "Неверная дата " + Quoted(fields[0]) + ": " + date.error().message.ru,
                       "Bad date \"" + std::string(fields[0]) + "\": " + date.error().message.en,
                       source_name, line_number, fields[0]);
    }
    const std::optional<DayType> type = ParseDayType(fields[1]);
    if (!type) {
      return LineError("calendar.day_type",
                       "Белгісіз күн түрі " + Quoted(fields[1]) +
                           " (work, weekend, holiday немесе transfer керек)",
                       "Неизвестный тип дня " + Quoted(fields[1]) +
                           " (допустимы work, weekend, holiday, transfer)",
                       "Unknown day type \"" + std::string(fields[1]) +
                           "\" (expected work, weekend, holiday or transfer)",
                       source_name, line_number, fields[1]);
    }
    const std::optional<std::int32_t> minutes = ParseHoursAsMinutes(fields[2]);
    if (!minutes) {
      return LineError(
          "calendar.hours",
          "Сағат 0-ден 24-ке дейінгі сан болуы керек (минуттың бүтін саны): " + Quoted(fields[2]),
          "Часы должны быть числом от 0 до 24 (целое число минут): " + Quoted(fields[2]),
          "Hours must be a number from 0 to 24 making whole minutes: \"" + std::string(fields[2]) +
              "\"",
          source_name, line_number, fields[2]);
    }
    if (*type != DayType::kWork && *minutes > 0) {
      return LineError(
          "calendar.hours_on_day_off",
          "Жұмыс емес күнде (" + std::string(fields[1]) + ") жұмыс сағаты болмайды",
          "У нерабочего дня (" + std::string(fields[1]) + ") не может быть рабочих часов",
          "A day off (" + std::string(fields[1]) + ") cannot have working hours", source_name,
          line_number, line);
    }
    if (*type == DayType::kWork && *minutes == 0) {
      return LineError("calendar.no_hours_on_work_day", "Жұмыс күнінде сағат 0-ден көп болуы керек",
                       "У рабочего дня часы должны быть больше 0",
                       "A working day must have more than 0 hours", source_name, line_number, line);
    }
    const auto [previous, inserted] = line_of_date.emplace(date->DaysSinceEpoch(), line_number);
    if (!inserted) {
      const std::string first_line = std::to_string(previous->second);
      return LineError(
          "calendar.duplicate", date->ToIso() + " күні қайталанады (" + first_line + "-жолда бар)",
          "Дата " + date->ToIso() + " повторяется (уже есть в строке " + first_line + ")",
          "Date " + date->ToIso() + " is repeated (already on line " + first_line + ")",
          source_name, line_number, fields[0]);
    }
    days.push_back(CalendarDay{*date, *type, *minutes});
  }

  if (!header_seen || days.empty()) {
    Error error = MakeError("calendar.empty", "Өндірістік күнтізбеде бірде-бір күн жоқ",
                            "В производственном календаре нет ни одного дня",
                            "The production calendar has no days", std::string(source_name));
    return error;
  }
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  return ProductionCalendar(std::move(days));
}

Result<ProductionCalendar> ProductionCalendar::FromDays(std::vector<CalendarDay> days,
                                                        std::string_view source_name) {
  const std::string source(source_name);
  for (const CalendarDay& day : days) {
    const std::string shown = day.date.ToIso();
    Error error;
    if (day.working_minutes < 0 || day.working_minutes > 24 * 60) {
      error = MakeError("calendar.hours", shown + ": жұмыс уақыты 0–24 сағат болуы керек",
                        shown + ": рабочее время должно быть от 0 до 24 ч",
                        shown + ": working time must be 0 to 24 hours", source);
    } else if (day.type != DayType::kWork && day.working_minutes != 0) {
      error =
          MakeError("calendar.hours_on_day_off", shown + ": демалыс күнінде жұмыс сағаттары бар",
                    shown + ": у выходного дня есть рабочие часы",
                    shown + ": a day off has working hours", source);
    } else if (day.type == DayType::kWork && day.working_minutes == 0) {
      error = MakeError("calendar.no_hours_on_work_day", shown + ": жұмыс күнінде сағат жоқ",
                        shown + ": у рабочего дня нет часов",
                        shown + ": a working day has no hours", source);
    } else {
      continue;
    }
    error.details = shown;
    return error;
  }
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  const auto repeated = std::adjacent_find(
      days.begin(), days.end(),
      [](const CalendarDay& a, const CalendarDay& b) { return a.date == b.date; });
  if (repeated != days.end()) {
    const std::string shown = repeated->date.ToIso();
    Error error =
        MakeError("calendar.duplicate", shown + " күні екі рет берілген",
                  "Дата " + shown + " указана дважды", "Date " + shown + " is given twice", source);
    error.details = shown;
    return error;
  }
  return ProductionCalendar(std::move(days));
}

Result<ProductionCalendar> ProductionCalendar::Merge(std::span<const ProductionCalendar> parts) {
  std::vector<CalendarDay> days;
  for (const ProductionCalendar& part : parts) {
    days.insert(days.end(), part.days_.begin(), part.days_.end());
  }
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  const auto repeated = std::adjacent_find(
      days.begin(), days.end(),
      [](const CalendarDay& a, const CalendarDay& b) { return a.date == b.date; });
  if (repeated != days.end()) {
    const std::string shown = repeated->date.ToIso();
    Error error = MakeError("calendar.overlap", shown + " күні бірнеше күнтізбеде бар",
                            "Дата " + shown + " есть в нескольких календарях",
                            "Date " + shown + " is in more than one calendar");
    error.details = shown;
    return error;
  }
  return ProductionCalendar(std::move(days));
}

Result<std::span<const CalendarDay>> ProductionCalendar::Range(Date first, Date last) const {
  if (last < first) {
    Error error = MakeError("calendar.range", "Кезеңнің басы соңынан кейін тұр",
                            "Начало периода позже его конца", "The range starts after it ends");
    error.details = first.ToIso() + ".." + last.ToIso();
    return error;
  }
  const auto by_date = [](const CalendarDay& day, Date date) { return day.date < date; };
  const auto begin = std::lower_bound(days_.begin(), days_.end(), first, by_date);
  const auto end = std::upper_bound(
      begin, days_.end(), last, [](Date date, const CalendarDay& day) { return date < day.date; });
  const auto expected = static_cast<std::ptrdiff_t>(first.DaysUntil(last)) + 1;
  if (end - begin == expected) return std::span<const CalendarDay>(begin, end);

  // Days are sorted and unique, so the first position where the held date differs from
  // the expected one is the first gap.
  Date wanted = first;
  for (auto it = begin; it != end && it->date == wanted; ++it) wanted = wanted.AddDays(1);
  return MissingDateError(wanted);
}

bool ProductionCalendar::Covers(Date date) const { return DayOf(date).ok(); }

bool ProductionCalendar::Covers(const Period& period) const {
  return Range(period.First(), period.Last()).ok();
}

Result<CalendarDay> ProductionCalendar::DayOf(Date date) const {
  const auto it =
      std::lower_bound(days_.begin(), days_.end(), date,
                       [](const CalendarDay& day, Date wanted) { return day.date < wanted; });
  if (it == days_.end() || it->date != date) return MissingDateError(date);
  return *it;
}

Result<DayType> ProductionCalendar::DayTypeOf(Date date) const {
  const Result<CalendarDay> day = DayOf(date);
  if (!day) return day.error();
  return day->type;
}

Result<std::int32_t> ProductionCalendar::CountDays(Date first, Date last, DayType type) const {
  const auto range = Range(first, last);
  if (!range) return range.error();
  return static_cast<std::int32_t>(std::count_if(
      range->begin(), range->end(), [type](const CalendarDay& day) { return day.type == type; }));
}

Result<std::int32_t> ProductionCalendar::WorkingDays(Date first, Date last) const {
  return CountDays(first, last, DayType::kWork);
}

Result<std::int32_t> ProductionCalendar::WorkingDays(const Period& period) const {
  return WorkingDays(period.First(), period.Last());
}

Result<std::int64_t> ProductionCalendar::WorkingMinutes(Date first, Date last) const {
  const auto range = Range(first, last);
  if (!range) return range.error();
  std::int64_t minutes = 0;
  for (const CalendarDay& day : *range) minutes += day.working_minutes;
  return minutes;
}

Result<std::int64_t> ProductionCalendar::WorkingMinutes(const Period& period) const {
  return WorkingMinutes(period.First(), period.Last());
}

Result<double> ProductionCalendar::WorkingHours(const Period& period) const {
  const Result<std::int64_t> minutes = WorkingMinutes(period);
  if (!minutes) return minutes.error();
  return static_cast<double>(*minutes) / 60.0;
}

}  // namespace esep::core
