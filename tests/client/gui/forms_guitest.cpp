// The form framework as a user drives it, against a real server (ApiTest) on an X display:
// a user created from the keyboard (the server's objection lands on its field), a role line
// added in the table part, an institution saved from two forms at once (the second is told
// someone else saved first), and Esc on a form with unsaved changes.
#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "../client_test.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/paged_list_model.hpp"
#include "esep/client/session.hpp"
#include "esep/client/ui/form_field.hpp"
#include "esep/client/ui/institution_form.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_page.hpp"
#include "esep/client/ui/lookup_field.hpp"
#include "esep/client/ui/main_window.hpp"
#include "esep/client/ui/table_part.hpp"
#include "esep/client/ui/user_form.hpp"

namespace esep::testing {
namespace {

namespace ui = client::ui;

constexpr int kWaitMs = 30'000;

// Types text key by key, Cyrillic and Kazakh letters included (QTest::keyClicks maps only
// ASCII to keys).
void TypeText(QWidget* widget, const QString& text) {
  for (const QChar c : text) {
    QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
  }
}

class FormsGuiTest : public ClientTest {
 protected:
  void SetUp() override {
    ClientTest::SetUp();
    ASSERT_TRUE(settings_dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir_.path());
    ASSERT_TRUE(ui::Language::Switch(QStringLiteral("ru")));
    api_.SetProfile(PinnedProfile());
    CallOutcome login =
        Wait(session_.Login(QStringLiteral("admin"), QString::fromLatin1(kPassword)));
    ASSERT_TRUE(login.document.has_value());
  }

  QWidget* Focused() const { return QApplication::focusWidget(); }

  // The cell editor open in `view` (the focused LookupEdit).
  static ui::LookupEdit* OpenLookupEditor(QTableView* view, int row, int column) {
    view->setFocus();
    view->setCurrentIndex(view->model()->index(row, column));
    if (qobject_cast<ui::LookupEdit*>(QApplication::focusWidget()) == nullptr) {
      QTest::keyClick(view, Qt::Key_F2);
    }
    ui::LookupEdit* edit = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (edit = qobject_cast<ui::LookupEdit*>(QApplication::focusWidget())); },
        kWaitMs);
    return edit;
  }

  // Types into a lookup, takes the first match from the drop-down and closes the editor.
  static void PickFirst(ui::LookupEdit* edit, const QString& text, const QJsonValue& expected) {
    TypeText(edit, text);
    QAbstractItemView* popup = edit->typeAhead()->popup();
    ASSERT_TRUE(QTest::qWaitFor([&] { return popup->isVisible(); }, kWaitMs)) << text.toStdString();
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    EXPECT_EQ(edit->key(), expected);
    // Picking stored the cell; Return ends the editing if the editor is still open.
    if (QApplication::focusWidget() == edit) QTest::keyClick(edit, Qt::Key_Return);
  }

  std::int64_t Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<std::int64_t>();
  }

  QTemporaryDir settings_dir_;
  client::ApiClient api_;
  client::Session session_{&api_};
};

