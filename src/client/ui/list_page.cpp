#include "esep/client/ui/list_page.hpp"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "esep/client/api_client.hpp"
#include "esep/client/paged_list_model.hpp"
#include "esep/client/ui/document_preview.hpp"
#include "esep/client/ui/filter_dialog.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_layout.hpp"
#include "esep/client/ui/record_dialog.hpp"

namespace esep::client::ui {
namespace {

QStringList Codes(const QList<ListColumn>& columns) {
  QStringList codes;
  for (const auto& column : columns) codes << column.code;
  return codes;
}

}  // namespace

ListPage::ListPage(ApiClient* api, ListInfo info, const QString& user, QWidget* parent)
    : QWidget(parent), api_(api), info_(std::move(info)) {
  setObjectName(QStringLiteral("list_") + info_.name);
  model_ = new PagedListModel(api_, info_.name, this);
  model_->SetColumns(info_.columns);
  model_->SetLanguage(Language::Current());
  layout_store_ = new ListLayout(user, info_.name, Codes(info_.columns));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  toolbar_ = new QToolBar;
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  search_ = new QLineEdit;
  search_->setObjectName(QStringLiteral("search"));
  search_->setClearButtonEnabled(true);
  search_->setMaximumWidth(320);
  search_timer_ = new QTimer(this);
  search_timer_->setSingleShot(true);
  search_timer_->setInterval(kSearchDelayMs);
  connect(search_, &QLineEdit::textChanged, search_timer_, qOverload<>(&QTimer::start));
  connect(search_timer_, &QTimer::timeout, this, &ListPage::ApplyQuery);
  connect(search_, &QLineEdit::returnPressed, this, [this] {
    if (search_timer_->isActive()) {
      search_timer_->stop();
      ApplyQuery();
    }
    view_->setFocus();
  });
  layout->addWidget(toolbar_);

  error_ = new QLabel;
  error_->setObjectName(QStringLiteral("listError"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00; padding: 2px;"));
  error_->hide();
  layout->addWidget(error_);

  view_ = new QTableView;
  view_->setObjectName(QStringLiteral("table"));
  view_->setModel(model_);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setSelectionMode(QAbstractItemView::SingleSelection);
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  view_->setContextMenuPolicy(Qt::ActionsContextMenu);
  view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
  view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view_->verticalHeader()->hide();
  QHeaderView* header = view_->horizontalHeader();
  header->setSectionsMovable(true);
  header->setSectionsClickable(true);
  header->setSortIndicatorShown(true);
  header->setSortIndicator(-1, Qt::AscendingOrder);
  header->setContextMenuPolicy(Qt::CustomContextMenu);
  header->setDefaultSectionSize(140);
  connect(header, &QWidget::customContextMenuRequested, this, &ListPage::ShowColumnMenu);
  layout->addWidget(view_, 1);

  status_ = new QLabel;
  status_->setObjectName(QStringLiteral("listStatus"));
  layout->addWidget(status_);

  BuildActions();
  layout_store_->Restore(*header);
  // Connected after the restore, so the saved sort is applied once, by ApplyQuery below.
  connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int section, Qt::SortOrder) {
    if (section >= 0 && section < info_.columns.size() && !info_.columns[section].sortable) {
      QSignalBlocker block(view_->horizontalHeader());
      view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    }
    ApplyQuery();
  });
  connect(model_, &PagedListModel::loadingChanged, this, [this](bool loading) {
    loading_ = loading;
    UpdateStatus();
  });
  connect(model_, &PagedListModel::refreshed, this, [this] {
    UpdateStatus();
    UpdateActions();
  });
  connect(model_, &PagedListModel::failed, this, &ListPage::ShowError);
  connect(model_, &QAbstractItemModel::modelReset, this, &ListPage::UpdateActions);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &ListPage::UpdateActions);
  connect(view_, &QAbstractItemView::doubleClicked, this, &ListPage::OpenCurrent);
  Retranslate();
  ApplyQuery();
}

ListPage::~ListPage() {
  layout_store_->Save(*view_->horizontalHeader());
  delete layout_store_;
}

