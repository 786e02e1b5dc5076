#include "https_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <optional>

namespace esep::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

boost::json::value ApiReply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  return ec ? boost::json::value(nullptr) : value;
}

struct HttpsClient::Impl {
  std::string host;
  unsigned short port;
  asio::io_context ioc;
  ssl::context tls{ssl::context::tls_client};
  std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
  beast::flat_buffer buffer;

  void Connect() {
    stream.emplace(ioc, tls);
    tcp::resolver resolver(ioc);
    beast::get_lowest_layer(*stream).connect(resolver.resolve(host, std::to_string(port)));
    stream->set_verify_mode(ssl::verify_peer);
    stream->handshake(ssl::stream_base::client);
    buffer.clear();
  }
};

HttpsClient::HttpsClient(std::string host, unsigned short port,
                         const std::filesystem::path& ca_file)
    : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
  impl_->tls.load_verify_file(ca_file.string());
}

HttpsClient::~HttpsClient() {
  if (impl_->stream) {
    beast::error_code ignored;
    beast::get_lowest_layer(*impl_->stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
}

ApiReply HttpsClient::Request(const std::string& method, const std::string& target,
                              const std::string& body,
                              const std::map<std::string, std::string>& headers) {
  for (int attempt = 0;; ++attempt) {
    try {
      if (!impl_->stream) impl_->Connect();
      http::request<http::string_body> request(http::string_to_verb(method), target, 11);
      request.set(http::field::host, impl_->host);
      request.keep_alive(true);
      if (!body.empty()) request.set(http::field::content_type, "application/json");
      for (const auto& [name, value] : headers) request.set(name, value);
      request.body() = body;
      request.prepare_payload();
      http::write(*impl_->stream, request);
      http::response_parser<http::string_body> parser;
      parser.body_limit(64 * 1024 * 1024);
      http::read(*impl_->stream, impl_->buffer, parser);
      auto& response = parser.get();
      ApiReply reply;
      reply.status = static_cast<int>(response.result_int());
      reply.body = response.body();
      for (const auto& field : response) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        reply.headers[name] = std::string(field.value());
      }
      if (!response.keep_alive()) impl_->stream.reset();
      return reply;
    } catch (const boost::system::system_error&) {
      impl_->stream.reset();
      if (attempt >= 1) throw;  // the server closed a kept-alive connection: retry once
    }
  }
}

std::string HttpsClient::Raw(const std::string& bytes) {
  impl_->stream.reset();
  impl_->Connect();
  asio::write(*impl_->stream, asio::buffer(bytes));
  std::string answer;
  beast::error_code ec;
  char chunk[4096];
  for (;;) {
    const std::size_t n = impl_->stream->read_some(asio::buffer(chunk), ec);
    answer.append(chunk, n);
    if (ec) break;
  }
  impl_->stream.reset();
  return answer;
}

}  // namespace esep::testing
