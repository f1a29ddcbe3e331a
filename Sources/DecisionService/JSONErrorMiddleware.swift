#if Beslisservice
import Hummingbird

/// Every error the router itself produces gets the service's JSON error body: an unknown path is a
/// 404 naming the paths that exist, a known path with another method a 405 with `Allow`, and any other
/// HTTP error keeps its status with `fout` and `melding`.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The service's paths and the methods each accepts.
  let routes: [(path: String, methods: [HTTPRequest.Method])]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      let path = Self.normalised(request.uri.path)
      if let route = routes.first(where: { $0.path == path }) {
        let allowed = route.methods.map(\.rawValue).joined(separator: ", ")
        var response = APIError(
          .methodNotAllowed, code: "methode-niet-toegestaan", "\(path) accepteert \(allowed), geen \(request.method.rawValue)",
          field: "methode", expected: allowed
        ).response
        response.headers[.allow] = allowed
        return response
      }
      return APIError(
        .notFound, code: "onbekend-pad", "er is niets op \(request.uri.path)", field: "pad",
        expected: routes.map(\.path).joined(separator: ", ")
      ).response
    } catch let error as HTTPError {
      return APIError(error.status, code: "http-\(error.status.code)", error.body ?? error.status.reasonPhrase).response
    }
  }

  /// The path as the router matches it: repeated slashes as one, no slash at the end (but `/`).
  static func normalised(_ path: String) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    return "/" + parts.joined(separator: "/")
  }
}
#endif