void ListPage::BuildActions() {
  const auto make = [this](QList<QKeySequence> keys, QWidget* owner, Qt::ShortcutContext context) {
    auto* action = new QAction(this);
    action->setShortcuts(keys);
    action->setShortcutContext(context);
    owner->addAction(action);
    return action;
  };
  refresh_ = make({QKeySequence(Qt::Key_F5)}, this, Qt::WidgetWithChildrenShortcut);
  find_ = make({QKeySequence(Qt::CTRL | Qt::Key_F)}, this, Qt::WidgetWithChildrenShortcut);
  filter_ =
      make({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)}, this, Qt::WidgetWithChildrenShortcut);
  print_ = make({QKeySequence(Qt::CTRL | Qt::Key_P)}, this, Qt::WidgetWithChildrenShortcut);
  export_xlsx_ = make({QKeySequence(Qt::CTRL | Qt::Key_E)}, this, Qt::WidgetWithChildrenShortcut);
  export_pdf_ = make({}, this, Qt::WidgetWithChildrenShortcut);
  // Row keys belong to the table: Enter or Delete typed in the search box edit the search.
  open_ =
      make({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F2)},
           view_, Qt::WidgetShortcut);
  add_ = make({QKeySequence(Qt::Key_Insert)}, view_, Qt::WidgetShortcut);
  mark_ = make({QKeySequence(Qt::Key_Delete)}, view_, Qt::WidgetShortcut);
  refresh_->setObjectName(QStringLiteral("refresh"));
  print_->setObjectName(QStringLiteral("print"));
  export_xlsx_->setObjectName(QStringLiteral("exportXlsx"));
  export_pdf_->setObjectName(QStringLiteral("exportPdf"));
  open_->setObjectName(QStringLiteral("open"));
  add_->setObjectName(QStringLiteral("add"));
  mark_->setObjectName(QStringLiteral("mark"));
  connect(refresh_, &QAction::triggered, this, &ListPage::Refresh);
  connect(find_, &QAction::triggered, this, &ListPage::FocusSearch);
  connect(filter_, &QAction::triggered, this, &ListPage::EditFilters);
  connect(print_, &QAction::triggered, this, &ListPage::Print);
  connect(export_xlsx_, &QAction::triggered, this, [this] { Export(QStringLiteral("xlsx")); });
  connect(export_pdf_, &QAction::triggered, this, [this] { Export(QStringLiteral("pdf")); });
  connect(open_, &QAction::triggered, this, &ListPage::OpenCurrent);
  connect(add_, &QAction::triggered, this, &ListPage::AddRecord);
  connect(mark_, &QAction::triggered, this, &ListPage::MarkCurrent);
  // Read-only until SetRowHandlers gives the list its forms.
  add_->setEnabled(false);
  mark_->setEnabled(false);
  filter_->setEnabled(FilterDialog::HasFilterableColumns(info_.columns));
  const bool printable = ListReport::Supported(info_.name);
  print_->setEnabled(printable);
  export_xlsx_->setEnabled(printable);
  export_pdf_->setEnabled(printable);

  toolbar_->addWidget(search_);
  toolbar_->addAction(filter_);
  toolbar_->addAction(refresh_);
  toolbar_->addSeparator();
  toolbar_->addAction(open_);
  toolbar_->addAction(add_);
  toolbar_->addAction(mark_);
  toolbar_->addSeparator();
  toolbar_->addAction(print_);
  toolbar_->addAction(export_xlsx_);
  toolbar_->addAction(export_pdf_);
}

void ListPage::AddRowAction(QAction* action) {
  row_actions_.append(action);
  if (row_actions_.size() == 1) toolbar_->addSeparator();
  toolbar_->addAction(action);
  view_->addAction(action);
  UpdateActions();
}

void ListPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    model_->SetLanguage(Language::Current());
    Retranslate();
  }
  QWidget::changeEvent(event);
}

