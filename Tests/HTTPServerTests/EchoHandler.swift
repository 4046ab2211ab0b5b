import HTTPServer
import TestSupport

/// Answers every request with what it received, so tests can see what the engine parsed.
final class EchoHandler: HTTPHandler {
    func handle(_ request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; charset=utf-8")
        var text = "\(request.method.rawValue) \(request.path)"
        if !request.query.isEmpty { text += "?\(request.query)" }
        text += " body=\(request.body.count)"
        if !request.body.isEmpty { text += " " + String(decoding: request.body, as: UTF8.self) }
        return HTTPResponse(status: 200, headers: headers, body: Array(text.utf8), route: "echo")
    }
}

func echoServer(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws -> Server {
    try startTestServer(adjust) { EchoHandler() }
}
