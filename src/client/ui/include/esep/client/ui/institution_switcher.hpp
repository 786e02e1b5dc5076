#pragma once
/// @file
/// InstitutionSwitcher: a combo of the institutions the user works in (ids from /api/v1/me),
/// named in the interface language as the server's answers arrive.

#include <QComboBox>
#include <QHash>
#include <QList>

namespace esep::client {
class ApiClient;
}

namespace esep::client::ui {

class InstitutionSwitcher : public QComboBox {
  Q_OBJECT
 public:
  explicit InstitutionSwitcher(ApiClient* api, QWidget* parent = nullptr);

  void SetInstitutions(const QList<qint64>& ids, qint64 current);
  qint64 currentInstitution() const;
  QString currentName() const;

 signals:
  void institutionChanged(qint64 org_id);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Names {
    QString kk, ru;
  };
  void Rename();

  ApiClient* api_;
  QHash<qint64, Names> names_;
};

}  // namespace esep::client::ui
