import Glibc

/// The IMF-fixdate for the Date header (RFC 9110 §5.6.7), formatted at most once a second per loop.
struct DateHeader {
    private(set) var bytes: [UInt8] = []
    private var second: Int = -1

    private static let days: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Refreshes the text when the wall clock has moved to another second.
    mutating func update(now: Int) {
        guard now != second else { return }
        second = now
        bytes = Self.format(now)
    }

    static func format(_ seconds: Int) -> [UInt8] {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(29)
        days[Int(parts.tm_wday)].withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: Array(", ".utf8))
        twoDigits(Int(parts.tm_mday), &out)
        out.append(UInt8(ascii: " "))
        months[Int(parts.tm_mon)].withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: " "))
        let year = Int(parts.tm_year) + 1900
        twoDigits(year / 100, &out)
        twoDigits(year % 100, &out)
        out.append(UInt8(ascii: " "))
        twoDigits(Int(parts.tm_hour), &out)
        out.append(UInt8(ascii: ":"))
        twoDigits(Int(parts.tm_min), &out)
        out.append(UInt8(ascii: ":"))
        twoDigits(Int(parts.tm_sec), &out)
        out.append(contentsOf: Array(" GMT".utf8))
        return out
    }

    private static func twoDigits(_ value: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(value / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}

/// Monotonic and wall clock readings, in the units the loop uses.
enum Clock {
    static func monotonicMilliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000
    }

    static func monotonicMicroseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int(spec.tv_sec) * 1_000_000 + Int(spec.tv_nsec) / 1000
    }

    static func wallSeconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &spec)
        return Int(spec.tv_sec)
    }
}
