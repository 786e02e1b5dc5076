#include "esep/client/job_watcher.hpp"

#include <QJsonDocument>

#include "esep/client/api_client.hpp"

namespace esep::client {
namespace {

bool IsRunning(const QString& status) {
  return status == QLatin1String("queued") || status == QLatin1String("running");
}

}  // namespace

JobWatcher::JobWatcher(ApiClient* client, qint64 job_id, QObject* parent)
    : QObject(parent), client_(client), job_id_(job_id) {
  timer_.setInterval(kPollMs);
  connect(&timer_, &QTimer::timeout, this, &JobWatcher::Poll);
  timer_.start();
  QMetaObject::invokeMethod(this, &JobWatcher::Poll, Qt::QueuedConnection);
}

void JobWatcher::Poll() {
  if (!active_ || poll_) return;  // one poll at a time: a slow server is not flooded
  poll_ = client_->Get(QStringLiteral("/api/v1/jobs/%1").arg(job_id_));
  connect(poll_, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    if (!active_) return;
    const QJsonObject job = document.object();
    const QJsonObject state = job.value("progress").toObject();
    emit progress(state.value("done").toInteger(), state.value("total").toInteger(),
                  state.value("message").toString());
    if (!IsRunning(job.value("status").toString())) {
      active_ = false;
      timer_.stop();
      emit finished(job);
    }
  });
  connect(poll_, &ApiCall::failed, this, [this](const ApiError& error) {
    if (!active_) return;
    active_ = false;
    timer_.stop();
    emit failed(error);
  });
}

void JobWatcher::Cancel() {
  ApiCall* call = client_->Post(QStringLiteral("/api/v1/jobs/%1/cancel").arg(job_id_), {});
  connect(call, &ApiCall::failed, this, [this](const ApiError& error) {
    if (!active_) return;
    // A job that ended meanwhile cannot be cancelled; the next poll reports how it ended.
    if (error.status == 409) return;
    emit failed(error);
  });
}

}  // namespace esep::client
