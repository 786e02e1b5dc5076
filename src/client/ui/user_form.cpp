#include "esep/client/ui/user_form.hpp"

#include <QAction>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "esep/client/api_call.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/ui/form_fields.hpp"
#include "esep/client/ui/institution_form.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/lookup_source.hpp"
#include "esep/client/ui/table_part.hpp"

namespace esep::client::ui {
namespace {

const QString kRole = QStringLiteral("role");
const QString kOrg = QStringLiteral("org_id");
const QString kSubtree = QStringLiteral("include_subtree");

TablePartLine GrantLine(const QJsonObject& grant) {
  TablePartLine line;
  line.stored = true;
  line.values = QJsonObject{{"id", grant.value("id")},
                            {kRole, grant.value("role")},
                            {kOrg, grant.value("org_id")},
                            {kSubtree, grant.value("include_subtree")}};
  const QJsonObject role_name = grant.value("role_name").toObject();
  line.texts.insert(
      kRole, Language::Pick(role_name.value("kk").toString(), role_name.value("ru").toString(),
                            role_name.value("en").toString()));
  const QString org_ru = grant.value("org_name_ru").toString();
  line.texts.insert(kOrg, Language::Pick(grant.value("org_name_kk").toString(), org_ru, org_ru));
  return line;
}

}  // namespace

UserForm::UserForm(ApiClient* api, qint64 org_id, qint64 id, QWidget* parent)
    : FormPage(api, parent),
      org_id_(org_id),
      id_(id),
      roles_(new RoleLookupSource(api, this)),
      institutions_(NewInstitutionSource(api, this)) {
  setObjectName(QStringLiteral("userForm"));
  login_ = new TextField(QStringLiteral("login"));
  login_->SetRequired(true);
  full_name_ = new TextField(QStringLiteral("full_name"));
  full_name_->SetRequired(true);
  iin_ = new TextField(QStringLiteral("iin"));
  iin_->SetEmptyIsNull(true);
  iin_->SetMaxLength(12);
  iin_->SetRule(&CheckIin);
  lang_ = new ChoiceField(QStringLiteral("lang"));
  password_ = new TextField(QStringLiteral("password"));
  password_->SetPassword(true);
  for (FormField* field :
       std::initializer_list<FormField*>{login_, full_name_, iin_, lang_, password_}) {
    AddField(field);
  }
  state_ = new QLabel;
  state_->setObjectName(QStringLiteral("state"));
  body()->addWidget(state_);

  QList<TablePartColumn> columns(3);
  columns[0].code = kRole;
  columns[0].kind = TablePartColumn::Kind::kLookup;
  columns[0].required = true;
  columns[0].source = roles_;
  columns[0].title = [] { return tr("Role"); };
  columns[1].code = kOrg;
  columns[1].kind = TablePartColumn::Kind::kLookup;
  columns[1].required = true;
  columns[1].source = institutions_;
  columns[1].title = [] { return tr("Institution"); };
  columns[2].code = kSubtree;
  columns[2].kind = TablePartColumn::Kind::kBool;
  columns[2].title = [] { return tr("And every institution below it"); };
  grants_ = new TablePart(new TablePartModel(columns));
  grants_caption_ = new QLabel;
  grants_caption_->setBuddy(grants_->view());
  AddTablePart(grants_, grants_caption_);

  toggle_active_ = toolbar()->addAction(QString());
  toggle_active_->setObjectName(QStringLiteral("toggleActive"));
  reset_password_ = toolbar()->addAction(QString());
  reset_password_->setObjectName(QStringLiteral("resetPassword"));
  connect(toggle_active_, &QAction::triggered, this, &UserForm::ToggleActive);
  connect(reset_password_, &QAction::triggered, this, &UserForm::ResetPassword);
  SetMode();
  Retranslate();
  Load();
}

QString UserForm::RecordKey() const {
  return id_ == 0 ? QString() : QStringLiteral("user/%1").arg(id_);
}

void UserForm::SetMode() {
  const bool creating = id_ == 0;
  // The API changes a user's name, login, IIN and language only through the user's own
  // profile; an administrator sets them once, when creating.
  for (FormField* field : std::initializer_list<FormField*>{login_, full_name_, iin_, lang_}) {
    field->SetReadOnly(!creating);
  }
  password_->setVisible(creating);
  password_->label()->setVisible(creating);
  password_->SetRequired(creating);
  toggle_active_->setVisible(!creating);
  reset_password_->setVisible(!creating);
  state_->setVisible(!creating);
}

void UserForm::Retranslate() {
  login_->label()->setText(tr("&Login:"));
  full_name_->label()->setText(tr("&Full name:"));
  iin_->label()->setText(tr("&IIN:"));
  lang_->label()->setText(tr("Interface l&anguage:"));
  QList<QPair<QString, QString>> languages;
  for (const QString& code : Language::Codes())
    languages.append({code, Language::NativeName(code)});
  lang_->SetChoices(languages);
  password_->label()->setText(tr("Initial &password:"));
  grants_caption_->setText(tr("&Roles (Insert adds a line, Delete removes it):"));
  toggle_active_->setText(active_ ? tr("Switch off") : tr("Switch on"));
  reset_password_->setText(tr("Reset password…"));
  state_->setText(active_ ? tr("The user can sign in.") : tr("The user is switched off."));
  if (id_ == 0) SetRecordName(tr("New user"));
}

void UserForm::Load() {
  if (id_ == 0) {
    Fill(QJsonObject{{"lang", Language::Current()}});
    if (org_id_ != 0 && grants_->model()->rowCount() == 0) {
      // The first role line starts in the working institution; the role is the user's choice.
      const int row = grants_->model()->AddLine();
      grants_->model()->setData(grants_->model()->index(row, 1), QVariant(org_id_), Qt::EditRole);
      institutions_->Describe(QJsonValue(org_id_));
      connect(
          institutions_, &LookupSource::described, this,
          [this, row](const QJsonValue& key, const QString& text) {
            if (row < grants_->model()->rowCount() && key == QJsonValue(org_id_)) {
              grants_->model()->setData(grants_->model()->index(row, 1), text,
                                        TablePartModel::kTextRole);
            }
          },
          Qt::SingleShotConnection);
    }
    MarkClean();
    return;
  }
  SetBusy(true);
  ApiCall* call =
      api()->Get(QStringLiteral("/api/v1/institutions/%1/users/%2").arg(org_id_).arg(id_));
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    SetBusy(false);
    Fill(document.object());
    MarkClean();
  });
  connect(call, &ApiCall::failed, this, &UserForm::ShowError);
}

