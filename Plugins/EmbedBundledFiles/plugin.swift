import Foundation
import PackagePlugin

/// Builds the regulations and scenarios into the `Toetssteen` module, so that a `toets` binary copied
/// anywhere finds them: every file under `Regulations/`, the scenario and variant files
/// (`Scenarios/*.yaml`, `Scenarios/varianten/*.yaml`) and the example households (`Examples/*.json`) become a generated Swift source
/// (`IngebouwdeBestanden.swift`, written by the `embed-files` tool). The files stay their own inputs,
/// so an edit rebuilds the module.
@main
struct EmbedBundledFiles: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let files = Self.bundled(in: root)
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("IngebouwdeBestanden.swift")
    return [
      .buildCommand(
        displayName: "De regelingen en scenario's inbouwen (\(files.count) bestanden)",
        executable: try context.tool(named: "embed-files").url,
        arguments: [output.path, root.path] + files,
        inputFiles: files.map { root.appendingPathComponent($0) },
        outputFiles: [output])
    ]
  }

  /// The paths, relative to the package, of the files built in, sorted.
  static func bundled(in root: URL) -> [String] {
    var paths: [String] = []
    let fm = FileManager.default
    if let walker = fm.enumerator(atPath: root.appendingPathComponent("Regulations").path) {
      while let item = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = "Regulations/" + item
        if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue,
          !item.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        {
          paths.append(path)
        }
      }
    }
    for (folder, suffix) in [("Scenarios", ".yaml"), ("Scenarios/varianten", ".yaml"), ("Examples", ".json")] {
      let names = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      paths += names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
    }
    return paths.sorted()
  }
}
