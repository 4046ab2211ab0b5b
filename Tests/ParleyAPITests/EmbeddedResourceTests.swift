import Foundation
@testable import ParleyAPI
@testable import ParleyStore
import Testing

/// The binary carries Migrations/*.sql and Docs/openapi.json as generated Swift source (raw string literals:
/// SwiftPM's embedInCode took over a minute to compile a file this size). These tests fail when the
/// generated files are stale; `PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests` rewrites them.
@Suite struct EmbeddedResourceTests {
    static let regenerate = ProcessInfo.processInfo.environment["PARLEY_REGENERATE"] == "1"

    @Test func migrationsMatchTheMigrationsDirectory() throws {
        let directory = Repository.file("Migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        var onDisk: [Migration] = []
        for name in names {
            let version = try #require(Migration.version(fromFileName: name), "\(name) is not named NNNN_name.sql")
            onDisk.append(Migration(version: version, name: name,
                                    sql: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)))
        }
        #expect(onDisk.map(\.version) == Array(1...onDisk.count), "migration numbers must run 1, 2, 3, … without gaps")
        if Self.regenerate {
            try Self.writeMigrations(onDisk)
            return
        }
        #expect(Migration.all.map(\.name) == onDisk.map(\.name), "stale: run PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests")
        for (embedded, file) in zip(Migration.all, onDisk) {
            #expect(embedded == file, "\(file.name) changed; run PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests")
        }
    }

    @Test func openAPIDocumentMatchesDocs() throws {
        let text = try Repository.text("Docs/openapi.json")
        if Self.regenerate {
            try Self.writeOpenAPI(text)
            return
        }
        #expect(EmbeddedOpenAPI.text == text, "Docs/openapi.json changed; run PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests")
    }

    @Test func servedOpenAPIIsTheDocumentByteForByte() throws {
        let response = try TestAPI.shared.get("/openapi.json")
        #expect(response.status == 200)
        #expect(response.body == Array(try Repository.text("Docs/openapi.json").utf8))
    }

    // MARK: generation

    static func writeMigrations(_ migrations: [Migration]) throws {
        var out = """
            // Generated from Migrations/*.sql by `PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests`.
            // Do not edit: EmbeddedResourceTests fails when this differs from Migrations/.

            /// The migrations carried in the binary, so `parley` runs from any directory.
            enum EmbeddedMigrations {
                static let all: [Migration] = [

            """
        for migration in migrations {
            out += "        Migration(version: \(migration.version), name: \"\(migration.name)\", sql: \(literal(migration.sql))),\n"
        }
        out += "    ]\n}\n"
        try out.write(to: Repository.file("Sources/ParleyStore/EmbeddedMigrations.swift"), atomically: true, encoding: .utf8)
    }

    static func writeOpenAPI(_ text: String) throws {
        let out = """
            // Generated from Docs/openapi.json by `PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests`.
            // Do not edit: EmbeddedResourceTests fails when this differs from Docs/openapi.json.

            /// The OpenAPI document served at /openapi.json, carried in the binary.
            enum EmbeddedOpenAPI {
                static let text: String = \(literal(text))

                static let bytes: [UInt8] = Array(text.utf8)
            }

            """
        try out.write(to: Repository.file("Sources/ParleyAPI/EmbeddedOpenAPI.swift"), atomically: true, encoding: .utf8)
    }

    /// A multi-line raw string literal holding `text` exactly: enough `#`s that neither the closing
    /// delimiter nor an escape can occur inside, and the delimiters on lines of their own.
    static func literal(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
    }
}
