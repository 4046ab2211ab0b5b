import Foundation
import TestSupport
import Testing

/// Issue 10 §5: the article quoted faithfully, and inferred facts called inferred.
@Suite struct ArticleFidelityTests {
    let api = TestAPI.shared

    /// Code points of `text` from `start` to `end` (the API's offsets count Unicode scalars).
    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Every reported quote that prints quote marks has its marked words served as a partial quote of the same
    /// speaker: the words without the marks, at their own offsets, right inside the marks.
    @Test func quoteMarksInsideReportedSpeechAreAPartialQuote() throws {
        let quotes = try JSON.items(try api.json("/quotes?limit=500"))
        let article = try api.record("/sources/article")
        let paragraphs = (article["paragraphs"] as? [[String: Any]] ?? []).reduce(into: [Int: String]()) {
            $0[$1["number"] as? Int ?? 0] = $1["text"] as? String
        }
        var found = 0
        for reported in quotes where reported["kind"] as? String == "reported" {
            guard let text = reported["text"] as? String, let open = text.unicodeScalars.firstIndex(of: "“") else { continue }
            found += 1
            let source = try #require((reported["sources"] as? [[String: Any]])?.first)
            let paragraph = try #require(source["paragraph"] as? Int)
            let start = (source["start"] as? Int ?? 0) + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: open) + 1
            let speaker = (reported["speaker"] as? [String: Any])?["id"] as? String
            let partial = quotes.first { quote in
                let ref = (quote["sources"] as? [[String: Any]])?.first
                return quote["kind"] as? String == "partial" && ref?["paragraph"] as? Int == paragraph && ref?["start"] as? Int == start
                    && (quote["speaker"] as? [String: Any])?["id"] as? String == speaker
            }
            let match = try #require(partial, "\(reported["id"] ?? "") has no partial quote at \(paragraph):\(start)")
            let words = try #require(match["text"] as? String)
            let end = try #require(((match["sources"] as? [[String: Any]])?.first)?["end"] as? Int)
            #expect(!words.contains("“") && !words.contains("”"))
            #expect(slice(try #require(paragraphs[paragraph]), start, end) == words)
            #expect(slice(paragraphs[paragraph]!, end, end + 1) == "”")
        }
        #expect(found == 1, "the article has one reported quote with quote marks (Sherman's)")
        let sherman = try api.record("/quotes/sherman-catch-open-door")
        #expect(sherman["kind"] as? String == "partial")
        #expect(sherman["text"] as? String == "catch NATO’s open door policy")
        #expect((sherman["speaker"] as? [String: Any])?["id"] as? String == "wendy-sherman")
    }

    @Test func rootSaysBrusselsAndTheCouncilNameAreInferred() throws {
        let description = try #require(try api.json("/")["description"] as? String)
        #expect(description.contains("Brussels"))
        #expect(description.contains("\"NATO–Russia Council\""))
        #expect(description.range(of: "Brussels, and their name \"NATO–Russia Council\"") != nil)
        #expect(description.contains("inferred"))
        // The meeting itself marks its place as inferred.
        let meeting = try api.record("/meetings/nato-russia-council-2022-01-12")
        #expect((meeting["location"] as? [String: Any])?["basis"] as? String == "inferred")
    }

    @Test func readmeSaysBrusselsAndTheCouncilNameAreInferred() throws {
        let readme = try Repository.text("README.md")
        #expect(readme.contains("that they sit in Brussels is inferred, and so is their name \"NATO–Russia Council\""))
        #expect(!readme.contains("the NATO–Russia talks in Brussels"))
    }
}