void UserForm::Fill(const QJsonObject& user) {
  for (FormField* field : fields()) {
    field->SetError(QString());
    if (field != password_) field->SetValue(user.value(field->name()));
  }
  if (id_ != 0) {
    active_ = user.value("active").toBool(true);
    QList<TablePartLine> lines;
    for (const QJsonValue& grant : user.value("grants").toArray()) {
      lines.append(GrantLine(grant.toObject()));
    }
    grants_->model()->SetLines(lines);
    SetRecordName(user.value("full_name").toString());
    Retranslate();
  }
}

bool UserForm::ValidateMore() {
  TablePartModel* model = grants_->model();
  if (id_ == 0 && model->rowCount() == 0) {
    grants_->SetError(tr("Give the user at least one role."));
    grants_->view()->setFocus();
    return false;
  }
  return true;
}

void UserForm::Submit(bool) {
  if (id_ != 0) {
    SaveLines();
    return;
  }
  // The server creates a user together with their first role, in that role's institution.
  const TablePartLine first = grants_->model()->lines().first();
  QJsonObject body = Values();
  body.insert(kRole, first.values.value(kRole));
  body.insert(kSubtree, first.values.value(kSubtree).toBool());
  const qint64 org = first.values.value(kOrg).toInteger();
  ApiCall* call = api()->Post(QStringLiteral("/api/v1/institutions/%1/users").arg(org), body);
  connect(call, &ApiCall::finished, this, [this, org](const QJsonDocument& document) {
    const QJsonObject user = document.object();
    id_ = user.value("id").toInteger();
    org_id_ = org;
    const QJsonObject grant = user.value("grants").toArray().first().toObject();
    grants_->model()->MarkStored(0, QJsonObject{{"id", grant.value("id")}});
    password_->SetValue(QString());
    SetMode();
    SetRecordName(user.value("full_name").toString());
    Retranslate();
    SaveLines();
  });
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    // The first line's role or institution is where the server may object.
    if (error.field == kRole || error.field == QLatin1String("org_id")) {
      LineFailed(0, error);
      return;
    }
    ShowError(error);
  });
}

