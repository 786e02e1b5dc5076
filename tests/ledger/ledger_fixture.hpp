#pragma once
/// @file
/// LedgerTest: a fresh database with two schools and the smallest reference data the ledger
/// tests need — a few accounts of plan № 281 with their analytics, a program, specifics, a
/// financing source, memorial-order rules and a counterparty per school.

#include <cstdio>
#include <pqxx/pqxx>
#include <string>

#include "esep/core/iin.hpp"
#include "esep/ledger/documents.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/institutions.hpp"
#include "pg_test.hpp"

namespace esep::testing {

class LedgerTest : public PgTest {
 protected:
  static constexpr const char* kProgram = "04.2.464.003.015";

  void SetUp() override {
    PgTest::SetUp();
    pqxx::work tx(db());
    const auto system = platform::Actor::System("setup");
    school1_ = platform::CreateInstitution(tx, system, School(1, "Школа № 1"))->id;
    school2_ = platform::CreateInstitution(tx, system, School(2, "Школа № 2"))->id;
    tx.exec0(
        "INSERT INTO ledger_accounts (code, valid_from, name_kk, name_ru, section, kind, balance, "
        "postable, dimensions, source) VALUES "
        "('1', '2020-01-01', 'Қысқа мерзімді активтер', 'Краткосрочные активы', 1, 'asset', "
        " 'debit', false, '{}', 'test'),"
        "('000', '2020-01-01', 'Қосалқы шот', 'Вспомогательный счёт', 0, 'technical', 'either', "
        " true, '{}', 'test'),"
        "('1010', '2020-01-01', 'Кассадағы ақша', 'Деньги в кассе', 1, 'asset', 'debit', true, "
        " '{source}', 'test'),"
        "('1311', '2020-01-01', 'Құрылыс материалдары', 'Строительные материалы', 1, 'asset', "
        " 'debit', true, '{}', 'test'),"
        "('3210', '2020-01-01', 'Жеткізушілерге берешек', 'КЗ поставщикам', 3, 'liability', "
        " 'credit', true, '{counterparty}', 'test'),"
        "('7060', '2020-01-01', 'Қорлар бойынша шығыстар', 'Расходы по запасам', 7, 'expense', "
        " 'debit', true, '{program,specific,source}', 'test')");
    tx.exec0(
        "INSERT INTO ledger_codes (kind, code, valid_from, valid_to, parent_code, level, postable, "
        "name_ru, source) VALUES "
        "('functional', '04.2.464.003', '2020-01-01', NULL, '04.2.464', 'program', false, "
        " 'Общеобразовательное обучение', 'test'),"
        "('functional', '04.2.464.003.015', '2020-01-01', NULL, '04.2.464.003', 'subprogram', "
        " true, 'За счёт средств местного бюджета', 'test'),"
        "('economic', '144', '2020-01-01', NULL, NULL, 'specific', true, "
        " 'Приобретение топлива, ГСМ', 'test'),"
        "('economic', '149', '2020-01-01', '2025-12-31', NULL, 'specific', true, "
        " 'Приобретение прочих запасов (до 2026)', 'test'),"
        "('source', 'LB', '2020-01-01', NULL, NULL, 'source', true, 'Местный бюджет', 'test')");
    tx.exec0(
        "INSERT INTO ledger_memorial_order_rules (debit_prefix, credit_prefix, priority, "
        "order_number, valid_from, source) VALUES "
        "('', '1010', 0, 1, '2020-01-01', 'test'), ('1010', '', 0, 1, '2020-01-01', 'test'),"
        "('7060', '', 0, 13, '2020-01-01', 'test'), ('', '000', 0, 99, '2020-01-01', 'test'),"
        "('000', '', 0, 99, '2020-01-01', 'test')");
    supplier1_ = tx.exec_params1("INSERT INTO counterparties (org_id, bin_iin, name) VALUES "
                                 "($1, '100140011059', 'ТОО Поставщик') RETURNING id",
                                 school1_.value())[0]
                     .as<std::int64_t>();
    supplier2_ = tx.exec_params1("INSERT INTO counterparties (org_id, bin_iin, name) VALUES "
                                 "($1, '100140011059', 'ТОО Поставщик') RETURNING id",
                                 school2_.value())[0]
                     .as<std::int64_t>();
    tx.commit();
  }

  static core::Date D(const char* iso) { return core::Date::Parse(iso).value(); }

  /// Fuel bought on credit and expensed (Дт 7060 Кт 1010, with the expense analytics).
  ledger::EntryInput Expense(std::int64_t tiyn, const char* specific = "144") const {
    ledger::EntryInput line;
    line.debit_account = "7060";
    line.debit.program = kProgram;
    line.debit.specific = specific;
    line.debit.source = "LB";
    line.credit_account = "1010";
    line.credit.source = "LB";
    line.amount = tiyn;
    line.content = "Топливо";
    return line;
  }

  /// Materials received from a supplier (Дт 1311 Кт 3210): no memorial-order rule matches.
  ledger::EntryInput Materials(std::int64_t tiyn, std::int64_t supplier) const {
    ledger::EntryInput line;
    line.debit_account = "1311";
    line.credit_account = "3210";
    line.credit.counterparty = supplier;
    line.amount = tiyn;
    return line;
  }

  /// Cash at the start of 2026 (Дт 1010 Кт 000 on 31.12.2025), so that spending it leaves the
  /// cash account on its own side.
  ledger::DocumentInput Opening(core::OrgId org, std::int64_t tiyn) const {
    ledger::EntryInput line;
    line.debit_account = "1010";
    line.debit.source = "LB";
    line.credit_account = "000";
    line.amount = tiyn;
    ledger::DocumentInput input = Doc(org, "2025-12-31", {line});
    input.kind = ledger::DocumentKind::kOpening;
    return input;
  }

  ledger::DocumentInput Doc(core::OrgId org, const char* date,
                            std::vector<ledger::EntryInput> lines) const {
    ledger::DocumentInput input;
    input.org = org;
    input.date = D(date);
    input.content = "Бухгалтерская справка";
    input.lines = std::move(lines);
    return input;
  }

  std::int64_t Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<std::int64_t>();
  }

  core::OrgId school1_, school2_;
  std::int64_t supplier1_ = 0, supplier2_ = 0;

 private:
  static platform::InstitutionInput School(int serial, const std::string& name) {
    platform::InstitutionInput input;
    for (int candidate = serial * 10;; ++candidate) {
      char first11[16];
      std::snprintf(first11, sizeof first11, "200540%05d", candidate);
      const int check = core::KzCheckDigit(first11);
      if (check < 0) continue;
      input.bin = std::string(first11) + static_cast<char>('0' + check);
      break;
    }
    input.name_ru = name;
    input.name_kk = name + " (kk)";
    input.kind = platform::InstitutionKind::kKgu;
    input.budget_level = 3;
    return input;
  }
};

}  // namespace esep::testing
