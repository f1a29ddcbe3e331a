import Foundation
import TestSupport
import Testing

/// One flag convention: English long flags as the integration contract names them, the Dutch spellings
/// of earlier versions still accepted (and not taught by `--help`).
@Suite("Engelse opties, Nederlandse aliassen", .serialized)
struct FlagAliasTests {
  typealias CLI = CommandLineTests

  @Test("--uit, --uit=… en --output schrijven hetzelfde bestand")
  func outputAliases() throws {
    let root = try TablesCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    var texts: [Data] = []
    for (k, form) in [["--output"], ["--uit"], ["--uit="]].enumerated() {
      let path = root.appendingPathComponent("ir-\(k).json").path
      let arguments = form[0].hasSuffix("=") ? [form[0] + path] : [form[0], path]
      let run = try CLI.run(["ir"] + arguments)
      #expect(run.status == 0, "\(form): \(run.stderr)")
      texts.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(texts.count == 3 && texts.allSatisfy { $0 == texts[0] && !$0.isEmpty })
  }

  @Test("check neemt de map als argument of als --regulations, en de oude namen van zijn vlaggen")
  func checkFlags() throws {
    let english = try CLI.run(["check", "--regulations", "Regulations", "--skip-examples", "--coverage"])
    let dutch = try CLI.run(["check", "--regelingen", "Regulations", "--zonder-voorbeelden", "--dekking"])
    let positional = try CLI.run(["check", "Regulations", "--skip-examples", "--coverage"])
    #expect(english.status == 0, "\(english.stderr)")
    #expect(english.stdout == dutch.stdout && english.stdout == positional.stdout)
    #expect(english.stdout.contains("Dekking:"))
    let both = try CLI.run(["check", "Regulations", "--regulations", "Regulations/zorgtoeslag"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("twee mappen"), "\(both.stderr)")
  }

  @Test("--help leert de Engelse namen; een waarde na -- blijft een waarde")
  func helpTeachesEnglish() throws {
    for command in ["report", "validate", "spec", "ir", "simulate", "check", "evaluate", "sql"] {
      let help = try CLI.run([command, "--help"])
      #expect(help.status == 0)
      for dutch in ["--uit ", "--regelingen", "--steekproef", "--personen-csv", "--validatie", "--dekking", "--zonder-voorbeelden", "--disconteringsvoet", "--instandhouding"] {
        #expect(!help.stdout.contains(dutch), "\(command) --help noemt \(dutch)")
      }
    }
    #expect(try CLI.run(["report", "--help"]).stdout.contains("--output <map>"))
    // After `--` nothing is an option; `check` then reads '--uit' as a directory (and says it is missing).
    let literal = try CLI.run(["check", "--", "--uit"])
    #expect(literal.status != 0)
    #expect(literal.stderr.contains("--uit") && !literal.stderr.contains("--output"), "\(literal.stderr)")
  }

  @Test("de woorden van de argumentparser zijn Nederlands, met dezelfde exitcodes")
  func dutchParserMessages() throws {
    let missing = try CLI.run(["simulate"])
    #expect(missing.status == 64 && missing.stderr.hasPrefix("Fout: dit argument ontbreekt: '--households <N>'"), "\(missing.stderr)")
    #expect(missing.stderr.contains("Gebruik: toets simulate [<opties>] --households <N>"), "\(missing.stderr)")
    let invalid = try CLI.run(["simulate", "--households", "abc"])
    #expect(invalid.status == 64 && invalid.stderr.hasPrefix("Fout: de waarde 'abc' is ongeldig voor '--households <N>'"), "\(invalid.stderr)")
    let typo = try CLI.run(["simulate", "--households", "5", "--houshold"])
    #expect(typo.status == 64 && typo.stderr.hasPrefix("Fout: onbekende optie '--houshold'. Bedoelt u '--households'?"), "\(typo.stderr)")
    let unknown = try CLI.run(["frobnicate"])
    #expect(unknown.status == 64 && unknown.stderr.contains("Fout: onverwacht argument 'frobnicate'") && unknown.stderr.contains("Zie 'toets --help' voor meer uitleg."), "\(unknown.stderr)")
    let help = try CLI.run(["simulate", "--help"])
    #expect(help.status == 0 && help.stdout.hasPrefix("OVERZICHT: ") && help.stdout.contains("OPTIES:") && help.stdout.contains("Toon deze uitleg."), "\(help.stdout.prefix(300))")
    #expect(!help.stdout.contains("OPTIONS:") && !help.stdout.contains("USAGE:"))
    let root = try CLI.run(["--help"])
    #expect(root.status == 0 && root.stdout.contains("OPDRACHTEN:") && root.stdout.contains("Zie 'toets help <opdracht>' voor de uitleg van een opdracht."))
    // toets' own messages and exit codes are unchanged.
    let ownError = try CLI.run(["validate", "--output", ""])
    #expect(ownError.status == 64 && ownError.stderr.contains("Fout: --output: geef een map"), "\(ownError.stderr)")
  }
}
