import Foundation
import ParleyStore
import TestSupport
import Testing

/// Every endpoint and filter against the real server and the real seed.
@Suite struct EndpointTests {
    let api = TestAPI.shared

    @Test func headlineNATORussiaTalksOnTwelveJanuary() throws {
        let items = try JSON.items(try api.json("/meetings?date=2022-01-12"))
        #expect(items.count == 1)
        let meeting = try #require(items.first)
        #expect(meeting["id"] as? String == "nato-russia-council-2022-01-12")
        #expect((meeting["title"] as? String)?.contains("NATO") == true)
        let location = try #require(meeting["location"] as? [String: Any])
        #expect(location["city"] as? String == "Brussels")
        let parties = try #require(meeting["parties"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(parties.contains("nato") && parties.contains("russia"))
    }

    @Test func rootLinksToEveryCollection() throws {
        let root = try api.json("/")
        #expect(root["name"] as? String == "Parley")
        let links = try #require(root["links"] as? [String: String])
        for collection in ["meetings", "parties", "people", "quotes", "topics", "demands", "sources"] {
            #expect(links[collection] == "/" + collection)
            #expect(try api.get("/" + collection).status == 200)
        }
        #expect(links["openapi"] == "/openapi.json")
    }

    @Test func health() throws {
        let response = try api.get("/healthz")
        #expect(response.status == 200)
        #expect(response.header("Cache-Control") == "no-store")
        let health = try JSON.object(response.body)
        #expect(health["status"] as? String == "ok")
        #expect((health["data_version"] as? Int ?? 0) > 0)
        #expect(health["schema_version"] as? Int == Migration.latestVersion)
    }

    @Test func openAPIIsJSON() throws {
        let document = try api.json("/openapi.json")
        #expect(document["openapi"] as? String == "3.1.0")
    }

    // MARK: meetings

    @Test func meetingsAreSortedByDateThenId() throws {
        let items = try JSON.items(try api.json("/meetings"))
        let keys = items.map { "\($0["date"] as? String ?? "") \($0["id"] as? String ?? "")" }
        #expect(keys == keys.sorted())
        let ids = items.compactMap { $0["id"] as? String }
        for id in ["us-russia-geneva-2022-01-10", "smith-press-webinar-2022-01-11", "nato-russia-council-2022-01-12",
                   "bucharest-summit-2008", "russia-demands-2021-12-17"] {
            #expect(ids.contains(id))
        }
        #expect(ids.contains { $0.contains("osce") })
    }

    @Test func meetingDateFilterCountsMultiDayEvents() throws {
        #expect(try api.ids("/meetings?date=2008-04-03") == ["bucharest-summit-2008"])
        #expect(try api.ids("/meetings?date=2008-04-04") == ["bucharest-summit-2008"])
        #expect(try api.ids("/meetings?date=2008-04-05").isEmpty)
        #expect(try api.ids("/meetings?date=2022-01-10") == ["us-russia-geneva-2022-01-10"])
        #expect(try api.ids("/meetings?date=2022-01-11") == ["smith-press-webinar-2022-01-11"])
    }

    @Test func meetingPeriodOverlaps() throws {
        #expect(try api.ids("/meetings?from=2022-01-10&to=2022-01-11") == ["us-russia-geneva-2022-01-10", "smith-press-webinar-2022-01-11"])
        #expect(try api.ids("/meetings?from=2008-04-04&to=2008-04-04") == ["bucharest-summit-2008"])
        #expect(try api.ids("/meetings?to=2009-01-01") == ["bucharest-summit-2008"])
        let fromTwelfth = try api.ids("/meetings?from=2022-01-12")
        #expect(fromTwelfth.first == "nato-russia-council-2022-01-12")
        #expect(!fromTwelfth.contains("us-russia-geneva-2022-01-10"))
    }