void UserForm::SaveLines() {
  TablePartModel* model = grants_->model();
  if (!model->removed().isEmpty()) {
    const TablePartLine line = model->removed().first();
    ApiCall* call = api()->Delete(QStringLiteral("/api/v1/institutions/%1/grants/%2")
                                      .arg(line.values.value(kOrg).toInteger())
                                      .arg(line.values.value("id").toInteger()));
    connect(call, &ApiCall::finished, this, [this] {
      grants_->model()->TakeFirstRemoved();
      SaveLines();
    });
    connect(call, &ApiCall::failed, this, &UserForm::ShowError);
    return;
  }
  for (int row = 0; row < model->rowCount(); ++row) {
    const TablePartLine& line = model->lines()[row];
    if (line.stored) continue;
    const qint64 org = line.values.value(kOrg).toInteger();
    ApiCall* call = api()->Post(QStringLiteral("/api/v1/institutions/%1/grants").arg(org),
                                QJsonObject{{"user_id", id_},
                                            {kRole, line.values.value(kRole)},
                                            {kSubtree, line.values.value(kSubtree).toBool()}});
    connect(call, &ApiCall::finished, this, [this, row](const QJsonDocument& document) {
      grants_->model()->MarkStored(row, QJsonObject{{"id", document.object().value("id")}});
      SaveLines();
    });
    connect(call, &ApiCall::failed, this,
            [this, row](const ApiError& error) { LineFailed(row, error); });
    return;
  }
  Saved(tr("User saved."));
}

void UserForm::LineFailed(int row, const ApiError& error) {
  const QString message = error.Message(Language::Current());
  const QString column = error.field == QLatin1String("org_id") ? kOrg : kRole;
  grants_->model()->SetCellError(row, column, message);
  grants_->view()->setCurrentIndex(
      grants_->model()->index(row, grants_->model()->ColumnOf(column)));
  grants_->view()->setFocus();
  ShowError(ApiError{error.status, error.code, error.kk, error.ru, error.en, QString()});
}

void UserForm::ToggleActive() {
  if (id_ == 0 || busy()) return;
  const bool switch_on = !active_;
  if (!switch_on &&
      QMessageBox::question(this, tr("Switch off the user"),
                            tr("Switch off \"%1\"? They will not be able to sign "
                               "in until switched on again.")
                                .arg(full_name_->edit()->text())) != QMessageBox::Yes) {
    return;
  }
  SetBusy(true);
  ApiCall* call =
      api()->Post(QStringLiteral("/api/v1/institutions/%1/users/%2/active").arg(org_id_).arg(id_),
                  QJsonObject{{"active", switch_on}});
  connect(call, &ApiCall::finished, this, [this, switch_on] {
    SetBusy(false);
    active_ = switch_on;
    Retranslate();
    emit statusMessage(switch_on ? tr("The user is switched on.")
                                 : tr("The user is switched off."));
    emit saved();
  });
  connect(call, &ApiCall::failed, this, &UserForm::ShowError);
}

void UserForm::ResetPassword() {
  if (id_ == 0 || busy()) return;
  bool ok = false;
  const QString password =
      QInputDialog::getText(this, tr("Reset password"),
                            tr("New password for \"%1\" (they must change it at the next sign-in):")
                                .arg(full_name_->edit()->text()),
                            QLineEdit::Password, QString(), &ok);
  if (!ok || password.isEmpty()) return;
  SetBusy(true);
  ApiCall* call = api()->Post(
      QStringLiteral("/api/v1/institutions/%1/users/%2/password-reset").arg(org_id_).arg(id_),
      QJsonObject{{"new_password", password}});
  connect(call, &ApiCall::finished, this, [this] {
    SetBusy(false);
    emit statusMessage(tr("The password is reset; the user's sessions have ended."));
  });
  connect(call, &ApiCall::failed, this, &UserForm::ShowError);
}

void UserForm::ConfirmSwitchOff(ApiClient* api, qint64 org_id, qint64 id, const QString& name,
                                QWidget* parent, std::function<void()> done) {
  if (QMessageBox::question(parent, tr("Switch off the user"),
                            tr("Switch off \"%1\"? They will not be able to sign in until "
                               "switched on again.")
                                .arg(name)) != QMessageBox::Yes) {
    return;
  }
  ApiCall* call =
      api->Post(QStringLiteral("/api/v1/institutions/%1/users/%2/active").arg(org_id).arg(id),
                QJsonObject{{"active", false}});
  QObject::connect(call, &ApiCall::finished, parent, [done] { done(); });
  QObject::connect(call, &ApiCall::failed, parent, [parent](const ApiError& error) {
    QMessageBox::warning(parent, tr("Switch off the user"), error.Message(Language::Current()));
  });
}

}  // namespace esep::client::ui
