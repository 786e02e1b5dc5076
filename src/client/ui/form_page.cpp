#include "esep/client/ui/form_page.hpp"

#include <QAction>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QToolBar>
#include <QVBoxLayout>

#include "esep/client/ui/form_field.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/table_part.hpp"

namespace esep::client::ui {

FormPage::FormPage(ApiClient* api, QWidget* parent)
    : QWidget(parent),
      api_(api),
      toolbar_(new QToolBar),
      error_(new QLabel),
      fields_box_(new QWidget),
      form_(new QFormLayout(fields_box_)),
      body_(new QVBoxLayout(this)) {
  body_->setContentsMargins(8, 4, 8, 8);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  body_->addWidget(toolbar_);
  error_->setObjectName(QStringLiteral("formError"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00; padding: 2px;"));
  error_->hide();
  body_->addWidget(error_);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  fields_box_->setMaximumWidth(760);
  body_->addWidget(fields_box_);

  const auto make = [this](QList<QKeySequence> keys) {
    auto* action = new QAction(this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    toolbar_->addAction(action);
    return action;
  };
  save_ = make({QKeySequence(Qt::CTRL | Qt::Key_S)});
  post_ = make({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  // Esc is the window's "close tab", which asks the form (two Esc shortcuts would cancel
  // each other out); the button is for the mouse.
  close_ = new QAction(this);
  toolbar_->addAction(close_);
  toolbar_->addSeparator();
  save_->setObjectName(QStringLiteral("save"));
  post_->setObjectName(QStringLiteral("post"));
  close_->setObjectName(QStringLiteral("close"));
  post_->setVisible(false);
  post_->setEnabled(false);
  connect(save_, &QAction::triggered, this, &FormPage::Save);
  connect(post_, &QAction::triggered, this, &FormPage::Post);
  connect(close_, &QAction::triggered, this, &FormPage::RequestClose);
  RetranslateFrame();
}

void FormPage::FocusFirstField() {
  if (!fields_.isEmpty()) fields_.first()->FocusEditor();
}

void FormPage::AddField(FormField* field) {
  fields_.append(field);
  form_->addRow(field->label(), field);
  connect(field, &FormField::changed, this, &FormPage::UpdateTitle);
}

void FormPage::AddTablePart(TablePart* part, QLabel* caption) {
  parts_.append(part);
  body_->addWidget(caption);
  body_->addWidget(part, 1);
  connect(part, &TablePart::changed, this, &FormPage::UpdateTitle);
}

void FormPage::SetPostable(bool postable) {
  post_->setVisible(postable);
  post_->setEnabled(postable && !busy_);
}

void FormPage::SetRecordName(const QString& name) {
  record_name_ = name;
  UpdateTitle();
}

FormField* FormPage::Field(const QString& name) const {
  for (FormField* field : fields_) {
    if (field->name() == name) return field;
  }
  return nullptr;
}

QJsonObject FormPage::Values() const {
  QJsonObject values;
  for (const FormField* field : fields_) values.insert(field->name(), field->Value());
  return values;
}

bool FormPage::dirty() const {
  if (Values() != clean_) return true;
  return std::any_of(parts_.begin(), parts_.end(),
                     [](const TablePart* part) { return part->model()->dirty(); });
}

QString FormPage::title() const {
  return dirty() ? record_name_ + QStringLiteral(" *") : record_name_;
}

void FormPage::UpdateTitle() {
  const QString now = title();
  if (now == shown_title_) return;
  shown_title_ = now;
  emit titleChanged(now);
}

void FormPage::MarkClean() {
  clean_ = Values();
  UpdateTitle();
}

QString FormPage::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

void FormPage::SetBusy(bool busy) {
  busy_ = busy;
  save_->setEnabled(!busy);
  post_->setEnabled(!busy && post_->isVisible());
  fields_box_->setEnabled(!busy);
  if (busy)
    setCursor(Qt::BusyCursor);
  else
    unsetCursor();
}

void FormPage::Save() {
  if (busy_) return;
  ShowGeneralError(QString());
  FormField* first_wrong = nullptr;
  for (FormField* field : std::as_const(fields_)) {
    const QString message = field->Validate();
    field->SetError(message);
    if (!message.isEmpty() && first_wrong == nullptr) first_wrong = field;
  }
  if (first_wrong != nullptr) {
    first_wrong->FocusEditor();
    return;
  }
  for (TablePart* part : std::as_const(parts_)) {
    if (!part->Validate()) return;
  }
  if (!ValidateMore()) return;
  SetBusy(true);
  Submit(false);
}

void FormPage::Post() {
  if (!post_->isVisible() || busy_) return;
  ShowGeneralError(QString());
  for (FormField* field : std::as_const(fields_)) {
    const QString message = field->Validate();
    field->SetError(message);
    if (!message.isEmpty()) {
      field->FocusEditor();
      return;
    }
  }
  for (TablePart* part : std::as_const(parts_)) {
    if (!part->Validate()) return;
  }
  if (!ValidateMore()) return;
  SetBusy(true);
  Submit(true);
}

void FormPage::Saved(const QString& message) {
  SetBusy(false);
  MarkClean();
  emit statusMessage(message);
  emit saved();
}

void FormPage::ShowError(const ApiError& error) {
  SetBusy(false);
  const QString message = error.Message(Language::Current());
  if (error.code.endsWith(QLatin1String(".version_conflict"))) {
    ExplainConflict(error);
    return;
  }
  if (FormField* field = Field(error.field); field != nullptr && field->isVisible()) {
    field->SetError(message);
    field->FocusEditor();
    return;
  }
  ShowGeneralError(message);
}

void FormPage::ShowGeneralError(const QString& message) {
  error_->setText(message);
  error_->setVisible(!message.isEmpty());
}

void FormPage::ExplainConflict(const ApiError& error) {
  if (conflict_ != nullptr) return;
  conflict_ = new QMessageBox(QMessageBox::Warning, tr("Someone else saved this record"),
                              tr("While you were editing, another user saved this record. "
                                 "Your changes were not saved."),
                              QMessageBox::NoButton, this);
  conflict_->setObjectName(QStringLiteral("conflictDialog"));
  conflict_->setInformativeText(
      error.Message(Language::Current()) + QStringLiteral("\n\n") +
      tr("Reload: read the record as it is now; your changes here are lost.\n"
         "Keep editing: your changes stay on the screen, but they cannot be saved over the "
         "other user's version — reload and enter them again."));
  QPushButton* reload = conflict_->addButton(tr("Reload"), QMessageBox::AcceptRole);
  reload->setObjectName(QStringLiteral("reload"));
  QPushButton* keep = conflict_->addButton(tr("Keep editing"), QMessageBox::RejectRole);
  keep->setObjectName(QStringLiteral("keepEditing"));
  conflict_->setDefaultButton(keep);
  conflict_->setAttribute(Qt::WA_DeleteOnClose);
  connect(conflict_, &QMessageBox::buttonClicked, this, [this, reload](QAbstractButton* button) {
    if (button == reload) Reload();
  });
  ShowGeneralError(error.Message(Language::Current()));
  conflict_->open();
}

void FormPage::Reload() {
  ShowGeneralError(QString());
  for (FormField* field : std::as_const(fields_)) field->SetError(QString());
  for (TablePart* part : std::as_const(parts_)) part->SetError(QString());
  Load();
}

void FormPage::RequestClose() {
  if (!dirty()) {
    emit closeRequested();
    return;
  }
  if (discard_ != nullptr) return;
  discard_ =
      new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                      tr("The changes in \"%1\" are not saved. Discard them?").arg(record_name_),
                      QMessageBox::NoButton, this);
  discard_->setObjectName(QStringLiteral("discardQuestion"));
  QPushButton* discard = discard_->addButton(tr("Discard"), QMessageBox::DestructiveRole);
  discard->setObjectName(QStringLiteral("discard"));
  QPushButton* keep = discard_->addButton(tr("Keep editing"), QMessageBox::RejectRole);
  keep->setObjectName(QStringLiteral("keepEditing"));
  // Enter keeps the work: losing it takes a deliberate choice.
  discard_->setDefaultButton(keep);
  discard_->setEscapeButton(keep);
  discard_->setAttribute(Qt::WA_DeleteOnClose);
  connect(discard_, &QMessageBox::buttonClicked, this, [this, discard](QAbstractButton* button) {
    if (button == discard) emit closeRequested();
  });
  discard_->open();
}

void FormPage::RetranslateFrame() {
  save_->setText(tr("Save"));
  save_->setToolTip(tr("Save the record (Ctrl+S)"));
  post_->setText(tr("Post"));
  post_->setToolTip(tr("Save and post (Ctrl+Enter)"));
  close_->setText(tr("Close"));
  close_->setToolTip(tr("Close the form (Esc)"));
}

void FormPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    RetranslateFrame();
    for (TablePart* part : std::as_const(parts_)) part->Retranslate();
    Retranslate();
  }
  QWidget::changeEvent(event);
}

}  // namespace esep::client::ui
