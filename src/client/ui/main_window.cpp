#include "esep/client/ui/main_window.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include "esep/client/api_client.hpp"
#include "esep/client/list_catalog.hpp"
#include "esep/client/session.hpp"
#include "esep/client/ui/form_page.hpp"
#include "esep/client/ui/institution_form.hpp"
#include "esep/client/ui/institution_switcher.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_page.hpp"
#include "esep/client/ui/navigation_panel.hpp"
#include "esep/client/ui/period_selector.hpp"
#include "esep/client/ui/progress_delegate.hpp"
#include "esep/client/ui/relogin_dialog.hpp"
#include "esep/client/ui/user_form.hpp"

namespace esep::client::ui {

MainWindow::MainWindow(ApiClient* api, Session* session, QWidget* parent)
    : QMainWindow(parent), api_(api), session_(session) {
  setObjectName(QStringLiteral("mainWindow"));
  catalog_ = new ListCatalog(api_, this);
  navigation_ = new NavigationPanel;
  tabs_ = new QTabWidget;
  tabs_->setObjectName(QStringLiteral("tabs"));
  tabs_->setTabsClosable(true);
  tabs_->setMovable(true);
  tabs_->setDocumentMode(true);
  auto* splitter = new QSplitter;
  splitter->addWidget(navigation_);
  splitter->addWidget(tabs_);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({240, 900});
  setCentralWidget(splitter);

  work_bar_ = addToolBar(QString());
  work_bar_->setObjectName(QStringLiteral("workBar"));
  work_bar_->setMovable(false);
  institutions_ = new InstitutionSwitcher(api_);
  period_ = new PeriodSelector;
  institution_caption_ = new QLabel;
  period_caption_ = new QLabel;
  work_bar_->addWidget(institution_caption_);
  work_bar_->addWidget(institutions_);
  work_bar_->addSeparator();
  work_bar_->addWidget(period_caption_);
  work_bar_->addWidget(period_);

  user_label_ = new QLabel;
  institution_label_ = new QLabel;
  period_label_ = new QLabel;
  statusBar()->addPermanentWidget(user_label_);
  statusBar()->addPermanentWidget(institution_label_);
  statusBar()->addPermanentWidget(period_label_);

  BuildMenus();
  connect(navigation_, &NavigationPanel::listActivated, this, &MainWindow::OpenList);
  connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::CloseTab);
  connect(institutions_, &InstitutionSwitcher::institutionChanged, this, [this](qint64 org_id) {
    for (int i = 0; i < tabs_->count(); ++i) {
      if (auto* page = qobject_cast<ListPage*>(tabs_->widget(i))) page->SetOrgId(org_id);
    }
    UpdateStatus();
  });
  connect(period_, &PeriodSelector::periodChanged, this, &MainWindow::UpdateStatus);
  connect(catalog_, &ListCatalog::loaded, this, [this] {
    catalog_loaded_ = true;
    UpdateSectionActions();
    if (me_loaded_) emit ready();
  });
  connect(catalog_, &ListCatalog::failed, this, [this](const ApiError& error) {
    statusBar()->showMessage(error.Message(Language::Current()));
  });
  connect(api_, &ApiClient::SessionExpired, this, &MainWindow::OnSessionExpired);
  Retranslate();
  resize(1200, 760);
}

void MainWindow::BuildMenus() {
  file_menu_ = menuBar()->addMenu(QString());
  quit_ = file_menu_->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
  quit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

  QMenu* menu = nullptr;
  QString section;
  for (const NavigationEntry& entry : NavigationPanel::Entries()) {
    if (section != QLatin1String(entry.section)) {
      section = QString::fromLatin1(entry.section);
      menu = menuBar()->addMenu(QString());
      section_menus_.append(menu);
    }
    QAction* action = menu->addAction(QString());
    entry_actions_.insert(action, entry.list);
    const QString list = entry.list;
    connect(action, &QAction::triggered, this, [this, list] { OpenList(list); });
  }

  view_menu_ = menuBar()->addMenu(QString());
  language_menu_ = view_menu_->addMenu(QString());
  languages_ = new QActionGroup(this);
  for (const QString& code : Language::Codes()) {
    QAction* action = language_menu_->addAction(Language::NativeName(code));
    action->setObjectName(QStringLiteral("language_") + code);
    action->setCheckable(true);
    action->setChecked(code == Language::Current());
    languages_->addAction(action);
    connect(action, &QAction::triggered, this, [code] { Language::Switch(code); });
  }
  focus_navigation_ = view_menu_->addAction(QString());
  focus_navigation_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  connect(focus_navigation_, &QAction::triggered, this, [this] { navigation_->setFocus(); });

  window_menu_ = menuBar()->addMenu(QString());
  close_tab_ = window_menu_->addAction(QString());
  close_tab_->setObjectName(QStringLiteral("closeTab"));
  close_tab_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)});
  connect(close_tab_, &QAction::triggered, this, [this] { CloseTab(tabs_->currentIndex()); });
  next_tab_ = window_menu_->addAction(QString());
  next_tab_->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
  connect(next_tab_, &QAction::triggered, this, [this] {
    if (tabs_->count() > 0) tabs_->setCurrentIndex((tabs_->currentIndex() + 1) % tabs_->count());
  });
  previous_tab_ = window_menu_->addAction(QString());
  previous_tab_->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
  connect(previous_tab_, &QAction::triggered, this, [this] {
    if (tabs_->count() > 0)
      tabs_->setCurrentIndex((tabs_->currentIndex() + tabs_->count() - 1) % tabs_->count());
  });
}

