// PagedListModel and ListCatalog against a real esep-server's generic lists: the catalog, the
// exact total as rowCount, a deep page loaded on demand, at most two pages in flight, headers
// in the chosen language, sorting by re-querying, filters and the server's errors.
#include <QJsonObject>
#include <QSignalSpy>
#include <algorithm>
#include <pqxx/pqxx>

#include "client_test.hpp"
#include "esep/client/list_catalog.hpp"
#include "esep/client/lru_page_cache.hpp"
#include "esep/client/paged_list_model.hpp"

namespace esep::testing {
namespace {

using client::ListCatalog;
using client::PagedListModel;

constexpr int kRows = 5000;

class PagedListModelTest : public ClientTest {
 protected:
  void SetUp() override {
    ClientTest::SetUp();
    if (HasFatalFailure()) return;
    // kRows audit rows of the department with entity ids 000001..005000, in one statement.
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, at, prev_hash, hash) "
        "SELECT 'mutation', 'client.row', $1::bigint, 'doc', lpad(g::text, 6, '0'), "
        "clock_timestamp(), sha256(g::text::bytea), sha256(('client/' || g)::bytea) "
        "FROM generate_series(1, $2::int) AS g",
        department_.value(), kRows);
    tx.commit();
    api_.SetProfile(PinnedProfile());
    api_.SetToken(QString::fromStdString(admin_token_));
  }

