import HTTPServer

/// The format of a list response: `format=` wins, then the Accept header; JSON unless CSV is preferred.
enum Representation: String {
    case json, csv

    static func choose(_ query: QueryParameters, accept: String?) throws -> Representation {
        if let format = try query.oneOf("format", ["json", "csv"]) {
            return format == "csv" ? .csv : .json
        }
        guard let accept else { return .json }
        return prefersCSV(accept) ? .csv : .json
    }

    /// True when `text/csv` is acceptable and ranks above anything JSON can answer
    /// (`application/json`, `application/*`, `*/*`). Never 406: JSON is the fallback.
    static func prefersCSV(_ accept: String) -> Bool {
        let csv = quality(of: ["text/csv"], in: accept)
        return csv > 0 && csv > quality(of: ["application/json", Representation.fieldsMediaType, "application/*", "*/*"], in: accept)
    }

    /// The highest quality (`q=`, 1 when absent, clamped to 0…1) the Accept header gives any of `types`; 0 when it
    /// names none of them.
    static func quality(of types: Set<String>, in accept: String) -> Double {
        var best = 0.0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let type = parts.first?.trimmingASCIISpaces().lowercased(), types.contains(type) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingASCIISpaces()
                if pair.hasPrefix("q=") || pair.hasPrefix("Q="), let value = Double(pair.dropFirst(2)) {
                    quality = min(max(value, 0), 1)
                }
            }
            best = max(best, quality)
        }
        return best
    }

    /// The media type of a JSON answer trimmed by `fields=`: the same JSON, but a generated client must not decode it
    /// with the full schema, whose fields are all required. The OpenAPI document gives it schemas (`MeetingFieldsList`, …)
    /// in which nothing is required.
    static let fieldsMediaType = "application/vnd.parley.fields+json"
    static let fieldsContentType = fieldsMediaType + "; charset=utf-8"

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8; header=present"
        }
    }
}

extension Substring {
    func trimmingASCIISpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
