#include "websocket_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace esep::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct WebSocketClient::Impl {
  std::string host;
  unsigned short port = 0;
  asio::io_context ioc;
  ssl::context tls{ssl::context::tls_client};
  std::optional<websocket::stream<beast::ssl_stream<beast::tcp_stream>>> ws;
  beast::flat_buffer buffer;
  std::string refusal;
  bool closed = false;
};

WebSocketClient::WebSocketClient(std::string host, unsigned short port,
                                 const std::filesystem::path& ca_file)
    : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
  impl_->tls.load_verify_file(ca_file.string());
}

WebSocketClient::~WebSocketClient() {
  if (impl_->ws && impl_->ws->is_open()) {
    beast::error_code ignored;
    beast::get_lowest_layer(*impl_->ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
}

int WebSocketClient::Connect(const std::string& target, const std::string& token) {
  Impl& s = *impl_;
  s.ws.emplace(s.ioc, s.tls);
  tcp::resolver resolver(s.ioc);
  auto& tcp_stream = beast::get_lowest_layer(*s.ws);
  tcp_stream.expires_after(std::chrono::seconds(10));
  tcp_stream.connect(resolver.resolve(s.host, std::to_string(s.port)));
  s.ws->next_layer().set_verify_mode(ssl::verify_peer);
  s.ws->next_layer().handshake(ssl::stream_base::client);
  s.ws->set_option(websocket::stream_base::decorator([token](websocket::request_type& request) {
    if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
  }));
  websocket::response_type response;
  beast::error_code ec;
  s.ws->handshake(response, s.host, target, ec);
  if (ec) {
    s.refusal = response.body();
    s.closed = true;
    return static_cast<int>(response.result_int());
  }
  tcp_stream.expires_never();
  return 101;
}

const std::string& WebSocketClient::refusal_body() const { return impl_->refusal; }

std::optional<std::string> WebSocketClient::Read(std::chrono::milliseconds timeout) {
  Impl& s = *impl_;
  if (s.closed) return std::nullopt;
  std::optional<std::string> message;
  s.buffer.clear();
  s.ws->async_read(s.buffer, [&](beast::error_code ec, std::size_t) {
    if (ec) {
      s.closed = true;
      return;
    }
    message = beast::buffers_to_string(s.buffer.data());
  });
  s.ioc.restart();
  s.ioc.run_for(timeout);
  if (!message && !s.closed) {
    // Timed out: abandon the read (cancelling a WebSocket read closes the stream in Beast,
    // so the client is spent after a timeout, which is what tests expect).
    beast::get_lowest_layer(*s.ws).cancel();
    s.ioc.restart();
    s.ioc.run();
    s.closed = true;
  }
  return message;
}

bool WebSocketClient::closed() const { return impl_->closed; }

}  // namespace esep::testing
