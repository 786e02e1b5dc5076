#pragma once
/// @file
/// NavigationPanel: the tree of the product's sections (Accounting, HR & Payroll, Inventory &
/// Assets, Budget, Reports, Administration) and their entries. Entries of modules that do not
/// exist yet are shown disabled with a tooltip; lists the user may not open are disabled too.

#include <QList>
#include <QSet>
#include <QString>
#include <QTreeWidget>

namespace esep::client::ui {

/// One entry of the navigation: a list name when it opens a list, empty when its module
/// comes in a later version.
struct NavigationEntry {
  const char* section;  ///< QT_TRANSLATE_NOOP("NavigationPanel", …)
  const char* title;
  QString list;
};

class NavigationPanel : public QTreeWidget {
  Q_OBJECT
 public:
  explicit NavigationPanel(QWidget* parent = nullptr);

  static const QList<NavigationEntry>& Entries();
  static QStringList Sections();
  /// Enables the entries of the lists the user may open (names from the list catalog).
  void SetAvailableLists(const QSet<QString>& lists);
  QTreeWidgetItem* ItemForList(const QString& list) const;

 signals:
  void listActivated(const QString& list);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void Retranslate();
  QSet<QString> available_;
};

}  // namespace esep::client::ui