TEST_F(FormsGuiTest, CreateUserFromKeyboardThenAddRole) {
  ui::MainWindow window(&api_, &session_);
  QSignalSpy ready(&window, &ui::MainWindow::ready);
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  window.Start();
  ASSERT_TRUE(ready.wait(kWaitMs));

  // Insert on the users list opens an empty user form in a tab of its own.
  ui::ListPage* users = window.OpenList(QStringLiteral("users"));
  ASSERT_NE(users, nullptr);
  ASSERT_TRUE(QTest::qWaitFor([&] { return users->model()->rowCount() >= 1; }, kWaitMs));
  QTest::keyClick(users->view(), Qt::Key_Insert);
  auto* form = qobject_cast<ui::UserForm*>(window.tabs()->currentWidget());
  ASSERT_NE(form, nullptr);
  ASSERT_EQ(window.tabs()->count(), 2);
  ASSERT_TRUE(QTest::qWaitFor([&] { return form->roles()->loaded(); }, kWaitMs));
  // The first role line starts in the working institution (the department).
  ui::TablePartModel* lines = form->grants()->model();
  ASSERT_EQ(lines->rowCount(), 1);
  EXPECT_EQ(lines->lines()[0].values.value("org_id").toInteger(),
            static_cast<qint64>(department_.value()));

  // Login, name and a password the server's policy refuses.
  ASSERT_EQ(Focused(), form->Field("login")->Editor());
  QTest::keyClicks(Focused(), QStringLiteral("clerk1"));
  QTest::keyClick(Focused(), Qt::Key_Tab);
  ASSERT_EQ(Focused(), form->Field("full_name")->Editor());
  TypeText(Focused(), QStringLiteral("Ахметова Айгүл"));
  QLineEdit* password = qobject_cast<QLineEdit*>(form->Field("password")->Editor());
  password->setFocus();
  QTest::keyClicks(password, QStringLiteral("abc"));

  // The role, typed ahead in the table part.
  ui::LookupEdit* role = OpenLookupEditor(form->grants()->view(), 0, 0);
  ASSERT_NE(role, nullptr);
  PickFirst(role, QStringLiteral("chief"), QJsonValue(QStringLiteral("chief_accountant")));
  EXPECT_EQ(lines->lines()[0].values.value("role").toString(), QStringLiteral("chief_accountant"));
  EXPECT_TRUE(form->dirty());

  // Ctrl+S: the server refuses the password; its message is on the password field.
  QTest::keyClick(form->grants()->view(), Qt::Key_S, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !form->Field("password")->error().isEmpty(); }, kWaitMs))
      << form->errorText().toStdString();
  EXPECT_EQ(form->id(), 0);
  EXPECT_TRUE(form->errorText().isEmpty());
  EXPECT_EQ(Focused(), password);
  EXPECT_FALSE(password->styleSheet().isEmpty());
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE login = 'clerk1'"), 0);

  // Fixed (the field's text was selected, so typing replaces it) and saved.
  QTest::keyClicks(password, QStringLiteral("Qazaqstan-2027-clerk"));
  EXPECT_TRUE(form->Field("password")->error().isEmpty());
  QTest::keyClick(password, Qt::Key_S, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return form->id() > 0 && !form->busy(); }, kWaitMs))
      << form->errorText().toStdString();
  EXPECT_FALSE(form->dirty());
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE login = 'clerk1' AND "
                  "full_name = 'Ахметова Айгүл' AND must_change_password"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM grants g JOIN users u ON u.id = g.user_id WHERE "
                  "u.login = 'clerk1' AND g.role_code = 'chief_accountant' AND g.org_id = " +
                  std::to_string(department_.value())),
            1);
  EXPECT_FALSE(password->isVisible());

  // Insert in the table part: a second role, in a school found by typing its name.
  form->grants()->view()->setFocus();
  QTest::keyClick(form->grants()->view(), Qt::Key_Insert);
  ASSERT_EQ(lines->rowCount(), 2);
  role = OpenLookupEditor(form->grants()->view(), 1, 0);
  ASSERT_NE(role, nullptr);
  PickFirst(role, QStringLiteral("hr_"), QJsonValue(QStringLiteral("hr_officer")));
  ui::LookupEdit* org = OpenLookupEditor(form->grants()->view(), 1, 1);
  ASSERT_NE(org, nullptr);
  PickFirst(org, QStringLiteral("Школа-гимназия"),
            QJsonValue(static_cast<qint64>(school1_.value())));
  QTest::keyClick(form->grants()->view(), Qt::Key_S, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return !form->dirty() && !form->busy(); }, kWaitMs))
      << form->errorText().toStdString() << " " << form->grants()->error().toStdString();
  EXPECT_EQ(Count("SELECT count(*) FROM grants g JOIN users u ON u.id = g.user_id WHERE "
                  "u.login = 'clerk1' AND g.role_code = 'hr_officer' AND g.org_id = " +
                  std::to_string(school1_.value())),
            1);
  EXPECT_TRUE(lines->lines()[1].stored);
}