void ListPage::Retranslate() {
  search_->setPlaceholderText(tr("Search (Ctrl+F)"));
  refresh_->setText(tr("Refresh"));
  refresh_->setToolTip(tr("Read the list again from the server (F5)"));
  find_->setText(tr("Find"));
  filter_->setText(filters_.isEmpty() ? tr("Filter…") : tr("Filter (%1)…").arg(filters_.size()));
  filter_->setToolTip(filter_->isEnabled() ? tr("Filter by columns (Ctrl+Shift+F)")
                                           : tr("This list has no filterable columns"));
  open_->setText(tr("Open"));
  open_->setToolTip(tr("Show the selected record (Enter, F2)"));
  add_->setText(tr("Add"));
  mark_->setText(tr("Mark for deletion"));
  const QString read_only = tr("This list is read-only in this version");
  add_->setToolTip(add_handler_ ? tr("Add a record (Insert)") : read_only);
  mark_->setToolTip(mark_handler_ ? tr("Mark the selected record (Delete)") : read_only);
  print_->setText(tr("Print…"));
  export_xlsx_->setText(tr("Export to XLSX…"));
  export_pdf_->setText(tr("Export to PDF…"));
  const bool printable = print_->isEnabled();
  const QString not_printable = tr("The server cannot print this list yet");
  print_->setToolTip(printable ? tr("Print preview (Ctrl+P)") : not_printable);
  export_xlsx_->setToolTip(printable ? tr("Save as an Excel workbook (Ctrl+E)") : not_printable);
  export_pdf_->setToolTip(printable ? tr("Save as a PDF document") : not_printable);
  model_->headerDataChanged(Qt::Horizontal, 0, model_->columnCount() - 1);
  if (has_error_) ShowError(error_value_);
  UpdateStatus();
}

void ListPage::ApplyQuery() {
  ListQuery query;
  query.search = search_->text().trimmed();
  query.filters = filters_;
  query.sort = SortString();
  has_error_ = false;
  local_error_.clear();
  error_->hide();
  model_->SetQuery(query);  // refreshes: the first page is asked for once
}

QString ListPage::SortString() const {
  const QHeaderView* header = view_->horizontalHeader();
  const int section = header->sortIndicatorSection();
  if (section < 0 || section >= info_.columns.size() || !info_.columns[section].sortable) {
    return QString();
  }
  const QString& code = info_.columns[section].code;
  return header->sortIndicatorOrder() == Qt::DescendingOrder ? QLatin1Char('-') + code : code;
}

void ListPage::Refresh() { ApplyQuery(); }

void ListPage::FocusSearch() {
  search_->setFocus();
  search_->selectAll();
}

qint64 ListPage::CurrentId() const {
  const QModelIndex current = view_->currentIndex();
  if (!current.isValid()) return 0;
  return current.data(PagedListModel::kIdRole).toLongLong();
}

void ListPage::SetRowHandlers(std::function<void()> add, RowHandler open, RowHandler mark) {
  add_handler_ = std::move(add);
  open_handler_ = std::move(open);
  mark_handler_ = std::move(mark);
  add_->setEnabled(static_cast<bool>(add_handler_));
  Retranslate();
  UpdateActions();
}

void ListPage::AddRecord() {
  if (add_handler_) add_handler_();
}

void ListPage::MarkCurrent() {
  const qint64 id = CurrentId();
  if (!mark_handler_ || id <= 0) return;
  mark_handler_(id, RowText(view_->currentIndex().row()));
}

QString ListPage::RowText(int row) const {
  // The first text column names the row well enough for a question or a tab.
  for (int column = 0; column < info_.columns.size(); ++column) {
    if (info_.columns[column].kind == QLatin1String("text")) {
      return model_->index(row, column).data().toString();
    }
  }
  return QString::number(model_->index(row, 0).data(PagedListModel::kIdRole).toLongLong());
}

