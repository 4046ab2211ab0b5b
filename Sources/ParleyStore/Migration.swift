import ParleyResources

/// One numbered SQL file from `Migrations/`, e.g. `0002_seed_article.sql` is version 2.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The version a migration file name declares: its leading digits, followed by `_` and ending `.sql`.
    public static func version(fromFileName name: String) -> Int? {
        guard name.hasSuffix(".sql") else { return nil }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, name.dropFirst(digits.count).first == "_" else { return nil }
        return Int(digits)
    }

    /// The migrations compiled into this binary (Sources/ParleyResources embeds Migrations/), oldest first.
    public static let all: [Migration] = (0..<parley_migration_count()).compactMap { index in
        let resource = parley_migration(index)
        let name = String(cString: resource.name)
        guard let version = version(fromFileName: name) else { return nil }
        let sql = String(decoding: UnsafeBufferPointer(start: resource.bytes, count: resource.length), as: UTF8.self)
        return Migration(version: version, name: name, sql: sql)
    }

    /// The newest migration version this binary knows.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
