import Foundation
import Glibc
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// The newcomer's path, run as the real binary: every command's --help, the version, which commands may create a
/// database, errors that name the file and the cause, the start line, an import lacking a collection.
@Suite struct CommandLineTests {
    static let commands = ["serve", "migrate", "token", "backup", "export", "import"]

    @Test func everyCommandPrintsItsUsageWithHelp() throws {
        for command in Self.commands {
            for flag in ["--help", "-h"] {
                let result = try ParleyBinary.run([command, flag])
                #expect(result.status == 0, "\(command) \(flag): \(result.stderr)")
                #expect(result.stdout.hasPrefix("Usage"), "\(command) \(flag): \(result.stdout.prefix(80))")
                #expect(result.stdout.contains("parley \(command)"), "\(command) \(flag)")
                #expect(result.stderr.isEmpty, "\(command) \(flag): \(result.stderr)")
            }
        }
        // Also after other arguments, and for a token action.
        #expect(try ParleyBinary.run(["serve", "--port", "9", "--help"]).status == 0)
        #expect(try ParleyBinary.run(["token", "create", "--help"]).stdout.contains("parley token create --name NAME"))
        let serve = try ParleyBinary.run(["serve", "--help"]).stdout
        for option in ["--host", "--port", "--database", "--workers", "--max-connections", "--response-cache-mb",
                       "--rate-limit", "--rate-burst", "--reuse-port", "--read-only", "--quiet"] {
            #expect(serve.contains(option), "serve --help lists \(option)")
        }
        let overall = try ParleyBinary.run(["--help"])
        #expect(overall.status == 0 && overall.stdout.contains("parley COMMAND --help"))
    }

