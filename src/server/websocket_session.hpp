#pragma once
/// @file
/// A WebSocket connection taken over from an HTTPS session after an accepted upgrade: it
/// completes the handshake, then writes queued messages in order and reads only to notice
/// the peer going away (the push channel is one-way). Private to the transport.

#include <atomic>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <memory>
#include <string>

#include "esep/server/beast_request.hpp"
#include "esep/server/https_server.hpp"

namespace esep::server {

class WebSocketSession : public WebSocketPeer,
                         public std::enable_shared_from_this<WebSocketSession> {
 public:
  using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

  WebSocketSession(TlsStream&& stream, std::atomic<std::size_t>& connections,
                   WebSocketAccept accept);
  ~WebSocketSession() override;

  /// Answers the upgrade request and starts the session.
  void Run(BeastRequest request);

  void Send(std::string text) override;
  void Close() override;

 private:
  void Read();
  void WriteNext();
  void StartClose();
  void Gone();

  boost::beast::websocket::stream<TlsStream> ws_;
  std::atomic<std::size_t>& connections_;
  WebSocketAccept accept_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> queue_;  ///< touched only on the stream's strand
  bool writing_ = false;
  bool open_ = false;
  bool closing_ = false;        ///< Close() was asked for
  bool close_started_ = false;  ///< the close handshake is under way
  bool gone_ = false;
};

}  // namespace esep::server
