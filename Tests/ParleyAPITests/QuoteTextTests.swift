import Foundation
import TestSupport
import Testing

/// Quotes are the article's own words: each text stands in its paragraph at its offsets, and each
/// paragraph is a line of Docs/article.txt.
@Suite struct QuoteTextTests {
    let api = TestAPI.shared

    @Test func everyQuoteOccursInTheArticleAtItsOffsets() throws {
        let article = try Repository.text("Docs/article.txt")
        let lines = article.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let source = try JSON.item(try api.json("/sources/article"))
        let paragraphs = try #require(source["paragraphs"] as? [[String: Any]])
        var byNumber: [Int: String] = [:]
        for paragraph in paragraphs {
            let number = try #require(paragraph["number"] as? Int)
            let text = try #require(paragraph["text"] as? String)
            byNumber[number] = text
            #expect(number <= lines.count && lines[number - 1] == text, "paragraph \(number) is not line \(number) of the article")
        }
        let quotes = try JSON.items(try api.json("/quotes?limit=500"))
        #expect(quotes.count >= 10)
        for quote in quotes {
            let id = quote["id"] as? String ?? "?"
            let text = try #require(quote["text"] as? String)
            #expect(article.contains(text), "\(id) is not in the article")
            #expect(text == text.trimmingCharacters(in: .whitespaces), "\(id) has stray spaces")
            let where_ = try #require((quote["sources"] as? [[String: Any]])?.first)
            let paragraph = try #require(byNumber[where_["paragraph"] as? Int ?? 0], "\(id) cites a missing paragraph")
            let start = try #require(where_["start"] as? Int), end = try #require(where_["end"] as? Int)
            let scalars = Array(paragraph.unicodeScalars)
            #expect(start >= 0 && end <= scalars.count && start < end, "\(id) offsets out of range")
            guard start >= 0, end <= scalars.count, start < end else { continue }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == text, "\(id): offsets \(start)..<\(end) hold '\(String(slice))'")
        }
    }
}