    @Test func meetingRelationFilters() throws {
        #expect(try api.ids("/meetings?person=wendy-sherman").contains("us-russia-geneva-2022-01-10"))
        #expect(try api.ids("/meetings?party=osce").allSatisfy { $0.contains("osce") })
        #expect(try api.ids("/meetings?party=ukraine").contains("us-russia-geneva-2022-01-10"))
        #expect(try api.ids("/meetings?topic=risk-reduction").contains("nato-russia-council-2022-01-12"))
        #expect(try api.ids("/meetings?kind=summit") == ["bucharest-summit-2008"])
        #expect(try api.ids("/meetings?kind=summit&date=2022-01-12").isEmpty)
        #expect(try api.ids("/meetings?party=no-such-party").isEmpty)
        #expect(try api.ids("/meetings?q=geneva") == ["us-russia-geneva-2022-01-10"])
    }

    @Test func meetingItemIsTheListItem() throws {
        let listed = try JSON.items(try api.json("/meetings?date=2022-01-12"))
        let item = try JSON.item(try api.json("/meetings/nato-russia-council-2022-01-12"))
        #expect(NSDictionary(dictionary: item) == NSDictionary(dictionary: try #require(listed.first)))
        #expect(item["date_basis"] as? String == "inferred")
        #expect((item["sources"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func geneveTalksNameTheirNegotiatorsAndAbsentSubject() throws {
        let meeting = try JSON.item(try api.json("/meetings/us-russia-geneva-2022-01-10"))
        let participants = try #require(meeting["participants"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(participants.contains("wendy-sherman") && participants.contains("sergei-ryabkov"))
        let ukraine = try #require((meeting["parties"] as? [[String: Any]])?.first { $0["id"] as? String == "ukraine" })
        #expect(ukraine["role"] as? String == "subject")
        #expect(ukraine["name"] as? String == "Ukraine")
    }

    // MARK: parties

    @Test func partiesIncludeTheRequiredOnes() throws {
        let ids = try api.ids("/parties?limit=500")
        for id in ["united-states", "russia", "nato", "osce", "ukraine", "georgia", "european-union", "turkey",
                   "estonia", "latvia", "lithuania"] {
            #expect(ids.contains(id), "missing party \(id)")
        }
        #expect(ids == ids.sorted())
    }

    @Test func natoHasThirtyMembersBothWays() throws {
        let nato = try JSON.item(try api.json("/parties/nato"))
        let members = try #require(nato["members"] as? [[String: Any]])
        #expect(members.count == 30)
        #expect(members.allSatisfy { $0["name"] is String && $0["basis"] is String })
        let memberIds = try api.ids("/parties?member_of=nato&limit=500")
        #expect(memberIds.count == 30)
        #expect(Set(memberIds) == Set(members.compactMap { $0["id"] as? String }))
        #expect(!memberIds.contains("ukraine"))
        let turkey = try JSON.item(try api.json("/parties/turkey"))
        #expect((turkey["member_of"] as? [[String: Any]])?.contains { $0["id"] as? String == "nato" } == true)
        #expect(try api.ids("/parties?kind=alliance").contains("nato"))
        #expect(try api.ids("/parties?kind=group").allSatisfy { !$0.isEmpty })
    }

    // MARK: people

    @Test func peopleWithAliasesAndPosts() throws {
        let ids = try api.ids("/people")
        for id in ["julianne-smith", "wendy-sherman", "sergei-ryabkov", "alexander-grushko", "antony-blinken"] {
            #expect(ids.contains(id), "missing person \(id)")
        }
        let grushko = try JSON.item(try api.json("/people/alexander-grushko"))
        #expect(grushko["name"] as? String == "Alexander Grushko")
        let aliases = try #require(grushko["aliases"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(aliases.contains("Alexander Gruško"))
        let smith = try JSON.item(try api.json("/people/julianne-smith"))
        let posts = try #require(smith["posts"] as? [[String: Any]])
        #expect(posts.contains { ($0["party"] as? [String: Any])?["name"] as? String == "United States" })
        #expect(try api.ids("/people?party=russia").contains("sergei-ryabkov"))
        #expect(!(try api.ids("/people?party=russia").contains("wendy-sherman")))
    }

