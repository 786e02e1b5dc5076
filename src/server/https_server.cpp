#include "esep/server/https_server.hpp"

#include "esep/server/beast_request.hpp"
#include "esep/server/json_io.hpp"
#include "websocket_session.hpp"

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace esep::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct HttpsServer::Impl {
  HttpsOptions options;
  Dispatch dispatch;
  WebSocketUpgrade upgrade;
  // Declared before the io_context, so destroyed after it: handlers still queued when it is
  // destroyed own sessions whose destructors touch the TLS context and these counters.
  ssl::context tls{ssl::context::tls_server};
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> requests{0};
  std::atomic<bool> draining{false};
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool stopped = false;
  bool started = false;
  asio::io_context ioc;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;

  void Accept();
};

namespace {

HttpResponse ServiceUnavailable() {
  HttpResponse response;
  response.status = 503;
  response.body =
      R"({"code":"server.shutting_down","message":{"kk":"Сервер тоқтатылуда, кейінірек қайталаңыз.",)"
      R"("ru":"Сервер останавливается, повторите позже.","en":"The server is shutting down, retry later."},"field":""})";
  return response;
}

HttpResponse LimitError(int status, const char* code, const char* kk, const char* ru,
                        const char* en) {
  HttpResponse response;
  response.status = status;
  response.body = std::string(R"({"code":")") + code + R"(","message":{"kk":")" + kk +
                  R"(","ru":")" + ru + R"(","en":")" + en + R"("},"field":""})";
  return response;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpsServer::Impl& server)
      : stream_(std::move(socket), server.tls), server_(server) {
    ++server_.connections;
  }
  ~Session() { --server_.connections; }

  void Run() {
    beast::get_lowest_layer(stream_).expires_after(server_.options.handshake_timeout);
    stream_.async_handshake(ssl::stream_base::server,
                            [self = shared_from_this()](beast::error_code ec) {
                              if (!ec) self->Read();
                            });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    parser_->body_limit(server_.options.body_limit);
    beast::get_lowest_layer(stream_).expires_after(server_.options.idle_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      linger_ = true;
      return Reply(LimitError(413, "http.body_too_large", "Сұраныс денесі тым үлкен.",
                              "Тело запроса слишком большое.", "The request body is too large."),
                   false);
    }
    if (ec == http::error::header_limit) {
      linger_ = true;
      return Reply(
          LimitError(431, "http.header_too_large", "Сұраныс тақырыптары тым үлкен.",
                     "Заголовки запроса слишком большие.", "The request headers are too large."),
          false);
    }
    if (ec) return Close();  // timeout, reset, malformed HTTP: nothing to answer to
    auto& message = parser_->get();
    const bool keep_alive = message.keep_alive() && !server_.draining;
    if (server_.draining) return Reply(ServiceUnavailable(), false);
    if (server_.upgrade && websocket::is_upgrade(message)) return Upgrade(parser_->release());

    auto converted = Convert(std::move(message));
    if (!converted) return Reply(ErrorResponse(400, converted.error()), false);
    HttpRequest request = std::move(converted).value();

    // Counted until the response is written, so a graceful shutdown waits for delivery.
    ++server_.requests;
    HttpResponse response = server_.dispatch(request);
    Reply(std::move(response), keep_alive, /*counted=*/true);
  }

  // The plain request, with the peer's address for the access log.
  core::Result<HttpRequest> Convert(BeastRequest&& message) {
    auto converted = ToHttpRequest(std::move(message));
    if (!converted) return converted;
    beast::error_code ignored;
    auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ignored);
    if (!ignored) converted.value().remote_address = endpoint.address().to_string();
    return converted;
  }

  // The application decides (it authenticates the caller); an accepted connection leaves
  // this HTTP session and lives on as a WebSocketSession on the same TLS stream.
  void Upgrade(BeastRequest message) {
    auto converted = Convert(BeastRequest(message));
    if (!converted) return Reply(ErrorResponse(400, converted.error()), false);
    HttpRequest request = std::move(converted).value();
    ++server_.requests;
    WebSocketAccept accept = server_.upgrade(request);
    --server_.requests;
    if (accept.refusal) return Reply(std::move(*accept.refusal), false);
    beast::get_lowest_layer(stream_).expires_never();
    std::make_shared<WebSocketSession>(std::move(stream_), server_.connections, std::move(accept))
        ->Run(std::move(message));
  }

  void Reply(HttpResponse response, bool keep_alive, bool counted = false) {
    auto message = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), 11);
    message->set(http::field::server, "esep");
    message->set(http::field::content_type, response.content_type);
    message->set(http::field::cache_control, "no-store");
    message->set("Strict-Transport-Security", "max-age=31536000");
    for (const auto& [name, value] : response.headers) message->set(name, value);
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive);
    message->prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(server_.options.request_timeout);
    http::async_write(stream_, *message,
                      [self = shared_from_this(), message, keep_alive, counted](
                          beast::error_code ec, std::size_t) {
                        if (counted) --self->server_.requests;
                        if (ec) return;
                        if (keep_alive) return self->Read();
                        self->Close();
                      });
  }

  void Close() {
    if (linger_) return LingerClose();
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
      beast::error_code ignored;
      beast::get_lowest_layer(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    });
  }

  // After refusing a request whose bytes are still arriving, closing at once would make the
  // kernel reset the connection and the client might never read our answer. So: stop
  // sending, swallow what still arrives for a moment, then close.
  void LingerClose() {
    auto& tcp_stream = beast::get_lowest_layer(stream_);
    beast::error_code ignored;
    tcp_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    tcp_stream.expires_after(std::chrono::seconds(2));
    Drain();
  }
  void Drain() {
    beast::get_lowest_layer(stream_).async_read_some(
        asio::buffer(drain_buffer_),
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (!ec) return self->Drain();
          beast::error_code ignored;
          beast::get_lowest_layer(self->stream_).socket().close(ignored);
        });
  }

  beast::ssl_stream<beast::tcp_stream> stream_;
  HttpsServer::Impl& server_;
  bool linger_ = false;
  std::array<char, 16 * 1024> drain_buffer_{};
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

}  // namespace

