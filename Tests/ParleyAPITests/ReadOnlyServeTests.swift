import Foundation
import Glibc
import HTTPServer
import ParleyAPI
import ParleyStore
import TestSupport
import Testing

/// `parley serve --read-only` over files the process cannot write, as Docs/DEPLOY.md ships them to replicas. The tests
/// run as root in CI, and root ignores permission bits, so read-only is made real two ways: read-only bind mounts (the
/// kernel answers EROFS to everyone) and permission bits checked as the user `nobody`.
@Suite(.serialized) struct ReadOnlyServeTests {
    /// A migrated database with one written record, and its self-contained copy (`parley backup`), in `directory/source`.
    struct Fixture {
        let directory: TemporaryDirectory
        let source: String
        let token: String

        init() throws {
            directory = try TemporaryDirectory()
            source = directory.path("source")
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: false)
            let primary = source + "/primary.sqlite"
            #expect(try ParleyBinary.run(["migrate", "--database", primary]).status == 0)
            token = try ParleyBinary.run(["token", "create", "--name", "replica", "--database", primary]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let store = try Store.open(path: primary, mode: .existing)
            #expect(try store.readDataVersion() == 88)
            let backup = try ParleyBinary.run(["backup", "--database", primary, "--to", source + "/copy.sqlite"])
            #expect(backup.status == 0, "\(backup.stderr)")
        }

        func mountPoint(_ name: String) throws -> String {
            let path = directory.path(name)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return path
        }
    }

