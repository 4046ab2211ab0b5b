import ParleyAPI
import ParleyCluster
import ParleyStore

/// `parley backup --database PATH --to FILE`: a consistent copy of a live database.
enum BackupCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Arguments(arguments, valued: ["database", "to", "cluster"], flags: [])
        guard options.positional.isEmpty else { throw Arguments.UsageError(description: "unexpected argument '\(options.positional[0])'") }
        guard let destination = options.optionalString("to") else { throw Arguments.UsageError(description: "backup needs --to FILE") }
        var path = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")
        try FileIO.checkDestination(destination)
        // With --cluster, the cluster's database as its leader holds it, made whole (search tables derived).
        let snapshot = try ClusterAccess.members(options).map { try ClusterSnapshot(members: $0, searchable: true) }
        if let snapshot { path = snapshot.path }
        defer { withExtendedLifetime(snapshot) {} }
        try Store.checkExisting(path: path)
        let result = try Backup.copy(from: path, to: destination)
        // A cluster's backup is a plain Parley file: served alone, or the first state of a new cluster.
        if snapshot != nil { try Store.open(path: destination, mode: .existing, migrate: false).leaveCluster() }
        print("\(path): backed up to \(destination) (\(result.pages) pages, data version \(result.dataVersion))")
        return 0
    }
}

/// `parley export [--database PATH] [--to FILE|-]`: every record as JSON (standard output by default).
enum ExportCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Arguments(arguments, valued: ["database", "to", "cluster"], flags: [])
        guard options.positional.isEmpty else { throw Arguments.UsageError(description: "unexpected argument '\(options.positional[0])'") }
        let path = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")
        let destination = options.optionalString("to") ?? "-"
        try FileIO.checkDestination(destination)
        let snapshot = try ClusterAccess.members(options).map { try ClusterSnapshot(members: $0, searchable: false) }
        defer { withExtendedLifetime(snapshot) {} }
        let store = try snapshot?.store ?? Store.open(path: path, mode: .existing)
        let (bytes, summary) = try Exporter.export(store)
        try FileIO.write(bytes, to: destination)
        let counts = summary.counts.map { "\($0.count) \($0.collection)" }.joined(separator: ", ")
        ParleyCommand.printError("exported \(counts) at data version \(summary.dataVersion)" + (destination == "-" ? "" : " to \(destination)"))
        return 0
    }
}

/// `parley import FILE [--database PATH]`: loads an export into a database holding only the seed (see `Importer`);
/// the database must exist (`parley migrate` creates one).
enum ImportCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Arguments(arguments, valued: ["database"], flags: [])
        guard options.positional.count == 1 else {
            throw Arguments.UsageError(description: options.positional.isEmpty ? "import needs the FILE to read (- for standard input)"
                                                                              : "import takes one FILE")
        }
        let path = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")
        let store = try Store.open(path: path, mode: .existing, bodies: MeetingBodies.shared)
        let bytes = try FileIO.read(options.positional[0])
        let summary = try Importer.run(bytes, into: store)
        let counts = summary.counts.map { "\($0.count) \($0.collection)" }.joined(separator: ", ")
        print("\(path): imported \(counts) (replacing the seed's \(summary.removed) records); data version \(summary.dataVersion)")
        return 0
    }
}
