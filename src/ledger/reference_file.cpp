#include "esep/ledger/reference_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "esep/core/text.hpp"
#include "esep/ledger/dimensions.hpp"

namespace esep::ledger {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNotes = "notes";

const std::vector<std::string> kAccountColumns{
    "code", "name_kk", "name_ru", "section", "kind", "balance", "postable", "dimensions", "source"};
const std::vector<std::string> kCodeColumns{"code",    "parent_code", "level", "postable",
                                            "name_kk", "name_ru",     "source"};
const std::vector<std::string> kOrderColumns{"number", "name_kk", "name_ru", "form", "source"};
const std::vector<std::string> kRuleColumns{"debit_prefix", "credit_prefix", "priority",
                                            "order_number", "source"};

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Codes as dotted digit groups: Shaped("04.2.464", {2, 1, 3}).
bool Shaped(std::string_view code, std::initializer_list<std::size_t> widths) {
  std::size_t position = 0;
  std::size_t index = 0;
  for (std::size_t width : widths) {
    if (index++ > 0) {
      if (position >= code.size() || code[position] != '.') return false;
      ++position;
    }
    if (position + width > code.size() || !AllDigits(code.substr(position, width))) return false;
    position += width;
  }
  return position == code.size();
}

// An integer in [min, max] written in digits (a leading minus allowed when min < 0).
std::optional<long> Integer(std::string_view text, long min, long max) {
  const bool negative = !text.empty() && text.front() == '-' && min < 0;
  const std::string_view digits = negative ? text.substr(1) : text;
  if (!AllDigits(digits) || digits.size() > 6) return std::nullopt;
  const long value = (negative ? -1 : 1) * std::stol(std::string(digits));
  if (value < min || value > max) return std::nullopt;
  return value;
}

// Splits one CSV line (RFC 4180 quoting, one record per line); nullopt on a broken quote.
std::optional<std::vector<std::string>> SplitCsv(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    std::string field;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field += line[i++];
      }
      if (!closed) return std::nullopt;
      while (i < line.size() && line[i] == ' ') ++i;
      if (i < line.size() && line[i] != ',') return std::nullopt;
    } else {
      const std::size_t comma = line.find(',', i);
      const std::string_view raw =
          line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
      if (raw.find('"') != std::string_view::npos) return std::nullopt;
      field = std::string(core::TrimSpaces(raw));
      i = comma == std::string_view::npos ? line.size() : comma;
    }
    fields.push_back(std::string(core::TrimSpaces(field)));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

// The line of an error's field "FILE:LINE COLUMN", to report errors in file order.
std::size_t LineOf(const core::Error& error) {
  const auto colon = error.field.rfind(':');
  if (colon == std::string::npos) return 0;
  const auto space = error.field.find(' ', colon);
  const std::string number = error.field.substr(
      colon + 1, space == std::string::npos ? std::string::npos : space - colon - 1);
  return AllDigits(number) && number.size() < 10 ? std::stoul(number) : 0;
}

// The levels a code kind may have, from the top, and which of them may be postable.
struct LevelRule {
  std::string_view level;
  bool (*shaped)(std::string_view code);
  bool may_post;
};

