// Parsing a list request: paging, the sort, the filters and the quick search, each checked
// against the list's definition, so that the SQL builder only ever sees known columns and
// values already in the form PostgreSQL reads for the column's kind.
#include "esep/platform/list_query.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "esep/core/date.hpp"
#include "esep/core/error.hpp"

namespace esep::platform {
namespace {

core::Error BadPaging(const std::string& field) {
  return core::MakeError("http.bad_paging", field + " параметрі қате (limit 1–1000, offset ≥ 0)",
                         "Неверный параметр " + field + " (limit 1–1000, offset ≥ 0)",
                         "Bad " + field + " (limit 1–1000, offset >= 0)", field);
}

core::Error BadSort(const std::string& item) {
  return core::MakeError("list.bad_sort", "Бұл баған бойынша сұрыптау мүмкін емес: " + item,
                         "Сортировка по этому столбцу невозможна: " + item,
                         "Cannot sort by this column: " + item, "sort");
}

core::Error BadFilter(const std::string& code, const std::string& why_kk, const std::string& why_ru,
                      const std::string& why_en) {
  return core::MakeError("list.bad_filter", "Сүзгі қате (" + code + "): " + why_kk,
                         "Неверный фильтр (" + code + "): " + why_ru,
                         "Bad filter (" + code + "): " + why_en, "f." + code);
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A non-negative decimal of at most 18 digits (fits int64).
std::optional<std::int64_t> Decimal(std::string_view text) {
  if (!AllDigits(text) || text.size() > 18) return std::nullopt;
  return std::stoll(std::string(text));
}

bool IsInteger(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return AllDigits(text) && text.size() <= 18;
}

// "HH:MM[:SS[.ffffff]]" followed by nothing, "Z" or "±HH:MM".
bool IsTimeOfDay(std::string_view text) {
  const auto two = [&text](std::size_t at, int max) {
    if (text.size() < at + 2 || !AllDigits(text.substr(at, 2))) return false;
    return std::stoi(std::string(text.substr(at, 2))) <= max;
  };
  if (!two(0, 23) || text.size() < 5 || text[2] != ':' || !two(3, 59)) return false;
  std::size_t at = 5;
  if (at < text.size() && text[at] == ':') {
    if (!two(at + 1, 59)) return false;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      std::size_t digits = 0;
      while (++at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++digits;
      if (digits == 0 || digits > 6) return false;
    }
  }
  const std::string_view zone = text.substr(at);
  if (zone.empty() || zone == "Z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && AllDigits(zone.substr(1, 2)) &&
         zone[3] == ':' && AllDigits(zone.substr(4, 2));
}

// The value as the column's kind expects it, or an error naming the filter.
core::Result<ListFilter> CheckValue(const ListColumn& column, ListFilter filter) {
  std::string& value = filter.value;
  const std::string& code = column.code;
  switch (column.kind) {
    case ColumnKind::kInt:
    case ColumnKind::kMoney:
      if (!IsInteger(value))
        return BadFilter(code, "бүтін сан керек", "нужно целое число", "an integer is expected");
      return filter;
    case ColumnKind::kBool:
      if (value != "true" && value != "false") {
        return BadFilter(code, "true немесе false керек", "нужно true или false",
                         "true or false is expected");
      }
      return filter;
    case ColumnKind::kDate:
    case ColumnKind::kDateTime: {
      const std::size_t split = value.find_first_of("T ");
      const std::string date_text = value.substr(0, split);
      const std::string time_text = split == std::string::npos ? "" : value.substr(split + 1);
      auto date = core::Date::Parse(date_text, "f." + code);
      const bool time_ok = split == std::string::npos ||
                           (column.kind == ColumnKind::kDateTime && IsTimeOfDay(time_text));
      if (!date || !time_ok) {
        return BadFilter(code, "күн ЖЖЖЖ-АА-КК (немесе уақытымен ISO 8601) керек",
                         "нужна дата ГГГГ-ММ-ДД (или ISO 8601 со временем)",
                         "a date YYYY-MM-DD (or ISO 8601 with a time) is expected");
      }
      if (split == std::string::npos) {
        // A bare date: for a datetime column the whole day (UTC) is meant.
        filter.whole_day = column.kind == ColumnKind::kDateTime;
        value = date->ToIso();
        return filter;
      }
      value = date->ToIso() + "T" + time_text;
      if (time_text.find_first_of("Z+-") == std::string::npos) value += "Z";  // UTC when unsaid
      return filter;
    }
    case ColumnKind::kText:
      return filter;
  }
  return filter;
}

core::Status AddFilter(const ListDefinition& list, const std::string& name,
                       const std::string& value, ListRequest& request) {
  const std::string rest = name.substr(2);
  const std::size_t dot = rest.find('.');
  const std::string code = rest.substr(0, dot);
  const std::string suffix = dot == std::string::npos ? "" : rest.substr(dot + 1);
  const ListColumn* column = list.Column(code);
  if (column == nullptr) {
    return BadFilter(code, "мұндай баған жоқ", "нет такого столбца", "no such column");
  }
  if (column->filter == FilterKind::kNone) {
    return BadFilter(code, "бұл баған бойынша сүзу мүмкін емес",
                     "по этому столбцу фильтровать нельзя", "this column cannot be filtered");
  }
  const bool range = column->filter == FilterKind::kRange;
  if (range != (suffix == "from" || suffix == "to") || (!range && !suffix.empty())) {
    return BadFilter(code, range ? "тек .from және .to" : ".from/.to тек аралық бағандарға",
                     range ? "только .from и .to" : ".from/.to только для диапазонов",
                     range ? "only .from and .to" : ".from/.to are for range columns only");
  }
  if (value.empty()) return core::Status::Ok();  // a cleared filter field
  ListFilter filter;
  filter.column = column;
  filter.value = value;
  if (range) {
    filter.op = suffix == "from" ? ListFilter::Op::kFrom : ListFilter::Op::kTo;
  } else {
    filter.op =
        column->filter == FilterKind::kText ? ListFilter::Op::kContains : ListFilter::Op::kEq;
  }
  if (filter.op == ListFilter::Op::kContains) {
    request.filters.push_back(std::move(filter));
    return core::Status::Ok();
  }
  auto checked = CheckValue(*column, std::move(filter));
  if (!checked) return checked.error();
  request.filters.push_back(std::move(checked).value());
  return core::Status::Ok();
}

core::Status ParseSort(const ListDefinition& list, const std::string& text, ListRequest& request) {
  std::size_t start = 0;
  bool has_key = false;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    start = end + 1;
    const bool descending = !item.empty() && item.front() == '-';
    const std::string code = descending ? item.substr(1) : item;
    const ListColumn* column = list.Column(code);
    if (column == nullptr || !column->sortable) return BadSort(item);
    for (const auto& key : request.sort) {
      if (key.column == column) return BadSort(item);
    }
    has_key = has_key || code == list.key;
    request.sort.push_back(ListSortKey{column, descending});
  }
  // The unique key last: equal values keep one order from page to page.
  if (!has_key) request.sort.push_back(ListSortKey{list.Column(list.key), false});
  return core::Status::Ok();
}

}  // namespace

core::Result<ListRequest> ParseListRequest(
    const ListDefinition& list, const std::vector<std::pair<std::string, std::string>>& params) {
  ListRequest request;
  std::string sort = list.default_sort;
  for (const auto& [name, value] : params) {
    if (name == "offset") {
      const auto offset = Decimal(value);
      if (!offset) return BadPaging("offset");
      request.offset = *offset;
    } else if (name == "limit") {
      const auto limit = value.size() <= 4 ? Decimal(value) : std::nullopt;
      if (!limit || *limit < 1 || *limit > kMaxListPageSize) return BadPaging("limit");
      request.limit = static_cast<int>(*limit);
    } else if (name == "sort") {
      if (!value.empty()) sort = value;
    } else if (name == "total") {
      if (value != "0" && value != "1") return BadPaging("total");
      request.count_total = value == "1";
    } else if (name == "q") {
      request.search = std::string(core::TrimSpaces(value));
    } else if (name.rfind("f.", 0) == 0) {
      if (auto added = AddFilter(list, name, value, request); !added) return added.error();
    }
  }
  if (auto sorted = ParseSort(list, sort, request); !sorted) return sorted.error();
  return request;
}

}  // namespace esep::platform
