// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"], .when(configuration: .debug))]

let package = Package(
    name: "parley",
    products: [
        .executable(name: "parley", targets: ["parley"]),
    ],
    targets: [
        // What Glibc does not export to Swift: epoll, eventfd, accept4, signal masks.
        .target(name: "CShim"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Migrations/*.sql and Docs/openapi.json, embedded with C23 #embed so the binary runs from anywhere.
        .target(name: "ParleyResources", cSettings: [.unsafeFlags(["-std=c23"])]),
        // The HTTP/1.1 engine: sockets, epoll loops, parser, responses. Knows nothing about negotiations.
        .target(name: "HTTPServer", dependencies: ["CShim"]),
        // SQLite access, migrations and queries. Knows nothing about HTTP.
        .target(name: "ParleyStore", dependencies: ["CSQLite", "ParleyResources"]),
        // Routes, handlers, JSON/CSV encoding: joins the engine and the store.
        .target(name: "ParleyAPI", dependencies: ["HTTPServer", "ParleyStore", "ParleyResources"]),
        .executableTarget(name: "parley", dependencies: ["ParleyAPI", "HTTPServer", "ParleyStore", "ParleyCluster", "CShim"]),
        // dqlite's node API (libdqlite-dev 1.11), linked through DqliteNode.
        .systemLibrary(name: "CDqlite", pkgConfig: "dqlite", providers: [.apt(["libdqlite-dev"])]),
        // A client of dqlite's wire protocol over POSIX sockets. Knows nothing about Parley's records.
        .target(name: "DqliteClient", swiftSettings: strict),
        // Hosts a dqlite node in-process (create, start, stop), for tests now and `parley serve` later.
        .target(name: "DqliteNode", dependencies: ["CDqlite"], swiftSettings: strict),
        // `parley serve --node-address`: this process as a cluster member. Joins the dqlite node and client to the store.
        .target(name: "ParleyCluster", dependencies: ["DqliteClient", "DqliteNode", "ParleyStore", "ParleyAPI", "HTTPServer"],
                swiftSettings: strict),
        // A raw-socket HTTP client and server starters shared by the test targets.
        .target(name: "TestSupport", dependencies: ["HTTPServer"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "CShim", "TestSupport"]),
        .testTarget(name: "DqliteClientTests", dependencies: ["DqliteClient", "DqliteNode", "CSQLite"], swiftSettings: strict),
        .testTarget(name: "ParleyAPITests", dependencies: ["ParleyAPI", "ParleyStore", "HTTPServer", "CShim", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
