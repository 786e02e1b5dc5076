// TablePartModel: the lines of a form — new lines are checked cell by cell, stored lines are
// read-only and remembered when removed, a wrong cell clears once fixed.
#include <QCoreApplication>
#include <QJsonArray>

#include <gtest/gtest.h>

#include "esep/client/ui/table_part_model.hpp"

namespace esep::client::ui {
namespace {

QList<TablePartColumn> Columns() {
  QList<TablePartColumn> columns(3);
  columns[0].code = QStringLiteral("role");
  columns[0].kind = TablePartColumn::Kind::kLookup;
  columns[0].required = true;
  columns[1].code = QStringLiteral("count");
  columns[1].kind = TablePartColumn::Kind::kInteger;
  columns[2].code = QStringLiteral("subtree");
  columns[2].kind = TablePartColumn::Kind::kBool;
  return columns;
}

TablePartLine Stored(const QString& role) {
  TablePartLine line;
  line.stored = true;
  line.values = QJsonObject{{"id", 7}, {"role", role}, {"count", 1}, {"subtree", false}};
  line.texts.insert(QStringLiteral("role"), role.toUpper());
  return line;
}

TEST(TablePartModelTest, StoredLinesAreReadOnlyAndRemovedOnesAreRemembered) {
  TablePartModel model(Columns());
  model.SetLines({Stored(QStringLiteral("accountant")), Stored(QStringLiteral("auditor"))});
  EXPECT_FALSE(model.dirty());
  EXPECT_FALSE(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);
  EXPECT_FALSE(model.setData(model.index(0, 1), QStringLiteral("5")));
  EXPECT_EQ(model.data(model.index(0, 0)).toString(), QStringLiteral("ACCOUNTANT"));

  model.RemoveLine(0);
  EXPECT_TRUE(model.dirty());
  ASSERT_EQ(model.removed().size(), 1);
  EXPECT_EQ(model.removed().first().values.value("role").toString(), QStringLiteral("accountant"));
  EXPECT_EQ(model.rowCount(), 1);
  model.TakeFirstRemoved();
  EXPECT_FALSE(model.dirty());
}

TEST(TablePartModelTest, NewLinesAreCheckedAndFixedCellsClear) {
  TablePartModel model(Columns());
  const int row = model.AddLine();
  EXPECT_TRUE(model.dirty());
  EXPECT_TRUE(model.flags(model.index(row, 0)) & Qt::ItemIsEditable);
  EXPECT_TRUE(model.flags(model.index(row, 2)) & Qt::ItemIsUserCheckable);
  EXPECT_EQ(model.data(model.index(row, 2), Qt::CheckStateRole).toInt(), Qt::Unchecked);

  // A number column given words, and the required lookup empty: both wrong, the lookup first.
  ASSERT_TRUE(model.setData(model.index(row, 1), QStringLiteral("many")));
  EXPECT_TRUE(model.CellError(row, 1).isEmpty());  // a new mistake waits for the check
  const QModelIndex wrong = model.Validate();
  EXPECT_EQ(wrong, model.index(row, 0));
  EXPECT_FALSE(model.CellError(row, 0).isEmpty());
  EXPECT_FALSE(model.CellError(row, 1).isEmpty());
  EXPECT_EQ(model.data(model.index(row, 1), TablePartModel::kErrorRole).toString(),
            model.CellError(row, 1));

  // Text typed into the lookup without picking a value is still wrong.
  ASSERT_TRUE(model.setData(model.index(row, 0), QStringLiteral("acc"), TablePartModel::kTextRole));
  EXPECT_FALSE(model.CellError(row, 0).isEmpty());
  ASSERT_TRUE(model.setData(model.index(row, 0), QStringLiteral("accountant")));
  EXPECT_TRUE(model.CellError(row, 0).isEmpty());
  ASSERT_TRUE(model.setData(model.index(row, 1), QStringLiteral(" 12 ")));
  EXPECT_TRUE(model.CellError(row, 1).isEmpty());
  EXPECT_EQ(model.lines()[row].values.value("count").toInteger(), 12);
  ASSERT_TRUE(model.setData(model.index(row, 2), Qt::Checked, Qt::CheckStateRole));
  EXPECT_TRUE(model.lines()[row].values.value("subtree").toBool());
  EXPECT_FALSE(model.Validate().isValid());

  // The server's objection lands on the cell it names; saving makes the line stored.
  model.SetCellError(row, QStringLiteral("role"), QStringLiteral("taken"));
  EXPECT_EQ(model.CellError(row, 0), QStringLiteral("taken"));
  model.MarkStored(row, QJsonObject{{"id", 99}});
  EXPECT_TRUE(model.CellError(row, 0).isEmpty());
  EXPECT_TRUE(model.lines()[row].stored);
  EXPECT_EQ(model.lines()[row].values.value("id").toInt(), 99);
  EXPECT_FALSE(model.dirty());
}

}  // namespace
}  // namespace esep::client::ui

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
