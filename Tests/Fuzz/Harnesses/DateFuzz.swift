// libFuzzer harness for the date parser: `Day` (Sources/ParleyStore/Day.swift), the only date form
// Parley accepts (`date=`, `from=`, `to=`), and the `from`/`to` period check in QueryParameters.
// Built by Tests/Fuzz/run.sh over just the pure files, no SQLite.
//
// The input is one date, or two separated by `|`. Each is checked against an independent oracle:
// a day is valid exactly when it is YYYY-MM-DD in ASCII digits and converting it to a day number
// and back (Howard Hinnant's days-from-civil algorithm, no month-length table or leap-year rule)
// gives the same year, month and day. Two valid days must order as their day numbers do, and a
// `from`/`to` query must be refused exactly when a date is invalid or from comes after to.

@testable import HTTPServer
@testable import ParleyAPI
@testable import ParleyStore

private func check(_ condition: Bool, _ message: @autoclosure () -> String, _ input: String) {
    guard !condition else { return }
    fatalError("fuzz-date invariant violated: \(message())\ninput: \(input.debugDescription)")
}

private func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

private func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/// The day number of `text` if it names a real day written YYYY-MM-DD, else nil.
private func oracle(_ text: String) -> Int? {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    var digits: [Int] = []
    for index in [0, 1, 2, 3, 5, 6, 8, 9] {
        guard (0x30...0x39).contains(bytes[index]) else { return nil }
        digits.append(Int(bytes[index]) - 0x30)
    }
    let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let number = daysFromCivil(year, month, day)
    guard civilFromDays(number) == (year, month, day) else { return nil }
    return number
}

private func checkDay(_ text: String, _ input: String) -> (Day, Int)? {
    let day = Day(text)
    let expected = oracle(text)
    check((day != nil) == (expected != nil),
          "Day(\(text.debugDescription)) is \(day.map { "accepted as \($0)" } ?? "refused"), the oracle says \(expected == nil ? "invalid" : "valid")",
          input)
    guard let day, let expected else { return nil }
    check(day.text == text && day.description == text, "Day(\(text.debugDescription)).text = \(day.text.debugDescription)", input)
    let bytes = Array(text.utf8)
    let year = Int(String(decoding: bytes[0..<4], as: UTF8.self))!, month = Int(String(decoding: bytes[5..<7], as: UTF8.self))!
    let length = daysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1)
    check(Day.daysIn(month: month, year: year) == length, "daysIn(month: \(month), year: \(year)) != \(length)", input)
    return (day, expected)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = input.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let days = parts.map { checkDay($0, input) }

    if days.count == 2, let (a, na) = days[0], let (b, nb) = days[1] {
        check((a < b) == (na < nb) && (a == b) == (na == nb) && (a > b) == (na > nb),
              "\(a) vs \(b) orders unlike their day numbers \(na) vs \(nb)", input)
    }

    // The same text as query parameters: date=, and from=/to= as a period. Percent-encoding
    // round-trips (fuzz-query checks that), so each parameter's value is exactly the part.
    let encoded = parts.map(PercentEncoding.encode)
    guard let dateQuery = try? QueryParameters(parsing: "date=" + encoded[0], allowed: ["date"]),
          let periodQuery = try? QueryParameters(parsing: "from=" + encoded[0] + (encoded.count > 1 ? "&to=" + encoded[1] : ""),
                                                 allowed: ["from", "to"]) else {
        check(false, "a query of percent-encoded parts was refused", input)
        return 0
    }
    do {
        let day = try dateQuery.day("date")
        check(day != nil && day?.text == parts[0] && days[0] != nil, "date=\(encoded[0]) accepted as \(String(describing: day))", input)
    } catch {
        check(days[0] == nil, "date=\(encoded[0]) refused: \(error)", input)
    }
    var acceptable = days[0] != nil
    if days.count > 1 {
        acceptable = acceptable && days[1] != nil && days[0]!.1 <= days[1]!.1
    }
    do {
        let (from, to) = try periodQuery.period()
        check(acceptable, "period accepted from \(String(describing: from)) to \(String(describing: to))", input)
        check(from?.text == parts[0] && to?.text == (parts.count > 1 ? parts[1] : nil), "period() returned other days", input)
    } catch let error as APIError {
        guard case let .badRequest(_, parameter) = error, parameter == "from" || parameter == "to" else {
            check(false, "period refused with \(error)", input)
            return 0
        }
        check(!acceptable, "period refused valid, ordered days: \(error)", input)
    } catch {
        check(false, "period threw \(error)", input)
    }
    return 0
}