    // MARK: quotes

    @Test func quoteFilters() throws {
        let smith = try JSON.items(try api.json("/quotes?speaker=julianne-smith"))
        #expect(!smith.isEmpty)
        #expect(smith.allSatisfy { ($0["speaker"] as? [String: Any])?["id"] as? String == "julianne-smith" })
        #expect(smith.allSatisfy { ($0["speaker"] as? [String: Any])?["name"] as? String == "Julianne Smith" })
        for (filter, check) in [
            ("party=russia", { (q: [String: Any]) in (q["party"] as? [String: Any])?["id"] as? String == "russia" }),
            ("kind=direct", { $0["kind"] as? String == "direct" }),
            ("kind=reported", { $0["kind"] as? String == "reported" }),
            ("meeting=smith-press-webinar-2022-01-11", { ($0["meeting"] as? [String: Any])?["id"] as? String == "smith-press-webinar-2022-01-11" }),
            ("topic=open-door-policy", { ($0["topics"] as? [[String: Any]])?.contains { $0["id"] as? String == "open-door-policy" } == true }),
            ("date=2022-01-11", { $0["date"] as? String == "2022-01-11" }),
            ("from=2022-01-11&to=2022-01-12", { ["2022-01-11", "2022-01-12"].contains($0["date"] as? String ?? "") }),
        ] {
            let items = try JSON.items(try api.json("/quotes?" + filter))
            #expect(!items.isEmpty, "no quotes for \(filter)")
            #expect(items.allSatisfy(check), "\(filter)")
        }
        let all = try JSON.items(try api.json("/quotes?limit=500"))
        #expect(Set(all.compactMap { $0["kind"] as? String }) == ["direct", "partial", "reported"])
    }

    @Test func quoteItemCarriesItsOffsets() throws {
        let quote = try JSON.item(try api.json("/quotes/smith-crystal-ball-p1"))
        #expect(quote["text"] as? String == "We don’t have a crystal ball,")
        let source = try #require((quote["sources"] as? [[String: Any]])?.first)
        #expect(source["source"] as? String == "article")
        #expect(source["paragraph"] as? Int == 1)
        #expect(source["start"] as? Int == 73 && source["end"] as? Int == 102)
    }

    // MARK: topics, demands, sources

