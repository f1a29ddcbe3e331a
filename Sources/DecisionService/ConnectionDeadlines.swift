#if Beslisservice
import NIOCore
import NIOHTTPTypes

/// Closes a connection that is too slow on either side:
///
/// - **reading**: the next request must arrive in full — head and body — within ``readLimit`` of the
///   moment the connection may send one (when it opens, and when the previous answer has been sent).
///   This is the defence against slowloris (headers dripped a byte at a time) and against a body sent
///   slower than it could ever be useful, and the idle timeout of a kept-alive connection;
/// - **writing**: an answer must be taken by the client within ``writeLimit`` of its first byte, so a
///   client that asks for a large explanation and never reads it does not hold the connection and
///   the answer's memory.
///
/// No clock runs while the service owes an answer it is still computing (the evaluation has its own
/// time limit). An answer given before its request has arrived in full (a 400, 413 or 415 on the head
/// alone) does not stop the reading clock. It sits after the HTTP decoder, so a request whose head
/// never completes produces no part at all and is closed when the time is up.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private enum Phase { case reading, writing }

  let readLimit: TimeAmount
  let writeLimit: TimeAmount
  /// Requests read in full, and answers sent in full (their last byte taken by the socket).
  private var requestsRead = 0
  private var answersSent = 0
  private var writing = false
  private var timer: (phase: Phase, task: Scheduled<Void>)?

  init(readLimit: TimeAmount, writeLimit: TimeAmount) {
    self.readLimit = readLimit
    self.writeLimit = writeLimit
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { reconsider(context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    disarm()
  }

  func channelActive(context: ChannelHandlerContext) {
    reconsider(context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    disarm()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .end = unwrapInboundIn(data) {
      requestsRead += 1
      reconsider(context)
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head:
      writing = true
      reconsider(context)
      context.write(data, promise: promise)
    case .end:
      let sent = context.eventLoop.makePromise(of: Void.self)
      sent.futureResult.assumeIsolated().whenComplete { [weak self] result in
        guard let self else { return }
        self.writing = false
        self.answersSent += 1
        if case .failure = result { context.close(promise: nil) } else { self.reconsider(context) }
      }
      sent.futureResult.cascade(to: promise)
      context.write(data, promise: sent)
    case .body:
      context.write(data, promise: promise)
    }
  }

  /// Which clock runs now: the writing clock while an answer goes out, none while an answer is owed,
  /// else the reading clock.
  private func reconsider(_ context: ChannelHandlerContext) {
    if writing {
      arm(.writing, context)
    } else if requestsRead > answersSent {
      disarm()
    } else {
      arm(.reading, context)
    }
  }

  private func arm(_ phase: Phase, _ context: ChannelHandlerContext) {
    if let timer, timer.phase == phase { return }
    disarm()
    let limit = phase == .reading ? readLimit : writeLimit
    let task = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { [weak self] in
      self?.timer = nil
      context.close(promise: nil)
    }
    timer = (phase, task)
  }

  private func disarm() {
    timer?.task.cancel()
    timer = nil
  }
}
#endif
