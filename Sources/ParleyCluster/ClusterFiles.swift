#if canImport(Glibc)
import Glibc
#endif
import ParleyStore

/// The files a node keeps beside dqlite's own (its id; the replica written from a dump), through `FileIO`.
enum ClusterFiles {
    static func read(_ path: String) throws -> [UInt8] { try FileIO.read(path) }

    /// Atomic: a crash leaves the old file or the new one, never half of one (`FileIO.write`).
    static func write(_ path: String, _ bytes: [UInt8]) throws { try FileIO.write(bytes, to: path) }

    /// 128 random bits in hex: a new cluster's name, so a node never follows another cluster's file.
    static func randomIdentity() throws -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard bytes.withUnsafeMutableBytes({ getentropy($0.baseAddress, $0.count) }) == 0 else {
            throw FileIO.Failure(description: "cannot read random bytes: \(String(cString: strerror(errno)))")
        }
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    static func remove(_ path: String) {
        unlink(path)
    }
}
