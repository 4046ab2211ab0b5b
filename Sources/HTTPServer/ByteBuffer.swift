import Glibc

/// A growable byte buffer with a read and a write index, on manually managed memory:
/// the engine reads from sockets straight into it and writes from it without copying
/// through Swift arrays. Not thread-safe; each buffer belongs to one loop thread.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var readerIndex = 0
    private(set) var writerIndex = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var readableCount: Int { writerIndex - readerIndex }
    var isEmpty: Bool { readerIndex == writerIndex }

    /// The unread bytes. Valid until the next mutation.
    var readable: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + readerIndex, count: writerIndex - readerIndex)
    }

    func consume(_ count: Int) {
        precondition(count >= 0 && count <= readableCount)
        readerIndex += count
        if readerIndex == writerIndex { readerIndex = 0; writerIndex = 0 }
    }

    func clear() { readerIndex = 0; writerIndex = 0 }

    /// Makes room for `count` more bytes and returns where to write them; call `didWrite` after.
    func reserveWritable(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - writerIndex < count {
            if readerIndex > 0 {
                let unread = readableCount
                if unread > 0 { memmove(base, base + readerIndex, unread) }
                readerIndex = 0
                writerIndex = unread
            }
            if capacity - writerIndex < count {
                var newCapacity = capacity * 2
                while newCapacity - writerIndex < count { newCapacity *= 2 }
                let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
                newBase.update(from: base, count: writerIndex)
                base.deallocate()
                base = newBase
                capacity = newCapacity
            }
        }
        return base + writerIndex
    }

    func didWrite(_ count: Int) {
        precondition(count >= 0 && writerIndex + count <= capacity)
        writerIndex += count
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserveWritable(bytes.count).update(from: source, count: bytes.count)
        writerIndex += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    func append(_ byte: UInt8) {
        reserveWritable(1).pointee = byte
        writerIndex += 1
    }

    func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    func appendDecimal(_ value: Int) {
        precondition(value >= 0)
        var digits = 1, rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let out = reserveWritable(digits)
        var remaining = value
        for index in stride(from: digits - 1, through: 0, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        writerIndex += digits
    }
}
