#if Beslisservice
import Hummingbird
import Logging
import NIOCore

extension DecisionService {
  /// The HTTP/1.1 server for this service on `host:port`: the routes of ``router()``, and on every
  /// connection the deadlines of ``Limits/readTimeout`` and ``Limits/writeTimeout`` (``ConnectionDeadlines``).
  public func application(
    host: String, port: Int, logger: Logger? = nil, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let (readLimit, writeLimit) = (TimeAmount(limits.readTimeout), TimeAmount(limits.writeTimeout))
    return Application(
      router: router(),
      server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadlines(readLimit: readLimit, writeLimit: writeLimit)])),
      configuration: .init(address: .hostname(host, port: port), serverName: "toets serve"),
      onServerRunning: onServerRunning, logger: logger)
  }
}
#endif
