#pragma once
/// @file
/// MainWindow: navigation panel and menus by section, lists in closable tabs, the working
/// institution and period, the language menu, and the re-login dialog when the session
/// expires (the window and its tabs stay as they are).

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include "esep/client/api_error.hpp"

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QToolBar;

namespace esep::client {
class ApiClient;
class ListCatalog;
class Session;
}  // namespace esep::client

namespace esep::client::ui {

class FormPage;
class InstitutionSwitcher;
class ListPage;
class NavigationPanel;
class PeriodSelector;
class ReloginDialog;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  MainWindow(ApiClient* api, Session* session, QWidget* parent = nullptr);

  /// Loads the user's institutions and the list catalog; call once after signing in.
  void Start();
  /// Opens (or shows again) the list's tab; nullptr when the user may not open it.
  ListPage* OpenList(const QString& name);
  /// Shows the form in a tab of its own (or the tab already open for the same record, and
  /// then deletes `form`); returns the form shown.
  FormPage* OpenForm(FormPage* form);
  QTabWidget* tabs() const { return tabs_; }
  NavigationPanel* navigation() const { return navigation_; }
  InstitutionSwitcher* institutionSwitcher() const { return institutions_; }
  bool catalogLoaded() const { return catalog_loaded_; }
  ReloginDialog* reloginDialog() const;

 signals:
  void ready();  ///< the catalog and the institutions are known

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void BuildMenus();
  void Retranslate();
  void UpdateStatus();
  void UpdateSectionActions();
  void CloseTab(int index);
  void OnSessionExpired();
  void CancelSelectedJob(ListPage* page);
  /// Insert/Enter/Delete of the lists that have forms (institutions, users).
  void AttachForms(ListPage* page);
  void RefreshList(const QString& name);

  ApiClient* api_;
  Session* session_;
  ListCatalog* catalog_ = nullptr;
  bool catalog_loaded_ = false;
  bool me_loaded_ = false;
  NavigationPanel* navigation_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  QToolBar* work_bar_ = nullptr;
  InstitutionSwitcher* institutions_ = nullptr;
  PeriodSelector* period_ = nullptr;
  QLabel* user_label_ = nullptr;
  QLabel* institution_label_ = nullptr;
  QLabel* period_label_ = nullptr;
  QLabel* institution_caption_ = nullptr;
  QLabel* period_caption_ = nullptr;
  QList<QMenu*> section_menus_;
  QHash<QAction*, QString> entry_actions_;  ///< action → list name (empty: a later module)
  QMenu* file_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QMenu* window_menu_ = nullptr;
  QAction* quit_ = nullptr;
  QAction* close_tab_ = nullptr;
  QAction* next_tab_ = nullptr;
  QAction* previous_tab_ = nullptr;
  QAction* focus_navigation_ = nullptr;
  QActionGroup* languages_ = nullptr;
  QPointer<ReloginDialog> relogin_;
};

}  // namespace esep::client::ui
