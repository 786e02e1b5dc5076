#include "esep/client/ui/list_report.hpp"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QProgressDialog>
#include <QWidget>
#include <algorithm>
#include <utility>

#include "esep/client/api_client.hpp"
#include "esep/client/job_watcher.hpp"
#include "esep/client/ui/language.hpp"

namespace esep::client::ui {
namespace {

// Width of the printable area of a landscape A4 page with 15 mm margins (docs/forms.md).
constexpr double kMaxWidthMm = 267.0;
constexpr double kMmPerPixel = 25.4 / 96.0;

/// The source field that prints a list column in `lang`; empty when it has none.
QString FieldFor(const QString& list, const QString& code, const QString& lang) {
  const QString suffix =
      lang == QLatin1String("kk") ? QStringLiteral("_kk") : QStringLiteral("_ru");
  if (list == QLatin1String("institutions")) {
    if (code == QLatin1String("kind") || code == QLatin1String("budget_level"))
      return code + suffix;
    if (code == QLatin1String("active")) return QStringLiteral("status") + suffix;
    if (code == QLatin1String("parent_id")) return QStringLiteral("parent_name") + suffix;
    static const QStringList kSame = {QStringLiteral("id"),       QStringLiteral("bin"),
                                      QStringLiteral("name_kk"),  QStringLiteral("name_ru"),
                                      QStringLiteral("abp_code"), QStringLiteral("created_on")};
    return kSame.contains(code) ? code : QString();
  }
  if (list == QLatin1String("audit")) {
    if (code == QLatin1String("at")) return QStringLiteral("occurred_on");
    if (code == QLatin1String("user_login")) return QStringLiteral("actor_login");
    if (code == QLatin1String("action")) return QStringLiteral("action") + suffix;
    if (code == QLatin1String("org_id")) return QStringLiteral("org_name") + suffix;
    static const QStringList kSame = {QStringLiteral("id"), QStringLiteral("entity"),
                                      QStringLiteral("entity_id"), QStringLiteral("request_id")};
    return kSame.contains(code) ? code : QString();
  }
  return QString();
}

}  // namespace

QString ListReport::SourceFor(const QString& list_name) {
  if (list_name == QLatin1String("institutions")) return QStringLiteral("institutions");
  if (list_name == QLatin1String("audit")) return QStringLiteral("audit_events");
  return QString();
}

ListReport::ListReport(ApiClient* api, ListInfo list, QWidget* dialog_parent)
    : QObject(dialog_parent), api_(api), list_(std::move(list)), dialog_parent_(dialog_parent) {}

void ListReport::Start(const QString& format, const QList<PrintedColumn>& columns,
                       const QMap<QString, QString>& filters, qint64 org_id) {
  // The server prints in kk or ru; an English interface gets the Russian document.
  const QString lang =
      Language::Current() == QLatin1String("kk") ? QStringLiteral("kk") : QStringLiteral("ru");
  QJsonArray printed;
  double total_mm = 0;
  QList<double> widths;
  QList<QJsonObject> objects;
  for (const PrintedColumn& c : columns) {
    const QString field = FieldFor(list_.name, c.column.code, lang);
    if (field.isEmpty()) continue;
    const double mm = std::clamp(c.width_px * kMmPerPixel, 10.0, 120.0);
    total_mm += mm;
    widths.append(mm);
    QJsonObject header{{QStringLiteral("kk"), c.column.Title(QStringLiteral("kk"))},
                       {QStringLiteral("ru"), c.column.Title(QStringLiteral("ru"))}};
    objects.append(
        QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("header"), header}});
  }
  // The № column takes 10 mm; scale the others down to fit a landscape page.
  const double scale = total_mm + 10.0 > kMaxWidthMm ? (kMaxWidthMm - 10.0) / total_mm : 1.0;
  for (int i = 0; i < objects.size(); ++i) {
    objects[i].insert(QStringLiteral("width_mm"), std::max(3.0, std::floor(widths[i] * scale)));
    printed.append(objects[i]);
  }
  QJsonObject parameters;
  if (list_.name == QLatin1String("audit")) {
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    parameters.insert(
        QStringLiteral("from"),
        filters.value(QStringLiteral("at.from"), QStringLiteral("2000-01-01")).left(10));
    parameters.insert(QStringLiteral("to"), filters.value(QStringLiteral("at.to"), today).left(10));
  }
  const QJsonObject body{{QStringLiteral("org_id"), org_id},
                         {QStringLiteral("lang"), lang},
                         {QStringLiteral("source"), SourceFor(list_.name)},
                         {QStringLiteral("title"),
                          QJsonObject{{QStringLiteral("kk"), list_.Title(QStringLiteral("kk"))},
                                      {QStringLiteral("ru"), list_.Title(QStringLiteral("ru"))}}},
                         {QStringLiteral("columns"), printed},
                         {QStringLiteral("parameters"), parameters},
                         {QStringLiteral("formats"), QJsonArray{format}}};

  progress_ = new QProgressDialog(dialog_parent_);
  progress_->setObjectName(QStringLiteral("reportProgress"));
  progress_->setWindowTitle(list_.Title(Language::Current()));
  progress_->setLabelText(tr("Preparing the document on the server…"));
  progress_->setCancelButtonText(tr("Cancel"));
  progress_->setRange(0, 0);
  progress_->setMinimumDuration(0);
  progress_->setWindowModality(Qt::WindowModal);
  progress_->setAutoClose(false);
  progress_->setAutoReset(false);
  connect(progress_, &QProgressDialog::canceled, this, &ListReport::Cancel);
  progress_->show();

  ApiCall* call = api_->Post(QStringLiteral("/api/v1/reports/list"), body);
  connect(call, &ApiCall::finished, this, [this, format](const QJsonDocument& document) {
    Watch(document.object().value(QStringLiteral("id")).toInteger(), format);
  });
  connect(call, &ApiCall::failed, this, &ListReport::Fail);
}

