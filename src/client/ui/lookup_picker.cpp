#include "esep/client/ui/lookup_picker.hpp"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "esep/client/list_catalog.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_page.hpp"

namespace esep::client::ui {

LookupPicker::LookupPicker(ApiClient* api, const QString& list_name, QWidget* parent)
    : QDialog(parent), api_(api), catalog_(new ListCatalog(api, this)) {
  setObjectName(QStringLiteral("lookupPicker"));
  setWindowTitle(tr("Choose a value"));
  auto* layout = new QVBoxLayout(this);
  auto* status = new QLabel(tr("Loading…"));
  layout->addWidget(status);
  resize(760, 480);
  connect(catalog_, &ListCatalog::loaded, this, [this, list_name, status, layout] {
    const ListInfo* info = catalog_->Find(list_name);
    if (info == nullptr) {
      status->setText(tr("You may not open this list."));
      return;
    }
    status->hide();
    // A layout of its own: narrowing the picker does not narrow the list's tab.
    page_ = new ListPage(api_, *info, QStringLiteral("picker"));
    page_->SetRowHandlers(
        nullptr,
        [this](qint64 id, const QString&) {
          emit picked(id);
          accept();
        },
        nullptr);
    layout->addWidget(page_);
    page_->view()->setFocus();
  });
  connect(catalog_, &ListCatalog::failed, this,
          [status](const ApiError& error) { status->setText(error.Message(Language::Current())); });
  catalog_->Load();
}

}  // namespace esep::client::ui
