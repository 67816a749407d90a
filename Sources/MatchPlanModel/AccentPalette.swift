import Foundation

/// A school's accent colour made readable on both colour schemes (WCAG 2.2 AA, success
/// criterion 1.4.3: 4.5:1 for text; links are text).
///
/// The accent colours links, the focus ring and the skip link, on the page background and on
/// the panels (call-outs) of each scheme. For each scheme the accent is kept when it reaches
/// ``minimumContrast`` against every background of that scheme; otherwise the nearest shade of
/// the same hue and saturation (HSL) that does is used: darker for the light scheme, lighter
/// for the dark one. Such a shade always exists (at worst close to black on light, close to
/// white on dark), so a well-formed colour is never refused; each replacement is reported in
/// ``notices`` for standard error. No one colour reads on both schemes' backgrounds, so a
/// school may name its dark-scheme colour (`accent_color_dark`) and keep the build quiet.
public struct AccentPalette: Sendable, Equatable {
    /// The accent on the light scheme, `#rrggbb`.
    public var light: String
    /// The accent on the dark scheme, `#rrggbb`.
    public var dark: String
    /// One sentence per scheme whose accent was replaced by a shade.
    public var notices: [String]

    /// WCAG 2.2 AA contrast for normal text.
    public static let minimumContrast = 4.5
    /// The light scheme's backgrounds (`--paper`, `--panel` in `Templates/partials/style.css`;
    /// `AccentPaletteTests` checks they match).
    public static let lightBackgrounds = ["#ffffff", "#f3f6fa"]
    /// The dark scheme's backgrounds (`--paper`, `--panel`).
    public static let darkBackgrounds = ["#12161c", "#1b222b"]

    /// - Parameters:
    ///   - accent: `#rgb` or `#rrggbb` (checked by the site config loader).
    ///   - dark: the school's own colour for the dark scheme (`accent_color_dark`), checked the
    ///     same way; without it the dark scheme starts from `accent`.
    /// - Returns: nil for text that is not such a colour.
    public init?(accent: String, dark: String? = nil) {
        guard let colour = RGB(hex: accent), let darkColour = RGB(hex: dark ?? accent) else { return nil }
        var notices: [String] = []
        func fit(_ colour: RGB, key: String, _ backgrounds: [String], scheme: String, darker: Bool) -> String {
            let grounds = backgrounds.compactMap(RGB.init(hex:))
            let original = Self.contrast(colour, grounds)
            if original >= Self.minimumContrast { return colour.hex }
            let shade = Self.shade(of: colour, against: grounds, darker: darker)
            notices.append("\(key) \(key == "accent_color" ? accent : dark ?? accent) has a contrast of \(Self.ratio(original)):1 on the \(scheme) background (WCAG AA asks 4.5:1 for text); "
                           + "the \(scheme) scheme uses \(shade.hex), a \(darker ? "darker" : "lighter") shade of the same hue (\(Self.ratio(Self.contrast(shade, grounds))):1)")
            return shade.hex
        }
        light = fit(colour, key: "accent_color", Self.lightBackgrounds, scheme: "light", darker: true)
        self.dark = fit(darkColour, key: dark == nil ? "accent_color" : "accent_color_dark", Self.darkBackgrounds, scheme: "dark", darker: false)
        self.notices = notices
    }

    /// The WCAG contrast ratio between two `#rgb`/`#rrggbb` colours (1 to 21), nil if either is malformed.
    public static func contrast(_ a: String, _ b: String) -> Double? {
        guard let x = RGB(hex: a), let y = RGB(hex: b) else { return nil }
        return contrast(x, [y])
    }

    /// The lowest contrast of `colour` against any of `grounds`.
    static func contrast(_ colour: RGB, _ grounds: [RGB]) -> Double {
        grounds.map { ground in
            let (l1, l2) = (colour.luminance, ground.luminance)
            return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
        }.min() ?? 21
    }

    /// The shade nearest `colour` in HSL lightness (same hue and saturation), rounded to
    /// 8-bit channels, that reaches the minimum against every ground; black or white at worst.
    static func shade(of colour: RGB, against grounds: [RGB], darker: Bool) -> RGB {
        let (hue, saturation, lightness) = colour.hsl
        var step = 1
        while step <= 1000 {
            let l = darker ? lightness - Double(step) / 1000 : lightness + Double(step) / 1000
            if l < 0 || l > 1 { break }
            let candidate = RGB(hue: hue, saturation: saturation, lightness: l)
            if contrast(candidate, grounds) >= minimumContrast { return candidate }
            step += 1
        }
        return darker ? RGB(r: 0, g: 0, b: 0) : RGB(r: 255, g: 255, b: 255)
    }

    /// Rounded down to two decimals, so "4.49" never reads as passing.
    static func ratio(_ value: Double) -> String {
        String(format: "%.2f", (value * 100).rounded(.down) / 100)
    }
}

/// An sRGB colour with 8-bit channels.
struct RGB: Equatable {
    var r: Int, g: Int, b: Int

    init(r: Int, g: Int, b: Int) { (self.r, self.g, self.b) = (r, g, b) }

    init?(hex: String) {
        guard hex.hasPrefix("#"), hex.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        (r, g, b) = (value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff)
    }

    var hex: String { String(format: "#%02x%02x%02x", r, g, b) }

    /// WCAG relative luminance (sRGB, 0 to 1).
    var luminance: Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// Hue (0 to 360), saturation and lightness (0 to 1).
    var hsl: (Double, Double, Double) {
        let (x, y, z) = (Double(r) / 255, Double(g) / 255, Double(b) / 255)
        let high = max(x, y, z), low = min(x, y, z), l = (high + low) / 2
        guard high != low else { return (0, 0, l) }
        let d = high - low
        let s = l > 0.5 ? d / (2 - high - low) : d / (high + low)
        var h: Double
        switch high {
        case x: h = (y - z) / d + (y < z ? 6 : 0)
        case y: h = (z - x) / d + 2
        default: h = (x - y) / d + 4
        }
        h *= 60
        return (h, s, l)
    }

    init(hue: Double, saturation: Double, lightness: Double) {
        let c = (1 - abs(2 * lightness - 1)) * saturation
        let hp = hue / 60
        let x = c * (1 - abs(hp.truncatingRemainder(dividingBy: 2) - 1))
        let (r1, g1, b1): (Double, Double, Double)
        switch hp {
        case ..<1: (r1, g1, b1) = (c, x, 0)
        case ..<2: (r1, g1, b1) = (x, c, 0)
        case ..<3: (r1, g1, b1) = (0, c, x)
        case ..<4: (r1, g1, b1) = (0, x, c)
        case ..<5: (r1, g1, b1) = (x, 0, c)
        default: (r1, g1, b1) = (c, 0, x)
        }
        let m = lightness - c / 2
        func channel(_ v: Double) -> Int { min(255, max(0, Int(((v + m) * 255).rounded()))) }
        self.init(r: channel(r1), g: channel(g1), b: channel(b1))
    }
}
