#if canImport(Glibc)
import Glibc
#endif
import ParleyStore

/// The cluster's database copied into a temporary directory, for `parley token|backup|export --cluster …`: a command
/// runs on it as on a local file, and what it writes goes to the cluster first, as a member's writes do. Removed
/// when released.
public final class ClusterSnapshot {
    public let path: String
    public let store: Store
    private let directory: String

    /// - Parameter searchable: derive the search tables too (a backup is a whole database; a token command needs none).
    public init(members: [String], searchable: Bool) throws {
        var template = Array("/tmp/parley-cluster-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw StoreError.cannotOpen(path: "/tmp/parley-cluster-XXXXXX", reason: String(cString: strerror(errno)))
        }
        directory = String(cString: created)
        path = directory + "/cluster.sqlite"
        let replication = ClusterReplication(members: members)
        do {
            try ClusterBootstrap.dump(from: replication, to: path, searchable: searchable)
            store = try Store.open(path: path, mode: .existing)
        } catch {
            Self.remove(directory)
            throw error
        }
        store.replication = replication
        try store.applyCommitted(from: replication)
    }

    deinit {
        Self.remove(directory)
    }

    private static func remove(_ directory: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(directory + "/cluster.sqlite" + suffix) }
        rmdir(directory)
    }
}
