import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads and validates `site.yaml`.
public enum SiteConfigLoader {
    public static let keys = ["school", "logo", "accent_color", "accent_color_dark", "advisors", "footer", "cycle_year", "base_url",
                              "pages", "templates", "content", "unsafe_html", "band_widget"]

    /// - Throws: ``MatchPlanError`` `.noInput` for a missing file, `.data` with line, column and
    ///   key for malformed values (colours, URLs, e-mail addresses, paths that do not exist).
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(_ path: String, io: FileIO = .disk) throws -> SiteConfig {
        let source = try io.readText(path)
        guard let node = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: path, "is empty; expected at least 'school' and 'cycle_year'")
        }
        let root = try FieldReader(node, file: path)
        try root.rejectUnknownKeys(keys)
        let base = (path as NSString).deletingLastPathComponent
        func folder(_ key: String, mustBeDirectory: Bool) throws -> String? {
            guard let value = try root.string(key) else { return nil }
            let resolved = value.hasPrefix("/") ? value : (base.isEmpty ? value : (base as NSString).appendingPathComponent(value))
            guard io.exists(resolved), io.isFolder(resolved) == mustBeDirectory else {
                var error = root.fail(key, root.value(key)!, "expected an existing \(mustBeDirectory ? "folder" : "file") (relative to site.yaml), found '\(value)'")
                if !io.exists(resolved) { error.kind = .noInput }
                throw error
            }
            return resolved
        }
        var config = SiteConfig(
            school: try RulesLoader.text(root, "school"),
            logo: try folder("logo", mustBeDirectory: false),
            accentColor: try root.string("accent_color"),
            advisors: [],
            footer: try root.string("footer"),
            matchYear: try root.int("cycle_year", in: 2015...2060, what: "a match year") ?? { throw RulesLoader.missing(root, "cycle_year") }(),
            baseURL: try root.string("base_url"),
            pagesFolder: try folder("pages", mustBeDirectory: true),
            templatesFolder: try folder("templates", mustBeDirectory: true),
            contentFolder: try folder("content", mustBeDirectory: true),
            unsafeHTML: try root.bool("unsafe_html") ?? false,
            bandWidget: try root.bool("band_widget") ?? true
        )
        if let logo = config.logo, !["png", "jpg", "jpeg", "svg", "webp"].contains((logo as NSString).pathExtension.lowercased()) {
            throw root.fail("logo", root.value("logo")!, "expected a .png, .jpg, .svg or .webp image, found '\(logo)'")
        }
        if let logo = config.logo, let value = try root.string("logo") {
            let folder = LogoFile.folder(for: logo, value: value, configPath: path)
            _ = try LogoFile.load(logo, inside: folder, io: io)  // refused now, before anything is rendered
            config.logoFolder = folder
        }
        if let color = config.accentColor, !isHexColor(color) {
            throw root.fail("accent_color", root.value("accent_color")!, "expected a colour as #rgb or #rrggbb, found '\(color)'")
        }
        config.accentColorDark = try root.string("accent_color_dark")
        if let color = config.accentColorDark {
            guard isHexColor(color) else {
                throw root.fail("accent_color_dark", root.value("accent_color_dark")!, "expected a colour as #rgb or #rrggbb, found '\(color)'")
            }
            guard config.accentColor != nil else {
                throw root.fail("accent_color_dark", root.value("accent_color_dark")!, "needs accent_color as well (the light scheme's colour)")
            }
        }
        if var url = config.baseURL {
            guard Self.isPlainASCII(url), let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                  parsed.host != nil else {
                throw root.fail("base_url", root.value("base_url")!, "expected an absolute http(s) URL such as https://advising.example.edu/ir/, found '\(url)'")
            }
            if !url.hasSuffix("/") { url += "/" }
            config.baseURL = url
        }
        config.advisors = try root.list("advisors") { node, keyPath -> SiteConfig.Advisor in
            let row = try FieldReader(node, file: source.path, path: keyPath)
            try row.rejectUnknownKeys(["name", "role", "email"])
            let email = try row.string("email")
            if let email, !isEmail(email) {
                throw row.fail("email", row.value("email")!, "expected an e-mail address such as advisor@example.edu, found '\(email)'")
            }
            return .init(name: try RulesLoader.text(row, "name"), role: try row.string("role"), email: email)
        } ?? []
        return config
    }

    static func isHexColor(_ text: String) -> Bool {
        guard text.hasPrefix("#"), [4, 7].contains(text.count) else { return false }
        return text.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// A plain address: one `@`, a dot in the domain, and only ASCII letters, digits and
    /// `.!#$%*+-/=?^_`{|}~` otherwise (checked per Unicode scalar, so a quote hidden in a
    /// combining sequence is caught).
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.utf8.count <= 254 else { return false }
        let allowed = Set(".!#$%*+-/=?^_`{|}~@".unicodeScalars)
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || allowed.contains($0)) }
    }

    /// Printable ASCII without quotes, angle brackets, backslashes or white space: safe to place
    /// in an HTML attribute whatever the escaper does (checked per Unicode scalar).
    static func isPlainASCII(_ text: String) -> Bool {
        let forbidden = Set("\"'<>\\`".unicodeScalars)
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }
    }
}
