#include "esep/client/ui/navigation_panel.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>

namespace esep::client::ui {
namespace {

constexpr int kListRole = Qt::UserRole;
constexpr int kEntryRole = Qt::UserRole + 1;

}  // namespace

const QList<NavigationEntry>& NavigationPanel::Entries() {
  static const QList<NavigationEntry> kEntries = {
      {QT_TRANSLATE_NOOP("NavigationPanel", "Accounting"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Chart of accounts"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Accounting"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Memorial orders"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Accounting"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Journal of operations"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Accounting"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Turnover statement"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "HR & Payroll"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Employees"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "HR & Payroll"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Staffing table"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "HR & Payroll"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Timesheets"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "HR & Payroll"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Payroll"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Inventory & Assets"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Fixed assets"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Inventory & Assets"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Inventories"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Budget"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Budget programs"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Budget"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Budget requests"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Budget"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Financing plans"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Reports"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Financial statements"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Reports"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Treasury reconciliation"),
       {}},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Administration"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Institutions"), QStringLiteral("institutions")},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Administration"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Users"), QStringLiteral("users")},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Administration"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Audit log"), QStringLiteral("audit")},
      {QT_TRANSLATE_NOOP("NavigationPanel", "Administration"),
       QT_TRANSLATE_NOOP("NavigationPanel", "Jobs"), QStringLiteral("jobs")},
  };
  return kEntries;
}

QStringList NavigationPanel::Sections() {
  QStringList sections;
  for (const auto& entry : Entries()) {
    const QString section = QString::fromLatin1(entry.section);
    if (!sections.contains(section)) sections << section;
  }
  return sections;
}

NavigationPanel::NavigationPanel(QWidget* parent) : QTreeWidget(parent) {
  setObjectName(QStringLiteral("navigation"));
  setHeaderHidden(true);
  setRootIsDecorated(true);
  QTreeWidgetItem* section_item = nullptr;
  QString section;
  for (int i = 0; i < Entries().size(); ++i) {
    const NavigationEntry& entry = Entries()[i];
    if (section != QLatin1String(entry.section)) {
      section = QString::fromLatin1(entry.section);
      section_item = new QTreeWidgetItem(this);
      section_item->setFlags(Qt::ItemIsEnabled);
      section_item->setExpanded(true);
    }
    auto* item = new QTreeWidgetItem(section_item);
    item->setData(0, kListRole, entry.list);
    item->setData(0, kEntryRole, i);
  }
  expandAll();
  connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) {
    const QString list = item->data(0, kListRole).toString();
    if (!list.isEmpty() && available_.contains(list)) emit listActivated(list);
  });
  Retranslate();
}

void NavigationPanel::SetAvailableLists(const QSet<QString>& lists) {
  available_ = lists;
  Retranslate();
}

QTreeWidgetItem* NavigationPanel::ItemForList(const QString& list) const {
  for (int top = 0; top < topLevelItemCount(); ++top) {
    QTreeWidgetItem* section = topLevelItem(top);
    for (int child = 0; child < section->childCount(); ++child) {
      if (section->child(child)->data(0, kListRole).toString() == list)
        return section->child(child);
    }
  }
  return nullptr;
}

void NavigationPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QTreeWidget::changeEvent(event);
}

void NavigationPanel::Retranslate() {
  for (int top = 0; top < topLevelItemCount(); ++top) {
    QTreeWidgetItem* section = topLevelItem(top);
    for (int child = 0; child < section->childCount(); ++child) {
      QTreeWidgetItem* item = section->child(child);
      const NavigationEntry& entry = Entries()[item->data(0, kEntryRole).toInt()];
      if (child == 0)
        section->setText(0, QCoreApplication::translate("NavigationPanel", entry.section));
      item->setText(0, QCoreApplication::translate("NavigationPanel", entry.title));
      const bool later = entry.list.isEmpty();
      const bool allowed = !later && available_.contains(entry.list);
      item->setFlags(allowed ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
      item->setToolTip(0, later     ? tr("Available in a later version")
                          : allowed ? QString()
                                    : tr("You have no permission to open this list"));
    }
  }
}

}  // namespace esep::client::ui
