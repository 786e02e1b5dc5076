#include "esep/forms/form_template.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace esep::forms {
namespace {

constexpr std::array<std::pair<ColumnFormat, std::string_view>, 8> kFormats{{
    {ColumnFormat::kAuto, "auto"},
    {ColumnFormat::kText, "text"},
    {ColumnFormat::kMoney, "money"},
    {ColumnFormat::kMoneyBlankZero, "money_blank_zero"},
    {ColumnFormat::kInteger, "integer"},
    {ColumnFormat::kIntegerGrouped, "integer_grouped"},
    {ColumnFormat::kDate, "date"},
    {ColumnFormat::kDateLong, "date_long"},
}};

const std::array<SignatureRole, 8>& Roles() {
  static const std::array<SignatureRole, 8> roles{{
      {"head", {"Басшы", "Руководитель", "Head"}},
      {"deputy_head", {"Басшының орынбасары", "Заместитель руководителя", "Deputy head"}},
      {"chief_accountant", {"Бас бухгалтер", "Главный бухгалтер", "Chief accountant"}},
      {"accountant", {"Бухгалтер", "Бухгалтер", "Accountant"}},
      {"cashier", {"Кассир", "Кассир", "Cashier"}},
      {"economist", {"Экономист", "Экономист", "Economist"}},
      {"executor", {"Орындаушы", "Исполнитель", "Prepared by"}},
      {"hr_officer", {"Кадр қызметінің маманы", "Специалист кадровой службы", "HR officer"}},
  }};
  return roles;
}

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

int SourceLines::Of(std::string_view key) const {
  const auto it = keys.find(key);
  return it == keys.end() ? section : it->second;
}

std::string_view ColumnFormatName(ColumnFormat format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "?";
}

std::optional<ColumnFormat> ParseColumnFormat(std::string_view name) {
  for (const auto& [f, n] : kFormats) {
    if (n == name) return f;
  }
  return std::nullopt;
}

std::optional<FieldType> ColumnFormatFieldType(ColumnFormat format) {
  switch (format) {
    case ColumnFormat::kAuto:
      return std::nullopt;
    case ColumnFormat::kText:
      return FieldType::kText;
    case ColumnFormat::kMoney:
    case ColumnFormat::kMoneyBlankZero:
      return FieldType::kMoney;
    case ColumnFormat::kInteger:
    case ColumnFormat::kIntegerGrouped:
      return FieldType::kInteger;
    case ColumnFormat::kDate:
    case ColumnFormat::kDateLong:
      return FieldType::kDate;
  }
  return std::nullopt;
}

std::span<const SignatureRole> SignatureRoles() { return Roles(); }

const SignatureRole* FindSignatureRole(std::string_view key) {
  for (const auto& role : Roles()) {
    if (role.key == key) return &role;
  }
  return nullptr;
}

const ParameterDef* FormTemplate::FindParameter(std::string_view name) const {
  for (const auto& parameter : parameters) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

std::optional<std::size_t> FormTemplate::ColumnIndex(std::string_view column_id) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].id == column_id) return i;
  }
  return std::nullopt;
}

bool FormTemplate::HasTotals() const {
  for (const auto& column : columns) {
    if (column.total != ColumnTotal::kNone) return true;
  }
  return false;
}

std::string FormTemplate::Where(int line) const { return fmt::format("{}:{}", file_name, line); }

core::Error Locate(core::Error error, const std::string& where) {
  error.message.kk = where + ": " + error.message.kk;
  error.message.ru = where + ": " + error.message.ru;
  error.message.en = where + ": " + error.message.en;
  error.field = where;
  return error;
}

core::Error TemplateError(const std::string& where, std::string code, std::string kk,
                          std::string ru, std::string en) {
  return Locate(core::MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en)),
                where);
}

core::Result<std::vector<TextPiece>> SplitPlaceholders(std::string_view text) {
  std::vector<TextPiece> pieces;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      return core::MakeError("forms.placeholder", "«}» жұпсыз тұр; әріптік «}» үшін «}}» жазыңыз",
                             "Непарная «}»; для самого символа «}» напишите «}}»",
                             "Unmatched '}'; write '}}' for a literal brace");
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    const std::string_view name =
        close == std::string_view::npos ? std::string_view{} : text.substr(i + 1, close - i - 1);
    bool valid = !name.empty();
    for (char n : name) valid = valid && IsNameChar(n);
    if (!valid) {
      const std::string shown(text.substr(i, close == std::string_view::npos ? 12 : close - i + 1));
      return core::MakeError(
          "forms.placeholder",
          fmt::format("«{}» белгісі дұрыс емес: {{атау}} түрінде жазылады (a-z, 0-9, _); "
                      "әріптік «{{» үшін «{{{{» жазыңыз",
                      shown),
          fmt::format("Неверная подстановка «{}»: пишется как {{имя}} (a-z, 0-9, _); для самого "
                      "символа «{{» напишите «{{{{»",
                      shown),
          fmt::format("Malformed placeholder '{}': write {{name}} (a-z, 0-9, _); write '{{{{' for "
                      "a literal brace",
                      shown));
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    literal.clear();
    pieces.push_back({true, std::string(name)});
    i = close;
  }
  if (!literal.empty()) pieces.push_back({false, std::move(literal)});
  return pieces;
}

std::string ExpandPlaceholders(std::string_view text,
                               const std::function<std::string(std::string_view)>& lookup) {
  auto pieces = SplitPlaceholders(text);
  if (!pieces.ok()) return std::string(text);
  std::string out;
  for (const auto& piece : pieces.value()) {
    out += piece.placeholder ? lookup(piece.text) : piece.text;
  }
  return out;
}

std::vector<std::string> HeaderLevels(std::string_view header) {
  std::vector<std::string> levels;
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < header.size(); ++i) {
    const bool spaced_slash = header[i] == '/' && (header[i - 1] == ' ' || header[i - 1] == '\t') &&
                              (header[i + 1] == ' ' || header[i + 1] == '\t');
    if (!spaced_slash) continue;
    levels.emplace_back(TrimSpaces(header.substr(start, i - start)));
    start = i + 1;
  }
  levels.emplace_back(TrimSpaces(header.substr(start)));
  return levels;
}

}  // namespace esep::forms
