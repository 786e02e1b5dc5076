#pragma once
/// @file
/// JobWatcher: follows a server job (GET /api/v1/jobs/{id} every 300 ms) until it ends.

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include "esep/client/api_error.hpp"

namespace esep::client {

class ApiCall;
class ApiClient;

class JobWatcher : public QObject {
  Q_OBJECT

 public:
  static constexpr int kPollMs = 300;

  JobWatcher(ApiClient* client, qint64 job_id, QObject* parent = nullptr);
  qint64 job_id() const { return job_id_; }
  /// POST /api/v1/jobs/{id}/cancel; the watcher keeps polling until the job has stopped.
  void Cancel();
  bool active() const { return active_; }

 signals:
  void progress(qint64 done, qint64 total, const QString& message);
  /// The job reached succeeded, failed, cancelled or interrupted: its last state.
  void finished(const QJsonObject& job);
  void failed(const esep::client::ApiError& error);

 private:
  void Poll();

  ApiClient* client_;
  qint64 job_id_;
  QTimer timer_;
  QPointer<ApiCall> poll_;
  bool active_ = true;
};

}  // namespace esep::client
