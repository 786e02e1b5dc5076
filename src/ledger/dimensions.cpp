#include "esep/ledger/dimensions.hpp"

#include <stdexcept>

namespace esep::ledger {

const std::array<DimensionInfo, kDimensionCount>& AllDimensions() {
  static const std::array<DimensionInfo, kDimensionCount> kAll{{
      {Dimension::kProgram,
       "program",
       "functional",
       {"Бюджеттік бағдарлама (кіші бағдарлама)", "Бюджетная программа (подпрограмма)",
        "Budget program (subprogram)"}},
      {Dimension::kSpecific,
       "specific",
       "economic",
       {"Экономикалық сыныптаманың ерекшелігі", "Специфика экономической классификации",
        "Specific of the economic classification"}},
      {Dimension::kIncome,
       "income",
       "income",
       {"Түсімдер сыныптамасының коды", "Код классификации поступлений", "Income code"}},
      {Dimension::kSource,
       "source",
       "source",
       {"Қаржыландыру көзі", "Источник финансирования", "Financing source"}},
      {Dimension::kPaidService,
       "paid_service",
       "paid_service",
       {"Ақылы қызметтердің коды", "Код платных услуг", "Paid service code"}},
      {Dimension::kKsn,
       "ksn",
       "ksn",
       {"Қолма-қол ақшаны бақылау шоты", "Контрольный счёт наличности", "Control cash account"}},
      {Dimension::kCounterparty,
       "counterparty",
       "",
       {"Контрагент", "Контрагент", "Counterparty"}},
  }};
  return kAll;
}

const DimensionInfo& Info(Dimension dimension) {
  return AllDimensions()[static_cast<std::size_t>(dimension)];
}

std::optional<Dimension> ParseDimension(std::string_view code) {
  for (const DimensionInfo& info : AllDimensions()) {
    if (info.code == code) return info.dimension;
  }
  return std::nullopt;
}

const std::string& Analytics::Code(Dimension dimension) const {
  switch (dimension) {
    case Dimension::kProgram: return program;
    case Dimension::kSpecific: return specific;
    case Dimension::kIncome: return income;
    case Dimension::kSource: return source;
    case Dimension::kPaidService: return paid_service;
    case Dimension::kKsn: return ksn;
    case Dimension::kCounterparty: break;
  }
  throw std::invalid_argument("Analytics::Code: the counterparty is an id, not a code");
}

std::string& Analytics::Code(Dimension dimension) {
  return const_cast<std::string&>(static_cast<const Analytics&>(*this).Code(dimension));
}

bool Analytics::Has(Dimension dimension) const {
  return dimension == Dimension::kCounterparty ? counterparty != 0 : !Code(dimension).empty();
}

}  // namespace esep::ledger
