#pragma once
/// @file
/// ListPage: every list of the client, built from its catalog entry — a table over the
/// server-paged model with quick search, filters, sorting, a column chooser, a saved layout,
/// printing and export, all from the keyboard.

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <functional>

#include "esep/client/api_error.hpp"
#include "esep/client/list_types.hpp"
#include "esep/client/ui/list_report.hpp"

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

namespace esep::client {
class ApiClient;
class PagedListModel;
}  // namespace esep::client

namespace esep::client::ui {

class ListLayout;

class ListPage : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kSearchDelayMs = 300;

  /// `user` keys the saved layout (one per user and list).
  ListPage(ApiClient* api, ListInfo info, const QString& user, QWidget* parent = nullptr);
  ~ListPage() override;

  const ListInfo& info() const { return info_; }
  PagedListModel* model() const { return model_; }
  QTableView* view() const { return view_; }
  QLineEdit* searchBox() const { return search_; }
  /// The institution printed in the title of the list's printouts.
  void SetOrgId(qint64 org_id) { org_id_ = org_id; }
  /// The selected row's "id" (0 when none).
  qint64 CurrentId() const;
  /// A row action of this list (e.g. the job monitor's Cancel): on the toolbar and the
  /// context menu, enabled while a row is selected.
  void AddRowAction(QAction* action);
  /// Makes the list editable through forms: Insert calls `add`, Enter/F2 `open` with the
  /// row's id (instead of the read-only card), Delete `mark` with the id and the row's text
  /// after a confirmation of the caller's own. A null handler leaves its key as it was.
  using RowHandler = std::function<void(qint64 id, const QString& row_text)>;
  void SetRowHandlers(std::function<void()> add, RowHandler open, RowHandler mark);
  /// Exports to `format` ("xlsx" or "pdf") into `path` without asking for a file name.
  void ExportTo(const QString& format, const QString& path);
  /// The error shown above the table (empty when none), in the interface language.
  QString errorText() const;

 public slots:
  void Refresh();
  void FocusSearch();
  void OpenCurrent();
  void AddRecord();
  void MarkCurrent();
  void EditFilters();
  void Print();
  void Export(const QString& format);

 signals:
  void exported(const QString& path);
  void printed(const QByteArray& document_json);
  void statusMessage(const QString& text);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void BuildActions();
  void Retranslate();
  void ApplyQuery();
  void UpdateStatus();
  void UpdateActions();
  void ShowError(const ApiError& error);
  void ShowLocalError(const QString& text);
  void ShowColumnMenu(const QPoint& position);
  QString SortString() const;
  QString RowText(int row) const;
  QList<PrintedColumn> VisibleColumns() const;
  ListReport* NewReport();

  ApiClient* api_;
  ListInfo info_;
  PagedListModel* model_ = nullptr;
  ListLayout* layout_store_ = nullptr;
  QTableView* view_ = nullptr;
  QToolBar* toolbar_ = nullptr;
  QLineEdit* search_ = nullptr;
  QTimer* search_timer_ = nullptr;
  QLabel* error_ = nullptr;
  QLabel* status_ = nullptr;
  QList<QAction*> row_actions_;
  QAction* refresh_ = nullptr;
  QAction* find_ = nullptr;
  QAction* open_ = nullptr;
  QAction* add_ = nullptr;
  QAction* mark_ = nullptr;
  QAction* filter_ = nullptr;
  QAction* print_ = nullptr;
  QAction* export_xlsx_ = nullptr;
  QAction* export_pdf_ = nullptr;
  QMap<QString, QString> filters_;
  qint64 org_id_ = 0;
  bool loading_ = false;
  bool has_error_ = false;
  ApiError error_value_;
  QString local_error_;
  QPointer<ListReport> report_;
  std::function<void()> add_handler_;
  RowHandler open_handler_;
  RowHandler mark_handler_;
};

}  // namespace esep::client::ui
