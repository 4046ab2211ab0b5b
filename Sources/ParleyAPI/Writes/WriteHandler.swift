import Glibc
import Synchronization
import HTTPServer
import ParleyStore

/// POST, PATCH and DELETE on the collections, on the loop thread's own connection.
///
/// Checks run in this order: `--read-only` (403), the token (401), query parameters (none are taken: 400), the
/// Content-Type (415), the body's JSON (400); then, inside one write transaction: the token again (so a token revoked a
/// moment ago writes nothing), the Idempotency-Key, the record's existence (404), If-Match (412), the fields (422),
/// the id or the references (409). Every refusal rolls back; a 2xx is sent only after COMMIT returned, and the
/// commit holds the record, its search-index entry and its change together.
final class WriteHandler {
    let store: Store
    let readOnly: Bool
    private var lastReclaim = 0
    private var lastTokenCatchUp = 0

    init(store: Store, readOnly: Bool) {
        self.store = store
        self.readOnly = readOnly
    }

    func handle(_ request: HTTPRequest, kind: ResourceKind, id: String?) -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try dispatch(request, kind: kind, id: id)
        } catch let error as StoreError where error.isDiskFull && reclaimLogSpace() {
            // The write was rolled back whole; with the log folded into the database it may fit now: tried once more.
            do {
                response = try dispatch(request, kind: kind, id: id)
            } catch {
                response = Self.answer(error)
            }
        } catch {
            response = Self.answer(error)
        }
        if response.status < 300 {
            StorageAlarm.shared.writeSucceeded()
            response.wakesStreams = true  // a committed write: event streams on every loop have a change to send
        }
        return Self.withCORS(response)
    }

    /// A write's response as a browser may read it.
    static func withCORS(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("Access-Control-Expose-Headers", "ETag, Link, Location")
        return response
    }

    private func dispatch(_ request: HTTPRequest, kind: ResourceKind, id: String?) throws -> HTTPResponse {
        guard let collection = kind.writable else { return WriteProblem.response(405, "sources are read-only") }
        return try handle(collection.resource, request, id: id)
    }

    private static func answer(_ error: any Error) -> HTTPResponse {
        switch error {
        case let answer as WriteAnswer: return answer.response
        case let error as APIError: return error.response
        case let error as StoreError: return problem(for: error)
        default:
            ErrorLog.write("parley: write failed: \(error)")
            return HTTPResponse.problem(status: 500, detail: "internal error")
        }
    }

    /// When the disk is full, much of the space is often the write-ahead log: it holds every version of every page
    /// written since the last checkpoint, and SQLite checkpoints only once it reaches 1,000 pages. Once a checkpoint has
    /// copied it into the database, the next write starts the log over from its beginning, reusing that space. PASSIVE
    /// never waits for readers (no stall of this loop); at most once a second on each loop, so a disk that stays full
    /// costs one attempt a second, not one per write. A checkpoint that fails for want of space (the database file must
    /// grow by the pages the log added) changes nothing: the log stays the authority until a checkpoint completes.
    private func reclaimLogSpace() -> Bool {
        guard Self.once(aSecond: &lastReclaim) else { return false }
        return (try? store.database.execute("PRAGMA wal_checkpoint(PASSIVE)")) != nil
    }

    /// True at most once per second of the monotonic clock, remembered in `last`.
    private static func once(aSecond last: inout Int) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &now)
        guard now.tv_sec != last else { return false }
        last = now.tv_sec
        return true
    }

    private func handle<R: WritableResource>(_: R.Type, _ request: HTTPRequest, id: String?) throws -> HTTPResponse {
        if readOnly {
            throw WriteAnswer(WriteProblem.response(403, "this server is read-only (parley serve --read-only); writes are refused"))
        }
        // Checked before taking the write lock, so requests without a valid token never queue behind writers.
        do {
            _ = try authenticated(request)
        } catch let refusal as WriteAnswer {
            // A cluster replica may not hold yet a token created a moment ago through another node: it catches up
            // with the cluster once before refusing.
            // At most once a second on each loop: unknown tokens must not make every request wait on the leader.
            guard let replication = store.replication, Self.once(aSecond: &lastTokenCatchUp) else { throw refusal }
            _ = try? store.applyCommitted(from: replication)  // or the follower thread just did
            _ = try authenticated(request)
        }
        _ = try QueryParameters(parsing: request.query, allowed: [])
        switch (request.method, id) {
        case (.post, nil): return try create(R.self, request)
        case let (.patch, id?): return try update(R.self, request, id: id)
        case let (.delete, id?): return try delete(R.self, request, id: id)
        default: return WriteProblem.response(405, "\(request.method.rawValue) is not allowed here")
        }
    }

    // MARK: operations

    private func create<R: WritableResource>(_: R.Type, _ request: HTTPRequest) throws -> HTTPResponse {
        try requireJSON(request, accepted: ["application/json"], header: "Accept-Post")
        let body = try parse(request.body)
        let key = try idempotencyKey(request)
        let fingerprint = SHA256.hex(Array("POST \(request.path)\n".utf8) + request.body)
        return try store.write {
            let actor = try authenticated(request)
            if let key, let (stored, response) = try store.idempotentResponse(token: actor, key: key) {
                guard stored == fingerprint else {
                    throw WriteAnswer(WriteProblem.response(422, "this Idempotency-Key was used with another request in the last 24 hours; send a new key with a new request",
                                                            errors: [FieldError(pointer: "", detail: "does not match the request first sent with this Idempotency-Key")]))
                }
                var replay = HTTPResponse(status: response.status, body: response.body)
                for (name, value) in response.headers { replay.headers.add(name, value) }
                replay.headers.add("Idempotent-Replayed", "true")
                return replay
            }
            let validation = Validation(resolver: StoreResolver(store: store))
            guard let draft = try R.draft(from: body, validation), validation.isValid else {
                throw WriteAnswer(WriteProblem.invalid(validation.errors, singular: R.collection.singular))
            }
            if try store.exists(R.collection, id: draft.id) {
                throw WriteAnswer(WriteProblem.response(409, "a \(R.collection.singular) with id '\(draft.id)' already exists; PATCH /\(R.name)/\(draft.id) to change it"))
            }
            try store.create(draft, actor: actor)
            let response = try recordResponse(R.self, id: draft.id, status: 201).response
            if let key {
                try store.storeIdempotentResponse(token: actor, key: key, fingerprint: fingerprint,
                                                  response: StoredResponse(status: response.status, headers: response.headers.fields,
                                                                           body: response.body))
            }
            return response
        }
    }

    private func update<R: WritableResource>(_: R.Type, _ request: HTTPRequest, id: String) throws -> HTTPResponse {
        try requireJSON(request, accepted: ["application/merge-patch+json", "application/json"], header: "Accept-Patch")
        let patch = try parse(request.body)
        return try store.write {
            let actor = try authenticated(request)
            let item = try existing(R.self, id: id)
            let (before, etag) = RecordETag.render(R.self, item)
            try checkIfMatch(request, etag)
            let current = R.draft(of: item)
            var absent: [String] = []
            let merged = MergePatch.apply(patch, to: R.document(current), at: "", removingAbsent: &absent)
            let validation = Validation(resolver: StoreResolver(store: store))
            // The document holds every field, so a null for a member it lacks names no field, unless it is a related
            // record's inline name (which the document leaves out): refused like any unknown field.
            for pointer in absent where !(pointer.dropFirst().contains("/") && (pointer.hasSuffix("/name") || pointer.hasSuffix("/title"))) {
                validation.fail(pointer, pointer.dropFirst().contains("/") ? "unknown field"
                                    : "unknown field; accepted: " + R.inputFields.joined(separator: ", "))
            }
            if case let .string(newID)? = merged["id"], newID != id {
                validation.fail("/id", "cannot be changed (it is '\(id)'); create a record with the new id and delete this one")
            }
            guard let draft = try R.draft(from: merged, validation), validation.isValid else {
                throw WriteAnswer(WriteProblem.invalid(validation.errors, singular: R.collection.singular))
            }
            if draft == current {
                return Self.recordResponse(R.self, id: id, bytes: before, etag: etag, status: 200)
            }
            try store.update(draft, actor: actor)
            let (response, after) = try recordResponse(R.self, id: id, status: 200)
            // Nothing a reader can see changed (the same lists in another order): roll back, so no change is recorded.
            if after == before { throw WriteAnswer(response) }
            return response
        }
    }

    /// A refused DELETE lists at most this many of the records that still refer to it.
    static let referrersListed = 100

    private func delete<R: WritableResource>(_: R.Type, _ request: HTTPRequest, id: String) throws -> HTTPResponse {
        try store.write {
            let actor = try authenticated(request)
            let item = try existing(R.self, id: id)
            try checkIfMatch(request, RecordETag.render(R.self, item).etag)
            let references = try store.references(to: R.collection, id: id, limit: Self.referrersListed + 1)
            guard references.isEmpty else {
                let more = references.count > Self.referrersListed ? "more than \(Self.referrersListed - 5)" : "\(references.count - 5)"
                let shown = references.prefix(5).map(\.description).joined(separator: ", ")
                    + (references.count > 5 ? " and \(more) more" : "")
                throw WriteAnswer(WriteProblem.response(409, "\(R.collection.singular) '\(id)' is still referenced by \(shown); change or delete those first",
                                                        referencedBy: references.prefix(Self.referrersListed).map(\.path)))
            }
            try store.delete(R.collection, id: id, actor: actor)
            return HTTPResponse(status: 204)
        }
    }

    // MARK: steps

    private func authenticated(_ request: HTTPRequest) throws -> String {
        switch try Authorization.authenticate(request, in: store) {
        case let .success(name): return name
        case let .failure(answer): throw answer
        }
    }

    private func existing<R: WritableResource>(_: R.Type, id: String) throws -> R.Item {
        guard Slug.isValid(id), let item = try R.item(store, id: id) else {
            throw WriteAnswer(WriteProblem.response(404, "no \(R.collection.singular) with id '\(QueryParameters.shown(id))'"))
        }
        return item
    }

    private func checkIfMatch(_ request: HTTPRequest, _ etag: String) throws {
        guard let header = request.headers["If-Match"] else { return }
        guard RecordETag.IfMatch(header).matches(etag) else {
            throw WriteAnswer(WriteProblem.response(412, "If-Match does not match the record's current ETag (\(etag)): it changed since you read it; GET it again, reapply your change and retry",
                                                    headers: [("ETag", etag)]))
        }
    }

    /// JSON bodies only: the media type must be one of `accepted` and any charset UTF-8.
    private func requireJSON(_ request: HTTPRequest, accepted: [String], header: String) throws {
        let refusal = WriteAnswer(WriteProblem.response(415, "send the body as " + accepted.joined(separator: " or ") + " (UTF-8)",
                                                        headers: [(header, accepted.joined(separator: ", "))]))
        guard let contentType = request.headers["Content-Type"] else { throw refusal }
        let parts = contentType.split(separator: ";")
        guard let type = parts.first?.trimmingASCIISpaces().lowercased(), accepted.contains(type) else { throw refusal }
        for parameter in parts.dropFirst() {
            let pair = parameter.trimmingASCIISpaces()
            guard pair.lowercased().hasPrefix("charset=") else { continue }
            var value = pair.dropFirst(8)
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            guard value.lowercased() == "utf-8" else { throw refusal }
        }
    }

    private func parse(_ body: [UInt8]) throws -> JSONValue {
        guard !body.isEmpty else {
            throw WriteAnswer(WriteProblem.response(400, "the body is empty; send a JSON object"))
        }
        do {
            return try JSONReader.parse(body)
        } catch {
            throw WriteAnswer(WriteProblem.response(400, "the body is not valid JSON: \(error)"))
        }
    }

    /// An Idempotency-Key: 1 to 255 visible ASCII characters, optionally in double quotes.
    private func idempotencyKey(_ request: HTTPRequest) throws -> String? {
        guard let header = request.headers["Idempotency-Key"] else { return nil }
        var key = Substring(header).trimmingASCIISpaces()
        if key.count >= 2, key.first == "\"", key.last == "\"" { key = key.dropFirst().dropLast() }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
            throw WriteAnswer(WriteProblem.response(400, "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID"))
        }
        return String(key)
    }

    // MARK: responses

    /// The stored record as GET returns it, with its ETag; `Location` on 201. Never cached.
    private func recordResponse<R: WritableResource>(_: R.Type, id: String, status: Int) throws -> (response: HTTPResponse, bytes: [UInt8]) {
        guard let item = try R.item(store, id: id) else {
            throw StoreError.sqlite(code: 0, message: "the record just written cannot be read back", sql: "")
        }
        let (bytes, etag) = RecordETag.render(R.self, item)
        return (Self.recordResponse(R.self, id: id, bytes: bytes, etag: etag, status: status), bytes)
    }

    private static func recordResponse<R: WritableResource>(_: R.Type, id: String, bytes: [UInt8], etag: String,
                                                             status: Int) -> HTTPResponse {
        var body: [UInt8] = Array("{\"data\":".utf8)
        body.reserveCapacity(bytes.count + 9)
        body.append(contentsOf: bytes)
        body.append(UInt8(ascii: "}"))
        var response = HTTPResponse(status: status, body: body)
        response.headers.add("Content-Type", "application/json; charset=utf-8")
        if status == 201 { response.headers.add("Location", "/\(R.name)/\(id)") }
        response.headers.add("ETag", etag)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// Store failures: a busy database is a 503 to retry (never a 500); a constraint the validation did not foresee
    /// is a 409 (the request conflicts with the stored data).
    static func problem(for error: StoreError) -> HTTPResponse {
        switch error {
        case .busy:
            return WriteProblem.response(503, "the database is busy with other writes; retry shortly", headers: [("Retry-After", "1")])
        case .replicaWithoutCluster:
            return WriteProblem.response(403, "this server's file is a replica of a Parley cluster and the server is not a member: writes are refused (\(error))")
        case let .clusterUnavailable(reason):
            // Without a quorum (or while a new leader is elected) nothing is acknowledged that could be lost; reads go on.
            return WriteProblem.response(503, "the cluster has no leader that can commit writes now (\(reason)); retry shortly, with the same Idempotency-Key so that a write that did commit is not made twice",
                                         headers: [("Retry-After", "1")])
        case let .stillReferenced(references):
            return WriteProblem.response(409, "still referenced by " + references.map(\.description).joined(separator: ", "),
                                         referencedBy: references.map(\.path))
        case let .sqlite(code, message, _) where code & 0xFF == 19:  // SQLITE_CONSTRAINT
            ErrorLog.write("parley: write refused by a constraint: \(message)")
            return WriteProblem.response(409, "the write conflicts with the stored data (\(message))")
        case _ where error.storageFailure != nil:
            // The disk refused the write (full, or a failed write or fsync): SQLite rolled it back, so nothing of it
            // was committed and everything acknowledged before is intact. 507 names the cause; reads keep serving.
            let cause = error.storageFailure ?? "the disk failed"
            StorageAlarm.shared.writeFailed(cause: cause, error: error)
            return WriteProblem.response(507, "the write was not saved: \(cause); nothing of it was committed. Retry once space is freed or the disk is fixed",
                                         headers: [("Retry-After", "60")])
        default:
            ErrorLog.write("parley: write failed: \(error)")
            return HTTPResponse.problem(status: 500, detail: "internal error")
        }
    }
}

/// A disk that refuses writes is logged once, when the first write fails, not once per refused write; and once more
/// when writes succeed again, with how many were refused meanwhile. Shared by every loop thread.
final class StorageAlarm: Sendable {
    static let shared = StorageAlarm()
    /// Writes refused since the last success: an atomic, so a successful write (nearly always with 0 here) takes no lock.
    private let refused = Atomic<Int>(0)

    func writeFailed(cause: String, error: StoreError) {
        if refused.wrappingAdd(1, ordering: .relaxed).oldValue == 0 {
            var detail = "\(error)"
            if case let .sqlite(code, message, _) = error { detail = "SQLite error \(code): \(message)" }
            ErrorLog.write("parley: writes are refused with 507: \(cause) (\(detail)); reads keep serving. Logged once, until a write succeeds")
        }
    }

    func writeSucceeded() {
        guard refused.load(ordering: .relaxed) > 0 else { return }
        let count = refused.exchange(0, ordering: .relaxed)
        if count > 0 { ErrorLog.write("parley: writes succeed again, after \(count) refused with 507") }
    }
}
