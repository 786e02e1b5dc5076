#pragma once
/// @file
/// PeriodSelector: the working period (month and year) the user's documents default to.

#include <QDate>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace esep::client::ui {

class PeriodSelector : public QWidget {
  Q_OBJECT
 public:
  explicit PeriodSelector(QWidget* parent = nullptr);

  /// The first day of the chosen month.
  QDate period() const;
  void SetPeriod(const QDate& date);
  /// "March 2026" in the interface language.
  QString Text() const;

 signals:
  void periodChanged(const QDate& first_day);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void Retranslate();

  QComboBox* month_ = nullptr;
  QSpinBox* year_ = nullptr;
};

}  // namespace esep::client::ui
