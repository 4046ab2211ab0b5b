import Foundation
@testable import ParleyStore
import Testing

/// A page's ids as the JSON array its relation statements read (`PageIDs`).
@Suite struct PageIDsTests {
    static func text(_ ids: [String]) -> String { String(decoding: PageIDs.array(ids), as: UTF8.self) }

    @Test func slugsAreQuotedAndJoined() {
        #expect(Self.text([]) == "[]")
        #expect(Self.text(["nato"]) == #"["nato"]"#)
        #expect(Self.text(["a", "b-2", "c"]) == #"["a","b-2","c"]"#)
        #expect(PageIDs(["a", "b"]).ids.count == 2)
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() throws {
        let ids = ["say \"hi\"", #"back\slash"#, "tab\tnew\nline\u{01}", "Gruško’s"]
        let text = Self.text(ids)
        #expect(text == #"["say \"hi\"","back\\slash","tab\u0009new\u000aline\u0001","Gruško’s"]"#)
        // And it is JSON that reads back as the ids.
        let decoded = try JSONSerialization.jsonObject(with: Data(PageIDs(ids).json)) as? [String]
        #expect(PageIDs(["one"]).json.isEmpty, "a page of one binds its id, not an array")
        #expect(decoded == ids)
    }
}

/// Lists whose plans are kept per shape (`ListShape`): a shape is planned and prepared once, and every request of
/// it, whatever its values, reads what a fresh plan would.
@Suite struct ListPlanCacheTests {
    let seeded: SeededStore
    var store: Store { seeded.store }

    init() throws { seeded = try SeededStore() }

    @Test func aShapeIsPlannedOnceWhateverItsValues() throws {
        store.database.preparedSQLLog = []
        for day in ["2022-01-12", "2022-01-10", "2022-01-13", "2021-12-01"] {
            var filter = MeetingFilter()
            filter.day = Day(day)
            _ = try store.meetings(filter, after: nil, limit: 100)
        }
        let log = store.database.preparedSQLLog ?? []
        #expect(log.filter { $0.contains("FROM meetings m") && $0.contains("LIMIT ?") }.count == 1, "\(log)")
        #expect(store.listPlans.count == 1)
    }

    @Test func cachedShapesAnswerAsTheirValuesSay() throws {
        var nato = MeetingFilter()
        nato.party = "nato"
        var russia = MeetingFilter()
        russia.party = "russia"
        var nobody = MeetingFilter()
        nobody.party = "no-such-party"
        let first = try store.meetings(nato, after: nil, limit: 100)
        let second = try store.meetings(russia, after: nil, limit: 100)
        let third = try store.meetings(nobody, after: nil, limit: 100)
        #expect(!first.items.isEmpty && first.items.allSatisfy { $0.parties.contains { $0.id == "nato" } })
        #expect(!second.items.isEmpty && second.items.allSatisfy { $0.parties.contains { $0.id == "russia" } })
        #expect(third.items.isEmpty && third.total == 0)
        #expect(store.listPlans.count == 1, "one shape: a party")
        // Pages after a cursor are another shape, counted through the cached count statement.
        var cursor: MeetingCursor?
        var seen: [String] = []
        repeat {
            let page = try store.meetings(nato, after: cursor, limit: 1)
            #expect(page.total == first.total)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == first.items.map(\.id))
        #expect(store.listPlans.count == 2)
    }

    @Test func searchesAreNotShaped() throws {
        var filter = MeetingFilter()
        filter.search = try SearchQuery("NATO")
        #expect(try store.meetingShape(filter, cursor: false) == nil)
        #expect(!(try store.meetings(filter, after: nil, limit: 100)).items.isEmpty)
        #expect(store.listPlans.isEmpty)
    }

    /// Each relation of a page lands on its own item, in the relation's order, whatever the page's order.
    @Test func relationsAttachByPosition() throws {
        let all = try store.meetings(MeetingFilter(), after: nil, limit: 500)
        #expect(all.items.count > 1)
        for meeting in all.items {
            let one = try #require(try store.meeting(id: meeting.id))
            #expect(one == meeting)
        }
    }
}
