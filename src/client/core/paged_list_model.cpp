#include "esep/client/paged_list_model.hpp"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <limits>

#include "esep/client/api_client.hpp"

namespace esep::client {
namespace {

constexpr int kMaxPending = 8;  // pages scrolled past are dropped; asked again when visible

QLocale LocaleFor(const QString& language) {
  if (language == QLatin1String("kk")) return QLocale(QLocale::Kazakh, QLocale::Kazakhstan);
  if (language == QLatin1String("en")) return QLocale(QLocale::English, QLocale::UnitedKingdom);
  return QLocale(QLocale::Russian, QLocale::Kazakhstan);
}

bool IsNumeric(const QString& kind) {
  return kind == QLatin1String("int") || kind == QLatin1String("money");
}

}  // namespace

PagedListModel::PagedListModel(ApiClient* client, QString list_name, QObject* parent)
    : QAbstractTableModel(parent), client_(client), list_name_(std::move(list_name)) {}

void PagedListModel::SetColumns(QList<ListColumn> columns) {
  beginResetModel();
  columns_ = std::move(columns);
  MapColumns();
  endResetModel();
}

void PagedListModel::SetLanguage(QString language) {
  language_ = std::move(language);
  if (!columns_.isEmpty()) emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
  if (total_ > 0 && !columns_.isEmpty()) {
    emit dataChanged(index(0, 0), index(total_ - 1, columnCount() - 1), {Qt::DisplayRole});
  }
}

void PagedListModel::SetQuery(ListQuery query) {
  query_ = std::move(query);
  Refresh();
}

void PagedListModel::Refresh() {
  ++generation_;
  const QHash<int, ApiCall*> running = std::exchange(in_flight_, {});
  for (ApiCall* call : running) {
    disconnect(call, nullptr, this, nullptr);
    call->Abort();
  }
  pending_.clear();
  failed_pages_.clear();
  beginResetModel();
  cache_.Clear();
  total_ = 0;
  total_known_ = false;
  endResetModel();
  awaiting_first_page_ = true;
  RequestPage(0);
}

void PagedListModel::FetchRow(int row) {
  if (row < 0) return;
  failed_pages_.remove(row / kPageSize);
  RequestPage(row / kPageSize);
}

bool PagedListModel::IsRowLoaded(int row) const {
  return row >= 0 && cache_.Contains(row / kPageSize);
}

int PagedListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : total_;
}

int PagedListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant PagedListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= total_ || index.column() >= columns_.size()) return {};
  const int page = index.row() / kPageSize;
  const QJsonArray* items = cache_.Find(page);
  if (items == nullptr) {
    // A view asks for what it shows: loading the page is the point of asking.
    if (role == Qt::DisplayRole) const_cast<PagedListModel*>(this)->RequestPage(page);
    return {};
  }
  const int offset = index.row() % kPageSize;
  if (offset >= items->size()) return {};
  const QJsonArray item = items->at(offset).toArray();
  if (role == kIdRole) return id_index_ < 0 ? QVariant() : QVariant(item.at(id_index_).toInteger());
  const ListColumn& column = columns_[index.column()];
  const int at = reply_index_.value(index.column(), -1);
  const QJsonValue value = at < 0 ? QJsonValue() : item.at(at);
  switch (role) {
    case Qt::DisplayRole:
      return Display(column, value);
    case kRawRole:
      return value.toVariant();
    case Qt::CheckStateRole:
      if (column.kind == QLatin1String("bool") && value.isBool()) {
        return value.toBool() ? Qt::Checked : Qt::Unchecked;
      }
      return {};
    case Qt::TextAlignmentRole:
      if (IsNumeric(column.kind)) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    default:
      return {};
  }
}

QVariant PagedListModel::Display(const ListColumn& column, const QJsonValue& value) const {
  if (value.isNull() || value.isUndefined()) return {};
  const QLocale locale = LocaleFor(language_);
  if (column.kind == QLatin1String("money") && value.isDouble()) {
    // Tiyn as an integer: the amount never passes through floating point.
    const qint64 tiyn = value.toInteger();
    const qint64 magnitude = tiyn < 0 ? -tiyn : tiyn;
    return QString(tiyn < 0 ? QStringLiteral("-") : QString()) + locale.toString(magnitude / 100) +
           locale.decimalPoint() +
           QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
  }
  if (column.kind == QLatin1String("bool")) return {};  // shown as a check box
  if (column.kind == QLatin1String("date")) {
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : value.toString();
  }
  if (column.kind == QLatin1String("datetime")) {
    const QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))
                        : value.toString();
  }
  if (column.kind == QLatin1String("int") && value.isDouble()) return value.toInteger();
  if (!column.values.isEmpty() && value.isString()) {
    return column.ValueName(value.toString(), language_);
  }
  return value.toVariant();
}