const std::vector<LevelRule>& LevelsOf(ReferenceKind kind) {
  static const std::vector<LevelRule> kFunctional{
      {"group", [](std::string_view c) { return Shaped(c, {2}); }, false},
      {"subgroup",
       [](std::string_view c) {
         return Shaped(c, {2, 1});
       },
       false},
      {"abp",
       [](std::string_view c) {
         return Shaped(c, {2, 1, 3});
       },
       false},
      {"program",
       [](std::string_view c) {
         return Shaped(c, {2, 1, 3, 3});
       },
       true},
      {"subprogram",
       [](std::string_view c) {
         return Shaped(c, {2, 1, 3, 3, 3});
       },
       true}};
  static const std::vector<LevelRule> kEconomic{
      {"category", [](std::string_view c) { return Shaped(c, {1}); }, false},
      {"class",
       [](std::string_view c) {
         return Shaped(c, {1, 1});
       },
       false},
      {"subclass", [](std::string_view c) { return Shaped(c, {3}); }, false},
      {"specific", [](std::string_view c) { return Shaped(c, {3}); }, true}};
  // Subclasses may be postable while the official list of 6-digit specifics is not loaded.
  static const std::vector<LevelRule> kIncome{
      {"category", [](std::string_view c) { return Shaped(c, {1}); }, false},
      {"class",
       [](std::string_view c) {
         return Shaped(c, {1, 2});
       },
       false},
      {"subclass",
       [](std::string_view c) {
         return Shaped(c, {1, 2, 1});
       },
       true},
      {"specific", [](std::string_view c) { return Shaped(c, {6}); }, true}};
  static const std::vector<LevelRule> kSources{
      {"source",
       [](std::string_view c) {
         return !c.empty() && c.size() <= 10 && std::all_of(c.begin(), c.end(), [](char ch) {
           return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || ch == '-' || ch == '.';
         });
       },
       true}};
  static const std::vector<LevelRule> kNone;
  switch (kind) {
    case ReferenceKind::kFunctional:
      return kFunctional;
    case ReferenceKind::kEconomic:
      return kEconomic;
    case ReferenceKind::kIncome:
      return kIncome;
    case ReferenceKind::kSources:
      return kSources;
    default:
      return kNone;
  }
}

// The parent a code must have when its level fixes it ("04.2.464" → "04.2"; income specific
// "101101" → "1.01.1"); nullopt when the file says (economic specifics, sources).
std::optional<std::string> DerivedParent(ReferenceKind kind, std::string_view level,
                                         std::string_view code) {
  if (kind == ReferenceKind::kIncome && level == "specific") {
    return std::string(code.substr(0, 1)) + "." + std::string(code.substr(1, 2)) + "." +
           std::string(code.substr(3, 1));
  }
  const bool dotted = kind == ReferenceKind::kFunctional || kind == ReferenceKind::kIncome ||
                      (kind == ReferenceKind::kEconomic && level == "class");
  if (!dotted) return std::nullopt;
  const auto dot = code.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(code.substr(0, dot));
}

class Checker {
 public:
  Checker(ReferenceKind kind, std::string_view file_name) : kind_(kind), file_name_(file_name) {}

  void Header(const std::vector<std::string>& header, std::size_t line) {
    const std::vector<std::string>& columns = ReferenceColumns(kind_);
    position_.assign(columns.size(), -1);
    for (std::size_t i = 0; i < header.size(); ++i) {
      const auto known = std::find(columns.begin(), columns.end(), header[i]);
      if (known != columns.end()) {
        const auto index = static_cast<std::size_t>(known - columns.begin());
        if (position_[index] >= 0) {
          Bad("reference.duplicate_column", line, header[i], header[i], "Баған екі рет жазылған",
              "Столбец указан дважды", "The column is given twice");
        }
        position_[index] = static_cast<int>(i);
      } else if (header[i] != kNotes) {
        Bad("reference.unknown_column", line, header[i], header[i], "Белгісіз баған",
            "Неизвестный столбец", "Unknown column");
      }
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (position_[c] < 0) {
        Bad("reference.missing_column", line, columns[c], "", "Міндетті баған жоқ",
            "Нет обязательного столбца", "A required column is missing");
      }
    }
    width_ = header.size();
  }
  bool HeaderOk() const { return result_.errors.empty(); }

