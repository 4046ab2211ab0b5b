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
        .executableTarget(name: "parley", dependencies: ["ParleyAPI", "HTTPServer", "ParleyStore", "CShim"]),
        // A raw-socket HTTP client and server starters shared by the test targets.
        .target(name: "TestSupport", dependencies: ["HTTPServer"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "CShim", "TestSupport"]),
        .testTarget(name: "ParleyAPITests", dependencies: ["ParleyAPI", "ParleyStore", "HTTPServer", "CShim", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
