import Foundation
import Testing
@testable import MatchPlanModel

/// The site's accent colour is readable on both schemes (WCAG 2.2 AA, 4.5:1 for text).
@Suite struct AccentPaletteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func contrastMatchesKnownValues() throws {
        #expect(try #require(AccentPalette.contrast("#000", "#fff")) > 20.99)
        #expect(try #require(AccentPalette.contrast("#777777", "#ffffff")) < 4.5, "#777 on white is the classic near miss (4.48)")
        #expect(AccentPalette.contrast("#zzz", "#fff") == nil)
    }

    @Test func aReadableAccentIsKeptOnTheLightSchemeAndShadedOnTheDark() throws {
        let palette = try #require(AccentPalette(accent: "#0b5fa5"))
        #expect(palette.light == "#0b5fa5")
        #expect(palette.dark != "#0b5fa5")
        #expect(palette.notices.count == 1 && palette.notices[0].contains("dark"))
    }

    @Test(arguments: ["#ffcc33", "#fc3", "#2a0a3a", "#ff0000", "#00ff00", "#808080", "#ffffff", "#000000", "#0b5fa5"])
    func everyAccentGivesAReadableShadeOnBothSchemes(accent: String) throws {
        let palette = try #require(AccentPalette(accent: accent))
        for ground in AccentPalette.lightBackgrounds {
            #expect(try #require(AccentPalette.contrast(palette.light, ground)) >= 4.5, "\(accent) light \(palette.light) on \(ground)")
        }
        for ground in AccentPalette.darkBackgrounds {
            #expect(try #require(AccentPalette.contrast(palette.dark, ground)) >= 4.5, "\(accent) dark \(palette.dark) on \(ground)")
        }
    }

    @Test func aLightAccentKeepsItsHueAndIsReported() throws {
        let palette = try #require(AccentPalette(accent: "#ffcc33"))
        #expect(palette.dark == "#ffcc33", "a light yellow already reads on the dark scheme")
        let (hue, _, _) = try #require(RGB(hex: palette.light)).hsl
        let (original, _, _) = try #require(RGB(hex: "#ffcc33")).hsl
        #expect(abs(hue - original) < 2, "hue \(hue) vs \(original)")
        #expect(palette.notices.count == 1)
        #expect(palette.notices[0].contains("#ffcc33") && palette.notices[0].contains(palette.light) && palette.notices[0].contains("1.39:1"))
    }

    @Test func theShadeIsTheNearestThatPasses() throws {
        let palette = try #require(AccentPalette(accent: "#ffcc33"))
        let (h, s, l) = try #require(RGB(hex: palette.light)).hsl
        let lighter = RGB(hue: h, saturation: s, lightness: l + 0.01)
        #expect(AccentPalette.contrast(lighter, AccentPalette.lightBackgrounds.compactMap(RGB.init(hex:))) < 4.5)
    }

    /// The backgrounds the palette is computed against are the ones the stylesheet paints.
    @Test func backgroundsMatchTheStylesheet() throws {
        let css = try String(contentsOfFile: Self.root + "/Templates/partials/style.css.mustache", encoding: .utf8)
        let blocks = css.components(separatedBy: "@media (prefers-color-scheme: dark)")
        #expect(blocks.count >= 2)
        func value(_ name: String, in text: String) -> String? {
            guard let range = text.range(of: "--\(name): ") else { return nil }
            return String(text[range.upperBound...].prefix(7))
        }
        #expect([value("paper", in: blocks[0]), value("panel", in: blocks[0])] == AccentPalette.lightBackgrounds.map { Optional($0) })
        #expect([value("paper", in: blocks[1]), value("panel", in: blocks[1])] == AccentPalette.darkBackgrounds.map { Optional($0) })
    }
}
