// The turnover statement at scale: N postings (default 1,000,000) for 500 institutions over
// the 12 months of 2026, generated in SQL the way posting stores them (documents, postings,
// monthly totals), then the statement for December — all institutions at account level, and
// one institution with full analytics — timed as the median of 7 runs. The issue's target is
// at most 20 ms at 1M and nearly the same at 10M: the cost must follow the totals, not the
// postings.
//
//   ledger_turnover_bench [--postings N] [--dir DIR]     (a durable cluster in DIR or /tmp)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "esep/db/embedded_cluster.hpp"
#include "esep/db/migrator.hpp"
#include "esep/ledger/turnover.hpp"
#include "esep/platform/actor.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace ledger = esep::ledger;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Accounts with the analytics they require, and typical operations between them.
constexpr const char* kReference = R"SQL(
INSERT INTO ledger_accounts (code, valid_from, name_kk, name_ru, section, kind, balance, postable, dimensions, source) VALUES
 ('000', '2020-01-01', 'Қосалқы', 'Вспомогательный', 0, 'technical', 'either', true, '{}', 'bench'),
 ('1010', '2020-01-01', 'Касса', 'Касса', 1, 'asset', 'debit', true, '{source}', 'bench'),
 ('1040', '2020-01-01', 'ҚБШ', 'КСН', 1, 'asset', 'debit', true, '{source}', 'bench'),
 ('1081', '2020-01-01', 'ЖҚЖ', 'ИПФ', 1, 'asset', 'either', true, '{program,specific,source}', 'bench'),
 ('1311', '2020-01-01', 'Материалдар', 'Материалы', 1, 'asset', 'debit', true, '{}', 'bench'),
 ('1316', '2020-01-01', 'Шаруашылық', 'Хозяйственные', 1, 'asset', 'debit', true, '{}', 'bench'),
 ('1280', '2020-01-01', 'Дебиторлар', 'Дебиторы', 1, 'asset', 'debit', true, '{counterparty}', 'bench'),
 ('2310', '2020-01-01', 'НҚ', 'ОС', 2, 'asset', 'debit', true, '{}', 'bench'),
 ('3122', '2020-01-01', 'Әлеуметтік салық', 'Соцналог', 3, 'liability', 'credit', true, '{}', 'bench'),
 ('3210', '2020-01-01', 'Жеткізушілер', 'Поставщики', 3, 'liability', 'credit', true, '{counterparty}', 'bench'),
 ('3241', '2020-01-01', 'Жалақы', 'Зарплата', 3, 'liability', 'credit', true, '{}', 'bench'),
 ('6010', '2020-01-01', 'Қаржыландыру', 'Финансирование', 6, 'income', 'credit', true, '{program,specific,source}', 'bench'),
 ('7010', '2020-01-01', 'Еңбекақы', 'Оплата труда', 7, 'expense', 'debit', true, '{program,specific,source}', 'bench'),
 ('7060', '2020-01-01', 'Қорлар', 'Запасы', 7, 'expense', 'debit', true, '{program,specific,source}', 'bench'),
 ('7110', '2020-01-01', 'Қызметтер', 'Услуги', 7, 'expense', 'debit', true, '{program,specific,source}', 'bench');
)SQL";

// One posting per row: an operation template, an institution, a month, a specific and a
// counterparty picked by hashing the row number (repeatable, no random state).
constexpr const char* kGenerate = R"SQL(
WITH ops(op, debit_account, credit_account, debit_kind, credit_kind) AS (VALUES
  (0, '7010', '3241', 'budget', 'none'), (1, '3241', '1040', 'none', 'source'),
  (2, '7060', '1311', 'budget', 'none'), (3, '1311', '3210', 'none', 'cp'),
  (4, '3210', '1040', 'cp', 'source'), (5, '7110', '3210', 'budget', 'cp'),
  (6, '1040', '6010', 'source', 'budget'), (7, '7010', '3122', 'budget', 'none'),
  (8, '1316', '3210', 'none', 'cp'), (9, '1280', '1010', 'cp', 'source')),
