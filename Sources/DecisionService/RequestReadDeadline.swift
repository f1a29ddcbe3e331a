#if Beslisservice
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request does not arrive in full — head and body — within
/// ``limit``: the defence against slowloris (headers dripped a byte at a time) and against a body
/// sent slower than it could ever be useful, and the idle timeout of a kept-alive connection.
///
/// The clock runs while the connection waits for or reads a request, and stops while the service
/// computes an answer (the evaluation has its own time limit). It sits after the HTTP decoder, so a
/// request whose head never completes produces no part at all and is closed when the time is up.
final class RequestReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  let limit: TimeAmount
  /// Requests read in full whose answer has not been written yet.
  private var answering = 0
  private var timer: Scheduled<Void>?

  init(limit: TimeAmount) {
    self.limit = limit
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { arm(context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    disarm()
  }

  func channelActive(context: ChannelHandlerContext) {
    arm(context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    disarm()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .end = unwrapInboundIn(data) {
      answering += 1
      disarm()
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = unwrapOutboundIn(data) {
      answering = max(0, answering - 1)
      if answering == 0 { arm(context) }
    }
    context.write(data, promise: promise)
  }

  private func arm(_ context: ChannelHandlerContext) {
    guard timer == nil, answering == 0 else { return }
    let loop = context.eventLoop.assumeIsolated()
    timer = loop.scheduleTask(in: limit) { [weak self] in
      self?.timer = nil
      context.close(promise: nil)
    }
  }

  private func disarm() {
    timer?.cancel()
    timer = nil
  }
}
#endif
