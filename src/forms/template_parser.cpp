#include "esep/forms/template_parser.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "esep/forms/document_names.hpp"
#include "esep/forms/parameters.hpp"

namespace esep::forms {
namespace {

// ---------------------------------------------------------------------------------------
// The grammar: sections and the keys each one takes.

enum class SectionKind { kForm, kParameter, kTitle, kColumn, kGroup, kTotal, kFooter, kSignatures };

struct SectionSpec {
  SectionKind kind;
  std::string_view word;
  bool named;
};

constexpr std::array<SectionSpec, 8> kSections{{
    {SectionKind::kForm, "form", false},
    {SectionKind::kParameter, "parameter", true},
    {SectionKind::kTitle, "title", false},
    {SectionKind::kColumn, "column", true},
    {SectionKind::kGroup, "group", true},
    {SectionKind::kTotal, "total", false},
    {SectionKind::kFooter, "footer", false},
    {SectionKind::kSignatures, "signatures", false},
}};

enum class KeyForm {
  kPlain,        ///< `key = value`
  kLocalized,    ///< `key.kk`, `key.ru` (both required together), optional `key.en`
  kPerLanguage,  ///< `key`, or `key.kk` with `key.ru`
};

struct KeySpec {
  SectionKind section;
  std::string_view name;
  KeyForm form;
  bool repeatable;
};

constexpr std::array<KeySpec, 32> kKeys{{
    {SectionKind::kForm, "id", KeyForm::kPlain, false},
    {SectionKind::kForm, "title", KeyForm::kLocalized, false},
    {SectionKind::kForm, "source", KeyForm::kPlain, false},
    {SectionKind::kForm, "orientation", KeyForm::kPlain, false},
    {SectionKind::kForm, "font_size", KeyForm::kPlain, false},
    {SectionKind::kForm, "margin", KeyForm::kPlain, false},
    {SectionKind::kForm, "repeat_header", KeyForm::kPlain, false},
    {SectionKind::kForm, "page_numbers", KeyForm::kPlain, false},
    {SectionKind::kForm, "column_numbers", KeyForm::kPlain, false},
    {SectionKind::kParameter, "type", KeyForm::kPlain, false},
    {SectionKind::kParameter, "label", KeyForm::kLocalized, false},
    {SectionKind::kParameter, "default", KeyForm::kPlain, false},
    {SectionKind::kParameter, "required", KeyForm::kPlain, false},
    {SectionKind::kTitle, "institution", KeyForm::kPlain, false},
    {SectionKind::kTitle, "line", KeyForm::kLocalized, true},
    {SectionKind::kColumn, "field", KeyForm::kPerLanguage, false},
    {SectionKind::kColumn, "header", KeyForm::kLocalized, false},
    {SectionKind::kColumn, "width", KeyForm::kPlain, false},
    {SectionKind::kColumn, "align", KeyForm::kPlain, false},
    {SectionKind::kColumn, "wrap", KeyForm::kPlain, false},
    {SectionKind::kColumn, "total", KeyForm::kPlain, false},
    {SectionKind::kColumn, "format", KeyForm::kPlain, false},
    {SectionKind::kColumn, "drill", KeyForm::kPlain, false},
    {SectionKind::kGroup, "field", KeyForm::kPerLanguage, false},
    {SectionKind::kGroup, "label", KeyForm::kLocalized, false},
    {SectionKind::kGroup, "subtotal", KeyForm::kLocalized, false},
    {SectionKind::kGroup, "empty", KeyForm::kLocalized, false},
    {SectionKind::kTotal, "label", KeyForm::kLocalized, false},
    {SectionKind::kTotal, "in_words", KeyForm::kPlain, false},
    {SectionKind::kTotal, "words_label", KeyForm::kLocalized, false},
    {SectionKind::kFooter, "line", KeyForm::kLocalized, true},
    {SectionKind::kSignatures, "roles", KeyForm::kPlain, false},
}};

constexpr double kMinWidthMm = 3;
constexpr double kMaxWidthMm = 400;
constexpr double kA4ShortMm = 210;
constexpr double kA4LongMm = 297;

const SectionSpec& SpecOf(SectionKind kind) {
  for (const auto& spec : kSections) {
    if (spec.kind == kind) return spec;
  }
  return kSections[0];
}

const KeySpec* FindKey(SectionKind section, std::string_view name) {
  for (const auto& key : kKeys) {
    if (key.section == section && key.name == name) return &key;
  }
  return nullptr;
}

std::string KeysOf(SectionKind section) {
  std::string out;
  for (const auto& key : kKeys) {
    if (key.section != section) continue;
    if (!out.empty()) out += ", ";
    out += key.name;
    if (key.form == KeyForm::kLocalized) out += ".kk/.ru";
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Small text helpers.

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsIdentifier(std::string_view text) {
  if (text.empty() || text.size() > 64 || !(text.front() >= 'a' && text.front() <= 'z')) {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// The closest candidate within two edits, for "did you mean ...?".
std::string Closest(std::string_view wrong, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& candidate : candidates) {
    const std::size_t distance = EditDistance(wrong, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

void AddSuggestion(core::Error& error, const std::string& suggestion) {
  if (suggestion.empty()) return;
  error.message.kk += fmt::format(" («{}» болуы мүмкін бе?)", suggestion);
  error.message.ru += fmt::format(" (возможно, «{}»?)", suggestion);
  error.message.en += fmt::format(" (did you mean '{}'?)", suggestion);
}

// A strict UTF-8 check (no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07u;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3Fu);
    }
    constexpr std::array<std::uint32_t, 4> kMinCode{0, 0x80, 0x800, 0x10000};
    if (code < kMinCode[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string FormatMm(double value) { return fmt::format("{:g}", value); }

// ---------------------------------------------------------------------------------------
// Pass 1: lines into sections of entries.

struct Entry {
  std::string key;   ///< as written: "header.ru"
  std::string base;  ///< "header"
  std::string lang;  ///< "kk", "ru", "en" or ""
  std::string value;
  int line = 0;
};

struct Section {
  SectionKind kind = SectionKind::kForm;
  std::string name;
  int line = 0;
  std::vector<Entry> entries;

  const Entry* Find(std::string_view key) const {
    for (const auto& entry : entries) {
      if (entry.key == key) return &entry;
    }
    return nullptr;
  }
};

/// The value without its comment: '#' after whitespace (or at the start) ends it, "\#" is a
/// literal '#'.
std::string StripComment(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() && raw[i + 1] == '#') {
      out += '#';
      ++i;
      continue;
    }
    if (c == '#' && (out.empty() || out.back() == ' ' || out.back() == '\t')) break;
    out += c;
  }
  return std::string(Trim(out));
}

/// Where a text with placeholders was written and which placeholders its place allows.
struct PlaceholderUse {
  std::string text;
  int line = 0;
  bool value_allowed = false;
  bool count_allowed = false;
};

class Parser {
 public:
  explicit Parser(std::string file_name) { form_.file_name = std::move(file_name); }

  core::Result<FormTemplate> Run(std::string_view text) {
    if (auto status = ReadSections(text); !status.ok()) return status.error();
    for (const auto& section : sections_) {
      if (auto status = Build(section); !status.ok()) return status.error();
    }
    if (auto status = CrossCheck(); !status.ok()) return status.error();
    return std::move(form_);
  }

 private:
  std::string Where(int line) const { return form_.Where(line); }

  core::Error Err(int line, std::string code, std::string kk, std::string ru, std::string en) {
    return TemplateError(Where(line), std::move(code), std::move(kk), std::move(ru), std::move(en));
  }

  core::Error BadValue(const Entry& entry, std::string_view expected_kk,
                       std::string_view expected_ru, std::string_view expected_en) {
    return Err(
        entry.line, "forms.bad_value",
        fmt::format("«{}» кілтінің мәні «{}» дұрыс емес: {} күтіледі", entry.key, entry.value,
                    expected_kk),
        fmt::format("Неверное значение «{}» ключа «{}»: ожидается {}", entry.value, entry.key,
                    expected_ru),
        fmt::format("Bad value '{}' of '{}': expected {}", entry.value, entry.key, expected_en));
  }

  std::string SectionTitle(const Section& section) const {
    const auto& spec = SpecOf(section.kind);
    return section.name.empty() ? fmt::format("[{}]", spec.word)
                                : fmt::format("[{} {}]", spec.word, section.name);
  }

  // --- pass 1 ---------------------------------------------------------------------------

  core::Status ReadSections(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int line_no = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (auto status = ReadLine(line, line_no); !status.ok()) return status;
      if (end == text.size()) break;
    }
    return core::Status::Ok();
  }

  core::Status ReadLine(std::string_view raw, int line_no) {
    if (!IsValidUtf8(raw)) {
      return Err(line_no, "forms.encoding", "Жол UTF-8 кодтауында емес; файлды UTF-8 етіп сақтаңыз",
                 "Строка не в кодировке UTF-8; сохраните файл в UTF-8",
                 "The line is not valid UTF-8; save the file as UTF-8");
    }
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') return core::Status::Ok();
    if (line.front() == '[') return ReadSectionHeader(StripComment(line), line_no);
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return Err(line_no, "forms.syntax",
                 "Жол «кілт = мән», «[бөлім]» немесе түсініктеме (# ...) болуы керек",
                 "Строка должна быть «ключ = значение», «[раздел]» или комментарием (# ...)",
                 "A line must be 'key = value', '[section]' or a comment (# ...)");
    }
    if (sections_.empty()) {
      return Err(line_no, "forms.syntax", "Кілт кез келген [бөлімнен] бұрын жазылған",
                 "Ключ записан до первого [раздела]", "A key before the first [section]");
    }
    Section& section = sections_.back();
    Entry entry;
    entry.key = std::string(Trim(line.substr(0, equals)));
    entry.value = StripComment(line.substr(equals + 1));
    entry.line = line_no;
    const std::size_t dot = entry.key.find('.');
    entry.base = entry.key.substr(0, dot);
    if (dot != std::string::npos) entry.lang = entry.key.substr(dot + 1);

    const KeySpec* spec = FindKey(section.kind, entry.base);
    if (spec == nullptr || !LanguageFits(*spec, entry.lang))
      return UnknownKey(section, entry, spec);
    if (entry.value.empty()) {
      return Err(line_no, "forms.bad_value", fmt::format("«{}» кілтінің мәні бос", entry.key),
                 fmt::format("Пустое значение ключа «{}»", entry.key),
                 fmt::format("Empty value of '{}'", entry.key));
    }
    for (const auto& other : section.entries) {
      const bool same = other.key == entry.key && !spec->repeatable;
      const bool mixed = spec->form == KeyForm::kPerLanguage && other.base == entry.base &&
                         (other.lang.empty() != entry.lang.empty());
      if (same) {
        return Err(line_no, "forms.duplicate",
                   fmt::format("«{}» кілті {} бөлімінде {}-жолда жазылған", entry.key,
                               SectionTitle(section), other.line),
                   fmt::format("Ключ «{}» в разделе {} уже задан в строке {}", entry.key,
                               SectionTitle(section), other.line),
                   fmt::format("Key '{}' in {} is already set at line {}", entry.key,
                               SectionTitle(section), other.line));
      }
      if (mixed) {
        return Err(line_no, "forms.duplicate",
                   fmt::format("Не «{0}», не «{0}.kk» мен «{0}.ru» жазыңыз, екеуін бірге емес "
                               "({1}-жолды қараңыз)",
                               entry.base, other.line),
                   fmt::format("Укажите либо «{0}», либо «{0}.kk» и «{0}.ru», но не то и другое "
                               "(см. строку {1})",
                               entry.base, other.line),
                   fmt::format("Write either '{0}' or '{0}.kk' with '{0}.ru', not both (see line "
                               "{1})",
                               entry.base, other.line));
      }
    }
    section.entries.push_back(std::move(entry));
    return core::Status::Ok();
  }

  static bool LanguageFits(const KeySpec& spec, std::string_view lang) {
    switch (spec.form) {
      case KeyForm::kPlain:
        return lang.empty();
      case KeyForm::kLocalized:
        return lang == "kk" || lang == "ru" || lang == "en";
      case KeyForm::kPerLanguage:
        return lang.empty() || lang == "kk" || lang == "ru";
    }
    return false;
  }

  core::Status UnknownKey(const Section& section, const Entry& entry, const KeySpec* spec) {
    const std::string title = SectionTitle(section);
    if (spec != nullptr && spec->form == KeyForm::kLocalized && entry.lang.empty()) {
      return Err(
          entry.line, "forms.unknown_key",
          fmt::format("«{0}» екі тілде жазылады: «{0}.kk = …» және «{0}.ru = …»", entry.key),
          fmt::format("«{0}» задаётся на двух языках: «{0}.kk = …» и «{0}.ru = …»", entry.key),
          fmt::format("'{0}' is written in both languages: '{0}.kk = …' and '{0}.ru = …'",
                      entry.key));
    }
    const std::string keys = KeysOf(section.kind);
    core::Error error = Err(
        entry.line, "forms.unknown_key",
        fmt::format("{} бөлімінде «{}» кілті жоқ; рұқсат етілгендері: {}", title, entry.key, keys),
        fmt::format("Неизвестный ключ «{}» в разделе {}; допустимы: {}", entry.key, title, keys),
        fmt::format("Unknown key '{}' in {}; allowed: {}", entry.key, title, keys));
    std::vector<std::string> candidates;
    for (const auto& key : kKeys) {
      if (key.section == section.kind) candidates.emplace_back(key.name);
    }
    AddSuggestion(error, Closest(entry.base, candidates));
    return error;
  }

  core::Status ReadSectionHeader(std::string_view line, int line_no) {
    if (line.back() != ']') {
      return Err(line_no, "forms.syntax", "Бөлім тақырыбы «]» белгісімен аяқталуы керек",
                 "Заголовок раздела должен заканчиваться на «]»",
                 "A section header must end with ']'");
    }
    const std::string_view inside = Trim(line.substr(1, line.size() - 2));
    const std::size_t space = inside.find_first_of(" \t");
    const std::string_view word = inside.substr(0, space);
    const std::string_view name =
        space == std::string_view::npos ? std::string_view{} : Trim(inside.substr(space));
    const SectionSpec* spec = nullptr;
    for (const auto& s : kSections) {
      if (s.word == word) spec = &s;
    }
    if (spec == nullptr) {
      std::vector<std::string> words;
      std::string list;
      for (const auto& s : kSections) {
        words.emplace_back(s.word);
        list += list.empty() ? "" : ", ";
        list += s.named ? fmt::format("[{} <id>]", s.word) : fmt::format("[{}]", s.word);
      }
      core::Error error =
          Err(line_no, "forms.unknown_section",
              fmt::format("Белгісіз бөлім [{}]; рұқсат етілгендері: {}", inside, list),
              fmt::format("Неизвестный раздел [{}]; допустимы: {}", inside, list),
              fmt::format("Unknown section [{}]; allowed: {}", inside, list));
      AddSuggestion(error, Closest(word, words));
      return error;
    }
    if (spec->named && !IsIdentifier(name)) {
      return Err(line_no, "forms.syntax",
                 fmt::format("[{} …] бөлімінің атауы керек: латын кіші әріптері, сандар және «_» "
                             "(мысалы, [{} bin]), берілгені: «{}»",
                             word, word, name),
                 fmt::format("У раздела [{} …] должно быть имя из строчных латинских букв, цифр "
                             "и «_» (например, [{} bin]), получено «{}»",
                             word, word, name),
                 fmt::format("Section [{} …] needs a name of lower-case Latin letters, digits and "
                             "'_' (e.g. [{} bin]), got '{}'",
                             word, word, name));
    }
    if (!spec->named && !name.empty()) {
      return Err(line_no, "forms.syntax", fmt::format("[{}] бөлімінің атауы болмайды", word),
                 fmt::format("У раздела [{}] не бывает имени", word),
                 fmt::format("Section [{}] takes no name", word));
    }
    for (const auto& other : sections_) {
      if (other.kind != spec->kind || other.name != name) continue;
      return Err(line_no, "forms.duplicate",
                 fmt::format("{} бөлімі {}-жолда жарияланған", SectionTitle(other), other.line),
                 fmt::format("Раздел {} уже объявлен в строке {}", SectionTitle(other), other.line),
                 fmt::format("Section {} is already declared at line {}", SectionTitle(other),
                             other.line));
    }
    sections_.push_back(Section{spec->kind, std::string(name), line_no, {}});
    return core::Status::Ok();
  }

  // --- pass 2: typed elements -----------------------------------------------------------

  static SourceLines LinesOf(const Section& section) {
    SourceLines lines;
    lines.section = section.line;
    for (const auto& entry : section.entries) {
      lines.keys.emplace(entry.key, entry.line);
      lines.keys.emplace(entry.base, entry.line);  // the first of key.kk / key.ru
    }
    return lines;
  }

  core::Error Missing(const Section& section, std::string_view what_kk, std::string_view what_ru,
                      std::string_view what_en, int line = 0) {
    const std::string title = SectionTitle(section);
    return Err(line == 0 ? section.line : line, "forms.missing_key",
               fmt::format("{} бөлімінде {} жоқ", title, what_kk),
               fmt::format("В разделе {} нет {}", title, what_ru),
               fmt::format("{} has no {}", title, what_en));
  }

  core::Result<core::LocalizedText> Localized(const Section& section, std::string_view base,
                                              bool required, bool value_allowed = false,
                                              bool count_allowed = false) {
    const std::string kk_key = fmt::format("{}.kk", base);
    const std::string ru_key = fmt::format("{}.ru", base);
    const Entry* kk = section.Find(kk_key);
    const Entry* ru = section.Find(ru_key);
    const Entry* en = section.Find(fmt::format("{}.en", base));
    if (kk == nullptr && ru == nullptr) {
      if (required || en != nullptr) {
        return Missing(section, fmt::format("«{}» және «{}»", kk_key, ru_key),
                       fmt::format("«{}» и «{}»", kk_key, ru_key),
                       fmt::format("'{}' and '{}'", kk_key, ru_key), en ? en->line : 0);
      }
      return core::LocalizedText{};
    }
    if (kk == nullptr || ru == nullptr) {
      const std::string& absent = kk == nullptr ? kk_key : ru_key;
      const std::string& present = kk == nullptr ? ru_key : kk_key;
      return Missing(section, fmt::format("«{}» («{}» жұбы)", absent, present),
                     fmt::format("«{}» (пары к «{}»)", absent, present),
                     fmt::format("'{}' (the pair of '{}')", absent, present),
                     (kk == nullptr ? ru : kk)->line);
    }
    core::LocalizedText text{kk->value, ru->value, en ? en->value : std::string{}};
    for (const Entry* entry : {kk, ru, en}) {
      if (entry != nullptr) {
        placeholders_.push_back({entry->value, entry->line, value_allowed, count_allowed});
      }
    }
    return text;
  }

  core::Result<FieldRef> Field(const Section& section) {
    if (const Entry* plain = section.Find("field")) {
      if (plain->value != kRowNumberField && !IsIdentifier(plain->value)) {
        return BadValue(*plain, "өріс атауы (a-z, 0-9, _)", "имя поля (a-z, 0-9, _)",
                        "a field name (a-z, 0-9, _)");
      }
      return FieldRef{plain->value, plain->value};
    }
    const Entry* kk = section.Find("field.kk");
    const Entry* ru = section.Find("field.ru");
    if (kk == nullptr && ru == nullptr) return FieldRef{};
    if (kk == nullptr || ru == nullptr) {
      const char* absent = kk == nullptr ? "field.kk" : "field.ru";
      return Missing(section, fmt::format("«{}»", absent), fmt::format("«{}»", absent),
                     fmt::format("'{}'", absent), (kk == nullptr ? ru : kk)->line);
    }
    for (const Entry* entry : {kk, ru}) {
      if (!IsIdentifier(entry->value)) {
        return BadValue(*entry, "өріс атауы (a-z, 0-9, _)", "имя поля (a-z, 0-9, _)",
                        "a field name (a-z, 0-9, _)");
      }
    }
    return FieldRef{kk->value, ru->value};
  }

  core::Result<bool> Bool(const Entry& entry) {
    if (entry.value == "true" || entry.value == "yes") return true;
    if (entry.value == "false" || entry.value == "no") return false;
    return BadValue(entry, "true немесе false", "true или false", "true or false");
  }

  core::Result<double> Number(const Entry& entry, double min, double max) {
    const std::string& text = entry.value;
    double value = 0;
    const bool digits = !text.empty() &&
                        std::all_of(text.begin(), text.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
                        text.front() != '.' && text.back() != '.';
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!digits || ec != std::errc() || ptr != text.data() + text.size() || value < min ||
        value > max) {
      return BadValue(entry, fmt::format("{}…{} аралығындағы сан", FormatMm(min), FormatMm(max)),
                      fmt::format("число от {} до {}", FormatMm(min), FormatMm(max)),
                      fmt::format("a number from {} to {}", FormatMm(min), FormatMm(max)));
    }
    return value;
  }

  core::Status Build(const Section& section) {
    switch (section.kind) {
      case SectionKind::kForm:
        return BuildForm(section);
      case SectionKind::kParameter:
        return BuildParameter(section);
      case SectionKind::kTitle:
        return BuildTitle(section);
      case SectionKind::kColumn:
        return BuildColumn(section);
      case SectionKind::kGroup:
        return BuildGroup(section);
      case SectionKind::kTotal:
        return BuildTotal(section);
      case SectionKind::kFooter:
        return BuildLines(section, form_.footer);
      case SectionKind::kSignatures:
        return BuildSignatures(section);
    }
    return core::Status::Ok();
  }

  core::Status BuildForm(const Section& section) {
    have_form_ = true;
    form_.lines = LinesOf(section);
    for (const char* key : {"id", "source"}) {
      const Entry* entry = section.Find(key);
      if (entry == nullptr) {
        return Missing(section, fmt::format("«{}» кілті", key), fmt::format("ключа «{}»", key),
                       fmt::format("key '{}'", key));
      }
      if (!IsIdentifier(entry->value)) {
        return BadValue(*entry, "атау (латын кіші әріптері, сандар, _)",
                        "имя (строчные латинские буквы, цифры, _)",
                        "a name (lower-case Latin letters, digits, _)");
      }
      (std::string_view(key) == "id" ? form_.id : form_.source) = entry->value;
    }
    auto title = Localized(section, "title", true);
    if (!title.ok()) return title.error();
    form_.title = std::move(title).value();
    for (const auto& entry : section.entries) {
      if (entry.base == "orientation") {
        if (entry.value == "portrait") {
          form_.page.orientation = Orientation::kPortrait;
        } else if (entry.value == "landscape") {
          form_.page.orientation = Orientation::kLandscape;
        } else {
          return BadValue(entry, "portrait немесе landscape", "portrait или landscape",
                          "portrait or landscape");
        }
      } else if (entry.base == "font_size") {
        auto size = Number(entry, 6, 14);
        if (!size.ok()) return size.error();
        form_.page.font_size_pt = *size;
      } else if (entry.base == "margin") {
        auto margin = Number(entry, 5, 40);
        if (!margin.ok()) return margin.error();
        form_.page.margin_mm = *margin;
      } else if (entry.base == "repeat_header" || entry.base == "page_numbers" ||
                 entry.base == "column_numbers") {
        auto flag = Bool(entry);
        if (!flag.ok()) return flag.error();
        (entry.base == "repeat_header"  ? form_.page.repeat_header
         : entry.base == "page_numbers" ? form_.page.page_numbers
                                        : form_.column_numbers) = *flag;
      }
    }
    return core::Status::Ok();
  }

  core::Status BuildParameter(const Section& section) {
    ParameterDef parameter;
    parameter.name = section.name;
    parameter.lines = LinesOf(section);
    const Entry* type = section.Find("type");
    if (type == nullptr) {
      return Missing(section, "«type» кілті (date, integer, text, institution)",
                     "ключа «type» (date, integer, text, institution)",
                     "key 'type' (date, integer, text, institution)");
    }
    const auto parsed = ParseParameterType(type->value);
    if (!parsed) {
      return BadValue(*type, "date, integer, text немесе institution",
                      "date, integer, text или institution", "date, integer, text or institution");
    }
    parameter.type = *parsed;
    const bool reserved =
        parameter.name == "value" || parameter.name == "count" || parameter.name == "page" ||
        parameter.name == "pages" ||
        (parameter.name == "institution" && parameter.type != ParameterType::kInstitution);
    if (reserved) {
      return Err(
          section.line, "forms.reserved_name",
          fmt::format("«{}» атауы алмастыру белгілеріне арналған (value, count, page, pages; "
                      "institution тек institution түрімен)",
                      parameter.name),
          fmt::format("Имя «{}» занято подстановками (value, count, page, pages; "
                      "institution — только с типом institution)",
                      parameter.name),
          fmt::format("The name '{}' is reserved for placeholders (value, count, page, "
                      "pages; institution only with type institution)",
                      parameter.name));
    }
    auto label = Localized(section, "label", true);
    if (!label.ok()) return label.error();
    parameter.label = std::move(label).value();
    if (const Entry* required = section.Find("required")) {
      auto flag = Bool(*required);
      if (!flag.ok()) return flag.error();
      parameter.required = *flag;
    }
    if (const Entry* def = section.Find("default")) {
      if (!CheckParameterDefault(parameter.type, def->value, parameter.name).ok()) {
        const std::string_view type_name = ParameterTypeName(parameter.type);
        const std::string words = parameter.type == ParameterType::kDate
                                      ? " (today, month_start, month_end, year_start, year_end, "
                                        "2026-01-31)"
                                      : "";
        return Err(
            def->line, "forms.parameter.type",
            fmt::format("«{}» әдепкі мәні {} түріне сәйкес емес{}", def->value, type_name, words),
            fmt::format("Значение по умолчанию «{}» не подходит для типа {}{}", def->value,
                        type_name, words),
            fmt::format("Default '{}' is not a valid {}{}", def->value, type_name, words));
      }
      parameter.default_value = def->value;
    }
    form_.parameters.push_back(std::move(parameter));
    return core::Status::Ok();
  }

  core::Status BuildLines(const Section& section, std::vector<TextLine>& out) {
    // A line is a pair line.kk + line.ru (either order, line.en optional), completed when
    // the next line.kk or line.ru begins another one.
    std::optional<TextLine> pending;
    auto finish = [&]() -> core::Status {
      if (!pending) return core::Status::Ok();
      if (pending->text.kk.empty() || pending->text.ru.empty()) {
        const char* absent = pending->text.kk.empty() ? "line.kk" : "line.ru";
        return Missing(section, fmt::format("{}-жолдағы жолдың «{}» жұбы", pending->line, absent),
                       fmt::format("«{}» в пару к строке {}", absent, pending->line),
                       fmt::format("'{}' to pair with line {}", absent, pending->line),
                       pending->line);
      }
      out.push_back(std::move(*pending));
      pending.reset();
      return core::Status::Ok();
    };
    for (const auto& entry : section.entries) {
      if (entry.base != "line") continue;
      std::string* slot = nullptr;
      if (pending) {
        slot = entry.lang == "kk"   ? &pending->text.kk
               : entry.lang == "ru" ? &pending->text.ru
                                    : &pending->text.en;
      }
      const bool both = pending && !pending->text.kk.empty() && !pending->text.ru.empty();
      if (slot == nullptr || !slot->empty() || (both && entry.lang != "en")) {
        if (auto status = finish(); !status.ok()) return status;
        pending = TextLine{{}, entry.line};
        slot = entry.lang == "kk"   ? &pending->text.kk
               : entry.lang == "ru" ? &pending->text.ru
                                    : &pending->text.en;
      }
      *slot = entry.value;
      placeholders_.push_back({entry.value, entry.line, false, false});
    }
    return finish();
  }

  core::Status BuildTitle(const Section& section) {
    form_.title_block.lines_of_keys = LinesOf(section);
    if (const Entry* institution = section.Find("institution")) {
      auto flag = Bool(*institution);
      if (!flag.ok()) return flag.error();
      form_.title_block.show_institution = *flag;
    }
    return BuildLines(section, form_.title_block.lines);
  }

  core::Status BuildColumn(const Section& section) {
    ColumnDef column;
    column.id = section.name;
    column.lines = LinesOf(section);
    auto field = Field(section);
    if (!field.ok()) return field.error();
    column.field = std::move(field).value();
    if (column.field.empty()) column.field = FieldRef{column.id, column.id};
    if (column.field.kk == kRowNumberField) {
      column.row_number = true;
      column.field = FieldRef{};
    }
    auto header = Localized(section, "header", true);
    if (!header.ok()) return header.error();
    column.header = std::move(header).value();
    for (const auto& entry : section.entries) {
      if (entry.base == "width") {
        auto width = Number(entry, kMinWidthMm, kMaxWidthMm);
        if (!width.ok()) return width.error();
        column.width_mm = *width;
      } else if (entry.base == "align") {
        column.align = ParseAlign(entry.value);
        if (!column.align) {
          return BadValue(entry, "left, center немесе right", "left, center или right",
                          "left, center or right");
        }
      } else if (entry.base == "wrap") {
        auto flag = Bool(entry);
        if (!flag.ok()) return flag.error();
        column.wrap = *flag;
      } else if (entry.base == "total") {
        if (entry.value == "sum") {
          column.total = ColumnTotal::kSum;
        } else if (entry.value == "count") {
          column.total = ColumnTotal::kCount;
        } else if (entry.value == "none") {
          column.total = ColumnTotal::kNone;
        } else {
          return BadValue(entry, "sum, count немесе none", "sum, count или none",
                          "sum, count or none");
        }
      } else if (entry.base == "format") {
        const auto format = ParseColumnFormat(entry.value);
        if (!format) {
          return BadValue(entry,
                          "auto, text, money, money_blank_zero, integer, integer_grouped, date "
                          "немесе date_long",
                          "auto, text, money, money_blank_zero, integer, integer_grouped, date "
                          "или date_long",
                          "auto, text, money, money_blank_zero, integer, integer_grouped, date or "
                          "date_long");
        }
        column.format = *format;
      } else if (entry.base == "drill") {
        const std::size_t colon = entry.value.find(':');
        const std::string entity = entry.value.substr(0, colon);
        const std::string target =
            colon == std::string::npos ? std::string{} : entry.value.substr(colon + 1);
        if (!IsIdentifier(entity) || !IsIdentifier(target)) {
          return BadValue(entry, "«нысан:өріс», мысалы institution:id",
                          "«сущность:поле», например institution:id",
                          "'entity:field', e.g. institution:id");
        }
        column.drill = DrillDef{entity, target};
      }
    }
    if (column.row_number) {
      const bool format_ok = column.format == ColumnFormat::kAuto ||
                             column.format == ColumnFormat::kInteger ||
                             column.format == ColumnFormat::kIntegerGrouped;
      if (!format_ok || column.total != ColumnTotal::kNone || column.drill) {
        const int line = !format_ok                           ? column.lines.Of("format")
                         : column.total != ColumnTotal::kNone ? column.lines.Of("total")
                                                              : column.lines.Of("drill");
        return Err(line, "forms.bad_value",
                   fmt::format("Жол нөмірі бағанына ({}) total, drill және мәтін форматы "
                               "берілмейді",
                               kRowNumberField),
                   fmt::format("Столбцу номера строки ({}) не задают total, drill и нечисловой "
                               "format",
                               kRowNumberField),
                   fmt::format("A row-number column ({}) takes no total, drill or non-integer "
                               "format",
                               kRowNumberField));
      }
    }
    form_.columns.push_back(std::move(column));
    return core::Status::Ok();
  }

  core::Status BuildGroup(const Section& section) {
    GroupDef group;
    group.id = section.name;
    group.lines = LinesOf(section);
    auto field = Field(section);
    if (!field.ok()) return field.error();
    group.field = std::move(field).value();
    if (group.field.empty()) group.field = FieldRef{group.id, group.id};
    if (group.field.kk == kRowNumberField) {
      return Err(group.lines.Of("field"), "forms.bad_value", "Жол нөмірі бойынша топтауға болмайды",
                 "Группировать по номеру строки нельзя",
                 "Rows cannot be grouped by the row number");
    }
    auto label = Localized(section, "label", true, true, true);
    if (!label.ok()) return label.error();
    group.label = std::move(label).value();
    auto subtotal = Localized(section, "subtotal", false, true, true);
    if (!subtotal.ok()) return subtotal.error();
    group.subtotal = std::move(subtotal).value();
    auto empty = Localized(section, "empty", false);
    if (!empty.ok()) return empty.error();
    group.empty_value = std::move(empty).value();
    form_.groups.push_back(std::move(group));
    return core::Status::Ok();
  }

  core::Status BuildTotal(const Section& section) {
    TotalDef total;
    total.lines = LinesOf(section);
    auto label = Localized(section, "label", true, false, true);
    if (!label.ok()) return label.error();
    total.label = std::move(label).value();
    auto words = Localized(section, "words_label", false);
    if (!words.ok()) return words.error();
    total.words_label = std::move(words).value();
    if (const Entry* in_words = section.Find("in_words")) total.in_words_column = in_words->value;
    form_.total = std::move(total);
    return core::Status::Ok();
  }

  core::Status BuildSignatures(const Section& section) {
    form_.signature_lines = LinesOf(section);
    const Entry* roles = section.Find("roles");
    if (roles == nullptr) {
      return Missing(section, "«roles» кілті", "ключа «roles»", "key 'roles'");
    }
    std::string_view rest = roles->value;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string role(Trim(rest.substr(0, comma)));
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      if (FindSignatureRole(role) == nullptr) {
        std::string known;
        std::vector<std::string> candidates;
        for (const auto& r : SignatureRoles()) {
          known += known.empty() ? "" : ", ";
          known += r.key;
          candidates.emplace_back(r.key);
        }
        core::Error error =
            Err(roles->line, "forms.bad_value",
                fmt::format("Белгісіз қол қоюшы «{}»; бар рөлдер: {}", role, known),
                fmt::format("Неизвестная подпись «{}»; есть роли: {}", role, known),
                fmt::format("Unknown signature role '{}'; known roles: {}", role, known));
        AddSuggestion(error, Closest(role, candidates));
        return error;
      }
      if (std::find(form_.signatures.begin(), form_.signatures.end(), role) !=
          form_.signatures.end()) {
        return Err(roles->line, "forms.duplicate", fmt::format("«{}» рөлі екі рет жазылған", role),
                   fmt::format("Роль «{}» указана дважды", role),
                   fmt::format("Role '{}' is listed twice", role));
      }
      form_.signatures.push_back(role);
    }
    return core::Status::Ok();
  }

  // --- pass 3: references between sections ---------------------------------------------

  core::Status CrossCheck() {
    if (!have_form_) {
      return Err(1, "forms.missing_key", "Үлгіде [form] бөлімі жоқ", "В шаблоне нет раздела [form]",
                 "The template has no [form] section");
    }
    if (form_.columns.empty()) {
      return Err(form_.lines.section, "forms.missing_key", "Үлгіде бірде-бір [column …] бөлімі жоқ",
                 "В шаблоне нет ни одного [column …]", "The template has no [column …] section");
    }
    if (auto status = CheckPlaceholders(); !status.ok()) return status;
    if (form_.columns.front().total != ColumnTotal::kNone) {
      const auto& first = form_.columns.front();
      return Err(first.lines.Of("total"), "forms.bad_value",
                 fmt::format("Бірінші баған ({}) жиынтық бола алмайды: онда жиыны жолының "
                             "атауы тұрады",
                             first.id),
                 fmt::format("Первый столбец ({}) не может быть итоговым: в нём пишется подпись "
                             "строки итогов",
                             first.id),
                 fmt::format("The first column ({}) cannot carry a total: the totals row's label "
                             "goes there",
                             first.id));
    }
    if (form_.total && !form_.total->in_words_column.empty()) {
      const auto& total = *form_.total;
      const int line = total.lines.Of("in_words");
      const auto index = form_.ColumnIndex(total.in_words_column);
      if (!index) return UnknownColumn(total.in_words_column, line, "[total] in_words");
      if (form_.columns[*index].total != ColumnTotal::kSum) {
        return Err(line, "forms.bad_value",
                   fmt::format("«{}» бағанында «total = sum» жоқ, сондықтан оның жиынын жазбаша "
                               "беруге болмайды",
                               total.in_words_column),
                   fmt::format("У столбца «{}» нет «total = sum», прописью писать нечего",
                               total.in_words_column),
                   fmt::format("Column '{}' has no 'total = sum', so there is no total to write "
                               "in words",
                               total.in_words_column));
      }
    }
    return CheckWidth();
  }

  core::Status UnknownColumn(const std::string& id, int line, std::string_view where) {
    std::vector<std::string> ids;
    std::string list;
    for (const auto& column : form_.columns) {
      ids.push_back(column.id);
      list += list.empty() ? "" : ", ";
      list += column.id;
    }
    core::Error error = Err(line, "forms.unknown_column",
                            fmt::format("{}: «{}» бағаны жоқ; бағандар: {}", where, id, list),
                            fmt::format("{}: нет столбца «{}»; столбцы: {}", where, id, list),
                            fmt::format("{}: no column '{}'; columns: {}", where, id, list));
    AddSuggestion(error, Closest(id, ids));
    return error;
  }

  core::Status CheckPlaceholders() {
    std::string declared;
    for (const auto& parameter : form_.parameters) {
      declared += declared.empty() ? "" : ", ";
      declared += parameter.name;
    }
    for (const auto& use : placeholders_) {
      auto pieces = SplitPlaceholders(use.text);
      if (!pieces.ok()) return Locate(pieces.error(), Where(use.line));
      for (const auto& piece : pieces.value()) {
        if (!piece.placeholder) continue;
        const std::string& name = piece.text;
        const bool known = form_.FindParameter(name) != nullptr || name == "institution" ||
                           (use.value_allowed && name == "value") ||
                           (use.count_allowed && name == "count");
        if (known) continue;
        std::string allowed = declared;
        std::vector<std::string> builtins;
        if (form_.FindParameter("institution") == nullptr) builtins.emplace_back("institution");
        if (use.value_allowed) builtins.emplace_back("value");
        if (use.count_allowed) builtins.emplace_back("count");
        for (const auto& builtin : builtins) {
          allowed += allowed.empty() ? "" : ", ";
          allowed += builtin;
        }
        return Err(
            use.line, "forms.placeholder",
            fmt::format("{{{}}} белгісі ешбір параметрді атамайды; мұнда рұқсат "
                        "етілгендері: {}",
                        name, allowed),
            fmt::format("Подстановка {{{}}} не называет ни одного параметра; здесь "
                        "допустимы: {}",
                        name, allowed),
            fmt::format("Placeholder {{{}}} names no parameter; allowed here: {}", name, allowed));
      }
    }
    return core::Status::Ok();
  }

  core::Status CheckWidth() {
    double total = 0;
    for (const auto& column : form_.columns) total += column.width_mm;
    const bool landscape = form_.page.orientation == Orientation::kLandscape;
    const double usable = (landscape ? kA4LongMm : kA4ShortMm) - 2 * form_.page.margin_mm;
    if (total <= usable + 1e-6) return core::Status::Ok();
    const int line = form_.lines.Of("orientation");
    const std::string hint_kk = landscape ? "" : " (orientation = landscape қолданып көріңіз)";
    const std::string hint_ru = landscape ? "" : " (попробуйте orientation = landscape)";
    const std::string hint_en = landscape ? "" : " (consider orientation = landscape)";
    return Err(line, "forms.too_wide",
               fmt::format("Бағандардың жалпы ені {} мм, ал A4 бетіне {} мм сияды{}",
                           FormatMm(total), FormatMm(usable), hint_kk),
               fmt::format("Общая ширина столбцов {} мм, а на страницу A4 помещается {} мм{}",
                           FormatMm(total), FormatMm(usable), hint_ru),
               fmt::format("The columns are {} mm wide but the A4 page holds {} mm{}",
                           FormatMm(total), FormatMm(usable), hint_en));
  }

  FormTemplate form_;
  std::vector<Section> sections_;
  std::vector<PlaceholderUse> placeholders_;
  bool have_form_ = false;
};

// ---------------------------------------------------------------------------------------
// Validation against a source schema.

class Validator {
 public:
  Validator(const FormTemplate& form, const SourceSchema& schema) : form_(form), schema_(schema) {}

  core::Status Run() {
    if (form_.source != schema_.name) {
      return Err(form_.lines.Of("source"), "forms.unknown_source",
                 fmt::format("Үлгі «{}» көзіне арналған, ал тексеру «{}» көзімен жүріп жатыр",
                             form_.source, schema_.name),
                 fmt::format("Шаблон написан для источника «{}», а проверяется по «{}»",
                             form_.source, schema_.name),
                 fmt::format("The template is for source '{}' but is checked against '{}'",
                             form_.source, schema_.name));
    }
    for (const auto& column : form_.columns) {
      if (auto status = CheckColumn(column); !status.ok()) return status;
    }
    for (const auto& group : form_.groups) {
      const std::string what = fmt::format("[group {}]", group.id);
      auto type = ResolveFieldType(group.field, group.lines, what);
      if (!type.ok()) return type.error();
    }
    if (form_.total && !form_.total->in_words_column.empty()) {
      const auto& column = form_.columns[*form_.ColumnIndex(form_.total->in_words_column)];
      if (const auto type = TypeOf(column); type && *type != FieldType::kMoney) {
        return TypeMismatch(form_.total->lines.Of("in_words"), column.id, *type,
                            "сомасы жазбаша тек ақша бағанына беріледі",
                            "прописью пишется только денежный столбец",
                            "only a money column can be written in words");
      }
    }
    return CheckParameters();
  }

 private:
  core::Error Err(int line, std::string code, std::string kk, std::string ru, std::string en) {
    return TemplateError(form_.Where(line), std::move(code), std::move(kk), std::move(ru),
                         std::move(en));
  }

  std::optional<forms::FieldType> TypeOf(const ColumnDef& column) const {
    if (column.row_number) return forms::FieldType::kInteger;
    const FieldDef* def = schema_.FindField(column.field.ru);
    return def ? std::optional(def->type) : std::nullopt;
  }

  core::Result<forms::FieldType> ResolveFieldType(const FieldRef& field, const SourceLines& lines,
                                                  const std::string& what) {
    const bool per_language = lines.keys.count("field.kk") > 0;
    std::optional<forms::FieldType> type;
    for (const auto& [name, key] :
         {std::pair{field.kk, "field.kk"}, std::pair{field.ru, "field.ru"}}) {
      const int line = lines.Of(per_language ? key : "field");
      const FieldDef* def = schema_.FindField(name);
      if (def == nullptr) return UnknownField(name, line, what);
      if (type && *type != def->type) {
        return Err(line, "forms.type_mismatch",
                   fmt::format("{}: «{}» ({}) және «{}» ({}) өрістерінің түрі әртүрлі", what,
                               field.kk, FieldTypeName(*type), field.ru, FieldTypeName(def->type)),
                   fmt::format("{}: поля «{}» ({}) и «{}» ({}) разных типов", what, field.kk,
                               FieldTypeName(*type), field.ru, FieldTypeName(def->type)),
                   fmt::format("{}: fields '{}' ({}) and '{}' ({}) differ in type", what, field.kk,
                               FieldTypeName(*type), field.ru, FieldTypeName(def->type)));
      }
      type = def->type;
    }
    return *type;
  }

  core::Error UnknownField(const std::string& name, int line, const std::string& what) {
    std::vector<std::string> names;
    for (const auto& def : schema_.fields) names.push_back(def.name);
    core::Error error =
        Err(line, "forms.unknown_field",
            fmt::format("{}: «{}» көзінде «{}» өрісі жоқ", what, schema_.name, name),
            fmt::format("{}: в источнике «{}» нет поля «{}»", what, schema_.name, name),
            fmt::format("unknown field '{}' in {} (source '{}')", name, what, schema_.name));
    AddSuggestion(error, Closest(name, names));
    return error;
  }

  core::Error TypeMismatch(int line, const std::string& column, forms::FieldType type,
                           std::string_view kk, std::string_view ru, std::string_view en) {
    const std::string_view type_name = FieldTypeName(type);
    return Err(line, "forms.type_mismatch",
               fmt::format("[column {}]: өрістің түрі {}; {}", column, type_name, kk),
               fmt::format("[column {}]: поле имеет тип {}; {}", column, type_name, ru),
               fmt::format("[column {}]: the field is of type {}; {}", column, type_name, en));
  }

  core::Status CheckColumn(const ColumnDef& column) {
    const std::string what = fmt::format("[column {}]", column.id);
    forms::FieldType type = forms::FieldType::kInteger;
    if (!column.row_number) {
      auto field_type = ResolveFieldType(column.field, column.lines, what);
      if (!field_type.ok()) return field_type.error();
      type = *field_type;
    }
    if (const auto format_type = ColumnFormatFieldType(column.format);
        format_type && *format_type != type) {
      return TypeMismatch(column.lines.Of("format"), column.id, type,
                          fmt::format("«{}» форматы {} түріне арналған",
                                      ColumnFormatName(column.format), FieldTypeName(*format_type)),
                          fmt::format("формат «{}» предназначен для типа {}",
                                      ColumnFormatName(column.format), FieldTypeName(*format_type)),
                          fmt::format("format '{}' is for type {}", ColumnFormatName(column.format),
                                      FieldTypeName(*format_type)));
    }
    if (column.total == ColumnTotal::kSum && type != forms::FieldType::kMoney &&
        type != forms::FieldType::kInteger) {
      return TypeMismatch(column.lines.Of("total"), column.id, type,
                          "тек money және integer бағандары қосылады (санау үшін total = count)",
                          "суммировать можно только money и integer (для подсчёта — total = count)",
                          "only money and integer columns can be summed (use total = count to "
                          "count rows)");
    }
    if (column.drill && schema_.FindField(column.drill->field) == nullptr) {
      return UnknownField(column.drill->field, column.lines.Of("drill"), what + " drill");
    }
    return core::Status::Ok();
  }

  core::Status CheckParameters() {
    for (const auto& parameter : form_.parameters) {
      const SourceParameter* accepted = schema_.FindParameter(parameter.name);
      if (accepted == nullptr) {
        std::string list;
        for (const auto& p : schema_.parameters) {
          list += list.empty() ? "" : ", ";
          list += p.name;
        }
        return Err(parameter.lines.section, "forms.unknown_parameter",
                   fmt::format("«{}» көзі «{}» параметрін қабылдамайды; қабылдайтындары: {}",
                               schema_.name, parameter.name, list),
                   fmt::format("Источник «{}» не принимает параметр «{}»; принимает: {}",
                               schema_.name, parameter.name, list),
                   fmt::format("Source '{}' does not accept parameter '{}'; it accepts: {}",
                               schema_.name, parameter.name, list));
      }
      if (accepted->type != parameter.type) {
        return Err(parameter.lines.Of("type"), "forms.type_mismatch",
                   fmt::format("«{}» параметрінің түрі «{}» көзінде {}", parameter.name,
                               schema_.name, ParameterTypeName(accepted->type)),
                   fmt::format("У параметра «{}» в источнике «{}» тип {}", parameter.name,
                               schema_.name, ParameterTypeName(accepted->type)),
                   fmt::format("Parameter '{}' of source '{}' is of type {}", parameter.name,
                               schema_.name, ParameterTypeName(accepted->type)));
      }
      if (accepted->required && !parameter.required && parameter.default_value.empty()) {
        return Err(
            parameter.lines.Of("required"), "forms.missing_parameter",
            fmt::format("«{}» көзіне «{}» параметрі міндетті", schema_.name, parameter.name),
            fmt::format("Параметр «{}» обязателен для источника «{}»", parameter.name,
                        schema_.name),
            fmt::format("Parameter '{}' is required by source '{}'", parameter.name, schema_.name));
      }
    }
    for (const auto& accepted : schema_.parameters) {
      if (!accepted.required || form_.FindParameter(accepted.name) != nullptr) continue;
      return Err(form_.lines.Of("source"), "forms.missing_parameter",
                 fmt::format("«{}» көзі «{}» параметрін талап етеді: [parameter {}] бөлімін "
                             "қосыңыз",
                             schema_.name, accepted.name, accepted.name),
                 fmt::format("Источнику «{}» нужен параметр «{}»: добавьте раздел "
                             "[parameter {}]",
                             schema_.name, accepted.name, accepted.name),
                 fmt::format("Source '{}' requires parameter '{}': add a [parameter {}] section",
                             schema_.name, accepted.name, accepted.name));
    }
    return core::Status::Ok();
  }

  const FormTemplate& form_;
  const SourceSchema& schema_;
};

core::Result<std::string> ReadFile(const std::filesystem::path& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in) {
    return core::MakeError("forms.file", fmt::format("«{}» файлын оқу мүмкін емес", shown),
                           fmt::format("Не удалось прочитать файл «{}»", shown),
                           fmt::format("Cannot read file '{}'", shown), shown);
  }
  return buffer.str();
}

}  // namespace

core::Result<FormTemplate> ParseTemplate(std::string_view text, std::string file_name) {
  return Parser(std::move(file_name)).Run(text);
}

core::Status ValidateTemplate(const FormTemplate& form, const SourceSchema& schema) {
  return Validator(form, schema).Run();
}

const FormTemplate* TemplateSet::Find(std::string_view id) const {
  const auto it = templates_.find(id);
  return it == templates_.end() ? nullptr : &it->second;
}

core::Result<TemplateSet> LoadTemplates(const std::filesystem::path& dir,
                                        const SchemaLookup& schemas) {
  const std::string dir_name =
      dir.filename().empty() ? dir.parent_path().filename().string() : dir.filename().string();
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".form" && it->is_regular_file()) files.push_back(it->path());
  }
  if (ec || files.empty()) {
    const std::string shown = dir.string();
    return core::MakeError(
        "forms.dir", fmt::format("«{}» қалтасы оқылмайды немесе онда *.form үлгілері жоқ", shown),
        fmt::format("Каталог «{}» не читается или в нём нет шаблонов *.form", shown),
        fmt::format("Directory '{}' is unreadable or holds no *.form templates", shown), shown);
  }
  std::sort(files.begin(), files.end());