  void Row(const std::vector<std::string>& fields, std::size_t line) {
    if (fields.size() != width_) {
      Bad("reference.columns", line, "", std::to_string(fields.size()),
          "Жолдағы өрістер саны тақырыптағыдан өзгеше",
          "Число полей в строке не совпадает с заголовком",
          "The number of fields differs from the header");
      return;
    }
    ReferenceRow row;
    row.line = line;
    for (int position : position_) row.values.push_back(fields[static_cast<std::size_t>(position)]);
    const std::size_t errors_before = result_.errors.size();
    switch (kind_) {
      case ReferenceKind::kAccounts:
        CheckAccount(row);
        break;
      case ReferenceKind::kMemorialOrders:
        CheckOrder(row);
        break;
      case ReferenceKind::kMemorialOrderRules:
        CheckRule(row);
        break;
      default:
        CheckCode(row);
        break;
    }
    // Rows with errors still count as present for their children and as parents, so that
    // one mistake is reported once and the checks between rows still run.
    if (kind_ != ReferenceKind::kAccounts && kind_ != ReferenceKind::kMemorialOrders &&
        kind_ != ReferenceKind::kMemorialOrderRules) {
      level_of_.emplace(row.key, row.values[2]);
      if (!row.values[1].empty()) parents_.insert(row.values[1]);
    }
    if (result_.errors.size() != errors_before) return;
    if (auto [it, inserted] = line_of_key_.emplace(row.key, line); !inserted) {
      Bad("reference.duplicate", line, ReferenceColumns(kind_)[0], row.key,
          "Код файлда қайталанады (" + std::to_string(it->second) + "-жол)",
          "Код повторяется в файле (строка " + std::to_string(it->second) + ")",
          "The code is repeated in the file (line " + std::to_string(it->second) + ")");
      return;
    }
    result_.rows.push_back(std::move(row));
  }

  // Checks between rows: parents present, no postable code above another.
  ParsedReference Finish() {
    if (kind_ == ReferenceKind::kAccounts || kind_ == ReferenceKind::kMemorialOrders ||
        kind_ == ReferenceKind::kMemorialOrderRules) {
      return std::move(result_);
    }
    for (const ReferenceRow& row : result_.rows) {
      const std::string& parent = row.values[1];
      if (parent.empty()) continue;
      const auto found = level_of_.find(parent);
      if (found == level_of_.end()) {
        Bad("reference.parent_missing", row.line, "parent_code", parent,
            "Жоғары тұрған код файлда жоқ (файл бүкіл редакцияны береді)",
            "Вышестоящего кода нет в файле (файл задаёт всю редакцию)",
            "The parent code is not in the file (a file is a whole edition)");
      } else if (LevelIndex(found->second) >= LevelIndex(row.values[2])) {
        Bad("reference.parent_level", row.line, "parent_code", parent,
            "Жоғары тұрған кодтың деңгейі төмен емес", "Вышестоящий код не выше по уровню",
            "The parent is not on a higher level");
      }
    }
    for (const ReferenceRow& row : result_.rows) {
      if (row.values[3] == "true" && parents_.count(row.key) > 0) {
        Bad("reference.postable_parent", row.line, "postable", row.values[3],
            "Астында кодтары бар кодқа жазба жасалмайды (postable=false болуы керек)",
            "На код, у которого есть нижестоящие, не проводят (нужно postable=false)",
            "A code with codes below it cannot be postable (postable must be false)");
      }
    }
    return std::move(result_);
  }

 private:
  std::size_t LevelIndex(const std::string& level) const {
    const auto& levels = LevelsOf(kind_);
    for (std::size_t i = 0; i < levels.size(); ++i) {
      if (levels[i].level == level) return i;
    }
    return levels.size();
  }

  void Bad(std::string code, std::size_t line, std::string_view column, std::string_view value,
           std::string kk, std::string ru, std::string en) {
    result_.errors.push_back(CellError(std::move(code), std::move(kk), std::move(ru), std::move(en),
                                       file_name_, line, column, value));
  }

  void NameChecks(const ReferenceRow& row, std::size_t kk, std::size_t ru, bool kk_required,
                  std::size_t max_length) {
    if (row.values[ru].empty()) {
      Bad("reference.name_missing", row.line, "name_ru", "", "Орысша атауы жоқ",
          "Нет наименования на русском", "The Russian name is missing");
    }
    if (kk_required && row.values[kk].empty()) {
      Bad("reference.name_missing", row.line, "name_kk", "", "Қазақша атауы жоқ",
          "Нет наименования на казахском", "The Kazakh name is missing");
    }
    for (std::size_t i : {kk, ru}) {
      if (row.values[i].size() > max_length) {
        Bad("reference.name_long", row.line, ReferenceColumns(kind_)[i],
            std::to_string(row.values[i].size()),
            "Атауы тым ұзын (ең көбі " + std::to_string(max_length) + " байт)",
            "Наименование слишком длинное (не более " + std::to_string(max_length) + " байт)",
            "The name is too long (at most " + std::to_string(max_length) + " bytes)");
      }
    }
  }