rows AS (
  SELECT g, (g % 10) AS op, 1 + (hashint4(g) & 2147483647) % $2 AS org_n,
         1 + (hashint4(g + 7) & 2147483647) % 12 AS month,
         (ARRAY['111','113','121','122','144','149','151','152','159','169'])[1 + (hashint4(g + 13) & 2147483647) % 10] AS specific,
         1 + (hashint4(g + 29) & 2147483647) % 20 AS cp_n
  FROM generate_series(1, $1) AS g)
INSERT INTO bench_postings
SELECT g, o.org_id, make_date(2026, month, 1 + (g % 28)::int), ops.debit_account, ops.credit_account,
       CASE ops.debit_kind WHEN 'budget' THEN b.id WHEN 'source' THEN s.id WHEN 'cp' THEN c.id ELSE e.id END,
       CASE ops.credit_kind WHEN 'budget' THEN b.id WHEN 'source' THEN s.id WHEN 'cp' THEN c.id ELSE e.id END,
       100 + (hashint4(g + 41) & 2147483647) % 10000000
FROM rows JOIN ops USING (op)
JOIN bench_orgs o ON o.n = rows.org_n
JOIN ledger_analytics b ON b.program = '04.2.464.003.015' AND b.specific = rows.specific AND b.source = 'LB' AND b.counterparty = 0
JOIN ledger_analytics s ON s.program = '' AND s.specific = '' AND s.source = 'LB' AND s.counterparty = 0
JOIN ledger_analytics c ON c.counterparty = rows.cp_n AND c.program = ''
JOIN ledger_analytics e ON e.program = '' AND e.source = '' AND e.counterparty = 0 AND e.specific = ''
)SQL";

