#include "esep/ledger/posting_rules.hpp"

#include <algorithm>
#include <regex>

namespace esep::ledger {
namespace {

constexpr std::size_t kMaxContent = 2000, kMaxLineContent = 1000;

std::string LineField(std::size_t index, std::string_view member) {
  return "lines[" + std::to_string(index) + "]" + (member.empty() ? "" : ".") + std::string(member);
}

core::Error LineError(std::string code, std::size_t index, std::string_view member,
                      const std::string& kk, const std::string& ru, const std::string& en) {
  const std::string row = " (" + std::to_string(index + 1) + ")";
  return core::MakeError(std::move(code), kk + row, ru + row, en + row, LineField(index, member));
}

core::Status CheckAccount(const ReferenceSnapshot& reference, const DocumentInput& document,
                          std::size_t index, const std::string& side) {
  const EntryInput& line = document.lines[index];
  const std::string& code = side == "debit" ? line.debit_account : line.credit_account;
  const std::string field = side + "_account";
  const auto found = reference.accounts.find(code);
  if (found == reference.accounts.end()) {
    return LineError("ledger.account_unknown", index, field,
                     "Шот " + code + " шоттар жоспарында жоқ немесе құжат күніне әрекет етпейді",
                     "Счёт " + code + " отсутствует в плане счетов или не действует на дату документа",
                     "Account " + code + " is not in the chart or not in force on the document's date");
  }
  const Account& account = found->second;
  if (!account.postable) {
    return LineError("ledger.account_heading", index, field,
                     "Шот " + code + " — бөлім тақырыбы, оған жазба жасалмайды",
                     "Счёт " + code + " — заголовок раздела, на него нельзя делать проводки",
                     "Account " + code + " is a heading and takes no postings");
  }
  if (account.kind == kOpeningAccountKind && document.kind != DocumentKind::kOpening) {
    return LineError("ledger.account_technical", index, field,
                     "Шот " + code + " тек бастапқы қалдықтарды енгізуге арналған",
                     "Счёт " + code + " служит только для ввода начальных остатков",
                     "Account " + code + " is only for entering opening balances");
  }
  return {};
}

core::Status CheckAnalytics(const ReferenceSnapshot& reference, std::size_t index,
                            const std::string& side, const std::string& account_code,
                            const Analytics& analytics) {
  const Account& account = reference.accounts.at(account_code);
  for (const DimensionInfo& info : AllDimensions()) {
    const bool required = std::find(account.dimensions.begin(), account.dimensions.end(),
                                    info.dimension) != account.dimensions.end();
    const std::string member = side + "." + std::string(info.code);
    const bool given = analytics.Has(info.dimension);
    if (required && !given) {
      return LineError("ledger.analytics_required", index, member,
                       account_code + " шотына «" + info.name.kk + "» көрсетілуі керек",
                       "Для счёта " + account_code + " нужно указать «" + info.name.ru + "»",
                       "Account " + account_code + " needs the " + info.name.en);
    }
    if (!required && given) {
      return LineError("ledger.analytics_not_used", index, member,
                       account_code + " шотында «" + info.name.kk + "» аналитикасы жүргізілмейді",
                       "По счёту " + account_code + " аналитика «" + info.name.ru + "» не ведётся",
                       "Account " + account_code + " keeps no " + info.name.en);
    }
    if (!given) continue;
    if (info.dimension == Dimension::kCounterparty) {
      if (!reference.counterparties.contains(analytics.counterparty)) {
        return LineError("ledger.counterparty_unknown", index, member,
                         "Контрагент мекеменің анықтамалығында жоқ немесе белсенді емес",
                         "Контрагент не найден в справочнике учреждения или не активен",
                         "The counterparty is not in the institution's list or is inactive");
      }
      continue;
    }
    const std::string& code = analytics.Code(info.dimension);
    if (!reference.postable_codes.contains({std::string(info.code_kind), code})) {
      return LineError("ledger.code_unknown", index, member,
                       "«" + info.name.kk + "» коды " + code + " құжат күніне әрекет етпейді",
                       "Код " + code + " («" + info.name.ru + "») не действует на дату документа",
                       "Code " + code + " (" + info.name.en + ") is not in force on the date");
    }
  }
  return {};
}

// Two matching rules never tie: equal priorities and prefix lengths would mean equal
// prefixes (both match the same accounts), which the table's exclusion constraint forbids.
bool Precedes(const MemorialOrderRule& a, const MemorialOrderRule& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  const std::size_t a_length = a.debit_prefix.size() + a.credit_prefix.size();
  const std::size_t b_length = b.debit_prefix.size() + b.credit_prefix.size();
  if (a_length != b_length) return a_length > b_length;
  return a.debit_prefix.size() > b.debit_prefix.size();
}

}  // namespace

std::string_view DocumentKindCode(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kOperation: return "operation";
    case DocumentKind::kReversal: return "reversal";
    case DocumentKind::kOpening: return "opening";
  }
  return "operation";
}