    /// Serves like any server, refuses writes with 403, and conditional GETs work.
    func checkServes(_ server: StartedServer, token: String) throws {
        #expect(try server.get("/meetings?date=2022-01-12").status == 200)
        let health = try JSON.object(try server.get("/healthz").body)
        #expect(health["data_version"] as? Int == 88)
        let first = try server.get("/quotes?q=crystal")
        #expect(first.status == 200)
        let etag = try #require(first.header("ETag"))
        let again = try TestHTTPClient(port: server.port).request("GET", "/quotes?q=crystal", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        let write = try TestHTTPClient(port: server.port).request(
            "POST", "/topics", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(Bodies.topic("not-on-a-replica").utf8))
        #expect(write.status == 403)
    }

    @Test(.enabled(if: TestMount.isAllowed, "this machine does not let the tests mount")) func servesAFileInAReadOnlyDirectory() throws {
        let fixture = try Fixture()
        let mountPoint = try fixture.mountPoint("replica")
        let (mount, reason) = TestMount.readOnlyBind(fixture.source, at: mountPoint)
        guard let mount else { throw Failure("cannot mount, although the probe could: \(reason)") }
        defer { mount.unmount() }
        let database = mountPoint + "/copy.sqlite"
        #expect(access(mountPoint, W_OK) != 0 && errno == EROFS, "the mount is read-only, for root too")

        guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet", "--read-only"],
                                                                      errorLog: fixture.directory.path("serve.err")) else {
            Issue.record("serve --read-only did not start on a read-only directory")
            return
        }
        #expect(server.startLine.hasSuffix("with \(database) at data version 88 (parley \(ParleyVersion.current), schema \(Migration.latestVersion), read-only, an immutable copy)"),
                "\(server.startLine)")
        try checkServes(server, token: fixture.token)
        #expect(server.stop() == 0)
        #expect(server.errors.isEmpty, "\(server.errors)")
        // Nothing was written beside the copy (SQLite could not have, and was not asked to).
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.source).sorted() == ["copy.sqlite", "primary.sqlite"])

        // Without --read-only the file is refused, saying why and what to do.
        for command in [["serve", "--port", "0"], ["migrate"], ["token", "list"]] {
            let refused = try ParleyBinary.run(command + ["--database", database])
            #expect(refused.status == 1, "\(command)")
            #expect(refused.stderr == "parley: cannot open the database \(database): read-only file system: cannot write the file; `parley serve --read-only` serves it as it is\n",
                    "\(command): \(refused.stderr)")
        }
    }

    /// A read-only file in a writable directory: SQLite keeps its WAL index beside it and reads it as usual.
    @Test(.enabled(if: TestMount.isAllowed, "this machine does not let the tests mount")) func servesAReadOnlyFileInAWritableDirectory() throws {
        let fixture = try Fixture()
        let database = fixture.source + "/copy.sqlite"
        let (mount, reason) = TestMount.readOnlyBind(database, at: database)
        guard let mount else { throw Failure("cannot mount, although the probe could: \(reason)") }
        defer { mount.unmount() }
        #expect(access(database, W_OK) != 0 && errno == EROFS)
        guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet", "--read-only"],
                                                                      errorLog: fixture.directory.path("serve.err")) else {
            Issue.record("serve --read-only did not start on a read-only file")
            return
        }
        #expect(server.startLine.hasSuffix("at data version 88 (parley \(ParleyVersion.current), schema \(Migration.latestVersion), read-only)"),
                "\(server.startLine)")
        try checkServes(server, token: fixture.token)
        #expect(server.stop() == 0)
        #expect(server.errors.isEmpty, "\(server.errors)")
    }

    /// Permission bits, as `nobody`: a file mode 0444 in a directory mode 0555 (both root's), and in a directory
    /// nobody may write.
    @Test(.enabled(if: Command.canDropPrivileges, "running as root, and cannot run parley as nobody")) func servesFilesAndDirectoriesThatPermissionBitsMakeReadOnly() throws {
        let fixture = try Fixture()
        chmod(fixture.directory.url.path, 0o755)
        let locked = try fixture.mountPoint("locked")
        let open = try fixture.mountPoint("open")
        for directory in [locked, open] {
            try FileManager.default.copyItem(atPath: fixture.source + "/copy.sqlite", toPath: directory + "/copy.sqlite")
            chmod(directory + "/copy.sqlite", 0o444)
        }
        chmod(locked, 0o555)
        chown(open, 65534, 65534)
        chmod(open, 0o755)
        for (directory, immutable) in [(locked, true), (open, false)] {
            let database = directory + "/copy.sqlite"
            let refused = try Command.parleyUnprivileged(["serve", "--port", "0", "--database", database])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("permission denied: cannot write the file"), "\(refused.stderr)")
            guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet", "--read-only"],
                                                                          unprivileged: true,
                                                                          errorLog: fixture.directory.path("serve.err")) else {
                Issue.record("serve --read-only did not start on \(database)")
                continue
            }
            #expect(server.startLine.hasSuffix(immutable ? "read-only, an immutable copy)" : "read-only)"), "\(server.startLine)")
            try checkServes(server, token: fixture.token)
            #expect(server.stop() == 0)
        }
    }

    /// A copy shipped with its write-ahead log into a read-only directory cannot be read whole: refused, saying why.
    @Test(.enabled(if: TestMount.isAllowed, "this machine does not let the tests mount")) func refusesAPendingLogItCannotRead() throws {
        let fixture = try Fixture()
        let shipped = try fixture.mountPoint("shipped")
        // A commit left in the log: checkpoints off, the file and its -wal copied while the connection is open.
        let primary = fixture.source + "/primary.sqlite"
        let writer = try Database(path: primary, mode: .existing)
        try writer.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.execute("INSERT INTO changes (collection, record_id, operation, actor) VALUES ('topics', 'x', 'update', 'test')")
        try FileManager.default.copyItem(atPath: primary, toPath: shipped + "/copy.sqlite")
        try FileManager.default.copyItem(atPath: primary + "-wal", toPath: shipped + "/copy.sqlite-wal")
        let mountPoint = try fixture.mountPoint("replica")
        let (mount, reason) = TestMount.readOnlyBind(shipped, at: mountPoint)
        guard let mount else { throw Failure("cannot mount, although the probe could: \(reason)") }
        defer { mount.unmount() }
        let database = mountPoint + "/copy.sqlite"
        let result = try ParleyBinary.run(["serve", "--port", "0", "--read-only", "--database", database])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("parley: cannot open the database \(database): its write-ahead log \(database)-wal holds commits not yet in the file"),
                "\(result.stderr)")
        #expect(result.stderr.contains("parley backup"))
    }

    /// A read-only server over a database another process writes sees every commit (through the shared WAL index).
    @Test func followsWritesMadeByAnotherProcess() throws {
        let fixture = try Fixture()
        let primary = fixture.source + "/primary.sqlite"
        guard case let .listening(writer) = try StartedServer.start(["--port", "0", "--database", primary, "--quiet"],
                                                                      errorLog: fixture.directory.path("writer.err")),
              case let .listening(reader) = try StartedServer.start(["--port", "0", "--database", primary, "--quiet", "--read-only"],
                                                                      errorLog: fixture.directory.path("reader.err")) else {
            Issue.record("the servers did not start")
            return
        }
        #expect(!reader.startLine.contains("immutable"))
        #expect(try JSON.object(try reader.get("/healthz").body)["data_version"] as? Int == 88)
        let created = try TestHTTPClient(port: writer.port).request(
            "POST", "/topics", headers: [("Authorization", "Bearer " + fixture.token), ("Content-Type", "application/json")],
            body: Array(Bodies.topic("seen-by-the-replica").utf8))
        #expect(created.status == 201)
        #expect(try reader.get("/topics/seen-by-the-replica").status == 200)
        #expect(try JSON.object(try reader.get("/healthz").body)["data_version"] as? Int == 89)
        #expect(reader.stop() == 0)
        #expect(writer.stop() == 0)
    }
}
