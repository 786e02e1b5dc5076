#pragma once
/// @file
/// LookupPicker: the dialog a lookup opens with F4 — the whole generic list (search, filters,
/// sorting) to choose a row from; Enter or a double click picks it.

#include <QDialog>
#include <QPointer>

#include "esep/client/ui/list_page.hpp"

#include "esep/client/api_error.hpp"

namespace esep::client {
class ApiClient;
class ListCatalog;
}  // namespace esep::client

namespace esep::client::ui {

class LookupPicker : public QDialog {
  Q_OBJECT
 public:
  LookupPicker(ApiClient* api, const QString& list_name, QWidget* parent = nullptr);
  /// The list inside, once the catalog said which columns it has (nullptr before).
  ListPage* page() const { return page_; }

 signals:
  void picked(qint64 id);

 private:
  ApiClient* api_;
  ListCatalog* catalog_;
  QPointer<ListPage> page_;
};

}  // namespace esep::client::ui
