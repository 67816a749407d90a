import ArgumentParser
import Foundation
import MatchPlanPipeline

/// `matchplan check`: load and validate only, write nothing, print every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check inputs without writing anything, printing every problem.",
        discussion: """
        Runs the load and validate stages of the command that would use the inputs, and stops \
        there. Every problem is printed (not just the first) in the same format as the writing \
        commands, and the exit code is the one they would exit with (0 when there is none). \
        --out, --format and --today are accepted as the writing commands take them, checked, \
        and ignored.

        Examples:
          matchplan check my-profile.yaml
          matchplan check --roster students.csv
          matchplan check --site site.yaml
          matchplan check --content Content --templates Templates
        """
    )

    @Argument(help: ArgumentHelp("An applicant profile (YAML or JSON), as for report.", valueName: "profile"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("A class roster (CSV file or folder of profiles), as for report --roster.", valueName: "file-or-dir"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("A site configuration, as for site --config.", valueName: "file"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("Guidance content folder (rules.yaml, cycles/, guidance/).", valueName: "dir"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("Templates: overrides for a profile, roster or site; the whole set alone.", valueName: "dir"))
    var templates: String?

    // The writing commands' output options, accepted so that a writing command line can be
    // checked by changing only its name; their values are checked, then ignored (check writes
    // nothing and plans nothing, so neither the output folder nor the date matters).
    @Option(name: .long, help: ArgumentHelp("Accepted as report and site take it; checked, then ignored.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Your own program list (CSV), as report and plan take it with a profile.", valueName: "file"))
    var programs: String?

    @Option(name: .long, help: ArgumentHelp("Accepted as report takes it; checked, then ignored.", valueName: "list"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Accepted as report and plan take it; checked, then ignored.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("The site configuration, as site --config takes it (same as --site).", valueName: "file"))
    var config: String?

    func validate() throws {
        if let out, out.isEmpty { throw ValidationError("--out expects a folder name; got an empty one") }
        if let format { _ = try parseFormats(format) }
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError("--today expects a real date as YYYY-MM-DD, for example 2026-09-01; got '\(today)'")
        }
        if site != nil && config != nil { throw ValidationError("give --site or --config, not both") }
        if programs != nil, profile == nil { throw ValidationError("--programs goes with one profile; in a roster, give each student's list in the programs column") }
        let inputs = [profile, roster, site ?? config].compactMap { $0 }
        guard inputs.count <= 1 else { throw ValidationError("give one of PROFILE, --roster or --site, not several") }
        guard !inputs.isEmpty || content != nil || templates != nil else {
            throw ValidationError("give what to check: PROFILE, --roster FILE, --site site.yaml, or --content DIR --templates DIR")
        }
    }

    func run() throws {
        try exitOnFailure {
            let executable = runningBinaryPath()
            let problems: [MatchPlanError]
            let subject: String
            if let site = site ?? config {
                let (paths, overrides) = try reportPaths(content: content, templates: templates)
                (problems, subject) = (Check.site(configPath: site, paths: paths, templateOverrides: overrides), site)
            } else if profile != nil || roster != nil {
                let (paths, overrides) = try reportPaths(content: content, templates: templates)
                if let roster {
                    (problems, subject) = (try Check.roster(roster, paths: paths, templateOverrides: overrides), roster)
                } else {
                    (problems, subject) = (try Check.profile(profile!, paths: paths, templateOverrides: overrides, programs: programs), profile!)
                }
            } else {
                let paths = try ProjectPaths.resolve(content: content, templates: templates, executablePath: executable)
                (problems, subject) = (try Check.content(paths: paths), "\(paths.content) and \(paths.templates)")
            }
            var seen = Set<String>()
            let unique = problems.filter { seen.insert($0.description).inserted }
            guard let first = unique.first else {
                try Console.out("ok: \(subject): no problems found\n")
                return
            }
            for problem in unique { Console.err("matchplan: error: \(problem)\n") }
            // Name the files the problems are in (a template or a guidance page, not only the
            // profile that was being checked).
            var files: [String] = []
            for problem in unique { if let file = problem.file, !files.contains(file) { files.append(file) } }
            let place = files.isEmpty ? subject : files.count <= 3 ? files.joined(separator: ", ") : "\(files.count) files"
            Console.err(PrintableText.escaping("\(unique.count) \(unique.count == 1 ? "problem" : "problems") in \(place)\(place == subject ? "" : " (checking \(subject))"); nothing was written") + "\n")
            throw ExitCode(first.kind.exitCode)
        }
    }
}

/// The folders a report or a site uses: `--templates` layers over the built-in set (file by file) when
/// that set can be found, else it is the set.
/// - Returns: the paths, and the override folder (nil when `templates` is the whole set).
func reportPaths(content: String?, templates: String?) throws -> (ProjectPaths, String?) {
    let executable = runningBinaryPath()
    if let builtIn = try? ProjectPaths.resolve(content: content, templates: nil, executablePath: executable) {
        return (builtIn, templates)
    }
    return (try ProjectPaths.resolve(content: content, templates: templates, executablePath: executable), nil)
}
