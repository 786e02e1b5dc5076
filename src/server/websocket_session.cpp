#include "websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <chrono>

namespace esep::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {
// A slow or stalled client must not make the server hold an unbounded backlog: past this,
// the connection is closed and the client reconnects and re-reads the state it needs.
constexpr std::size_t kMaxQueued = 1000;
}  // namespace

WebSocketSession::WebSocketSession(TlsStream&& stream, std::atomic<std::size_t>& connections,
                                   WebSocketAccept accept)
    : ws_(std::move(stream)), connections_(connections), accept_(std::move(accept)) {
  ++connections_;
}

WebSocketSession::~WebSocketSession() { --connections_; }

void WebSocketSession::Run(BeastRequest request) {
  // Pings every half idle period keep NATs open and find dead peers; a peer silent for the
  // whole period is dropped.
  websocket::stream_base::timeout timeout{};
  timeout.handshake_timeout = std::chrono::seconds(10);
  timeout.idle_timeout = std::chrono::seconds(60);
  timeout.keep_alive_pings = true;
  ws_.set_option(timeout);
  ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
    response.set(beast::http::field::server, "esep");
  }));
  ws_.read_message_max(64 * 1024);
  auto message = std::make_shared<BeastRequest>(std::move(request));
  ws_.async_accept(*message, [self = shared_from_this(), message](beast::error_code ec) {
    if (ec) return self->Gone();
    self->open_ = true;
    if (self->accept_.on_open) self->accept_.on_open(self);
    if (self->closing_) return self->StartClose();  // closed during the handshake
    self->Read();
    self->WriteNext();
  });
}

void WebSocketSession::Read() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->Gone();
    self->buffer_.consume(self->buffer_.size());  // client messages carry nothing yet
    self->Read();
  });
}

void WebSocketSession::Send(std::string text) {
  boost::asio::post(ws_.get_executor(),
                    [self = shared_from_this(), text = std::move(text)]() mutable {
                      if (self->gone_ || self->closing_) return;
                      if (self->queue_.size() >= kMaxQueued) return self->Close();
                      self->queue_.push_back(std::move(text));
                      self->WriteNext();
                    });
}

void WebSocketSession::WriteNext() {
  if (!open_ || writing_ || gone_) return;
  // Beast allows one write-side operation at a time, and a close is one: it waits for the
  // write in progress and goes before anything still queued.
  if (closing_) return StartClose();
  if (queue_.empty()) return;
  writing_ = true;
  ws_.text(true);
  ws_.async_write(boost::asio::buffer(queue_.front()),
                  [self = shared_from_this()](beast::error_code ec, std::size_t) {
                    self->writing_ = false;
                    if (ec) return self->Gone();
                    self->queue_.pop_front();
                    self->WriteNext();
                  });
}

void WebSocketSession::Close() {
  boost::asio::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->gone_ || self->closing_) return;
    self->closing_ = true;
    if (self->open_ && !self->writing_) self->StartClose();
  });
}

void WebSocketSession::StartClose() {
  if (close_started_ || gone_) return;
  close_started_ = true;
  queue_.clear();
  ws_.async_close(websocket::close_code::normal,
                  [self = shared_from_this()](beast::error_code) { self->Gone(); });
}

void WebSocketSession::Gone() {
  if (gone_) return;
  gone_ = true;
  queue_.clear();
  if (accept_.on_close) accept_.on_close();
}

}  // namespace esep::server
