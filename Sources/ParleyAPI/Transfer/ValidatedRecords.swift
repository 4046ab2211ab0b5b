import Glibc
import HTTPServer
import ParleyStore

/// The records of an import, parsed and validated on a thread of their own while the importing thread inserts the
/// ones before them: parsing and validating a record cost about what inserting it does, so on two cores an import
/// takes about half the time. A bounded queue between the two holds at most `capacity` records.
final class ValidatedRecords: @unchecked Sendable {
    /// One record of the file: its errors, or how to insert it.
    struct Record {
        let collection: RecordCollection
        let index: Int
        let id: String
        let errors: [FieldError]
        let insert: ((Store) throws -> Void)?
    }

    enum Next {
        case record(Record)
        case end
        case failed(any Error)
    }

    static let capacity = 4096

    private struct Cancelled: Error {}
    /// Filled by the validating thread, under the mutex.
    private var queue: [Next] = []
    /// Taken whole from `queue` by the importing thread, and read without the lock: one lock and at most one wake-up
    /// per batch, not per record (a handoff per record cost two futex calls each).
    private var taken: [Next] = []
    /// A batch the importing thread is done with, freed by the validating thread (`push`), which allocated it: freed
    /// on the importing thread, the import's slower half, each record's memory went back to the other thread's arena
    /// under that arena's lock.
    private var spent: [Next] = []
    private var head = 0
    private var consumerWaits = false
    private var producerWaits = false
    private var stopped = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread: pthread_t?

    /// Starts validating `arrays` (each collection's array in `bytes`) in `order`; the records of the `learning`
    /// collections are noted by `resolver` as they are read (`Importer.namedInPassing`).
    init(_ bytes: [UInt8], arrays: [RecordCollection: Range<Int>], order: [RecordCollection], resolver: FileResolver,
         learning: Set<RecordCollection>,
         validate: @escaping @Sendable (RecordCollection, JSONValue, FileResolver) throws -> (String, [FieldError], ((Store) throws -> Void)?)) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        thread = startThread { [self] in
            var resolver = resolver
            do {
                for collection in order {
                    guard let range = arrays[collection] else { continue }
                    var index = 0
                    // The database holds none of the file's collections any more: only the file can repeat an id.
                    // (Checked here, not by the inserting thread, which is the import's slower half.)
                    var seen: Set<String> = []
                    let learns = learning.contains(collection)
                    try JSONReader.forEachElement(bytes, in: range) { item in
                        if learns { resolver.learn(collection, item) }
                        var (id, errors, insert) = try validate(collection, item, resolver)
                        if errors.isEmpty, !seen.insert(id).inserted {
                            (errors, insert) = ([FieldError(pointer: "/id", detail: "'\(id)' is in the file twice")], nil)
                        }
                        try push(.record(Record(collection: collection, index: index, id: id, errors: errors, insert: insert)))
                        index += 1
                    }
                }
                try push(.end)
            } catch is Cancelled {
                return
            } catch {
                try? push(.failed(error))
            }
        }
        if thread == nil { queue = [.failed(StoreError.importRefused("cannot start the validating thread"))] }
    }

    deinit {
        stop()
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    private func push(_ next: Next) throws {
        var done: [Next] = []
        pthread_mutex_lock(mutex)
        while queue.count >= Self.capacity && !stopped {
            producerWaits = true
            pthread_cond_wait(changed, mutex)
        }
        producerWaits = false
        if stopped {
            pthread_mutex_unlock(mutex)
            throw Cancelled()
        }
        queue.append(next)
        swap(&done, &spent)
        if consumerWaits { pthread_cond_broadcast(changed) }
        pthread_mutex_unlock(mutex)
        done.removeAll()  // outside the lock
    }

    /// The next record, waiting for it; `.end` after the last.
    func next() -> Next {
        if head == taken.count {
            head = 0
            pthread_mutex_lock(mutex)
            while queue.isEmpty {
                consumerWaits = true
                pthread_cond_wait(changed, mutex)
            }
            consumerWaits = false
            if spent.isEmpty { swap(&spent, &taken) }  // else the validating thread has not freed the last one yet
            taken.removeAll(keepingCapacity: true)
            swap(&queue, &taken)
            if producerWaits { pthread_cond_broadcast(changed) }
            pthread_mutex_unlock(mutex)
        }
        let next = taken[head]
        head += 1
        return next
    }

    /// Stops the validating thread (the import is over, or refused) and waits for it.
    func stop() {
        pthread_mutex_lock(mutex)
        stopped = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }
}