    @Test func topics() throws {
        let ids = try api.ids("/topics")
        for id in ["risk-reduction", "arms-control", "transparency", "open-door-policy"] { #expect(ids.contains(id)) }
        let topic = try JSON.item(try api.json("/topics/risk-reduction"))
        #expect(topic["name"] as? String == "Risk reduction")
    }

    @Test func demands() throws {
        let demands = try JSON.items(try api.json("/demands"))
        #expect(!demands.isEmpty)
        #expect(demands.allSatisfy { ($0["party"] as? [String: Any])?["id"] as? String == "russia" })
        let id = try #require(demands.first?["id"] as? String)
        let one = try JSON.item(try api.json("/demands/" + id))
        #expect(one["id"] as? String == id)
        #expect(try api.ids("/demands?party=russia").count == demands.count)
        #expect(try api.ids("/demands?party=nato").isEmpty)
        #expect(!(try api.ids("/demands?addressee=nato")).isEmpty)
        #expect(!(try api.ids("/demands?topic=ukraine-membership")).isEmpty)
        #expect(try api.ids("/demands?meeting=russia-demands-2021-12-17").count <= demands.count)
    }

    @Test func sourcesWithNumberedParagraphs() throws {
        let article = try JSON.item(try api.json("/sources/article"))
        #expect(article["is_translation"] as? Bool == true)
        #expect(article["language"] as? String == "en")
        let paragraphs = try #require(article["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.compactMap { $0["number"] as? Int } == Array(1...paragraphs.count))
        #expect(try api.ids("/sources") == ["article"])
    }

    /// Every `sources` reference anywhere resolves to a paragraph that exists.
    @Test func everySourceReferenceResolves() throws {
        var paragraphs: Set<String> = []
        for source in try JSON.items(try api.json("/sources")) {
            for paragraph in source["paragraphs"] as? [[String: Any]] ?? [] {
                paragraphs.insert("\(source["id"] as? String ?? ""):\(paragraph["number"] as? Int ?? 0)")
            }
        }
        for collection in ["meetings", "parties", "people", "quotes", "topics", "demands"] {
            for item in try JSON.items(try api.json("/\(collection)?limit=500")) {
                for reference in item["sources"] as? [[String: Any]] ?? [] {
                    let key = "\(reference["source"] as? String ?? ""):\(reference["paragraph"] as? Int ?? 0)"
                    #expect(paragraphs.contains(key), "\(collection)/\(item["id"] ?? "") cites missing \(key)")
                }
            }
        }
    }

    /// Every inline reference names a record that exists, under that record's name.
    @Test func inlineReferencesResolve() throws {
        var names: [String: String] = [:]
        for collection in ["parties", "people", "topics"] {
            for item in try JSON.items(try api.json("/\(collection)?limit=500")) {
                names["\(collection)/\(item["id"] as? String ?? "")"] = item["name"] as? String
            }
        }
        func check(_ ref: Any?, _ collection: String) {
            guard let ref = ref as? [String: Any] else { return }
            let key = "\(collection)/\(ref["id"] as? String ?? "")"
            #expect(names[key] != nil, "unknown \(key)")
            #expect(names[key] == ref["name"] as? String, "\(key) named \(ref["name"] ?? "") inline")
        }
        for quote in try JSON.items(try api.json("/quotes?limit=500")) {
            check(quote["speaker"], "people")
            check(quote["party"], "parties")
            for topic in quote["topics"] as? [Any] ?? [] { check(topic, "topics") }
        }
        for meeting in try JSON.items(try api.json("/meetings?limit=500")) {
            for party in meeting["parties"] as? [Any] ?? [] { check(party, "parties") }
            for person in meeting["participants"] as? [Any] ?? [] { check(person, "people") }
            for topic in meeting["topics"] as? [Any] ?? [] { check(topic, "topics") }
        }
    }

    // MARK: fields and pretty

    @Test func fieldsTrimItems() throws {
        let items = try JSON.items(try api.json("/meetings?fields=id,date"))
        #expect(items.allSatisfy { Set($0.keys) == ["id", "date"] })
        let item = try JSON.item(try api.json("/people/julianne-smith?fields=name"))
        #expect(Set(item.keys) == ["name"])
    }

    @Test func prettyIndentsTheSameDocument() throws {
        let compact = try api.get("/meetings?date=2022-01-12")
        let pretty = try api.get("/meetings?date=2022-01-12&pretty=true")
        #expect(pretty.text.contains("\n  \"data\": ["))
        #expect(!compact.text.contains("\n"))
        let a = try #require(try JSON.object(compact.body)["data"] as? [Any])
        let b = try #require(try JSON.object(pretty.body)["data"] as? [Any])
        #expect(NSArray(array: a) == NSArray(array: b))
        #expect(compact.header("ETag") != pretty.header("ETag"))
    }

    @Test func contentTypesCarryCharset() throws {
        #expect(try api.get("/meetings").header("Content-Type") == "application/json; charset=utf-8")
        #expect(try api.get("/meetings/nope").header("Content-Type") == "application/problem+json; charset=utf-8")
        #expect(try api.get("/meetings?format=csv").header("Content-Type")?.hasPrefix("text/csv; charset=utf-8") == true)
    }
}
