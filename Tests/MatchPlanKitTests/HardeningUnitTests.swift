import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Issue 11: the small pieces behind the hardening, tested directly.
@Suite struct HardeningUnitTests {
    // MARK: Item 13: JSON profiles

    @Test func jsonSurrogatePairBecomesOneCharacterAndLaterColumnsStayRight() throws {
        let text = #"{"name": "Jo \ud83d\ude00 \ud83d\ude00", "stage": "ms9", "match_year": 2027}"#
        let (rewritten, map) = JSONSource.rewrite(text)
        #expect(rewritten == #"{"name": "Jo \U0001F600 \U0001F600", "stage": "ms9", "match_year": 2027}"#)
        // "ms9" opens at column 51 in the file and 47 in the rewritten text (two pairs, 2 shorter each).
        #expect(map.original(line: 1, column: 47) == 51)
        #expect(map.original(line: 1, column: 30) == 32, "between the pairs: one shift")
        #expect(map.original(line: 1, column: 10) == 10, "columns before the first pair are unchanged")
        #expect(map.original(line: 2, column: 44) == 44, "other lines are unchanged")
        let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: [])
        #expect(throws: MatchPlanError.self) { try loader.parse(SourceText(path: "p.json", text: text)) }
        do {
            _ = try loader.parse(SourceText(path: "p.json", text: text))
        } catch let error as MatchPlanError {
            #expect(error.description.hasPrefix("p.json:1:51: stage: expected one of"), "\(error)")
        }
        let profile = try loader.parse(SourceText(path: "p.json", text: #"{"match_year": 2027, "name": "Jo \ud83d\ude00"}"#))
        #expect(profile.name == "Jo 😀")
    }

    @Test func jsonSyntaxErrorsKeepLineAndColumn() {
        let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: [])
        for (text, location) in [("{\n  \"match_year\" 2027\n}\n", "p.json:2:16: JSON syntax error: invalid value"),
                                 ("{\"match_year\": 2027,\n", "p.json:2:1: JSON syntax error: unexpected end of file"),
                                 ("{\"a\": \"\\ud83d\"}", "p.json:1:")] {
            do {
                _ = try loader.parse(SourceText(path: "p.json", text: text))
                Issue.record("accepted \(text)")
            } catch let error as MatchPlanError {
                #expect(error.description.hasPrefix(location), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func jsonTabsBetweenTokensAreAccepted() throws {
        let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: [])
        let profile = try loader.parse(SourceText(path: "p.json", text: "{\n\t\"match_year\":\t2027\n}\n"))
        #expect(profile.matchYear == 2027)
    }

    // MARK: Item 2: SVG logos

    @Test func safeSVGIsAccepted() throws {
        try SVGSafety.check(Data(##"<svg xmlns="http://www.w3.org/2000/svg"><a href="#top"><rect width="1" height="1"/></a><image href="data:image/png;base64,AAAA"/></svg>"##.utf8), path: "logo.svg")
    }

    @Test(arguments: [
        (#"<svg><script>alert(1)</script></svg>"#, "logo.svg:1:13: the SVG holds a <script> element"),
        (#"<svg onload="alert(1)"/>"#, "the SVG element <svg> has the event handler onload="),
        (#"<svg><foreignObject><div/></foreignObject></svg>"#, "the SVG holds a <foreignObject> element"),
        (#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#, "animates the attribute href"),
        (#"<svg><image href="https://tracker.example/x.png"/></svg>"#, "links to 'https://tracker.example/x.png'"),
        (#"<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>"#, "the SVG declares a DTD"),
        (#"<html><script/></html>"#, "the root element is <html>; expected <svg>"),
        (#"<svg><rect"#, "is not a well-formed SVG"),
    ])
    func unsafeSVGIsRefused(_ svg: String, _ fragment: String) {
        do {
            try SVGSafety.check(Data(svg.utf8), path: "logo.svg")
            Issue.record("accepted \(svg)")
        } catch let error as MatchPlanError {
            #expect(error.kind == .data)
            #expect(error.description.contains(fragment), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    // MARK: Item 15: printable errors

    @Test func errorMessagesEscapeControlCharacters() {
        let error = MatchPlanError(.data, file: "evil\u{1B}[31m\nname.yaml", keyPath: "a\u{0}b", "found 'x\u{202E}y'")
        #expect(error.description == "evil\\u{1B}[31m\\u{A}name.yaml: a\\u{0}b: found 'x\\u{202E}y'")
        #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    // MARK: Item 16: smart punctuation is off

    @Test func smartPunctuationIsOffSoFlagsAndQuotesArePublishedAsWritten() {
        let html = Markdown.html("Run it with --today 2026-09-01 or `--today`; \"quoted\" and it's -- fine...")
        #expect(html.contains("with --today 2026-09-01"), "\(html)")
        #expect(html.contains("<code>--today</code>"))
        #expect(html.contains("&quot;quoted&quot; and it's -- fine..."), "\(html)")
        for mark in ["–", "—", "“", "”", "’", "…"] { #expect(!html.contains(mark), "\(mark) in \(html)") }
    }

    // MARK: Items 6 and 12: roster scan

    @Test func csvScanFindsOversizeRowsAndUnclosedQuotesInOnePass() {
        func problem(_ text: String) -> CSVScan.Problem? {
            var bytes = Array(text.utf8).makeIterator()
            return CSVScan.firstProblem(in: &bytes)
        }
        #expect(problem("id,name\na,\"Ann\nLee\"\nb,Bo\n") == nil)
        #expect(problem("id,name\na, \"Ann\nb,Bo\n") == .unclosedQuote(line: 2, column: 4))
        #expect(problem("id,name\na,\"x\"\"y\"\n") == nil)
        let big = "id,concerns\na," + String(repeating: "other;", count: 12_000) + "\n"
        #expect(problem(big) == .rowTooLarge(line: 2))
    }

    // MARK: Item 4: template depth

    @Test func templateChainsDeeperThanTheLimitAreRefused() {
        var texts: [String: (text: String, path: String)] = [:]
        for level in 0...TemplateGraph.maximumDepth {
            texts["t\(level)"] = ("{{>t\(level + 1)}}", "t\(level).mustache")
        }
        texts["t\(TemplateGraph.maximumDepth + 1)"] = ("end", "end.mustache")
        #expect(throws: MatchPlanError.self) { try TemplateGraph.check(texts) }
        texts["t0"] = nil
        texts["t1"] = nil
        #expect(throws: Never.self) { try TemplateGraph.check(texts) }
    }

    /// 1,000 nested sections overflowed swift-mustache's recursive parser (a crash, no message).
    @Test func sectionsNestedTooDeeplyAreRefusedBeforeParsing() throws {
        let deep = String(repeating: "{{#a}}", count: 1000) + String(repeating: "{{/a}}", count: 1000)
        #expect(throws: MatchPlanError.self) { try TemplateGraph.checkSectionDepth(deep, path: "t.mustache") }
        let fine = String(repeating: "{{#a}}", count: TemplateGraph.maximumSectionDepth) + String(repeating: "{{/a}}", count: TemplateGraph.maximumSectionDepth)
        try TemplateGraph.checkSectionDepth(fine, path: "t.mustache")
        try TemplateGraph.checkSectionDepth(fine + fine, path: "t.mustache")
    }

    @Test(arguments: ["{{=<% %>=}}", "{{>*name}}", "{{>\npartials/page.html}}"])
    func tagsThatWouldHideAnIncludeAreRefused(_ text: String) {
        #expect(throws: MatchPlanError.self) { try TemplateGraph.rejectHiddenIncludes(text, path: "t.mustache") }
    }
}