  void SourceCheck(const ReferenceRow& row, std::size_t index) {
    if (row.values[index].empty()) {
      Bad("reference.source_missing", row.line, "source", "",
          "Дереккөзі көрсетілмеген (әр жолда болуы керек)",
          "Не указан источник (нужен в каждой строке)",
          "The source is missing (every row needs one)");
    }
  }

  void Boolean(ReferenceRow& row, std::size_t index) {
    std::string& value = row.values[index];
    if (value == "true" || value == "false") return;
    Bad("reference.bad_boolean", row.line, ReferenceColumns(kind_)[index], value,
        "Мәні true немесе false болуы керек", "Значение должно быть true или false",
        "The value must be true or false");
  }

  void CheckAccount(ReferenceRow& row) {
    auto& v =
        row.values;  // code, name_kk, name_ru, section, kind, balance, postable, dimensions, source
    row.key = v[0];
    if (v[0].size() > 4 || !AllDigits(v[0])) {
      Bad("reference.bad_code", row.line, "code", v[0], "Шот коды 1–4 цифрдан тұрады",
          "Код счёта — от 1 до 4 цифр", "An account code is 1 to 4 digits");
    }
    NameChecks(row, 1, 2, /*kk_required=*/true, 500);
    if (const auto section = Integer(v[3], 0, 9); !section) {
      Bad("reference.bad_section", row.line, "section", v[3], "Бөлім 0–9 цифры болуы керек",
          "Раздел — цифра от 0 до 9", "The section is a digit 0 to 9");
    } else if (!v[0].empty() && AllDigits(v[0]) && *section != v[0][0] - '0') {
      Bad("reference.bad_section", row.line, "section", v[3],
          "Бөлім шот кодының бірінші цифрымен сәйкес емес",
          "Раздел не совпадает с первой цифрой кода счёта",
          "The section differs from the first digit of the account code");
    } else {
      v[3] = std::to_string(*section);
    }
    static const std::set<std::string> kKinds{"asset",   "liability",  "net_assets",  "income",
                                              "expense", "production", "off_balance", "technical"};
    if (kKinds.count(v[4]) == 0) {
      Bad("reference.bad_kind", row.line, "kind", v[4],
          "Шот түрі: asset, liability, net_assets, income, expense, production, off_balance, "
          "technical",
          "Вид счёта: asset, liability, net_assets, income, expense, production, off_balance, "
          "technical",
          "Account kind: asset, liability, net_assets, income, expense, production, off_balance, "
          "technical");
    }
    if (v[5] != "debit" && v[5] != "credit" && v[5] != "either") {
      Bad("reference.bad_balance", row.line, "balance", v[5],
          "Сальдо жағы: debit, credit немесе either", "Сторона сальдо: debit, credit или either",
          "Balance side: debit, credit or either");
    }
    Boolean(row, 6);
    std::vector<std::string> dimensions;
    std::string_view rest = v[7];
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const std::string word(core::TrimSpaces(rest.substr(0, semicolon)));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      if (!ParseDimension(word)) {
        Bad("reference.bad_dimension", row.line, "dimensions", word,
            "Белгісіз аналитика (program, specific, income, source, paid_service, ksn, "
            "counterparty)",
            "Неизвестная аналитика (program, specific, income, source, paid_service, ksn, "
            "counterparty)",
            "Unknown dimension (program, specific, income, source, paid_service, ksn, "
            "counterparty)");
      } else if (std::find(dimensions.begin(), dimensions.end(), word) != dimensions.end()) {
        Bad("reference.bad_dimension", row.line, "dimensions", word, "Аналитика қайталанады",
            "Аналитика повторяется", "The dimension is repeated");
      } else {
        dimensions.push_back(word);
      }
    }
    if (v[6] == "false" && !dimensions.empty()) {
      Bad("reference.bad_dimension", row.line, "dimensions", v[7],
          "Тақырып шотқа (postable=false) аналитика берілмейді",
          "У счёта-заголовка (postable=false) аналитик не бывает",
          "A heading account (postable=false) has no dimensions");
    }
    std::string joined;
    for (const std::string& d : dimensions) joined += (joined.empty() ? "" : ";") + d;
    v[7] = joined;
    SourceCheck(row, 8);
  }

  void CheckCode(ReferenceRow& row) {
    auto& v = row.values;  // code, parent_code, level, postable, name_kk, name_ru, source
    row.key = v[0];
    const auto& levels = LevelsOf(kind_);
    const auto level = std::find_if(levels.begin(), levels.end(),
                                    [&](const LevelRule& rule) { return rule.level == v[2]; });
    if (level == levels.end()) {
      std::string names;
      for (const LevelRule& rule : levels)
        names += (names.empty() ? "" : ", ") + std::string(rule.level);
      Bad("reference.bad_level", row.line, "level", v[2], "Белгісіз деңгей (" + names + ")",
          "Неизвестный уровень (" + names + ")", "Unknown level (" + names + ")");
    } else if (!level->shaped(v[0])) {
      Bad("reference.bad_code", row.line, "code", v[0],
          "Код осы деңгейдің пішініне сәйкес емес (sql/reference/README.md)",
          "Код не соответствует формату уровня (sql/reference/README.md)",
          "The code does not have the form of its level (sql/reference/README.md)");
    } else if (const auto parent = DerivedParent(kind_, v[2], v[0]); parent && *parent != v[1]) {
      Bad("reference.bad_parent", row.line, "parent_code", v[1],
          "Жоғары тұрған код «" + *parent + "» болуы керек",
          "Вышестоящий код должен быть «" + *parent + "»",
          "The parent code must be \"" + *parent + "\"");
    }
    Boolean(row, 3);
    if (level != levels.end() && v[3] == "true" && !level->may_post) {
      Bad("reference.bad_postable", row.line, "postable", v[3],
          "Бұл деңгейдің кодына жазба жасалмайды", "На код этого уровня не проводят",
          "Codes of this level cannot be postable");
    }
    NameChecks(row, 4, 5, /*kk_required=*/false, 1000);
    SourceCheck(row, 6);
  }

  void CheckOrder(ReferenceRow& row) {
    auto& v = row.values;  // number, name_kk, name_ru, form, source
    if (const auto number = Integer(v[0], 1, 999)) {
      v[0] = std::to_string(*number);
    } else {
      Bad("reference.bad_number", row.line, "number", v[0], "Мемориалдық ордер нөмірі 1–999",
          "Номер мемориального ордера — от 1 до 999", "A memorial order number is 1 to 999");
    }
    row.key = v[0];
    NameChecks(row, 1, 2, /*kk_required=*/false, 500);
    if (v[3].size() > 20) {
      Bad("reference.bad_form", row.line, "form", v[3], "Нысан нөмірі тым ұзын (≤ 20)",
          "Номер формы слишком длинный (≤ 20)", "The form number is too long (≤ 20)");
    }
    SourceCheck(row, 4);
  }

  void CheckRule(ReferenceRow& row) {
    auto& v = row.values;  // debit_prefix, credit_prefix, priority, order_number, source
    for (std::size_t i : {std::size_t{0}, std::size_t{1}}) {
      if (v[i].size() > 4 || (!v[i].empty() && !AllDigits(v[i]))) {
        Bad("reference.bad_prefix", row.line, ReferenceColumns(kind_)[i], v[i],
            "Шот кодының басы: 0–4 цифр", "Начало кода счёта: от 0 до 4 цифр",
            "An account prefix is 0 to 4 digits");
      }
    }
    if (const auto priority = Integer(v[2], -999, 999)) {
      v[2] = std::to_string(*priority);
    } else {
      Bad("reference.bad_priority", row.line, "priority", v[2], "Басымдық −999…999 бүтін сан",
          "Приоритет — целое от −999 до 999", "The priority is a whole number −999 to 999");
    }
    if (const auto number = Integer(v[3], 1, 999)) {
      v[3] = std::to_string(*number);
    } else {
      Bad("reference.bad_number", row.line, "order_number", v[3], "Мемориалдық ордер нөмірі 1–999",
          "Номер мемориального ордера — от 1 до 999", "A memorial order number is 1 to 999");
    }
    row.key = v[0] + "|" + v[1] + "|" + v[2];
    SourceCheck(row, 4);
  }

  ReferenceKind kind_;
  std::string_view file_name_;
  std::vector<int> position_;
  std::size_t width_ = 0;
  std::map<std::string, std::size_t> line_of_key_;
  std::map<std::string, std::string> level_of_;  ///< code → level, of every row read
  std::set<std::string> parents_;                ///< codes named as a parent by any row
  ParsedReference result_;
};

}  // namespace

