import Foundation
import Glibc
import HTTPServer
import ParleyStore
import TestSupport
import Testing

/// The commands around the server, run as the real binary: tokens, backups, export and import.
@Suite struct TransferTests {
    @Test func tokenCommands() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("tokens.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", database]).status == 0, "token needs an existing database")
        let created = try ParleyBinary.run(["token", "create", "--name", "newsroom", "--database", database])
        #expect(created.status == 0)
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("parley_") && token.utf8.count == 71 && !token.contains("\n"), "the token alone on stdout")
        #expect(created.stderr.contains("shown this once"))
        #expect(try Store.open(path: database).authenticate(token) == .valid(name: "newsroom"))

        let list = try ParleyBinary.run(["token", "list", "--database", database])
        #expect(list.status == 0 && list.stdout.contains("newsroom") && !list.stdout.contains(token.dropFirst(7).prefix(16)))
        #expect(try ParleyBinary.run(["token", "create", "--name", "newsroom", "--database", database]).status == 1, "names are unique")
        let revoked = try ParleyBinary.run(["token", "revoke", "newsroom", "--database", database])
        #expect(revoked.status == 0 && revoked.stdout == "token 'newsroom' revoked\n")
        #expect(try ParleyBinary.run(["token", "list", "--database", database]).stdout.contains("Z  20"), "a revocation time")
        #expect(try ParleyBinary.run(["token", "revoke", "nobody", "--database", database]).status == 1)
        for usage in [["token"], ["token", "create"], ["token", "create", "--name"], ["token", "frobnicate"],
                      ["token", "list", "--bogus"], ["token", "revoke"], ["backup"], ["import"], ["export", "--nope"]] {
            let result = try ParleyBinary.run(usage + ["--database", database])
            #expect(result.status == 2, "\(usage)")
            #expect(result.stderr.hasPrefix("parley: ") && result.stderr.split(separator: "\n").count == 1, "\(usage): \(result.stderr)")
        }
    }

    /// A backup taken while writes stream in is one consistent state: every change it lists has its record.
    @Test func backupWhileServingAndWriting() throws {
        let api = try TestAPI()
        let token = try api.token()
        let stop = Locked(false)
        let writer = Thread {
            var index = 0
            while !stop.withLock({ $0 }) {
                _ = try? api.post("/meetings", Bodies.meeting("backup-\(index)", date: "2032-01-01"), token: token)
                index += 1
            }
        }
        writer.start()
        defer {
            stop.withLock { $0 = true }
            while !writer.isFinished { usleep(5_000) }
        }
        while (try? api.count("SELECT count(*) FROM meetings")) ?? 0 < 12 { usleep(5_000) }
        let destination = api.directory.path("backup.sqlite")
        let result = try ParleyBinary.run(["backup", "--database", api.databasePath, "--to", destination])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("backed up to \(destination)"))
        #expect(!FileManager.default.fileExists(atPath: destination + "-wal"), "one self-contained file")

        let copy = try Database(path: destination)
        let check = try copy.prepare("PRAGMA integrity_check")
        #expect(try check.step() && check.text(0) == "ok")
        let orphans = try copy.prepare("""
            SELECT count(*) FROM changes c WHERE c.collection = 'meetings' AND c.operation = 'create'
              AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = c.record_id)
            """)
        #expect(try orphans.step() && orphans.int(0) == 0, "no change without its record")
        let unlogged = try copy.prepare("""
            SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.record_id = m.id)
            """)
        #expect(try unlogged.step() && unlogged.int(0) == 0, "no record without its change")
        let partial = try copy.prepare("""
            SELECT count(*) FROM meetings m WHERE m.id LIKE 'backup-%'
              AND (SELECT count(*) FROM meeting_parties x WHERE x.meeting_id = m.id) <> 2
            """)
        #expect(try partial.step() && partial.int(0) == 0, "no meeting in part")
        let copied = try copy.prepare("SELECT count(*) FROM meetings WHERE id LIKE 'backup-%'")
        #expect(try copied.step() && copied.int(0) >= 6)
        // It is a working database: the server opens it.
        #expect(try Store.open(path: destination, migrate: false).readDataVersion() > 88)
        // Never over an existing file.
        let again = try ParleyBinary.run(["backup", "--database", api.databasePath, "--to", destination])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try ParleyBinary.run(["backup", "--database", api.directory.path("missing.sqlite"), "--to", api.directory.path("x.sqlite")]).status == 1)
    }

    /// Export, import into a new file, export again: the same records, byte for byte.
    @Test func exportThenImportRoundTrips() throws {
        let api = try TestAPI()
        let token = try api.token("newsroom")
        #expect(try api.post("/meetings", Bodies.meeting("exported-meeting"), token: token).status == 201)
        #expect(try api.post("/quotes", Bodies.quote("exported-quote", meeting: "exported-meeting"), token: token).status == 201)
        #expect(try api.post("/parties", #"{"id": "finland", "name": "Finland", "kind": "state", "member_of": [{"id": "european-union", "basis": "inferred"}]}"#, token: token).status == 201)
        #expect(try api.patch("/people/julianne-smith", #"{"aliases": [{"name": "J. Smith", "note": null}]}"#, token: token).status == 200)
        #expect(try api.delete("/quotes/smith-crystal-ball-p19", token: token).status == 204)

        let exportPath = api.directory.path("export.json")
        let exported = try ParleyBinary.run(["export", "--database", api.databasePath, "--to", exportPath])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("7 meetings") && exported.stderr.contains("20 quotes"))
        let toStdout = try ParleyBinary.run(["export", "--database", api.databasePath])
        #expect(Data(toStdout.stdout.utf8) == (try Data(contentsOf: URL(fileURLWithPath: exportPath))), "stdout by default")
        let document = try JSON.object(Array(try Data(contentsOf: URL(fileURLWithPath: exportPath))))
        #expect(document["format"] as? String == "parley-export" && document["version"] as? Int == 1)

        let target = api.directory.path("imported.sqlite")
        // Only serve and migrate create a database: import needs one holding the seed.
        #expect(try ParleyBinary.run(["migrate", "--database", target]).status == 0)
        let imported = try ParleyBinary.run(["import", exportPath, "--database", target])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 14 topics, 38 parties, 5 people, 7 meetings, 20 quotes, 6 demands"))
        let reexported = try ParleyBinary.run(["export", "--database", target])
        func records(_ text: String) throws -> [String: Any] {
            var object = try JSON.object(Array(text.utf8))
            object["data_version"] = nil
            return object
        }
        let before = try records(String(decoding: try Data(contentsOf: URL(fileURLWithPath: exportPath)), as: UTF8.self))
        let after = try records(reexported.stdout)
        #expect(NSDictionary(dictionary: before).isEqual(to: after), "the same records after a round trip")
        // Each meeting's stored body is rendered from its draft as it is validated (the triggers are dropped meanwhile).
        try StoredBodiesTests.expectCurrent(target)

        // The new database's feed: the seed, its replacement, the imported records; search works.
        let store = try Store.open(path: target)
        let changes = try store.changes(since: 88, after: nil, limit: 500)
        #expect(changes.items.filter { $0.operation == "delete" }.count == 88)
        #expect(changes.items.filter { $0.operation == "create" }.count == 90)
        #expect(changes.items.allSatisfy { $0.actor == "import" })
        #expect(try store.quotes({ var filter = QuoteFilter(); filter.search = try SearchQuery("ready talk"); return filter }(),
                                 after: nil, limit: 10).items.map(\.id) == ["exported-quote"])
    }

    /// An import renders each meeting's body from its validated draft, on the validating thread (`Meeting(saved:name:)`),
    /// not from the rows read back: a file listing a meeting's relations in another order than the store reads them
    /// stores the same bodies, byte for byte, and the meetings read the same as before. Quotes and demands still find the
    /// meetings they name, whose names the validating thread learns as it reads them.
    @Test func importedBodiesAreTheRowsEncodingWhateverTheFilesOrder() throws {
        let api = try TestAPI()
        let exportPath = api.directory.path("seed.json")
        #expect(try ParleyBinary.run(["export", "--database", api.databasePath, "--to", exportPath]).status == 0)
        var document = try JSON.object(Array(try Data(contentsOf: URL(fileURLWithPath: exportPath))))
        var meetings = try #require(document["meetings"] as? [[String: Any]])
        var reversed = 0
        for index in meetings.indices {
            for relation in ["parties", "participants", "topics", "sources"] {
                guard let items = meetings[index][relation] as? [Any], items.count > 1 else { continue }
                meetings[index][relation] = Array(items.reversed())
                reversed += 1
            }
        }
        #expect(reversed >= 3, "the seed has meetings with several parties, participants or topics")
        document["meetings"] = Array(meetings.reversed())
        let shuffled = api.directory.path("reversed.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: shuffled))
        let target = api.directory.path("reversed.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", target]).status == 0)
        let imported = try ParleyBinary.run(["import", shuffled, "--database", target])
        #expect(imported.status == 0, "\(imported.stderr)")
        try StoredBodiesTests.expectCurrent(target)
        let original = try Store.open(path: api.databasePath)
        let copy = try Store.open(path: target)
        for meeting in try original.meetings(MeetingFilter(), after: nil, limit: 100).items {
            #expect(try copy.meeting(id: meeting.id) == meeting, "\(meeting.id) reads as it did")
        }
        #expect(try copy.quotes(QuoteFilter(), after: nil, limit: 100).items.filter { $0.meeting != nil }.count
                == (try original.quotes(QuoteFilter(), after: nil, limit: 100).items.filter { $0.meeting != nil }.count))
    }

    @Test func importRefusesANonEmptyDatabaseOrAnInvalidFile() throws {
        let api = try TestAPI()
        let exportPath = api.directory.path("seed.json")
        #expect(try ParleyBinary.run(["export", "--database", api.databasePath, "--to", exportPath]).status == 0)
        // A database someone wrote to.
        let token = try api.token()
        let written = try api.post("/topics", Bodies.topic("written"), token: token)
        #expect(written.status == 201, "\(String(decoding: written.body, as: UTF8.self))")
        let refused = try ParleyBinary.run(["import", exportPath, "--database", api.databasePath])
        #expect(refused.status == 1 && refused.stderr.contains("not empty"))
        #expect(try api.get("/topics/written").status == 200, "untouched")

        // An invalid record: nothing at all is imported, and every problem is named.
        var document = try JSON.object(Array(try Data(contentsOf: URL(fileURLWithPath: exportPath))))
        var meetings = try #require(document["meetings"] as? [[String: Any]])
        let validMeetings = meetings
        meetings[0]["end_date"] = "1999-01-01"
        meetings[1]["parties"] = [["id": "atlantis", "role": "host"]]
        document["meetings"] = meetings
        let broken = api.directory.path("broken.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: broken))
        let target = api.directory.path("fresh.sqlite")
        #expect(try ParleyBinary.run(["migrate", "--database", target]).status == 0)
        let invalid = try ParleyBinary.run(["import", broken, "--database", target])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("/meetings/0/end_date: is before date"))
        #expect(invalid.stderr.contains("/meetings/1/parties/0/id: no party with id 'atlantis'"))
        let fresh = try Store.open(path: target)
        #expect(try fresh.readDataVersion() == 88, "the seed, untouched")
        // An id twice in one collection (the second is named; the first alone is valid).
        var quotes = try #require(document["quotes"] as? [[String: Any]])
        quotes.append(quotes[0])
        var repeated = document
        repeated["meetings"] = validMeetings
        repeated["quotes"] = quotes
        let twice = api.directory.path("twice.json")
        try JSONSerialization.data(withJSONObject: repeated).write(to: URL(fileURLWithPath: twice))
        let duplicate = try ParleyBinary.run(["import", twice, "--database", target])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("/quotes/\(quotes.count - 1)/id: '\(quotes[0]["id"] as? String ?? "")' is in the file twice"),
                "\(duplicate.stderr)")
        #expect(try fresh.readDataVersion() == 88, "the seed, untouched")

        for (name, text) in [("not-json", "{"), ("not-export", #"{"format": "something-else", "version": 1}"#),
                             ("unknown", #"{"format": "parley-export", "version": 1, "extra": []}"#)] {
            let path = api.directory.path(name + ".json")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let result = try ParleyBinary.run(["import", path, "--database", target])
            #expect(result.status == 1, "\(name): \(result.stderr)")
        }
        // Sources are the database's own: a changed paragraph is refused.
        var sources = try #require(document["sources"] as? [[String: Any]])
        var paragraphs = try #require(sources[0]["paragraphs"] as? [[String: Any]])
        paragraphs[0]["text"] = "Changed."
        sources[0]["paragraphs"] = paragraphs
        document["sources"] = sources
        document["meetings"] = validMeetings
        let changed = api.directory.path("changed-source.json")
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: changed))
        let result = try ParleyBinary.run(["import", changed, "--database", target])
        #expect(result.status == 1 && result.stderr.contains("differ"))
        // From standard input.
        let piped = try ParleyBinary.run(["import", "-", "--database", target], stdin: try Data(contentsOf: URL(fileURLWithPath: exportPath)))
        #expect(piped.status == 0, "\(piped.stderr)")
    }
}