    /// `--version` is the OpenAPI document's `info.version`, so a client generated from the document and the binary agree.
    @Test func versionIsTheOpenAPIInfoVersion() throws {
        let document = try JSON.object(Array(try Data(contentsOf: Repository.file("Docs/openapi.json"))))
        let version = try #require((document["info"] as? [String: Any])?["version"] as? String)
        let result = try ParleyBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "parley \(version)\n")
        #expect(try ParleyBinary.run(["--help"]).stdout.hasPrefix("parley \(version):"))
    }

    /// Only serve and migrate create a database: the others, on a mistyped path, say so and leave no file behind.
    @Test func onlyServeAndMigrateCreateADatabase() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("mistyped.sqlite")
        let export = directory.path("export.json")
        try Data(#"{"format": "parley-export", "version": 1}"#.utf8).write(to: URL(fileURLWithPath: export))
        let commands: [[String]] = [
            ["token", "create", "--name", "newsroom"], ["token", "list"], ["token", "revoke", "newsroom"],
            ["backup", "--to", directory.path("backup.sqlite")], ["export"], ["export", "--to", directory.path("out.json")],
            ["import", export], ["serve", "--read-only", "--port", "0"],
        ]
        for command in commands {
            let result = try ParleyBinary.run(command + ["--database", missing])
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr == "parley: cannot open the database \(missing): no such file: there is no database there (check --database; `parley migrate --database \(missing)` or `parley serve` creates one)\n",
                    "\(command)")
            #expect(result.stdout.isEmpty, "\(command): \(result.stdout)")
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
            #expect(left == ["export.json"], "\(command) left \(left)")
        }
        // migrate creates it; then the same commands work on it.
        let migrated = try ParleyBinary.run(["migrate", "--database", missing])
        #expect(migrated.status == 0 && migrated.stdout.hasPrefix("\(missing): applied 0001_schema.sql"))
        let token = try ParleyBinary.run(["token", "create", "--name", "newsroom", "--database", missing])
        #expect(token.status == 0 && token.stdout.hasPrefix("parley_"), "\(token.stderr)")
    }

    /// Open errors name the file and the cause, never an SQLite code or statement.
    @Test func openErrorsNameTheFileAndTheCause() throws {
        let directory = try TemporaryDirectory()
        let text = directory.path("notes.txt")
        try Data("these are not the records you are looking for\n".utf8).write(to: URL(fileURLWithPath: text))
        let empty = directory.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: nil)
        let foreign = directory.path("foreign.sqlite")
        let other = try Database(path: foreign)
        try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        let cases: [(path: String, commands: [[String]], reason: String)] = [
            (directory.path("no-such-dir/parley.sqlite"), [["serve", "--port", "0"], ["migrate"], ["token", "list"], ["export"]],
             "no such directory: \(directory.path("no-such-dir"))"),
            (text, [["serve", "--port", "0"], ["migrate"], ["token", "list"], ["export"], ["backup", "--to", directory.path("b.sqlite")],
                    ["serve", "--read-only", "--port", "0"]],
             "not a Parley database: the file is not an SQLite database"),
            (empty, [["token", "list"], ["export"], ["serve", "--read-only", "--port", "0"]], "not a Parley database: the file is empty"),
            (foreign, [["serve", "--port", "0"], ["migrate"], ["token", "list"], ["export"], ["serve", "--read-only", "--port", "0"]],
             "not a Parley database: an SQLite database with 1 other table(s) and no schema_migrations"),
            (directory.url.path, [["serve", "--port", "0"], ["migrate"], ["token", "list"]], "it is a directory, not a database file"),
        ]
        for (path, commands, reason) in cases {
            for command in commands {
                let result = try ParleyBinary.run(command + ["--database", path])
                #expect(result.status == 1, "\(command) \(path): \(result.stderr)")
                #expect(result.stderr == "parley: cannot open the database \(path): \(reason)\n", "\(command)")
                #expect(!result.stderr.contains("SQLite error") && !result.stderr.contains("code") && !result.stderr.contains("PRAGMA"), "\(command): \(result.stderr)")
            }
        }
        // Nothing was written into the files that are not Parley's.
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "these are not the records you are looking for\n")
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int) == 0)
        let tables = try other.prepare("SELECT count(*) FROM sqlite_master")
        #expect(try tables.step() && tables.int(0) == 1)
    }

    /// A backup or export to a place that cannot take it is refused before any work, naming the cause.
    @Test func destinationsThatCannotBeWrittenAreRefused() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("parley.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let missing = directory.path("no-such-dir")
        for command in [["backup", "--to", missing + "/copy.sqlite"], ["export", "--to", missing + "/export.json"]] {
            let result = try ParleyBinary.run(command + ["--database", database])
            #expect(result.status == 1)
            #expect(result.stderr == "parley: cannot write \(command[2]): no such directory: \(missing)\n", "\(result.stderr)")
        }
        let export = try ParleyBinary.run(["export", "--to", directory.url.path, "--database", database])
        #expect(export.status == 1 && export.stderr == "parley: cannot write \(directory.url.path): it is a directory\n", "\(export.stderr)")
        let input = try ParleyBinary.run(["import", directory.path("absent.json"), "--database", database])
        #expect(input.status == 1 && input.stderr == "parley: cannot open \(directory.path("absent.json")): no such file or directory\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.contains("partial") }.isEmpty)
    }

    /// Permission bits, as a user they apply to (`nobody` when the tests run as root, since root ignores them).
    @Test(.enabled(if: Command.canDropPrivileges, "running as root, and cannot run parley as nobody (no /usr/bin/setpriv, or the binary is not reachable by nobody)")) func permissionErrorsSayPermissionDenied() throws {
        let directory = try TemporaryDirectory()
        chmod(directory.url.path, 0o755)
        let database = directory.path("parley.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        // Owned by root (or the test user), so nobody may read only what the bits allow.
        chmod(database, 0o444)
        let locked = directory.path("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o755)
        #expect(try ParleyBinary.run(["migrate", "--database", locked + "/parley.sqlite"]).status == 0)
        chmod(locked, 0o000)
        defer { chmod(locked, 0o755) }
        let unreadable = directory.path("unreadable.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", unreadable]).status == 0)
        chmod(unreadable, 0o000)
        let readOnlyDirectory = directory.path("read-only-dir")
        try FileManager.default.createDirectory(atPath: readOnlyDirectory, withIntermediateDirectories: false)
        chmod(readOnlyDirectory, 0o555)

        let cases: [(path: String, commands: [[String]], reason: String)] = [
            (database, [["token", "create", "--name", "x"], ["migrate"], ["serve", "--port", "0"]],
             "permission denied: cannot write the file; `parley serve --read-only` serves it as it is"),
            (locked + "/parley.sqlite", [["token", "list"], ["serve", "--read-only", "--port", "0"]],
             "permission denied: cannot look into the directory \(locked)"),
            (unreadable, [["token", "list"], ["export"], ["serve", "--read-only", "--port", "0"]], "permission denied: cannot read the file"),
            (readOnlyDirectory + "/new.sqlite", [["migrate"], ["serve", "--port", "0"]],
             "permission denied: cannot create a file in \(readOnlyDirectory)"),
        ]
        for (path, commands, reason) in cases {
            for command in commands {
                let result = try Command.parleyUnprivileged(command + ["--database", path])
                #expect(result.status == 1, "\(command) \(path): \(result.stderr)")
                #expect(result.stderr == "parley: cannot open the database \(path): \(reason)\n", "\(command)")
            }
        }
    }

    /// The start line: the address first (scripts read the port from it), then the database file and its data version.
    @Test func theStartLineNamesTheDatabaseAndItsDataVersion() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("start.sqlite")
        let version = try ParleyBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                                                      errorLog: directory.path("serve.err")) else {
            Issue.record("parley serve did not start")
            return
        }
        #expect(server.startLine == "listening on http://127.0.0.1:\(server.port) with \(database) at data version 88 (\(version), schema \(Migration.latestVersion))")
        let health = try JSON.object(try server.get("/healthz").body)
        #expect(health["data_version"] as? Int == 88)
        #expect(server.stop() == 0)

        // After a write, a restart names the new version.
        let token = try ParleyBinary.run(["token", "create", "--name", "start", "--database", database]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard case let .listening(again) = try StartedServer.start(["--port", "0", "--database", database, "--quiet"],
                                                                     errorLog: directory.path("serve2.err")) else {
            Issue.record("parley serve did not restart")
            return
        }
        let created = try TestHTTPClient(port: again.port).request(
            "POST", "/topics", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
            body: Array(Bodies.topic("start-line").utf8))
        #expect(created.status == 201)
        #expect(again.stop() == 0)
        guard case let .listening(third) = try StartedServer.start(["--port", "0", "--database", database, "--quiet", "--read-only"],
                                                                     errorLog: directory.path("serve3.err")) else {
            Issue.record("parley serve --read-only did not start")
            return
        }
        #expect(third.startLine.hasSuffix("with \(database) at data version 89 (\(version), schema \(Migration.latestVersion), read-only)"),
                "\(third.startLine)")
        #expect(third.stop() == 0)
    }

    /// A file lacking a collection is not a whole export: refused, and the seed stays.
    @Test func importOfADocumentLackingACollectionIsRefused() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("seed.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let exported = try ParleyBinary.run(["export", "--database", database])
        #expect(exported.status == 0)
        for collection in ["topics", "parties", "people", "meetings", "quotes", "demands"] {
            var document = try JSON.object(Array(exported.stdout.utf8))
            document[collection] = nil
            let path = directory.path("without-\(collection).json")
            try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
            let result = try ParleyBinary.run(["import", path, "--database", database])
            #expect(result.status == 1, "\(collection): \(result.stdout)")
            #expect(result.stderr.hasPrefix("parley: the file has no \"\(collection)\"; an export lists every collection"), "\(result.stderr)")
            #expect(!result.stdout.contains("imported"))
        }
        let store = try Store.open(path: database, mode: .existing)
        #expect(try store.readDataVersion() == 88, "the seed, untouched")
        let quotes = try store.database.prepare("SELECT count(*) FROM quotes")
        #expect(try quotes.step() && quotes.int(0) == 20, "the seed's quotes are still there")
    }

    /// The README's path: `parley token create` (and other commands) in a second terminal while the server takes
    /// writes. Another process opening the database must not disturb the server's WAL index (it once did: the server
    /// dropped its lock on the -shm, the next process rebuilt the index under it, and the server died of SIGBUS).
    @Test func commandsRunWhileTheServerWritesDoNotDisturbIt() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("busy.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0)
        let token = try ParleyBinary.run(["token", "create", "--name", "writer", "--database", database]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard case let .listening(server) = try StartedServer.start(["--port", "0", "--database", database, "--quiet", "--workers", "2"],
                                                                      errorLog: directory.path("serve.err")) else {
            Issue.record("parley serve did not start")
            return
        }
        // Every loop has read (and mapped the WAL index) before the other processes come.
        for _ in 0..<8 { #expect(try server.get("/healthz").status == 200) }
        usleep(1_200_000)
        for _ in 0..<8 { #expect(try server.get("/meetings").status == 200) }
        let statuses = Locked<[Int: Int]>([:])
        let writer = Thread {
            for index in 0..<150 {
                let status = (try? TestHTTPClient(port: server.port).request(
                    "POST", "/topics", headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/json")],
                    body: Array(Bodies.topic("busy-\(index)").utf8), timeout: 10).status) ?? 0
                statuses.withLock { $0[status, default: 0] += 1 }
            }
        }
        writer.start()
        var tokens = 0
        while !writer.isFinished {
            let listed = try ParleyBinary.run(["token", "list", "--database", database])
            #expect(listed.status == 0, "\(listed.stderr)")
            if tokens < 5, try ParleyBinary.run(["token", "create", "--name", "second-\(tokens)", "--database", database]).status == 0 {
                tokens += 1
            }
        }
        #expect(statuses.withLock { $0 } == [201: 150], "every write acknowledged: \(statuses.withLock { $0 })")
        #expect(server.process.isRunning, "the server survived: \(server.errors.prefix(400))")
        #expect(try server.get("/topics/busy-149").status == 200)
        #expect(server.stop() == 0)
    }
}