const std::array<ReferenceKind, 7>& AllReferenceKinds() {
  static const std::array<ReferenceKind, 7> kAll{
      ReferenceKind::kAccounts,          ReferenceKind::kFunctional,
      ReferenceKind::kEconomic,          ReferenceKind::kIncome,
      ReferenceKind::kSources,           ReferenceKind::kMemorialOrders,
      ReferenceKind::kMemorialOrderRules};
  return kAll;
}

std::string_view ReferenceKindName(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kAccounts:
      return "accounts";
    case ReferenceKind::kFunctional:
      return "functional";
    case ReferenceKind::kEconomic:
      return "economic";
    case ReferenceKind::kIncome:
      return "income";
    case ReferenceKind::kSources:
      return "sources";
    case ReferenceKind::kMemorialOrders:
      return "memorial_orders";
    case ReferenceKind::kMemorialOrderRules:
      break;
  }
  return "memorial_order_rules";
}

std::optional<ReferenceKind> ParseReferenceKind(std::string_view name) {
  for (ReferenceKind kind : AllReferenceKinds()) {
    if (ReferenceKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string ReferenceFileName(ReferenceKind kind) {
  return std::string(ReferenceKindName(kind)) + ".csv";
}

std::string_view CodeKindOf(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kFunctional:
      return "functional";
    case ReferenceKind::kEconomic:
      return "economic";
    case ReferenceKind::kIncome:
      return "income";
    case ReferenceKind::kSources:
      return "source";
    default:
      return "";
  }
}

const std::vector<std::string>& ReferenceColumns(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kAccounts:
      return kAccountColumns;
    case ReferenceKind::kMemorialOrders:
      return kOrderColumns;
    case ReferenceKind::kMemorialOrderRules:
      return kRuleColumns;
    default:
      return kCodeColumns;
  }
}

core::Error CellError(std::string code, std::string kk, std::string ru, std::string en,
                      std::string_view file_name, std::size_t line, std::string_view column,
                      std::string_view value) {
  std::string field = std::string(file_name) + ":" + std::to_string(line);
  if (!column.empty()) field += " " + std::string(column);
  core::Error error =
      core::MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en), field);
  error.details = std::string(value);
  return error;
}