ReloginDialog* MainWindow::reloginDialog() const { return relogin_; }

void MainWindow::Start() {
  ApiCall* me = session_->Me();
  connect(me, &ApiCall::finished, this, [this] {
    const SessionUser& user = session_->user();
    institutions_->SetInstitutions(user.institutions,
                                   user.institutions.isEmpty() ? 0 : user.institutions.first());
    me_loaded_ = true;
    UpdateStatus();
    if (catalog_loaded_) emit ready();
  });
  connect(me, &ApiCall::failed, this, [this](const ApiError& error) {
    statusBar()->showMessage(error.Message(Language::Current()));
  });
  catalog_->Load();
  UpdateStatus();
}

ListPage* MainWindow::OpenList(const QString& name) {
  for (int i = 0; i < tabs_->count(); ++i) {
    auto* page = qobject_cast<ListPage*>(tabs_->widget(i));
    if (page != nullptr && page->info().name == name) {
      tabs_->setCurrentIndex(i);
      page->view()->setFocus();
      return page;
    }
  }
  const ListInfo* info = catalog_->Find(name);
  if (info == nullptr) return nullptr;
  auto* page = new ListPage(api_, *info, session_->user().login);
  page->SetOrgId(institutions_->currentInstitution());
  connect(page, &ListPage::statusMessage, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  if (name == QLatin1String("jobs")) {
    const int done = static_cast<int>(
        std::find_if(info->columns.begin(), info->columns.end(),
                     [](const ListColumn& c) { return c.code == QLatin1String("progress_done"); }) -
        info->columns.begin());
    const int total =
        static_cast<int>(std::find_if(info->columns.begin(), info->columns.end(),
                                      [](const ListColumn& c) {
                                        return c.code == QLatin1String("progress_total");
                                      }) -
                         info->columns.begin());
    if (done < info->columns.size() && total < info->columns.size()) {
      page->view()->setItemDelegateForColumn(done, new ProgressDelegate(done, total, page));
    }
    auto* cancel = new QAction(tr("Cancel job"), page);
    cancel->setObjectName(QStringLiteral("cancelJob"));
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    cancel->setShortcutContext(Qt::WidgetShortcut);
    connect(cancel, &QAction::triggered, this, [this, page] { CancelSelectedJob(page); });
    page->AddRowAction(cancel);
  }
  AttachForms(page);
  const int index = tabs_->addTab(page, info->Title(Language::Current()));
  tabs_->setCurrentIndex(index);
  page->view()->setFocus();
  return page;
}

void MainWindow::AttachForms(ListPage* page) {
  const QString name = page->info().name;
  if (name == QLatin1String("institutions")) {
    page->SetRowHandlers(
        [this] { OpenForm(new InstitutionForm(api_, 0, institutions_->currentInstitution())); },
        [this](qint64 id, const QString&) { OpenForm(new InstitutionForm(api_, id)); },
        [this, page](qint64 id, const QString& text) {
          InstitutionForm::ConfirmSwitchOff(api_, id, text, page, [page] { page->Refresh(); });
        });
  } else if (name == QLatin1String("users")) {
    // Users are reached through the working institution, where their role is held.
    page->SetRowHandlers(
        [this] { OpenForm(new UserForm(api_, institutions_->currentInstitution(), 0)); },
        [this](qint64 id, const QString&) {
          OpenForm(new UserForm(api_, institutions_->currentInstitution(), id));
        },
        [this, page](qint64 id, const QString& text) {
          UserForm::ConfirmSwitchOff(api_, institutions_->currentInstitution(), id, text, page,
                                     [page] { page->Refresh(); });
        });
  }
}

FormPage* MainWindow::OpenForm(FormPage* form) {
  const QString key = form->RecordKey();
  for (int i = 0; i < tabs_->count() && !key.isEmpty(); ++i) {
    auto* open = qobject_cast<FormPage*>(tabs_->widget(i));
    if (open != nullptr && open->RecordKey() == key) {
      delete form;
      tabs_->setCurrentIndex(i);
      return open;
    }
  }
  const QString list = qobject_cast<UserForm*>(form) != nullptr ? QStringLiteral("users")
                                                                : QStringLiteral("institutions");
  connect(form, &FormPage::titleChanged, this, [this, form](const QString& title) {
    const int index = tabs_->indexOf(form);
    if (index >= 0) tabs_->setTabText(index, title);
  });
  connect(form, &FormPage::closeRequested, this, [this, form] {
    const int index = tabs_->indexOf(form);
    if (index < 0) return;
    tabs_->removeTab(index);
    form->deleteLater();
    if (auto* current = qobject_cast<ListPage*>(tabs_->currentWidget())) {
      current->view()->setFocus();
    }
  });
  connect(form, &FormPage::saved, this, [this, list] { RefreshList(list); });
  connect(form, &FormPage::statusMessage, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  const int index = tabs_->addTab(form, form->title());
  tabs_->setCurrentIndex(index);
  form->FocusFirstField();
  return form;
}

void MainWindow::RefreshList(const QString& name) {
  for (int i = 0; i < tabs_->count(); ++i) {
    auto* page = qobject_cast<ListPage*>(tabs_->widget(i));
    if (page != nullptr && page->info().name == name) page->Refresh();
  }
}

void MainWindow::CancelSelectedJob(ListPage* page) {
  const qint64 id = page->CurrentId();
  if (id <= 0) return;
  ApiCall* call = api_->Post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(id), QJsonObject{});
  connect(call, &ApiCall::finished, page, [this, page, id] {
    statusBar()->showMessage(tr("Job %1: cancel requested").arg(id), 8000);
    page->Refresh();
  });
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    statusBar()->showMessage(error.Message(Language::Current()), 8000);
  });
}

