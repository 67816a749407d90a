// MatchPlanFuzz: a libFuzzer harness for profile loading and guidance-page loading.
//
// Normal builds (`swift build`): a replay tool. `MatchPlanFuzz FILE...` runs each file through
// the same target as the fuzzer and prints whether it was accepted or rejected (and why); it
// traps on the same broken invariants. Mode: MATCHPLAN_FUZZ=profile|content.
//
// Fuzzing builds (Linux; see .ci/fuzz-smoke):
//   swift build --scratch-path .build-fuzz --product MatchPlanFuzz \
//     -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
//   MATCHPLAN_FUZZ=content SWIFT_BACKTRACE=enable=no .build-fuzz/debug/MatchPlanFuzz CORPUS_DIR -max_total_time=30
//
// SwiftPM links every executable with `main` aliased to this module's entry point, so libFuzzer's
// own `main` is never called; the entry point below hands control to libFuzzer through
// `LLVMFuzzerRunDriver` instead. `LLVMFuzzerTestOneInput` is still exported because the libFuzzer
// runtime references it. Run with SWIFT_BACKTRACE=enable=no so libFuzzer's crash handler writes
// the crashing input to disk.
import Foundation

#if FUZZING
let target = FuzzTarget(mode: FuzzMode.current)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    target.run(Data(bytes: bytes, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput))
#else
let files = Array(CommandLine.arguments.dropFirst())
if files.isEmpty || files.contains("--help") {
    print("usage: MATCHPLAN_FUZZ=profile|content MatchPlanFuzz FILE...   (replays inputs through the fuzz target)")
    exit(files.isEmpty ? 64 : 0)
}
let target = FuzzTarget(mode: FuzzMode.current)
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("\(file): cannot be read\n".utf8))
        exit(66)
    }
    switch target.run(data) {
    case .accepted(let summary): print("\(file): accepted: \(summary)")
    case .rejected(let error): print("\(file): rejected: \(error)")
    }
}
#endif
