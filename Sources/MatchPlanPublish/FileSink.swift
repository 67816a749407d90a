import Foundation
import MatchPlanModel

/// One finished file: its path relative to the output folder and its UTF-8 text.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The publish stage's seam: where a finished set of files goes, all or nothing. The disk
/// sinks are the two writers (``OutputWriter`` beside a person's files, ``FolderPublisher``
/// replacing a folder it made); ``memory(_:)`` keeps files in memory so tests of a whole build
/// need no disk. A roster is streamed to ``FolderPublisher`` directly (its reports never sit in
/// memory together), so it does not go through a sink.
public struct FileSink: Sendable {
    /// Publishes `files` and the binary `assets` (relative path → bytes already read and checked
    /// by the load stage, such as a site's logo).
    /// - Throws: ``MatchPlanError`` `.cannotCreate`; then nothing was published.
    public var publish: @Sendable (_ files: [OutputFile], _ assets: [(path: String, data: Data)]) throws -> Void

    public init(publish: @escaping @Sendable (_ files: [OutputFile], _ assets: [(path: String, data: Data)]) throws -> Void) {
        self.publish = publish
    }

    /// Files written into `folder` beside whatever else is there (one report; ``OutputWriter``).
    public static func besideOtherFiles(in folder: String) -> FileSink {
        FileSink { files, assets in
            guard assets.isEmpty else { throw MatchPlanError(.internalError, "binary assets are for folder sinks") }
            try OutputWriter().write(files.map { ($0.path, $0.contents) }, to: folder)
        }
    }

    /// `folder` replaced as a whole, keeping files a person added (``FolderPublisher``).
    /// - Parameters:
    ///   - kind: what is published (recorded in the folder's marker; default a site).
    ///   - beforeWrite: fault injection for tests, called with each path before it is written.
    public static func replacingFolder(_ folder: String, kind: OutputKind = .site,
                                       beforeWrite: (@Sendable (String) throws -> Void)? = nil) -> FileSink {
        FileSink { files, assets in
            let publisher = try FolderPublisher(target: folder, kind: kind)
            do {
                for file in files {
                    try beforeWrite?(file.path)
                    try publisher.write(file.contents, to: file.path)
                }
                for asset in assets { try publisher.write(asset.data, to: asset.path) }
                try publisher.commit()
            } catch {
                publisher.discard()
                throw error
            }
        }
    }

    /// Files kept in `folder`, in memory.
    public static func memory(_ folder: MemoryFolder) -> FileSink {
        FileSink { files, assets in
            var published: [String: Data] = [:]
            for file in files { published[file.path] = Data(file.contents.utf8) }
            for asset in assets { published[asset.path] = asset.data }
            folder.replace(with: published)
        }
    }
}

/// The files a ``FileSink/memory(_:)`` sink published last (relative path → bytes).
public final class MemoryFolder: @unchecked Sendable {
    private var storage: [String: Data] = [:]
    private let lock = NSLock()

    public init() {}

    /// The published files.
    public var files: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    /// The text of one published file, if it exists.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    func replace(with files: [String: Data]) {
        lock.lock()
        storage = files
        lock.unlock()
    }
}
