import HTTPServer

/// What a path leads to.
enum Endpoint: Sendable, Equatable {
    case root, health, openapi, metrics, changes
    case list(ResourceKind)
    case item(ResourceKind)

    /// Lists come as JSON or CSV and paginate.
    var isList: Bool {
        switch self {
        case .list, .changes: true
        default: false
        }
    }
}

/// One path pattern the API answers, the methods it allows and the query parameters it accepts.
struct Route: Sendable {
    let pattern: String
    let endpoint: Endpoint
    let parameters: [String]
    let methods: [HTTPMethod]
    /// `Allow` header value.
    let allow: String
    /// Low-cardinality names for metrics and logs ("GET /meetings/{id}"), precomputed per method.
    private let names: [String]

    init(_ pattern: String, _ endpoint: Endpoint, parameters: [String],
         methods: [HTTPMethod] = [.get, .head, .options]) {
        self.pattern = pattern
        self.endpoint = endpoint
        self.parameters = parameters
        self.methods = methods
        allow = methods.map(\.rawValue).joined(separator: ", ")
        names = HTTPMethod.allCases.map { $0.rawValue + " " + pattern }
    }

    func name(for method: HTTPMethod) -> String {
        names[HTTPMethod.allCases.firstIndex(of: method) ?? 0]
    }
}

/// Maps a request path to a route. Paths are matched on their percent-decoded segments;
/// anything that is not exactly a known pattern (trailing slashes, extra segments) is unknown.
public struct Router: Sendable {
    static let routes: [Route] = {
        var routes = [
            Route("/", .root, parameters: ["pretty"]),
            Route("/healthz", .health, parameters: ["pretty"]),
            Route("/openapi.json", .openapi, parameters: []),
        ]
        for kind in ResourceKind.allCases {
            let type = kind.type
            // Records are written with POST on the list, PATCH and DELETE on the item (sources are read-only).
            let writable = kind != .sources
            routes.append(Route("/" + kind.rawValue, .list(kind), parameters: type.listParameters,
                                methods: writable ? [.get, .head, .options, .post] : [.get, .head, .options]))
            routes.append(Route("/" + kind.rawValue + "/{id}", .item(kind), parameters: type.itemParameters,
                                methods: writable ? [.get, .head, .options, .patch, .delete] : [.get, .head, .options]))
        }
        routes.append(Route("/changes", .changes, parameters: ChangesResource.listParameters))
        routes.append(Route("/metrics", .metrics, parameters: []))
        return routes
    }()

    private static let metricsRoute = routes[routes.count - 1]
    private static let changesRoute = routes[routes.count - 2]

    /// A route as the OpenAPI document must describe it.
    public struct Description: Sendable, Equatable {
        public let path: String
        public let methods: [String]
        public let queryParameters: [String]
    }

    /// Every route with its methods and query parameters: what `Docs/openapi.json` is checked against.
    public static var table: [Description] {
        routes.map { Description(path: $0.pattern, methods: $0.methods.map(\.rawValue), queryParameters: $0.parameters) }
    }

    /// The route for `path` (still percent-encoded) and, for item routes, the decoded id.
    static func match(_ path: String) -> (route: Route, id: String?)? {
        if path == "/" { return (routes[0], nil) }
        guard path.utf8.first == UInt8(ascii: "/") else { return nil }
        let segments = path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard segments.count == 1 || segments.count == 2,
              let first = Substring(segments[0]).nilIfEmpty.flatMap({ PercentEncoding.decode($0, plusAsSpace: false) })
        else { return nil }
        // Fixed routes are matched on the decoded segment too: /%68ealthz is /healthz.
        if segments.count == 1 {
            switch first {
            case "healthz": return (routes[1], nil)
            case "openapi.json": return (routes[2], nil)
            case "metrics": return (metricsRoute, nil)
            case "changes": return (changesRoute, nil)
            default: break
            }
        }
        guard let kind = ResourceKind(rawValue: first),
              let position = ResourceKind.allCases.firstIndex(of: kind) else { return nil }
        let index = 3 + 2 * position
        if segments.count == 1 { return (routes[index], nil) }
        guard let id = PercentEncoding.decode(Substring(segments[1]), plusAsSpace: false), !id.isEmpty else { return nil }
        return (routes[index + 1], id)
    }
}

extension Substring {
    var nilIfEmpty: Substring? { isEmpty ? nil : self }
}