TEST_F(FormsGuiTest, SecondSaveOfAnInstitutionIsToldSomeoneElseSavedFirst) {
  ui::InstitutionForm first(&api_, school1_.value());
  ui::InstitutionForm second(&api_, school1_.value());
  first.show();
  second.show();
  const auto loaded = [](ui::InstitutionForm& form) {
    return QTest::qWaitFor(
        [&] { return !form.busy() && !form.Field("bin")->Value().toString().isEmpty(); }, kWaitMs);
  };
  ASSERT_TRUE(loaded(first));
  ASSERT_TRUE(loaded(second));
  EXPECT_FALSE(first.dirty());
  const int version = first.version();

  // A wrong BIN is refused here, by the server's own rule, before anything is sent.
  auto* bin = qobject_cast<QLineEdit*>(first.Field("bin")->Editor());
  bin->setFocus();
  bin->selectAll();
  QTest::keyClicks(bin, QStringLiteral("123456789012"));
  first.Save();
  EXPECT_FALSE(first.busy());
  EXPECT_FALSE(first.Field("bin")->error().isEmpty());
  bin->selectAll();
  QTest::keyClicks(bin, QString::fromStdString(SyntheticBin(200)));

  auto* name_first = qobject_cast<QLineEdit*>(first.Field("name_ru")->Editor());
  name_first->selectAll();
  TypeText(name_first, QStringLiteral("Школа-гимназия № 1 имени Абая"));
  first.Save();
  ASSERT_TRUE(QTest::qWaitFor([&] { return !first.busy() && !first.dirty(); }, kWaitMs))
      << first.errorText().toStdString();
  EXPECT_EQ(first.version(), version + 1);

  auto* name_second = qobject_cast<QLineEdit*>(second.Field("name_ru")->Editor());
  name_second->selectAll();
  TypeText(name_second, QStringLiteral("Гимназия № 1"));
  second.Save();
  QMessageBox* conflict = nullptr;
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return (conflict = second.conflictDialog()) != nullptr; }, kWaitMs))
      << second.errorText().toStdString();
  EXPECT_TRUE(conflict->informativeText().contains(QStringLiteral("другой пользователь")))
      << conflict->informativeText().toStdString();
  EXPECT_TRUE(second.dirty());
  {
    pqxx::work tx(db());
    EXPECT_EQ(tx.exec1("SELECT name_ru FROM institutions WHERE id = " +
                       std::to_string(school1_.value()))[0]
                  .as<std::string>(),
              "Школа-гимназия № 1 имени Абая");
  }

  // "Reload": the other user's version, the changes here dropped.
  QTest::mouseClick(conflict->findChild<QPushButton*>(QStringLiteral("reload")), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        return !second.busy() &&
               name_second->text() == QStringLiteral("Школа-гимназия № 1 имени Абая");
      },
      kWaitMs));
  EXPECT_FALSE(second.dirty());
  EXPECT_EQ(second.version(), version + 1);
}

TEST_F(FormsGuiTest, EscOnAChangedFormAsksFirst) {
  ui::MainWindow window(&api_, &session_);
  QSignalSpy ready(&window, &ui::MainWindow::ready);
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  window.Start();
  ASSERT_TRUE(ready.wait(kWaitMs));
  ui::ListPage* list = window.OpenList(QStringLiteral("institutions"));
  ASSERT_NE(list, nullptr);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return list->model()->rowCount() == 3 && list->model()->IsRowLoaded(0); }, kWaitMs));

  // Enter on a row opens its form instead of the read-only card.
  list->view()->setFocus();
  list->view()->setCurrentIndex(list->model()->index(0, 0));
  QTest::keyClick(list->view(), Qt::Key_Return);
  auto* form = qobject_cast<ui::InstitutionForm*>(window.tabs()->currentWidget());
  ASSERT_NE(form, nullptr);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return !form->busy() && !form->Field("bin")->Value().toString().isEmpty(); }, kWaitMs));

  // Unchanged: Esc closes at once.
  form->FocusFirstField();
  QTest::keyClick(Focused(), Qt::Key_Escape);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.tabs()->count() == 1; }, kWaitMs));

  QTest::keyClick(list->view(), Qt::Key_Return);
  form = qobject_cast<ui::InstitutionForm*>(window.tabs()->currentWidget());
  ASSERT_NE(form, nullptr);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return !form->busy() && !form->Field("bin")->Value().toString().isEmpty(); }, kWaitMs));
  auto* name_kk = qobject_cast<QLineEdit*>(form->Field("name_kk")->Editor());
  name_kk->setFocus();
  TypeText(name_kk, QStringLiteral(" өзгерді"));
  ASSERT_TRUE(form->dirty());
  EXPECT_TRUE(window.tabs()->tabText(window.tabs()->currentIndex()).endsWith(QStringLiteral(" *")));

  // Changed: Esc asks; "keep editing" keeps the form and its text.
  QTest::keyClick(name_kk, Qt::Key_Escape);
  QMessageBox* question = nullptr;
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return (question = form->discardQuestion()) != nullptr; }, kWaitMs));
  EXPECT_EQ(window.tabs()->count(), 2);
  QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("keepEditing")),
                    Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return form->discardQuestion() == nullptr; }, kWaitMs));
  EXPECT_EQ(window.tabs()->count(), 2);
  EXPECT_TRUE(name_kk->text().endsWith(QStringLiteral(" өзгерді")));

  // Asked again, "discard": the tab goes and nothing was saved.
  name_kk->setFocus();
  QTest::keyClick(name_kk, Qt::Key_Escape);
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return (question = form->discardQuestion()) != nullptr; }, kWaitMs));
  QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("discard")), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.tabs()->count() == 1; }, kWaitMs));
  EXPECT_EQ(Count("SELECT count(*) FROM institutions WHERE name_kk LIKE '%өзгерді'"), 0);
}

}  // namespace
}  // namespace esep::testing
