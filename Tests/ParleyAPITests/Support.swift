import Foundation
import HTTPServer
import ParleyAPI
import ParleyStore
import TestSupport
import Testing

/// Where the repository's files are, from this file's location.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: file(relative), encoding: .utf8)
    }
}

/// A fresh directory under the system temp directory, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A store over a real, freshly migrated (seeded) SQLite file, removed with the value.
final class SeededStore: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store.open(path: directory.path("store.sqlite"))
    }
}

/// A real Parley server on loopback over a real, freshly migrated SQLite file.
final class TestAPI: @unchecked Sendable {
    let directory: TemporaryDirectory
    let databasePath: String
    let server: Server

    init(responseCacheBytes: Int = 4 << 20, workers: Int = 2, readOnly: Bool = false,
         server adjustServer: (inout ServerConfiguration) -> Void = { _ in },
         api adjustAPI: (inout APIConfiguration) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        databasePath = directory.path("parley.sqlite")
        try Migrator.migrate(databasePath: databasePath)
        var configuration = APIConfiguration(databasePath: databasePath, responseCacheBytes: responseCacheBytes)
        configuration.readOnly = readOnly
        let stats = ServerStats()
        configuration.serverStats = stats
        adjustAPI(&configuration)
        server = try startTestServer({ $0.workers = workers; adjustServer(&$0) }, stats: stats,
                                     handlerFactory: APIHandler.makeFactory(configuration))
    }

    deinit { server.shutdown() }

    var port: Int { server.port }

    /// One request on a new connection.
    func request(_ method: String, _ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        let client = try TestHTTPClient(port: port)
        return try client.request(method, target, headers: headers)
    }

    func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try request("GET", target, headers: headers)
    }

    /// GET expecting 200 JSON; returns the parsed top-level object.
    func json(_ target: String, headers: [(String, String)] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let response = try get(target, headers: headers)
        #expect(response.status == 200, "\(target): \(response.text)", sourceLocation: sourceLocation)
        return try JSON.object(response.body)
    }

    /// The ids of a list response's items.
    func ids(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try JSON.items(try json(target, sourceLocation: sourceLocation)).compactMap { $0["id"] as? String }
    }

    /// One server shared by the read-only tests (the data never changes under it).
    static let shared: TestAPI = {
        do { return try TestAPI() } catch { fatalError("cannot start the test server: \(error)") }
    }()
}

enum JSON {
    /// Strict parse: anything but one JSON object fails.
    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        guard let object = value as? [String: Any] else { throw Failure("not a JSON object: \(String(decoding: bytes, as: UTF8.self).prefix(200))") }
        return object
    }

    static func items(_ document: [String: Any]) throws -> [[String: Any]] {
        guard let data = document["data"] as? [[String: Any]] else { throw Failure("no data array in \(document)") }
        return data
    }

    static func item(_ document: [String: Any]) throws -> [String: Any] {
        guard let data = document["data"] as? [String: Any] else { throw Failure("no data object in \(document)") }
        return data
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