core::Result<HttpRequest> ToHttpRequest(BeastRequest&& message) {
  const std::string target(message.target());
  for (const char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x21 || byte > 0x7e) {
      return core::MakeError(
          "http.bad_target", "Сұраныс мекенжайында %XX түрінде кодталуы тиіс таңба бар.",
          "Адрес запроса содержит символ, который нужно закодировать как %XX.",
          "The request target contains a character that must be percent-encoded.", "target");
    }
  }
  HttpRequest request;
  request.method = std::string(message.method_string());
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  request.body = std::move(message.body());
  return request;
}

namespace {

core::Error StartError(const std::string& code, const std::string& kk, const std::string& ru,
                       const std::string& en, const std::string& field,
                       const std::string& details) {
  core::Error error = core::MakeError(code, kk, ru, en, field);
  error.details = details;
  return error;
}

}  // namespace

void HttpsServer::Impl::Accept() {
  acceptor->async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
    } else if (connections >= options.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);  // over the limit: refuse at once rather than queue
    } else {
      std::make_shared<Session>(std::move(socket), *this)->Run();
    }
    if (acceptor->is_open()) Accept();
  });
}

HttpsServer::HttpsServer(HttpsOptions options, Dispatch dispatch, WebSocketUpgrade upgrade)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->dispatch = std::move(dispatch);
  impl_->upgrade = std::move(upgrade);
}

HttpsServer::~HttpsServer() {
  Shutdown(std::chrono::milliseconds(0));
  Wait();
}

core::Status HttpsServer::Start() {
  Impl& s = *impl_;
  boost::system::error_code ec;
  s.tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                    ssl::context::single_dh_use);
  s.tls.use_certificate_chain_file(s.options.certificate.string(), ec);
  if (ec) {
    return StartError("tls.certificate",
                      "TLS сертификаты оқылмады: " + s.options.certificate.string(),
                      "Не удалось прочитать сертификат TLS: " + s.options.certificate.string(),
                      "Cannot read the TLS certificate: " + s.options.certificate.string(),
                      "server.tls_cert", ec.message());
  }
  s.tls.use_private_key_file(s.options.private_key.string(), ssl::context::pem, ec);
  if (ec) {
    return StartError("tls.key", "TLS кілті оқылмады: " + s.options.private_key.string(),
                      "Не удалось прочитать ключ TLS: " + s.options.private_key.string(),
                      "Cannot read the TLS key: " + s.options.private_key.string(),
                      "server.tls_key", ec.message());
  }
  const auto address = asio::ip::make_address(s.options.listen, ec);
  if (ec) {
    return StartError("server.listen", "Тыңдау мекенжайы қате: " + s.options.listen,
                      "Неверный адрес прослушивания: " + s.options.listen,
                      "Bad listen address: " + s.options.listen, "server.listen", ec.message());
  }
  s.acceptor = std::make_unique<tcp::acceptor>(asio::make_strand(s.ioc));
  const tcp::endpoint endpoint(address, s.options.port);
  s.acceptor->open(endpoint.protocol(), ec);
  if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(endpoint, ec);
  if (!ec) s.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    const std::string where = s.options.listen + ":" + std::to_string(s.options.port);
    return StartError("server.bind", "Портты ашу мүмкін болмады: " + where,
                      "Не удалось открыть порт: " + where, "Cannot listen on " + where,
                      "server.port", ec.message());
  }
  s.Accept();
  unsigned workers = s.options.workers;
  if (workers == 0) workers = 8 * std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < workers; ++i) s.threads.emplace_back([&s] { s.ioc.run(); });
  s.started = true;
  return core::Status::Ok();
}

unsigned short HttpsServer::port() const {
  boost::system::error_code ec;
  return impl_->acceptor ? impl_->acceptor->local_endpoint(ec).port() : 0;
}

void HttpsServer::Shutdown(std::chrono::milliseconds grace) {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mutex);
    if (s.stopped || s.draining.exchange(true)) return;
  }
  if (s.acceptor) {
    asio::post(s.acceptor->get_executor(), [&s] {
      boost::system::error_code ignored;
      s.acceptor->close(ignored);
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (s.requests > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  s.ioc.stop();
  for (auto& thread : s.threads) {
    if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
  }
  std::lock_guard lock(s.mutex);
  s.stopped = true;
  s.stopped_cv.notify_all();
}

void HttpsServer::Wait() {
  std::unique_lock lock(impl_->mutex);
  if (!impl_->started) return;
  impl_->stopped_cv.wait(lock, [this] { return impl_->stopped; });
}

std::size_t HttpsServer::open_connections() const { return impl_->connections; }
std::size_t HttpsServer::in_flight() const { return impl_->requests; }
bool HttpsServer::draining() const { return impl_->draining; }

}  // namespace esep::server