  TemplateSet set;
  std::vector<core::Error> errors;
  for (const auto& path : files) {
    const std::string shown = dir_name + "/" + path.filename().string();
    auto text = ReadFile(path, shown);
    if (!text.ok()) {
      errors.push_back(text.error());
      continue;
    }
    auto form = ParseTemplate(*text, shown);
    if (!form.ok()) {
      errors.push_back(form.error());
      continue;
    }
    const std::string stem = path.stem().string();
    if (form->id != stem) {
      errors.push_back(TemplateError(
          form->Where(form->lines.Of("id")), "forms.id_mismatch",
          fmt::format("Үлгінің id «{}» файл атауымен («{}») бірдей болуы керек", form->id, stem),
          fmt::format("id шаблона «{}» должен совпадать с именем файла («{}»)", form->id, stem),
          fmt::format("The template id '{}' must equal the file name ('{}')", form->id, stem)));
      continue;
    }
    const SourceSchema* schema = schemas ? schemas(form->source) : nullptr;
    if (schema == nullptr) {
      errors.push_back(TemplateError(form->Where(form->lines.Of("source")), "forms.unknown_source",
                                     fmt::format("«{}» деректер көзі жоқ", form->source),
                                     fmt::format("Нет источника данных «{}»", form->source),
                                     fmt::format("No data source '{}'", form->source)));
      continue;
    }
    if (auto status = ValidateTemplate(*form, *schema); !status.ok()) {
      errors.push_back(status.error());
      continue;
    }
    set.templates_.emplace(form->id, std::move(form).value());
  }
  if (errors.empty()) return set;
  core::Error first = errors.front();
  if (errors.size() > 1) {
    first.details.clear();
    for (const auto& error : errors) {
      first.details += first.details.empty() ? "" : "\n";
      first.details += error.message.en;
    }
  }
  return first;
}

}  // namespace esep::forms