void ListPage::OpenCurrent() {
  const QModelIndex current = view_->currentIndex();
  if (!current.isValid() || !model_->IsRowLoaded(current.row())) return;
  if (open_handler_) {
    const qint64 id = CurrentId();
    if (id > 0) open_handler_(id, RowText(current.row()));
    return;
  }
  auto* dialog = new RecordDialog(*model_, current.row(),
                                  info_.Title(Language::Current()) + QStringLiteral(" — ") +
                                      current.siblingAtColumn(0).data().toString(),
                                  this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

void ListPage::EditFilters() {
  if (!filter_->isEnabled()) return;
  auto* dialog = new FilterDialog(info_.columns, filters_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    filters_ = dialog->filters();
    Retranslate();
    ApplyQuery();
  });
  dialog->open();
}

void ListPage::UpdateStatus() {
  QString text = tr("Rows: %L1").arg(model_->rowCount());
  if (!filters_.isEmpty() || !search_->text().trimmed().isEmpty()) text += tr(" (filtered)");
  if (loading_) text += QStringLiteral(" — ") + tr("loading…");
  status_->setText(text);
}

void ListPage::UpdateActions() {
  const bool has_row = view_->currentIndex().isValid();
  open_->setEnabled(has_row);
  mark_->setEnabled(has_row && static_cast<bool>(mark_handler_));
  for (QAction* action : std::as_const(row_actions_)) action->setEnabled(has_row);
}

void ListPage::ShowError(const ApiError& error) {
  has_error_ = true;
  error_value_ = error;
  QString text = error.Message(Language::Current());
  if (!error.field.isEmpty()) {
    QString field = error.field;
    if (field.startsWith(QLatin1String("f."))) field = field.mid(2).section(QLatin1Char('.'), 0, 0);
    for (const auto& column : info_.columns) {
      if (column.code == field) field = column.Title(Language::Current());
    }
    text = tr("%1: %2").arg(field, text);
  }
  error_->setText(text);
  error_->show();
}

void ListPage::ShowLocalError(const QString& text) {
  has_error_ = false;
  local_error_ = text;
  error_->setText(text);
  error_->setVisible(!text.isEmpty());
}

QString ListPage::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

void ListPage::ShowColumnMenu(const QPoint& position) {
  QHeaderView* header = view_->horizontalHeader();
  QMenu menu(this);
  menu.setObjectName(QStringLiteral("columnMenu"));
  for (int section = 0; section < info_.columns.size(); ++section) {
    QAction* action = menu.addAction(info_.columns[section].Title(Language::Current()));
    action->setCheckable(true);
    action->setChecked(!header->isSectionHidden(section));
    connect(action, &QAction::toggled, this, [header, section](bool visible) {
      // At least one column stays: a table without columns cannot get its header back.
      if (!visible && header->count() - header->hiddenSectionCount() <= 1) return;
      header->setSectionHidden(section, !visible);
    });
  }
  menu.addSeparator();
  QAction* reset = menu.addAction(tr("Reset columns"));
  connect(reset, &QAction::triggered, this, [header, this] {
    for (int section = 0; section < info_.columns.size(); ++section) {
      header->setSectionHidden(section, false);
      header->moveSection(header->visualIndex(section), section);
      header->resizeSection(section, header->defaultSectionSize());
    }
  });
  menu.exec(header->mapToGlobal(position));
}

QList<PrintedColumn> ListPage::VisibleColumns() const {
  const QHeaderView* header = view_->horizontalHeader();
  QList<PrintedColumn> columns;
  for (int visual = 0; visual < header->count(); ++visual) {
    const int logical = header->logicalIndex(visual);
    if (logical < 0 || logical >= info_.columns.size() || header->isSectionHidden(logical))
      continue;
    columns.append(PrintedColumn{info_.columns[logical], header->sectionSize(logical)});
  }
  return columns;
}

ListReport* ListPage::NewReport() {
  if (report_ != nullptr) return nullptr;  // one printout at a time per list
  ShowLocalError(QString());
  report_ = new ListReport(api_, info_, this);
  connect(report_, &ListReport::failed, this, [this](const ApiError& error) {
    ShowError(error);
    report_->deleteLater();
  });
  connect(report_, &ListReport::cancelled, this, [this] {
    emit statusMessage(tr("Cancelled."));
    report_->deleteLater();
  });
  return report_;
}

void ListPage::Print() {
  if (!print_->isEnabled()) return;
  ListReport* report = NewReport();
  if (report == nullptr) return;
  connect(report, &ListReport::done, this, [this](const QByteArray& bytes, const QString&) {
    report_->deleteLater();
    emit printed(bytes);
    const QString error = ShowDocumentPreview(this, bytes);
    if (!error.isEmpty()) ShowLocalError(error);
  });
  report->Start(QStringLiteral("json"), VisibleColumns(), filters_, org_id_);
}

void ListPage::Export(const QString& format) {
  if (!export_xlsx_->isEnabled()) return;
  const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  const QString suggested =
      QDir(directory).filePath(info_.Title(Language::Current()) + QLatin1Char('.') + format);
  const QString filter =
      format == QLatin1String("xlsx") ? tr("Excel workbook (*.xlsx)") : tr("PDF document (*.pdf)");
  const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
  if (path.isEmpty()) return;
  ExportTo(format, path);
}

void ListPage::ExportTo(const QString& format, const QString& path) {
  ListReport* report = NewReport();
  if (report == nullptr) return;
  connect(report, &ListReport::done, this, [this, path](const QByteArray& bytes, const QString&) {
    report_->deleteLater();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
      ShowLocalError(
          tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
      return;
    }
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    emit exported(path);
  });
  report->Start(format, VisibleColumns(), filters_, org_id_);
}

}  // namespace esep::client::ui