void MainWindow::CloseTab(int index) {
  QWidget* page = tabs_->widget(index);
  if (page == nullptr) return;
  // A form decides itself: it asks before unsaved changes are lost, then closeRequested.
  if (auto* form = qobject_cast<FormPage*>(page)) {
    form->RequestClose();
    return;
  }
  tabs_->removeTab(index);
  page->deleteLater();  // its layout is saved as it goes
  if (auto* current = qobject_cast<ListPage*>(tabs_->currentWidget())) current->view()->setFocus();
}

void MainWindow::OnSessionExpired() {
  if (relogin_ != nullptr) return;
  relogin_ = new ReloginDialog(session_, session_->user().login, this);
  relogin_->setAttribute(Qt::WA_DeleteOnClose);
  connect(relogin_, &QDialog::rejected, this, [this] {
    api_->DropHeld(
        NetworkError(QStringLiteral("auth.signed_out"), QStringLiteral("Жүйеден шықтыңыз."),
                     QStringLiteral("Вы вышли из системы."), QStringLiteral("You signed out.")));
    close();
  });
  relogin_->open();
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::UpdateSectionActions() {
  QSet<QString> available;
  for (const ListInfo& info : catalog_->lists()) available.insert(info.name);
  navigation_->SetAvailableLists(available);
  for (auto it = entry_actions_.cbegin(); it != entry_actions_.cend(); ++it) {
    const bool later = it.value().isEmpty();
    it.key()->setEnabled(!later && available.contains(it.value()));
    it.key()->setToolTip(later ? tr("Available in a later version") : QString());
  }
}

void MainWindow::Retranslate() {
  setWindowTitle(tr("Esep — budget accounting"));
  file_menu_->setTitle(tr("&File"));
  quit_->setText(tr("&Quit"));
  const QStringList sections = NavigationPanel::Sections();
  for (int i = 0; i < section_menus_.size() && i < sections.size(); ++i) {
    section_menus_[i]->setTitle(
        QCoreApplication::translate("NavigationPanel", sections[i].toLatin1().constData()));
    section_menus_[i]->setToolTipsVisible(true);
  }
  int entry = 0;
  for (QMenu* menu : std::as_const(section_menus_)) {
    for (QAction* action : menu->actions()) {
      action->setText(QCoreApplication::translate("NavigationPanel",
                                                  NavigationPanel::Entries()[entry++].title));
    }
  }
  view_menu_->setTitle(tr("&View"));
  language_menu_->setTitle(tr("&Language"));
  for (QAction* action : languages_->actions()) {
    action->setChecked(action->objectName() == QStringLiteral("language_") + Language::Current());
  }
  focus_navigation_->setText(tr("Go to the navigation panel"));
  window_menu_->setTitle(tr("&Window"));
  close_tab_->setText(tr("&Close tab"));
  next_tab_->setText(tr("Next tab"));
  previous_tab_->setText(tr("Previous tab"));
  work_bar_->setWindowTitle(tr("Working context"));
  institution_caption_->setText(tr("Institution:") + QLatin1Char(' '));
  period_caption_->setText(QLatin1Char(' ') + tr("Period:") + QLatin1Char(' '));
  for (int i = 0; i < tabs_->count(); ++i) {
    if (auto* page = qobject_cast<ListPage*>(tabs_->widget(i))) {
      tabs_->setTabText(i, page->info().Title(Language::Current()));
    } else if (auto* form = qobject_cast<FormPage*>(tabs_->widget(i))) {
      tabs_->setTabText(i, form->title());
    }
  }
  if (catalog_loaded_) UpdateSectionActions();
  UpdateStatus();
}

void MainWindow::UpdateStatus() {
  const SessionUser& user = session_->user();
  user_label_->setText(tr("User: %1").arg(user.full_name.isEmpty() ? user.login : user.full_name));
  institution_label_->setText(tr("Institution: %1").arg(institutions_->currentName()));
  period_label_->setText(tr("Period: %1").arg(period_->Text()));
}

}  // namespace esep::client::ui