void ListReport::Watch(qint64 job_id, const QString& format) {
  if (ended_) return;
  watcher_ = new JobWatcher(api_, job_id, this);
  if (cancel_asked_) watcher_->Cancel();
  connect(watcher_, &JobWatcher::progress, this, [this](qint64 done, qint64 total, const QString&) {
    if (progress_ == nullptr || total <= 0) return;
    progress_->setRange(0, 1000);
    progress_->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
  });
  connect(watcher_, &JobWatcher::failed, this, &ListReport::Fail);
  connect(watcher_, &JobWatcher::finished, this, [this, job_id, format](const QJsonObject& job) {
    const QString status = job.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("cancelled") || cancel_asked_) {
      ended_ = true;
      CloseProgress();
      emit cancelled();
      return;
    }
    if (status != QLatin1String("succeeded")) {
      const QJsonObject error = job.value(QStringLiteral("error")).toObject();
      const QJsonObject message = error.value(QStringLiteral("message")).toObject();
      ApiError api_error;
      api_error.code = error.value(QStringLiteral("code")).toString();
      api_error.kk = message.value(QStringLiteral("kk")).toString();
      api_error.ru = message.value(QStringLiteral("ru")).toString();
      api_error.en = message.value(QStringLiteral("en")).toString();
      api_error.field = error.value(QStringLiteral("field")).toString();
      Fail(api_error);
      return;
    }
    const QString suffix = QLatin1Char('.') + format;
    for (const QJsonValue& file : job.value(QStringLiteral("files")).toArray()) {
      if (file.toString().endsWith(suffix)) return Download(job_id, file.toString());
    }
    Fail(NetworkError(QStringLiteral("report.no_file"), QStringLiteral("Сервер файлды жасамады."),
                      QStringLiteral("Сервер не создал файл."),
                      QStringLiteral("The server made no file.")));
  });
}

void ListReport::Download(qint64 job_id, const QString& file_name) {
  if (progress_ != nullptr) progress_->setLabelText(tr("Downloading the file…"));
  ApiCall* call =
      api_->Download(QStringLiteral("/api/v1/jobs/%1/files/%2").arg(job_id).arg(file_name));
  connect(call, &ApiCall::finished, this, [this, call, file_name] {
    if (ended_) return;
    ended_ = true;
    const QByteArray bytes = call->bytes();
    CloseProgress();
    emit done(bytes, file_name);
  });
  connect(call, &ApiCall::failed, this, &ListReport::Fail);
}

void ListReport::Cancel() {
  if (ended_) return;
  cancel_asked_ = true;
  if (progress_ != nullptr) progress_->setLabelText(tr("Cancelling…"));
  if (watcher_ != nullptr) {
    watcher_->Cancel();
    return;
  }
}

void ListReport::Fail(const ApiError& error) {
  if (ended_) return;
  ended_ = true;
  CloseProgress();
  if (cancel_asked_) {
    emit cancelled();
    return;
  }
  emit failed(error);
}

void ListReport::CloseProgress() {
  if (progress_ == nullptr) return;
  progress_->hide();
  progress_->deleteLater();
  // The keyboard goes back to the list the progress dialog covered.
  if (dialog_parent_ != nullptr) dialog_parent_->activateWindow();
}

}  // namespace esep::client::ui
