#pragma once
/// @file
/// InstitutionForm: create or edit an institution (BIN checked here by the same rule as the
/// server's, the kind switched through its own call, the version sent as the optimistic lock).

#include <functional>

#include "esep/client/ui/form_page.hpp"

class QWidget;

namespace esep::client::ui {

class BoolField;
class ChoiceField;
class IntegerField;
class ListLookupSource;
class LookupField;
class TextField;

class InstitutionForm : public FormPage {
  Q_OBJECT
 public:
  /// `id` 0: a new institution under `parent_id` (0: none chosen yet).
  InstitutionForm(ApiClient* api, qint64 id, qint64 parent_id = 0, QWidget* parent = nullptr);
  QString RecordKey() const override;
  qint64 id() const { return id_; }
  int version() const { return version_; }
  /// Delete on the list: after the user agrees, the institution is switched off (it stays,
  /// with its history); `done` runs after the server agreed.
  static void ConfirmSwitchOff(ApiClient* api, qint64 id, const QString& name, QWidget* parent,
                               std::function<void()> done);

 protected:
  void Load() override;
  void Submit(bool post) override;
  void Retranslate() override;

 private:
  void Fill(const QJsonObject& institution);
  void Update(const QJsonObject& values);

  qint64 id_;
  qint64 parent_id_;
  int version_ = 0;
  QString kind_;  ///< as read: a change of kind is its own call
  ListLookupSource* institutions_;
  TextField* bin_;
  TextField* name_kk_;
  TextField* name_ru_;
  ChoiceField* kind_field_;
  IntegerField* budget_level_;
  LookupField* parent_field_;
  LookupField* office_;
  TextField* abp_code_;
  BoolField* active_;
};

/// The BIN rule of esep::core::Bin in the interface language (empty: a valid BIN).
QString CheckBin(const QString& text);
/// The IIN rule of esep::core::Iin in the interface language (empty: a valid IIN).
QString CheckIin(const QString& text);

}  // namespace esep::client::ui
