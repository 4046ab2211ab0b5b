/// A calendar day written YYYY-MM-DD (proleptic Gregorian), the only date form Parley accepts and stores.
/// Its text sorts like the day itself, so SQL compares days as strings.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String
    /// The text's parts, parsed once by `init`.
    public let year: Int, month: Int, day: Int

    /// Nil unless `text` is exactly four digits, a dash, two digits, a dash, two digits, naming a real day
    /// (so 2022-02-30, 2022-1-5 and 12.1.2022 are all refused).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.text = text
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Its digits as one number (2022-01-12 is 20220112), which orders like the text.
    public var number: Int { year * 10_000 + month * 100 + day }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.text < rhs.text }

    /// The day after this one; nil after 9999-12-31.
    public var next: Day? {
        var (year, month, day) = (year, month, day + 1)
        if day > Self.daysIn(month: month, year: year) { (day, month) = (1, month + 1) }
        if month > 12 { (month, year) = (1, year + 1) }
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return year > 9999 ? nil : Day(padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2))
    }

    public var description: String { text }
}
