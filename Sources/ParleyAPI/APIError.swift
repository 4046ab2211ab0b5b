import HTTPServer

/// What a request can be refused with; each becomes an RFC 9457 problem document.
enum APIError: Error, Equatable {
    /// 400. `parameter` names the query parameter at fault (also sent as the problem's `parameter` member).
    case badRequest(detail: String, parameter: String?)
    /// 404: an unknown path, or an unknown id on a known one.
    case notFound(detail: String)

    static func invalid(_ parameter: String, _ detail: String) -> APIError {
        .badRequest(detail: detail, parameter: parameter)
    }

    var response: HTTPResponse {
        switch self {
        case let .badRequest(detail, parameter):
            HTTPResponse.problem(status: 400, detail: detail, extra: parameter.map { [("parameter", $0)] } ?? [])
        case let .notFound(detail):
            HTTPResponse.problem(status: 404, detail: detail)
        }
    }
}
