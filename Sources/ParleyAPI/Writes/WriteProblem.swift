import HTTPServer

/// Problem documents (RFC 9457) of the write API: 422 lists every field at fault in `errors`, a refused delete lists
/// the records that still refer to it in `referenced_by`.
enum WriteProblem {
    static func response(_ status: Int, _ detail: String, errors: [FieldError] = [], referencedBy: [String] = [],
                         headers: [(String, String)] = []) -> HTTPResponse {
        var json = JSONWriter(capacity: 256 + 128 * errors.count)
        json.beginObject()
        json.field("type", "about:blank")
        json.field("title", HTTPStatus.reason(status))
        json.field("status", status)
        json.field("detail", detail)
        if !errors.isEmpty {
            json.key("errors")
            json.beginArray()
            for error in errors {
                json.beginObject()
                json.field("pointer", error.pointer)
                json.field("detail", error.detail)
                json.endObject()
            }
            json.endArray()
        }
        if !referencedBy.isEmpty {
            json.key("referenced_by")
            json.beginArray()
            for path in referencedBy { json.string(path) }
            json.endArray()
        }
        json.endObject()
        var response = HTTPResponse(status: status, body: json.bytes, route: "problem")
        response.headers.add("Content-Type", "application/problem+json; charset=utf-8")
        for (name, value) in headers { response.headers.add(name, value) }
        return response
    }

    /// 422 for a body with field errors.
    static func invalid(_ errors: [FieldError], singular: String) -> HTTPResponse {
        let first = errors.first.map { ": " + $0.description } ?? ""
        let more = errors.count > 1 ? " (and \(errors.count - 1) more; see errors)" : ""
        return response(422, "the \(singular) is not valid" + first + more, errors: errors)
    }
}

/// A write refused (or answered early) inside its transaction: thrown so the transaction rolls back, caught by
/// `WriteHandler` and sent as is.
struct WriteAnswer: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
    }
}