ParsedReference ParseReferenceFile(ReferenceKind kind, std::string_view text,
                                   std::string_view file_name) {
  std::string_view rest = text;
  if (rest.starts_with(kBom)) rest.remove_prefix(kBom.size());
  Checker checker(kind, file_name);
  bool header_seen = false;
  std::size_t line_number = 0;
  ParsedReference broken;
  while (!rest.empty()) {
    const auto newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (core::TrimSpaces(line).empty()) continue;
    const auto fields = SplitCsv(line);
    if (!fields) {
      broken.errors.push_back(
          CellError("reference.bad_quotes", "Тырнақшалар дұрыс емес (бір жазба — бір жол)",
                    "Неверные кавычки (одна запись — одна строка)",
                    "Broken quotes (one record per line)", file_name, line_number, "", line));
      // Without a header no row can be read: report the header alone.
      if (!header_seen) return broken;
      continue;
    }
    if (!header_seen) {
      header_seen = true;
      checker.Header(*fields, line_number);
      if (!checker.HeaderOk()) return checker.Finish();
      continue;
    }
    checker.Row(*fields, line_number);
  }
  if (!header_seen) {
    broken.errors.push_back(CellError("reference.empty", "Файл бос", "Файл пуст",
                                      "The file is empty", file_name, 1, "", ""));
    return broken;
  }
  ParsedReference result = checker.Finish();
  result.errors.insert(result.errors.end(), broken.errors.begin(), broken.errors.end());
  std::stable_sort(
      result.errors.begin(), result.errors.end(),
      [](const core::Error& a, const core::Error& b) { return LineOf(a) < LineOf(b); });
  return result;
}

}  // namespace esep::ledger