QVariant PagedListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= columns_.size()) return {};
  return columns_[section].Title(language_);
}

void PagedListModel::sort(int column, Qt::SortOrder order) {
  if (column < 0 || column >= columns_.size()) {
    query_.sort.clear();  // the list's default order
  } else {
    if (!columns_[column].sortable) return;
    query_.sort =
        (order == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + columns_[column].code;
  }
  Refresh();
}

void PagedListModel::RequestPage(int page) {
  if (cache_.Contains(page) || in_flight_.contains(page) || failed_pages_.contains(page)) return;
  pending_.removeAll(page);
  pending_.prepend(page);
  while (pending_.size() > kMaxPending) pending_.removeLast();
  StartPending();
}

void PagedListModel::StartPending() {
  while (in_flight_.size() < kMaxInFlight && !pending_.isEmpty()) {
    const int page = pending_.takeFirst();
    if (cache_.Contains(page) || in_flight_.contains(page)) continue;
    const quint64 generation = generation_;
    ApiCall* call = client_->Get(QStringLiteral("/api/v1/lists/") + list_name_ +
                                 ListQueryString(query_, qint64{page} * kPageSize, kPageSize) +
                                 (total_known_ ? QStringLiteral("&total=0") : QString()));
    in_flight_.insert(page, call);
    connect(call, &ApiCall::finished, this,
            [this, page, generation](const QJsonDocument& doc) { OnPage(page, generation, doc); });
    connect(call, &ApiCall::failed, this, [this, page, generation](const ApiError& error) {
      OnPageFailed(page, generation, error);
    });
  }
  UpdateLoading();
}

void PagedListModel::UpdateLoading() {
  const bool now = !in_flight_.isEmpty();
  if (now == loading_) return;
  loading_ = now;
  emit loadingChanged(now);
}

void PagedListModel::OnPage(int page, quint64 generation, const QJsonDocument& document) {
  if (generation != generation_) return;
  in_flight_.remove(page);
  const QJsonObject body = document.object();
  QStringList codes;
  for (const QJsonValue& code : body.value("columns").toArray()) codes.append(code.toString());
  if (codes != reply_codes_) {
    reply_codes_ = codes;
    if (columns_.isEmpty()) {
      // No catalog entry was given: show the reply's columns under their codes.
      beginResetModel();
      for (const QString& code : codes) {
        ListColumn column;
        column.code = code;
        columns_.append(column);
      }
      MapColumns();
      endResetModel();
    } else {
      MapColumns();
    }
  }
  cache_.Put(page, body.value("items").toArray());

  // A page asked for without the count has "total": null; the known total stands.
  const QJsonValue total_value = body.value("total");
  const int total = total_value.isDouble()
                        ? static_cast<int>(std::min<qint64>(total_value.toInteger(),
                                                            std::numeric_limits<int>::max()))
                        : total_;
  if (total_value.isDouble()) total_known_ = true;
  if (total > total_) {
    beginInsertRows({}, total_, total - 1);
    total_ = total;
    endInsertRows();
  } else if (total < total_) {
    beginRemoveRows({}, total, total_ - 1);
    total_ = total;
    endRemoveRows();
  }
  const int first = page * kPageSize;
  const int last = std::min(first + kPageSize, total_) - 1;
  if (first <= last && !columns_.isEmpty()) {
    emit dataChanged(index(first, 0), index(last, columnCount() - 1));
  }
  if (awaiting_first_page_ && page == 0) {
    awaiting_first_page_ = false;
    emit refreshed();
  }
  StartPending();
}

void PagedListModel::OnPageFailed(int page, quint64 generation, const ApiError& error) {
  if (generation != generation_) return;
  in_flight_.remove(page);
  failed_pages_.insert(page);  // not asked again by every repaint; Refresh/FetchRow retry
  emit failed(error);
  StartPending();
}

void PagedListModel::MapColumns() {
  reply_index_.clear();
  for (const ListColumn& column : columns_) {
    reply_index_.append(static_cast<int>(reply_codes_.indexOf(column.code)));
  }
  id_index_ = static_cast<int>(reply_codes_.indexOf(QStringLiteral("id")));
}

}  // namespace esep::client