  // The catalog's columns of `name` (asserts the list is there).
  QList<client::ListColumn> Columns(const QString& name) {
    ListCatalog catalog(&api_);
    QSignalSpy loaded(&catalog, &ListCatalog::loaded);
    catalog.Load();
    EXPECT_TRUE(loaded.wait(20'000));
    const client::ListInfo* info = catalog.Find(name);
    EXPECT_NE(info, nullptr) << name.toStdString();
    return info ? info->columns : QList<client::ListColumn>();
  }

  static int ColumnOf(const PagedListModel& model, const QString& code) {
    for (int i = 0; i < model.columnCount(); ++i) {
      if (model.columns()[i].code == code) return i;
    }
    return -1;
  }

  static void RefreshAndWait(PagedListModel& model) {
    QSignalSpy refreshed(&model, &PagedListModel::refreshed);
    model.Refresh();
    ASSERT_TRUE(refreshed.wait(20'000));
  }

  // The id the server puts at `offset` of the test rows in descending id order.
  qint64 IdAtOffsetDescending(int offset) {
    pqxx::work tx(db());
    return tx
        .exec_params1(
            "SELECT id FROM audit_log WHERE action = 'client.row' ORDER BY id DESC "
            "OFFSET $1 LIMIT 1",
            offset)[0]
        .as<qint64>();
  }

  client::ApiClient api_;
};

TEST_F(PagedListModelTest, CatalogListsWhatTheAdministratorMayOpen) {
  ListCatalog catalog(&api_);
  QSignalSpy loaded(&catalog, &ListCatalog::loaded);
  catalog.Load();
  ASSERT_TRUE(loaded.wait(20'000));
  const client::ListInfo* audit = catalog.Find(QStringLiteral("audit"));
  ASSERT_NE(audit, nullptr);
  EXPECT_NE(catalog.Find(QStringLiteral("institutions")), nullptr);
  EXPECT_EQ(catalog.Find(QStringLiteral("no_such_list")), nullptr);
  EXPECT_EQ(audit->Title(QStringLiteral("kk")), QStringLiteral("Аудит журналы"));
  EXPECT_EQ(audit->default_sort, QStringLiteral("-id"));
  ASSERT_FALSE(audit->columns.isEmpty());
  EXPECT_EQ(audit->columns.first().code, QStringLiteral("id"));
  EXPECT_TRUE(audit->columns.first().sortable);
}

TEST_F(PagedListModelTest, RowCountIsTheTotalAndADeepRowLoadsOnDemand) {
  PagedListModel model(&api_, QStringLiteral("audit"));
  model.SetColumns(Columns(QStringLiteral("audit")));
  model.SetLanguage(QStringLiteral("kk"));
  client::ListQuery query;
  query.filters.insert(QStringLiteral("action"), QStringLiteral("client.row"));
  QSignalSpy refreshed(&model, &PagedListModel::refreshed);
  model.SetQuery(query);
  ASSERT_TRUE(refreshed.wait(20'000));
  EXPECT_EQ(model.rowCount(), kRows);
  EXPECT_EQ(model.cached_pages(), 1);  // only the first page was fetched

  const int action = ColumnOf(model, QStringLiteral("action"));
  const int entity_id = ColumnOf(model, QStringLiteral("entity_id"));
  ASSERT_GE(action, 0);
  ASSERT_GE(entity_id, 0);
  EXPECT_EQ(model.headerData(action, Qt::Horizontal).toString(), QStringLiteral("Әрекет"));
  model.SetLanguage(QStringLiteral("ru"));
  EXPECT_EQ(model.headerData(action, Qt::Horizontal).toString(), QStringLiteral("Действие"));
  EXPECT_EQ(model.data(model.index(0, action)).toString(), QStringLiteral("client.row"));
  EXPECT_EQ(model.data(model.index(0, 0), PagedListModel::kIdRole).toLongLong(),
            IdAtOffsetDescending(0));

  // A row far down is not there until a view asks for it; then its page arrives.
  const int deep = 4321;
  EXPECT_FALSE(model.IsRowLoaded(deep));
  QSignalSpy changed(&model, &PagedListModel::dataChanged);
  EXPECT_FALSE(model.data(model.index(deep, action)).isValid());
  EXPECT_EQ(model.in_flight(), 1);
  ASSERT_TRUE(QTest::qWaitFor([&] { return model.IsRowLoaded(deep); }, 20'000));
  ASSERT_GE(changed.count(), 1);
  const QModelIndex top = changed.last().at(0).toModelIndex();
  const QModelIndex bottom = changed.last().at(1).toModelIndex();
  EXPECT_LE(top.row(), deep);
  EXPECT_GE(bottom.row(), deep);
  EXPECT_EQ(model.data(model.index(deep, 0), PagedListModel::kIdRole).toLongLong(),
            IdAtOffsetDescending(deep));
  EXPECT_EQ(model.data(model.index(deep, 0)).toLongLong(), IdAtOffsetDescending(deep));
  // The last row: page 24 holds rows 4800..4999.
  EXPECT_FALSE(model.data(model.index(kRows - 1, entity_id)).isValid());
  ASSERT_TRUE(QTest::qWaitFor([&] { return model.IsRowLoaded(kRows - 1); }, 20'000));
  EXPECT_EQ(model.data(model.index(kRows - 1, 0)).toLongLong(), IdAtOffsetDescending(kRows - 1));
  EXPECT_FALSE(model.IsRowLoaded(kRows - 1 - PagedListModel::kPageSize));
}

TEST_F(PagedListModelTest, AtMostTwoPagesAreInFlight) {
  PagedListModel model(&api_, QStringLiteral("audit"));
  model.SetColumns(Columns(QStringLiteral("audit")));
  RefreshAndWait(model);
  int most = 0;
  QObject::connect(&model, &PagedListModel::dataChanged,
                   [&] { most = std::max(most, model.in_flight()); });
  // Eight pages asked for at once, as a fast scroll would.
  for (int page = 3; page < 11; ++page) {
    model.FetchRow(page * PagedListModel::kPageSize);
    most = std::max(most, model.in_flight());
  }
  EXPECT_EQ(model.in_flight(), 2);
  EXPECT_TRUE(model.loading());
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        for (int page = 3; page < 11; ++page) {
          if (!model.IsRowLoaded(page * PagedListModel::kPageSize)) return false;
        }
        return true;
      },
      30'000));
  EXPECT_EQ(most, 2);
  EXPECT_EQ(model.cached_pages(), 9);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !model.loading(); }, 5000));
}

TEST_F(PagedListModelTest, SortReQueriesTheServer) {
  PagedListModel model(&api_, QStringLiteral("audit"));
  model.SetColumns(Columns(QStringLiteral("audit")));
  client::ListQuery query;
  query.filters.insert(QStringLiteral("action"), QStringLiteral("client.row"));
  model.SetQuery(query);
  const int entity_id = ColumnOf(model, QStringLiteral("entity_id"));
  ASSERT_GE(entity_id, 0);
  ASSERT_TRUE(model.columns()[entity_id].sortable);

  QSignalSpy refreshed(&model, &PagedListModel::refreshed);
  model.sort(entity_id, Qt::AscendingOrder);
  ASSERT_TRUE(refreshed.wait(20'000));
  EXPECT_EQ(model.query().sort, QStringLiteral("entity_id"));
  EXPECT_EQ(model.rowCount(), kRows);
  EXPECT_EQ(model.data(model.index(0, entity_id)).toString(), QStringLiteral("000001"));
  EXPECT_EQ(model.data(model.index(1, entity_id)).toString(), QStringLiteral("000002"));

  model.sort(entity_id, Qt::DescendingOrder);
  ASSERT_TRUE(refreshed.wait(20'000));
  EXPECT_EQ(model.query().sort, QStringLiteral("-entity_id"));
  EXPECT_EQ(model.data(model.index(0, entity_id)).toString(), QStringLiteral("005000"));
  // A deep row in the new order.
  EXPECT_FALSE(model.data(model.index(3000, entity_id)).isValid());
  ASSERT_TRUE(QTest::qWaitFor([&] { return model.IsRowLoaded(3000); }, 20'000));
  EXPECT_EQ(model.data(model.index(3000, entity_id)).toString(), QStringLiteral("002000"));
}

TEST_F(PagedListModelTest, FiltersNarrowTheTotal) {
  PagedListModel model(&api_, QStringLiteral("audit"));
  model.SetColumns(Columns(QStringLiteral("audit")));
  client::ListQuery query;
  query.filters.insert(QStringLiteral("entity_id"), QStringLiteral("004242"));
  QSignalSpy refreshed(&model, &PagedListModel::refreshed);
  model.SetQuery(query);
  ASSERT_TRUE(refreshed.wait(20'000));
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.data(model.index(0, ColumnOf(model, QStringLiteral("entity_id")))).toString(),
            QStringLiteral("004242"));
  // A code is shown by its name in the model's language; the raw role keeps the code.
  const QModelIndex kind = model.index(0, ColumnOf(model, QStringLiteral("kind")));
  model.SetLanguage(QStringLiteral("ru"));
  EXPECT_EQ(model.data(kind).toString(), QStringLiteral("Изменение"));
  model.SetLanguage(QStringLiteral("kk"));
  EXPECT_EQ(model.data(kind).toString(), QStringLiteral("Өзгеріс"));
  EXPECT_EQ(model.data(kind, PagedListModel::kRawRole).toString(), QStringLiteral("mutation"));
  // Percent-encoding: a search with '+', '&' and spaces reaches the server as typed (a '+'
  // read as a space or a bare '&' splitting the query would find nothing).
  {
    pqxx::work tx(db());
    tx.exec_params(
        "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, prev_hash, "
        "hash) VALUES ('mutation', 'client.odd', $1, 'doc', 'x a+b & c%y', "
        "sha256('odd'::bytea), sha256('odd/1'::bytea))",
        department_.value());
    tx.commit();
  }
  query.filters.clear();
  query.search = QStringLiteral("A+B & C%");
  model.SetQuery(query);
  ASSERT_TRUE(refreshed.wait(20'000));
  ASSERT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.data(model.index(0, ColumnOf(model, QStringLiteral("entity_id")))).toString(),
            QStringLiteral("x a+b & c%y"));
}

TEST_F(PagedListModelTest, ServerErrorsReachTheView) {
  PagedListModel unknown(&api_, QStringLiteral("no_such_list"));
  QSignalSpy failed(&unknown, &PagedListModel::failed);
  unknown.Refresh();
  ASSERT_TRUE(failed.wait(20'000));
  const auto error = failed.first().at(0).value<client::ApiError>();
  EXPECT_EQ(error.status, 404);
  EXPECT_EQ(error.code, QStringLiteral("list.unknown"));
  EXPECT_EQ(error.field, QStringLiteral("name"));
  EXPECT_EQ(unknown.rowCount(), 0);
  EXPECT_FALSE(unknown.loading());

  PagedListModel model(&api_, QStringLiteral("audit"));
  client::ListQuery query;
  query.sort = QStringLiteral("no_such_column");
  QSignalSpy bad_sort(&model, &PagedListModel::failed);
  model.SetQuery(query);
  ASSERT_TRUE(bad_sort.wait(20'000));
  EXPECT_EQ(bad_sort.first().at(0).value<client::ApiError>().code, QStringLiteral("list.bad_sort"));
}

TEST_F(PagedListModelTest, WithoutCatalogColumnsTheReplysColumnsAreShown) {
  PagedListModel model(&api_, QStringLiteral("institutions"));
  RefreshAndWait(model);
  EXPECT_EQ(model.rowCount(), 3);  // the department and its two schools
  ASSERT_GT(model.columnCount(), 2);
  EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));
  QList<qint64> ids;
  for (int row = 0; row < model.rowCount(); ++row) {
    ids.append(model.data(model.index(row, 0), PagedListModel::kIdRole).toLongLong());
  }
  EXPECT_TRUE(ids.contains(department_.value()));
  EXPECT_TRUE(ids.contains(school2_.value()));
}

TEST(LruPageCacheTest, EvictsTheLeastRecentlyUsedPage) {
  client::LruPageCache<int> cache(3);
  cache.Put(1, 10);
  cache.Put(2, 20);
  cache.Put(3, 30);
  ASSERT_NE(cache.Find(1), nullptr);  // 1 is now the most recently used
  cache.Put(4, 40);                   // evicts 2
  EXPECT_EQ(cache.size(), 3);
  EXPECT_FALSE(cache.Contains(2));
  EXPECT_TRUE(cache.Contains(1));
  EXPECT_EQ(*cache.Find(4), 40);
  cache.Put(3, 33);  // an update refreshes, not grows
  cache.Put(5, 50);  // evicts 1 (3 and 4 used since)
  EXPECT_FALSE(cache.Contains(1));
  EXPECT_EQ(*cache.Find(3), 33);
  cache.Clear();
  EXPECT_EQ(cache.size(), 0);
  EXPECT_EQ(cache.Find(4), nullptr);
}

}  // namespace
}  // namespace esep::testing