std::vector<double> Time(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    ms.push_back(Ms(Clock::now() - start));
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  long long postings = 1'000'000;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "esep-ledger-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--postings") postings = std::stoll(argv[i + 1]);
    if (flag == "--dir") dir = argv[i + 1];
  }
  constexpr int kInstitutions = 500;
  std::filesystem::remove_all(dir);
  esep::db::EmbeddedCluster cluster({.dir = dir, .throwaway = false, .port = 55431});
  if (auto s = cluster.Init(); !s) return std::fprintf(stderr, "%s\n", s.error().message.en.c_str()), 1;
  if (auto s = cluster.Start(); !s) return std::fprintf(stderr, "%s\n", s.error().message.en.c_str()), 1;
  int status = 0;
  try {
    pqxx::connection connection(cluster.ConnectionString());
    auto migrations = esep::db::LoadMigrations(esep::db::DefaultSqlDir());
    if (!esep::db::Migrator(migrations.value()).Apply(connection)) throw std::runtime_error("migrate");
    const auto generate_start = Clock::now();
    {
      pqxx::work tx(connection);
      tx.exec0(kReference);
      tx.exec0("INSERT INTO institutions (bin, name_kk, name_ru, kind, budget_level) "
               "SELECT lpad(g::text, 12, '0'), 'Мектеп ' || g, 'Школа ' || g, 'kgu', 3 "
               "FROM generate_series(1, " + std::to_string(kInstitutions) + ") g");
      tx.exec0("CREATE TEMP TABLE bench_orgs AS SELECT row_number() OVER (ORDER BY id) AS n, "
               "id AS org_id FROM institutions");
      tx.exec0("INSERT INTO ledger_analytics (program, specific, source) SELECT '04.2.464.003.015', s, 'LB' "
               "FROM unnest(ARRAY['111','113','121','122','144','149','151','152','159','169']) s");
      tx.exec0("INSERT INTO ledger_analytics (source) VALUES ('LB'), ('')");
      tx.exec0("INSERT INTO ledger_analytics (counterparty) SELECT g FROM generate_series(1, 20) g");
      tx.exec0("CREATE TEMP TABLE bench_postings (g bigint, org_id bigint, day date, da text, "
               "ca text, dan bigint, can bigint, amount bigint)");
      tx.exec_params0(kGenerate, postings, kInstitutions);
      // Two postings per document, as a small справка has.
      tx.exec0("INSERT INTO ledger_documents (id, org_id, kind, number, doc_date, state, total) "
               "SELECT (g + 1) / 2, min(org_id), 'operation', ((g + 1) / 2)::text, min(day), "
               "'posted', sum(amount) FROM bench_postings GROUP BY (g + 1) / 2");
      tx.exec0("INSERT INTO ledger_entries (org_id, document_id, line_no, entry_date, debit_account, "
               "debit_analytics, credit_account, credit_analytics, amount, posted, memorial_order) "
               "SELECT d.org_id, d.id, 1 + (p.g + 1) % 2, d.doc_date, p.da, p.dan, p.ca, p.can, "
               "p.amount, true, 1 FROM bench_postings p JOIN ledger_documents d ON d.id = (p.g + 1) / 2");
      tx.exec0("INSERT INTO ledger_totals (org_id, period, account, analytics, debit, credit) "
               "SELECT org_id, date_trunc('month', entry_date)::date, account, analytics, "
               "sum(debit), sum(credit) FROM ("
               " SELECT org_id, entry_date, debit_account account, debit_analytics analytics, "
               "  amount debit, 0 credit FROM ledger_entries"
               " UNION ALL SELECT org_id, entry_date, credit_account, credit_analytics, 0, amount "
               "  FROM ledger_entries) s GROUP BY 1, 2, 3, 4");
      tx.commit();
    }
    {
      pqxx::nontransaction admin(connection);
      admin.exec0("VACUUM ANALYZE");
    }
    const double generate_s = Ms(Clock::now() - generate_start) / 1000;
    pqxx::work tx(connection);
    esep::platform::ApplyActor(tx, esep::platform::Actor::System("bench"));
    const long long totals = tx.exec1("SELECT count(*) FROM ledger_totals")[0].as<long long>();
    std::vector<esep::core::OrgId> all;
    for (const pqxx::row& row : tx.exec("SELECT id FROM institutions ORDER BY id")) {
      all.emplace_back(row[0].as<std::int64_t>());
    }
    const auto december = esep::core::Period::Month(2026, 12).value();
    ledger::TurnoverQuery by_account{.orgs = all, .from = december, .to = december};
    ledger::TurnoverQuery one_org{
        .orgs = {all.front()}, .from = december, .to = december, .by_analytics = true};
    std::size_t rows_all = 0, rows_one = 0;
    const auto account_ms =
        Time(7, [&] { rows_all = ledger::TurnoverStatement(tx, by_account).size(); });
    const auto analytics_ms =
        Time(7, [&] { rows_one = ledger::TurnoverStatement(tx, one_org).size(); });
    // Anchor: the cheapest possible read of the same rows, one aggregate over ledger_totals.
    const auto anchor_ms = Time(7, [&] { tx.exec("SELECT sum(debit) FROM ledger_totals"); });
    std::printf("postings %lld, institutions %d, totals rows %lld, generated in %.1f s\n",
                postings, kInstitutions, totals, generate_s);
    std::printf("turnover Dec 2026, all institutions, accounts: median %.2f ms (min %.2f, max %.2f), %zu rows\n",
                account_ms[3], account_ms.front(), account_ms.back(), rows_all);
    std::printf("turnover Dec 2026, one institution, full analytics: median %.2f ms (min %.2f, max %.2f), %zu rows\n",
                analytics_ms[3], analytics_ms.front(), analytics_ms.back(), rows_one);
    std::printf("anchor: sum over all ledger_totals rows: median %.2f ms\n", anchor_ms[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ledger_turnover_bench: %s\n", e.what());
    status = 1;
  }
  (void)cluster.Stop();
  std::filesystem::remove_all(dir);
  return status;
}
