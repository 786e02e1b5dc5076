#pragma once
/// @file
/// ListReport: prints or exports a list through the server (POST /api/v1/reports/list, a
/// report job watched with a cancellable progress dialog, then the job's file downloaded).
/// Lists whose rows have no report source on the server cannot be printed.

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "esep/client/api_error.hpp"
#include "esep/client/list_types.hpp"

class QProgressDialog;
class QWidget;

namespace esep::client {
class ApiClient;
class JobWatcher;
}  // namespace esep::client

namespace esep::client::ui {

/// A visible column as printed: its code, its heading in kk and ru, its width in pixels.
struct PrintedColumn {
  ListColumn column;
  int width_px = 100;
};

class ListReport : public QObject {
  Q_OBJECT
 public:
  /// The report source for a list ("institutions", "audit_events"); empty when none.
  static QString SourceFor(const QString& list_name);
  static bool Supported(const QString& list_name) { return !SourceFor(list_name).isEmpty(); }

  ListReport(ApiClient* api, ListInfo list, QWidget* dialog_parent);

  /// Starts the job for one format ("json", "pdf", "xlsx"); `filters` are the list's filters
  /// (a date range becomes the source's period). Emits exactly one of done/failed/cancelled.
  void Start(const QString& format, const QList<PrintedColumn>& columns,
             const QMap<QString, QString>& filters, qint64 org_id);
  /// Cancels the job (its progress dialog's Cancel does the same).
  void Cancel();

 signals:
  void done(const QByteArray& bytes, const QString& file_name);
  void failed(const esep::client::ApiError& error);
  void cancelled();

 private:
  void Watch(qint64 job_id, const QString& format);
  void Download(qint64 job_id, const QString& file_name);
  void Fail(const ApiError& error);
  void CloseProgress();

  ApiClient* api_;
  ListInfo list_;
  QPointer<QWidget> dialog_parent_;
  QPointer<QProgressDialog> progress_;
  QPointer<JobWatcher> watcher_;
  bool cancel_asked_ = false;
  bool ended_ = false;
};

}  // namespace esep::client::ui
