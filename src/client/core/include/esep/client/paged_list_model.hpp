#pragma once
/// @file
/// PagedListModel: a table model over GET /api/v1/lists/{name} that loads pages lazily, so a
/// view scrolls a million rows while holding at most 100 pages of 200.

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include "esep/client/api_error.hpp"
#include "esep/client/list_types.hpp"
#include "esep/client/lru_page_cache.hpp"

namespace esep::client {

class ApiCall;
class ApiClient;

class PagedListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  static constexpr int kPageSize = 200;
  static constexpr int kMaxInFlight = 2;
  static constexpr int kCachedPages = 100;
  /// The cell's JSON value as it came (number, bool, string, null) — Display may format it.
  static constexpr int kRawRole = Qt::UserRole;
  /// The row's "id" column (qint64), for opening the record.
  static constexpr int kIdRole = Qt::UserRole + 1;

  PagedListModel(ApiClient* client, QString list_name, QObject* parent = nullptr);

  void SetColumns(QList<ListColumn> columns);
  void SetLanguage(QString language);
  void SetQuery(ListQuery query);
  const ListQuery& query() const { return query_; }
  const QList<ListColumn>& columns() const { return columns_; }
  /// Resets the rows and fetches the total and the first page.
  void Refresh();
  /// Asks for the page holding `row` now (data() does it for unloaded rows by itself).
  void FetchRow(int row);
  bool IsRowLoaded(int row) const;
  bool loading() const { return loading_; }
  int in_flight() const { return static_cast<int>(in_flight_.size()); }
  int cached_pages() const { return cache_.size(); }

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

 signals:
  void loadingChanged(bool loading);
  void failed(const esep::client::ApiError& error);
  /// The first page of a Refresh arrived (rowCount() is the server's total now).
  void refreshed();

 private:
  void RequestPage(int page);
  void StartPending();
  void OnPage(int page, quint64 generation, const QJsonDocument& document);
  void OnPageFailed(int page, quint64 generation, const ApiError& error);
  void MapColumns();
  void UpdateLoading();
  QVariant Display(const ListColumn& column, const QJsonValue& value) const;

  ApiClient* client_;
  QString list_name_;
  QList<ListColumn> columns_;
  QStringList reply_codes_;   ///< the reply's "columns", in item order
  QVector<int> reply_index_;  ///< columns_[i] is the reply's item[reply_index_[i]] (-1: absent)
  int id_index_ = -1;
  QString language_ = QStringLiteral("ru");
  ListQuery query_;
  int total_ = 0;
  /// The total of the current query has arrived: later pages are asked for without the
  /// count (`total=0`), which on a million rows is most of a page's server time.
  bool total_known_ = false;
  quint64 generation_ = 0;  ///< replies of an older Refresh are ignored
  mutable LruPageCache<QJsonArray> cache_{kCachedPages};
  QHash<int, ApiCall*> in_flight_;
  QList<int> pending_;  ///< most recently asked first: the page on screen wins
  QSet<int> failed_pages_;
  bool loading_ = false;
  bool awaiting_first_page_ = false;
};

}  // namespace esep::client
