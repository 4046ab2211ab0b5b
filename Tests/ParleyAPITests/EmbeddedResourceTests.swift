import Foundation
@testable import ParleyAPI
@testable import ParleyStore
import Testing

/// The binary carries Migrations/*.sql and Docs/openapi.json, embedded by Sources/ParleyResources with
/// C23 `#embed` at compile time. A new migration file must also be listed there; these tests say so.
@Suite struct EmbeddedResourceTests {
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
        #expect(Migration.all.map(\.name) == onDisk.map(\.name), "list every file of Migrations/ in Sources/ParleyResources/resources.c")
        for (embedded, file) in zip(Migration.all, onDisk) {
            #expect(embedded == file, "\(file.name) as embedded differs from the file")
        }
    }

    @Test func servedOpenAPIIsTheDocumentByteForByte() throws {
        let response = try TestAPI.shared.get("/openapi.json")
        #expect(response.status == 200)
        #expect(response.body == Array(try Repository.text("Docs/openapi.json").utf8))
    }
}
