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

    /// The day `days` days before this one, as text; before 0000-01-01, "0000-00-00", which sorts before every day.
    /// Integer arithmetic on the days since 1970-01-01 (Howard Hinnant's `days_from_civil` and `civil_from_days`):
    /// a list's statement compares its rows with the result, which SQLite's `date(day, '-N days')` made for every
    /// statement run, parsing both texts each time.
    public func text(daysBefore days: Int) -> String {
        let (year, month, day) = Self.civil(fromDays: Self.days(year: year, month: month, day: day) - days)
        guard year >= 0 else { return "0000-00-00" }
        // Ten ASCII bytes written in place: a small string, no array and no validation pass.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ number: Int, at end: Int, width: Int) {
                var number = number
                for index in stride(from: end, to: end - width, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(number % 10)
                    number /= 10
                }
            }
            put(year, at: 3, width: 4)
            bytes[4] = UInt8(ascii: "-")
            put(month, at: 6, width: 2)
            bytes[7] = UInt8(ascii: "-")
            put(day, at: 9, width: 2)
            return 10
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian day.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian day `days` days after 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var description: String { text }
}
