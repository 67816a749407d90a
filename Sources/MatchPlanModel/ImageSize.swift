import Foundation

/// The pixel size an image declares in its header (PNG `IHDR`, JPEG start-of-frame, WebP
/// `VP8 `/`VP8L`/`VP8X`) or an SVG's `viewBox` (else its `width`/`height`), so a logo can be
/// shown at its own aspect ratio. Nil when the bytes do not say.
public struct ImageSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// - Parameter fileExtension: `png`, `jpg`/`jpeg`, `webp` or `svg` (any case).
    public static func read(_ data: Data, fileExtension: String) -> ImageSize? {
        let bytes = [UInt8](data)
        let size: ImageSize?
        switch fileExtension.lowercased() {
        case "png": size = png(bytes)
        case "jpg", "jpeg": size = jpeg(bytes)
        case "webp": size = webp(bytes)
        case "svg": size = svg(String(decoding: data, as: UTF8.self))
        default: size = nil
        }
        guard let size, size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else { return nil }
        return size
    }

    static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reduce(0) { $0 << 8 | Int(b[$1]) }
    }

    static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reversed().reduce(0) { $0 << 8 | Int(b[$1]) }
    }

    static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, b[0] == 0x89, b[1] == 0x50, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageSize(width: Double(bigEndian(b, 16, 4)), height: Double(bigEndian(b, 20, 4)))
    }

    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = bigEndian(b, i + 2, 2)
            // Start-of-frame markers C0–CF, except C4 (Huffman), C8 (reserved) and CC (arithmetic).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageSize(width: Double(bigEndian(b, i + 7, 2)), height: Double(bigEndian(b, i + 5, 2)))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30, Array(b[0..<4]) == Array("RIFF".utf8), Array(b[8..<12]) == Array("WEBP".utf8) else { return nil }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ": return ImageSize(width: Double(littleEndian(b, 26, 2) & 0x3FFF), height: Double(littleEndian(b, 28, 2) & 0x3FFF))
        case "VP8L":
            let bits = littleEndian(b, 21, 4)
            return ImageSize(width: Double((bits & 0x3FFF) + 1), height: Double((bits >> 14 & 0x3FFF) + 1))
        case "VP8X": return ImageSize(width: Double(littleEndian(b, 24, 3) + 1), height: Double(littleEndian(b, 27, 3) + 1))
        default: return nil
        }
    }

    static func svg(_ text: String) -> ImageSize? {
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].range(of: ">") else { return nil }
        let tag = String(text[open.upperBound..<close.lowerBound])
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let start = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                   let end = tag[start.upperBound...].range(of: quote) {
                    return String(tag[start.upperBound..<end.lowerBound])
                }
            }
            return nil
        }
        if let box = attribute("viewBox") {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if numbers.count == 4 { return ImageSize(width: numbers[2], height: numbers[3]) }
        }
        func length(_ name: String) -> Double? {
            attribute(name).flatMap { Double($0.hasSuffix("px") ? String($0.dropLast(2)) : $0) }
        }
        guard let width = length("width"), let height = length("height") else { return nil }
        return ImageSize(width: width, height: height)
    }
}
