// libFuzzer harness for the router (Sources/ParleyAPI/Router.swift): request target -> route.
// Built by Tests/Fuzz/run.sh. Only `Router.match` and the query/cache-key code are exercised;
// no database is opened.
//
// The input is a request target as the request parser hands it over (`path?query`, percent-encoded).
// Invariants, checked against an oracle built from `Router.table` and the router's documented rule
// ("paths are matched on their percent-decoded segments; anything that is not exactly a known
// pattern is unknown"):
//   - match never crashes, and finds a route exactly when the oracle does, the same route, with
//     the id the oracle decodes for `{id}` (never empty);
//   - a route names itself by its pattern for every method (never by the raw path);
//   - the route's accepted query is canonicalised into a cache key from which path, query and
//     representation can be told apart again (the canonical query holds no `?` or `#`).

@testable import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore

private func check(_ condition: Bool, _ message: @autoclosure () -> String, _ input: String) {
    guard !condition else { return }
    fatalError("fuzz-router invariant violated: \(message())\ninput: \(input.debugDescription)")
}

/// The route patterns, split into segments ("{id}" matches any non-empty decoded segment).
private let patterns: [(pattern: String, segments: [String])] = Router.table.map { description in
    (description.path, description.path == "/" ? [] : description.path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init))
}

/// The pattern and id the documented rule gives for `path`.
private func oracle(_ path: String) -> (pattern: String, id: String?)? {
    guard path.utf8.first == UInt8(ascii: "/") else { return nil }
    if path == "/" { return ("/", nil) }
    var segments: [String] = []
    for raw in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
        guard let decoded = PercentEncoding.decode(Substring(raw), plusAsSpace: false) else { return nil }
        segments.append(decoded)
    }
    var found: (pattern: String, id: String?)?
    for (pattern, parts) in patterns where parts.count == segments.count {
        var id: String?
        let matches = zip(parts, segments).allSatisfy { part, segment in
            if part == "{id}" { id = segment; return !segment.isEmpty }
            return part == segment
        }
        if matches {
            if let found { fatalError("fuzz-router: patterns \(found.pattern) and \(pattern) overlap") }
            found = (pattern, id)
        }
    }
    return found
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let target = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let path: String, query: String
    if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
        path = String(target[..<mark])
        query = String(target[target.utf8.index(after: mark)...])
    } else {
        (path, query) = (target, "")
    }

    let matched = Router.match(path)
    let expected = oracle(path)
    check(matched?.route.pattern == expected?.pattern && matched?.id == expected?.id,
          "path \(path.debugDescription) matched \(matched.map { "\($0.route.pattern) id \(String(describing: $0.id))" } ?? "nothing"), "
              + "the documented rule gives \(expected.map { "\($0.pattern) id \(String(describing: $0.id))" } ?? "nothing")",
          target)
    guard let (route, id) = matched else { return 0 }

    check(route.pattern.contains("{id}") == (id != nil), "id \(String(describing: id)) for \(route.pattern)", target)
    if let id { check(!id.isEmpty, "empty id", target) }
    for method in HTTPMethod.allCases {
        check(route.name(for: method) == method.rawValue + " " + route.pattern, "name(for: \(method)) of \(route.pattern)", target)
    }

    // What APIHandler does next: the accepted query and the cache key.
    guard let parameters = try? QueryParameters(parsing: query, allowed: route.parameters) else { return 0 }
    let canonicalQuery = parameters.canonical()
    check(!canonicalQuery.contains("?") && !canonicalQuery.contains("#"),
          "canonical query \(canonicalQuery.debugDescription) holds a key separator", target)
    for name in parameters.pairs.map(\.name) {
        check(route.parameters.contains(name), "\(route.pattern) accepted parameter \(name)", target)
    }
    return 0
}