std::optional<DocumentKind> ParseDocumentKind(std::string_view code) {
  for (DocumentKind kind : {DocumentKind::kOperation, DocumentKind::kReversal, DocumentKind::kOpening}) {
    if (DocumentKindCode(kind) == code) return kind;
  }
  return std::nullopt;
}

core::Status ValidateDocument(const DocumentInput& document, const ReferenceSnapshot& reference) {
  if (document.lines.empty()) {
    return core::MakeError("ledger.no_lines", "Құжатта бірде-бір жазба жоқ",
                           "В документе нет ни одной проводки", "The document has no postings",
                           "lines");
  }
  if (document.lines.size() > kMaxLines) {
    return core::MakeError(
        "ledger.too_many_lines", "Бір құжатта " + std::to_string(kMaxLines) + " жазбадан көп болмайды",
        "В одном документе не более " + std::to_string(kMaxLines) + " проводок",
        "A document has at most " + std::to_string(kMaxLines) + " postings", "lines");
  }
  if (document.content.size() > kMaxContent) {
    return core::MakeError("ledger.content_too_long", "Мазмұны тым ұзын",
                           "Содержание слишком длинное", "The content is too long", "content");
  }
  static const std::regex kQuantity(R"(-?[0-9]{1,15}(\.[0-9]{1,3})?)");
  for (std::size_t i = 0; i < document.lines.size(); ++i) {
    const EntryInput& line = document.lines[i];
    if (line.amount <= 0) {
      return LineError("ledger.amount_positive", i, "amount", "Сома нөлден үлкен болуы керек",
                       "Сумма должна быть больше нуля", "The amount must be above zero");
    }
    if (line.amount > kMaxLineAmount) {
      return LineError("ledger.amount_too_large", i, "amount", "Сома тым үлкен",
                       "Сумма слишком велика", "The amount is too large");
    }
    if (line.quantity && !std::regex_match(*line.quantity, kQuantity)) {
      return LineError("ledger.quantity_format", i, "quantity",
                       "Саны — үтірден кейін 3 таңбаға дейінгі сан",
                       "Количество — число с не более чем 3 знаками после точки",
                       "The quantity is a number with at most 3 decimal places");
    }
    if (line.content.size() > kMaxLineContent) {
      return LineError("ledger.content_too_long", i, "content", "Жазба мазмұны тым ұзын",
                       "Содержание проводки слишком длинное", "The posting's content is too long");
    }
    if (auto status = CheckAccount(reference, document, i, "debit"); !status) return status;
    if (auto status = CheckAccount(reference, document, i, "credit"); !status) return status;
    if (line.debit_account == line.credit_account && line.debit == line.credit) {
      return LineError("ledger.same_sides", i, "", "Дебет пен кредит бірдей: жазба ештеңе өзгертпейді",
                       "Дебет и кредит совпадают: проводка ничего не меняет",
                       "Debit and credit are the same: the posting changes nothing");
    }
    if (auto status = CheckAnalytics(reference, i, "debit", line.debit_account, line.debit); !status) {
      return status;
    }
    if (auto status = CheckAnalytics(reference, i, "credit", line.credit_account, line.credit);
        !status) {
      return status;
    }
  }
  return {};
}

std::optional<int> MemorialOrderFor(const std::vector<MemorialOrderRule>& rules,
                                    const std::string& debit_account,
                                    const std::string& credit_account) {
  const MemorialOrderRule* best = nullptr;
  for (const MemorialOrderRule& rule : rules) {
    if (!debit_account.starts_with(rule.debit_prefix) ||
        !credit_account.starts_with(rule.credit_prefix)) {
      continue;
    }
    if (best == nullptr || Precedes(rule, *best)) best = &rule;
  }
  if (best == nullptr) return std::nullopt;
  return best->order_number;
}

}  // namespace esep::ledger
