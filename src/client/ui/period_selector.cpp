#include "esep/client/ui/period_selector.hpp"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QSpinBox>

namespace esep::client::ui {

PeriodSelector::PeriodSelector(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("period"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  month_ = new QComboBox;
  month_->setObjectName(QStringLiteral("periodMonth"));
  for (int month = 1; month <= 12; ++month) month_->addItem(QString(), month);
  year_ = new QSpinBox;
  year_->setObjectName(QStringLiteral("periodYear"));
  year_->setRange(2000, 2100);
  layout->addWidget(month_);
  layout->addWidget(year_);
  SetPeriod(QDate::currentDate());
  connect(month_, &QComboBox::currentIndexChanged, this, [this] { emit periodChanged(period()); });
  connect(year_, &QSpinBox::valueChanged, this, [this] { emit periodChanged(period()); });
  Retranslate();
}

QDate PeriodSelector::period() const {
  return QDate(year_->value(), month_->currentIndex() + 1, 1);
}

void PeriodSelector::SetPeriod(const QDate& date) {
  month_->setCurrentIndex(date.month() - 1);
  year_->setValue(date.year());
}

QString PeriodSelector::Text() const {
  return QStringLiteral("%1 %2")
      .arg(QLocale().standaloneMonthName(month_->currentIndex() + 1))
      .arg(year_->value());
}

void PeriodSelector::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) Retranslate();
  QWidget::changeEvent(event);
}

void PeriodSelector::Retranslate() {
  const QLocale locale;  // Language::Switch set the default locale to the interface language
  for (int month = 1; month <= 12; ++month)
    month_->setItemText(month - 1, locale.standaloneMonthName(month));
  month_->setToolTip(tr("Working period"));
  year_->setToolTip(tr("Working period"));
}

}  // namespace esep::client::ui
