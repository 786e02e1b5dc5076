#include "esep/client/ui/institution_form.hpp"

#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

#include "esep/client/api_call.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/ui/form_fields.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/lookup_field.hpp"
#include "esep/client/ui/lookup_source.hpp"
#include "esep/core/iin.hpp"

namespace esep::client::ui {
namespace {

QString Localized(const core::Error& error) {
  return Language::Pick(QString::fromStdString(error.message.kk),
                        QString::fromStdString(error.message.ru),
                        QString::fromStdString(error.message.en));
}

}  // namespace

QString CheckBin(const QString& text) {
  const auto bin = core::Bin::Parse(text.toStdString(), "bin");
  return bin ? QString() : Localized(bin.error());
}

QString CheckIin(const QString& text) {
  const auto iin = core::Iin::Parse(text.toStdString(), "iin");
  return iin ? QString() : Localized(iin.error());
}

InstitutionForm::InstitutionForm(ApiClient* api, qint64 id, qint64 parent_id, QWidget* parent)
    : FormPage(api, parent),
      id_(id),
      parent_id_(parent_id),
      institutions_(NewInstitutionSource(api, this)) {
  setObjectName(QStringLiteral("institutionForm"));
  bin_ = new TextField(QStringLiteral("bin"));
  bin_->SetRequired(true);
  bin_->SetMaxLength(12);
  bin_->SetRule(&CheckBin);
  name_kk_ = new TextField(QStringLiteral("name_kk"));
  name_kk_->SetRequired(true);
  name_ru_ = new TextField(QStringLiteral("name_ru"));
  name_ru_->SetRequired(true);
  kind_field_ = new ChoiceField(QStringLiteral("kind"));
  kind_field_->SetRequired(true);
  budget_level_ = new IntegerField(QStringLiteral("budget_level"), 1, 4);
  budget_level_->SetRequired(true);
  parent_field_ = new LookupField(QStringLiteral("parent_id"), institutions_);
  office_ = new LookupField(QStringLiteral("accounting_office_id"), institutions_);
  abp_code_ = new TextField(QStringLiteral("abp_code"));
  abp_code_->SetEmptyIsNull(true);
  active_ = new BoolField(QStringLiteral("active"));
  for (FormField* field :
       std::initializer_list<FormField*>{bin_, name_kk_, name_ru_, kind_field_, budget_level_,
                                         parent_field_, office_, abp_code_, active_}) {
    AddField(field);
  }
  body()->addStretch(1);
  Retranslate();
  Load();
}

QString InstitutionForm::RecordKey() const {
  return id_ == 0 ? QString() : QStringLiteral("institution/%1").arg(id_);
}

void InstitutionForm::Retranslate() {
  bin_->label()->setText(tr("&BIN:"));
  name_kk_->label()->setText(tr("Name in &Kazakh:"));
  name_ru_->label()->setText(tr("Name in &Russian:"));
  kind_field_->label()->setText(tr("&Kind:"));
  kind_field_->SetChoices({{QStringLiteral("gu"), tr("State institution (GU)")},
                           {QStringLiteral("kgu"), tr("Municipal state institution (KGU)")},
                           {QStringLiteral("gkkp"), tr("Municipal state enterprise (GKKP)")}});
  budget_level_->label()->setText(tr("Budget &level (1–4):"));
  parent_field_->label()->setText(tr("&Superior institution:"));
  office_->label()->setText(tr("&Accounting office:"));
  abp_code_->label()->setText(tr("A&BP code:"));
  active_->label()->setText(tr("Ac&tive:"));
  if (id_ == 0) SetRecordName(tr("New institution"));
}

void InstitutionForm::Load() {
  if (id_ == 0) {
    QJsonObject blank{{"kind", "kgu"}, {"budget_level", 3}, {"active", true}};
    if (parent_id_ != 0) blank.insert("parent_id", parent_id_);
    Fill(blank);
    // A new form is clean until the user types: its defaults are not the user's changes.
    MarkClean();
    return;
  }
  SetBusy(true);
  ApiCall* call = api()->Get(QStringLiteral("/api/v1/institutions/%1").arg(id_));
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    SetBusy(false);
    Fill(document.object());
    MarkClean();
  });
  connect(call, &ApiCall::failed, this, &InstitutionForm::ShowError);
}

void InstitutionForm::Fill(const QJsonObject& institution) {
  for (FormField* field : fields()) {
    field->SetError(QString());
    field->SetValue(institution.value(field->name()));
  }
  // SetValue of the lookups asks for their texts; the values count at once.
  if (institution.contains("version")) version_ = institution.value("version").toInt();
  kind_ = institution.value("kind").toString();
  if (id_ != 0) {
    SetRecordName(Language::Pick(institution.value("name_kk").toString(),
                                 institution.value("name_ru").toString(),
                                 institution.value("name_ru").toString()));
  }
}

void InstitutionForm::Submit(bool) {
  QJsonObject values = Values();
  if (id_ == 0) {
    ApiCall* call = api()->Post(QStringLiteral("/api/v1/institutions"), values);
    connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
      id_ = document.object().value("id").toInteger();
      Fill(document.object());
      Saved(tr("Institution created."));
    });
    connect(call, &ApiCall::failed, this, &InstitutionForm::ShowError);
    return;
  }
  const QString kind = values.value("kind").toString();
  if (kind == kind_) {
    Update(values);
    return;
  }
  // The server changes the kind (the scenario) only as an operation of its own.
  ApiCall* call = api()->Post(QStringLiteral("/api/v1/institutions/%1/kind").arg(id_),
                              QJsonObject{{"kind", kind}, {"version", version_}});
  connect(call, &ApiCall::finished, this, [this, values](const QJsonDocument& document) {
    version_ = document.object().value("version").toInt();
    kind_ = document.object().value("kind").toString();
    Update(values);
  });
  connect(call, &ApiCall::failed, this, &InstitutionForm::ShowError);
}

void InstitutionForm::Update(const QJsonObject& values) {
  QJsonObject body = values;
  body.insert("version", version_);
  ApiCall* call = api()->Put(QStringLiteral("/api/v1/institutions/%1").arg(id_), body);
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    Fill(document.object());
    Saved(tr("Institution saved."));
  });
  connect(call, &ApiCall::failed, this, &InstitutionForm::ShowError);
}

void InstitutionForm::ConfirmSwitchOff(ApiClient* api, qint64 id, const QString& name,
                                       QWidget* parent, std::function<void()> done) {
  if (QMessageBox::question(parent, tr("Switch off the institution"),
                            tr("Switch off \"%1\"? It stays in the system with its history and "
                               "can be switched on again.")
                                .arg(name)) != QMessageBox::Yes) {
    return;
  }
  const auto fail = [parent](const ApiError& error) {
    QMessageBox::warning(parent, tr("Switch off the institution"),
                         error.Message(Language::Current()));
  };
  ApiCall* read = api->Get(QStringLiteral("/api/v1/institutions/%1").arg(id));
  QObject::connect(read, &ApiCall::failed, parent, fail);
  QObject::connect(read, &ApiCall::finished, parent,
                   [api, id, parent, done, fail](const QJsonDocument& document) {
                     QJsonObject body = document.object();
                     body.insert("active", false);
                     ApiCall* put =
                         api->Put(QStringLiteral("/api/v1/institutions/%1").arg(id), body);
                     QObject::connect(put, &ApiCall::failed, parent, fail);
                     QObject::connect(put, &ApiCall::finished, parent, [done] { done(); });
                   });
}

}  // namespace esep::client::ui
