import Foundation
import TestSupport
import Testing

/// Golden tests of the `toets` executable: what other teams script against.
@Suite("De opdrachtregel", .serialized)
struct CommandLineTests {
  static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  static let fixtures = root.appendingPathComponent("Tests/CLITests/Fixtures")
  static let golden = root.appendingPathComponent("Tests/CLITests/Golden")

  /// The `toets` binary built beside the test bundle.
  static let executable: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("toets")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return root.appendingPathComponent(".build/debug/toets")
  }()

  struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// Runs toets (`binary`, else the one built beside the tests) in `directory` (else the checkout) with
  /// `TOETS_REGELINGEN` naming the checkout's regulations, `extra` added and the variables in `unset`
  /// removed.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], binary: URL? = nil,
    in directory: URL? = nil, unset: [String] = []
  ) throws -> Run {
    let process = Process()
    process.executableURL = binary ?? executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    var env = ProcessInfo.processInfo.environment
    env["TOETS_REGELINGEN"] = root.appendingPathComponent("Regulations").path
    env.merge(extra) { _, new in new }
    for name in unset { env[name] = nil }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
  }

  static func golden(_ name: String) throws -> String {
    try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
  }

  /// Compares `actual` with the golden file `name`. With `TOETS_GOLDEN_BIJWERKEN=1` in the environment
  /// the file is rewritten with `actual` instead (review the diff before committing it).
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["TOETS_GOLDEN_BIJWERKEN"] == "1" {
      try actual.write(to: golden.appendingPathComponent(name), atomically: true, encoding: .utf8)
      return
    }
    #expect(actual == (try golden(name)), "verschilt van Golden/\(name); met TOETS_GOLDEN_BIJWERKEN=1 wordt het bestand herschreven", sourceLocation: sourceLocation)
  }

  @Test("toets check op de regelingen is schoon en draait de rekenvoorbeelden")
  func checkClean() throws {
    let r = try Self.run(["check", "Regulations"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty)
    #expect(r.stdout.contains("Rekenvoorbeelden:"))
    #expect(r.stdout.contains(", 0 kloppen niet."))
    #expect(r.stdout.hasSuffix("Geen fouten.\n"))
  }

  @Test("toets check op een gebroken regeling meldt alle fouten met plaats en artikel")
  func checkBroken() throws {
    let r = try Self.run(["check", "Tests/CLITests/Fixtures/gebroken"])
    #expect(r.status == 1)
    try Self.expectGolden(r.stderr, "check-gebroken.stderr")
  }

  @Test("toets evaluate --format json op het huishouden van het contract")
  func evaluateJSON() throws {
    let r = try Self.run(["evaluate", "--date", "2025-01-01", "--household", "Tests/CLITests/Fixtures/huishouden-contract.json", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    // Huurtoeslag 2025 for this household: Y = € 40.000 → normhuur € 421,80, basishuur € 384,66;
    // 92,54 + 65 % × 254,73 + 40 % × 36,07 = € 272,5425.
    // Kindgebonden budget: 2.511 − 7,10 % × (40.000 − 37.544,728) = € 2.336,67 → € 2.337. Bijstand: both
    // 21–66, no kostendelers: the gehuwdennorm of Pw art. 21 b. No AOW: both below 67. The one child is
    // a minor, so no verzekerde with a zorgtoeslag or a bijstand of its own. The document gives only the toetsingsinkomen,
    // so the bruto bijstand is undecided; none of it is AIO (both below 67 all year), so that part is € 0.
    #expect(r.stdout.hasPrefix("""
      {
        "date": "2025-01-01",
        "outputs": {
          "aow.bruto_maandbedrag": "0",
          "aow.vakantie_uitkering": "0",
          "bijstand.bruto_jaarbedrag_aio": "0",
          "bijstand.maandnorm": "1922.07",
          "bijstand.medebewoners_bruto_jaarbedrag_aio": "0",
          "bijstand.medebewoners_bruto_jaarbedrag_gemeente": "0",
          "bijstand.medebewoners_maandbedrag": "0",
          "huurtoeslag.maandbedrag": "272.54",
          "kindgebonden_budget.jaarbedrag": "2337",
          "zorgtoeslag.jaarbedrag": "1422",
          "zorgtoeslag.medebewoners_jaarbedrag": "0"
        },
      """))
    #expect(r.stdout.contains("\"trace\": ["))
    #expect(r.stdout.contains("jci1.3:c:BWBR0018451&artikel=2&lid=1&z=2025-01-01&g=2025-01-01"))
  }

  @Test("toets evaluate van een huishouden met loon: belasting, afgeleid toetsingsinkomen, toeslagen en netto-inkomen")
  func evaluateWithWages() throws {
    let r = try Self.run(["evaluate", "--date", "2026-01-01", "--household", "Tests/CLITests/Fixtures/huishouden-loon.json", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    // Aanvrager € 32.000 loon: 35,75 % = 11.440; AHK 3.115 − 6,398 % × 2.264 = 2.970,15; arbeidskorting
    // 5.300 + 1,950 % × 6.155 = 5.420,02 → 3.049,83. Partner € 9.000 loon + € 3.000 uitkering: 4.290 −
    // (AHK 3.115 + AK 8,324 % × 9.000 = 749,16 + IACK 11,45 % × 2.761 = 316,13, the lower earner) = 109,71.
    #expect(r.stdout.contains(#""inkomstenbelasting.jaarbedrag": "3159.54""#))
    // 44.000 − 3.159,54 + zorgtoeslag 1.004 + kgb 2.211 + 12 × huurtoeslag 242,73.
    #expect(r.stdout.contains(#""netto.jaarinkomen": "46968.22""#))
    // The toetsingsinkomen is derived (Awir art. 8 with AWR art. 21e), not given: the trace says which rule.
    #expect(r.stdout.contains("Anders is het toetsingsinkomen van een persoon zijn verzamelinkomen vermeerderd met zijn bruto bijstand."))
    #expect(!r.stdout.contains("\"onbepaald\""))
  }

  @Test("Inkomensbestanddelen buiten hun grenzen: een fout met het veld, geen onbepaalde uitkomsten")
  func incomeBounds() throws {
    let json = #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01", "loon": "-5000", "bijstand_maanden_vrijlating_arbeid": 99999999999999999999}]}"#
    let r = try Self.run(["evaluate", "--household", "-"], stdin: json)
    #expect(r.status == 2)
    #expect(r.stderr.contains("personen[0].loon: ten minste € 0 per jaar, niet -5000"))
    #expect(r.stderr.contains("personen[0].bijstand_maanden_vrijlating_arbeid: ten hoogste 1.200"))
    // A loss is the one negative component the document may give: no tax in the loss year (keuze
    // verlies-nihil, Wet IB art. 3.1), while the bijstand says why it does not decide a self-employed person.
    let loss = try Self.run(["evaluate", "--household", "-"], stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01", "winst": "-5000"}]}"#)
    #expect(loss.status == 3 && loss.stderr.contains("Besluit bijstandverlening zelfstandigen"), "\(loss.stderr)")
    #expect(loss.stdout.contains("inkomstenbelasting.jaarbedrag                    € 0 per jaar"), "\(loss.stdout)")
  }

  @Test("toets evaluate --explain noemt ieder gebruikt artikel")
  func evaluateExplain() throws {
    let r = try Self.run(["evaluate", "--date", "2025-01-01", "--household", "-", "--explain"], stdin: try String(contentsOf: Self.fixtures.appendingPathComponent("huishouden-contract.json"), encoding: .utf8))
    #expect(r.status == 0)
    try Self.expectGolden(r.stdout, "evaluate-contract-explain.txt")
    for article in ["Wzt art. 1 lid 1 onder f", "Wzt art. 2 lid 1", "Wzt art. 2 lid 2", "Wzt art. 2 lid 3", "Wzt art. 2 lid 5", "Wzt art. 3 lid 1", "Awir art. 3 lid 1", "Awir art. 8 lid 1", "Awir art. 14 lid 4", "Awir art. 14 lid 5", "WML art. 8 lid 1 onder b", "WKB art. 2 lid 7", "AOW art. 7a lid 1", "Pw art. 21"] {
      #expect(r.stdout.contains(article), "\(article) ontbreekt in de uitleg")
    }
  }

  @Test("Een partnerschap 'geen' dat de feiten tegenspreken: de regels volgen de feiten, met een waarschuwing per wet")
  func labelContradictsFacts() throws {
    let r = try Self.run(["evaluate", "--date", "2025-01-01", "--household", "Tests/CLITests/Fixtures/huishouden-label-tegen-feiten.json", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stderr.contains("waarschuwing: partnerschap is 'geen', maar volgens Awir is de partner toeslagpartner (Awir art. 3 lid 2)"))
    #expect(r.stderr.contains("volgens Pw is de partner bijstandspartner"))
    #expect(r.stdout.contains("\"waarschuwingen\": ["))
    // As a couple with a joint child: the gehuwdennorm, the couple's zorgtoeslag.
    #expect(r.stdout.contains("\"bijstand.maandnorm\": \"1922.07\""))
  }

  @Test("Een validatiebestand dat niet past: het cijfer of de gevoeligheid wordt genoemd, exit 2")
  func validationFileRefused() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/validatie.yaml"), encoding: .utf8)
    func refusal(_ old: String, _ new: String) throws -> Run {
      #expect(text.contains(old), "'\(old)' staat niet in validatie.yaml")
      let file = try Scratch.file("validatie", ext: "yaml", text.replacingOccurrences(of: old, with: new))
      defer { try? FileManager.default.removeItem(at: file) }
      let out = try Scratch.directory("validatie-uit")
      defer { try? FileManager.default.removeItem(at: out) }
      return try Self.run(["validate", "--validation", file.path, "--households", "1000", "--seeds", "1", "--output", out.path])
    }
    // A net income is no payment: adding it to the zorgtoeslag would count money twice.
    let measure = try refusal("samen_met: [zorgtoeslag.medebewoners_jaarbedrag]", "samen_met: [netto.jaarinkomen]")
    #expect(measure.status == 2)
    #expect(measure.stderr.contains("samen_met netto.jaarinkomen is een maatstaf en zorgtoeslag.jaarbedrag een betaling; samen_met telt alleen uitvoer van dezelfde soort op"), "\(measure.stderr)")
    // A sensitivity value that does not fit names the validation file's entry, not only the scenario.
    let sensitivity = try refusal("waarde: \"430\"", "waarde: \"[[0, 13, 5]\"")
    #expect(sensitivity.status == 2)
    #expect(sensitivity.stderr.contains("gevoeligheid[3] ('huurders onder alle huishoudens'): "), "\(sensitivity.stderr)")
  }

  @Test("Een ongeldig huishouden: alle fouten met regel, kolom en veld, exit 2")
  func invalidHousehold() throws {
    let r = try Self.run(["evaluate", "--date", "2025-01-01", "--household", "Tests/CLITests/Fixtures/huishouden-fout.json"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    try Self.expectGolden(r.stderr, "evaluate-fout.stderr")
  }

  @Test("Een datum buiten wat de wetten kunnen betekenen: een melding met het bereik, geen crash (ook ver in de toekomst)")
  func datesOutOfRange() throws {
    for birth in ["9985-01-01", "9999-12-31", "0001-01-01", "1849-12-31"] {
      let r = try Self.run(["evaluate", "--household", "-"], stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "\#(birth)"}]}"#)
      #expect(r.status == 2, "\(birth)")
      #expect(r.stderr.contains("personen[0].geboortedatum: \(birth) ligt buiten de datums die de wetten kunnen betekenen (van 1850-01-01 tot en met 2199-12-31)"))
    }
    let late = try Self.run(["evaluate", "--date", "9999-12-31", "--household", "Examples/huishouden.json"])
    #expect(late.status != 0 && late.stderr.contains("--date 9999-12-31 ligt buiten"))
    let edge = try Self.run(["evaluate", "--date", "2199-12-31", "--household", "Examples/huishouden.json"])
    #expect(edge.status == 3 && edge.stderr.contains("geen versie van"))
  }

  @Test("Een wet met een versie die een uitkomst niet kent, heet niet 'zonder versie'")
  func outputNotInVersion() throws {
    // The Participatiewet of 2024 is encoded for the norm, not for the bijstand itself; the income tax
    // has no version for 2024 at all.
    let r = try Self.run(["evaluate", "--date", "2024-03-01", "--household", "Examples/huishouden.json"])
    #expect(r.stdout.contains("bijstand.maandbedrag") && r.stdout.contains("'algemene bijstand' is niet gedefinieerd in de versie van 'bijstand' die op 2024-03-01 geldt"), "\(r.stdout)")
    #expect(!r.stdout.contains("geen versie van 'bijstand'"))
    #expect(r.stdout.contains("geen versie van 'inkomstenbelasting' geldig op 2024-03-01"))
  }

  @Test("Een document dat zichzelf tegenspreekt: een fout buiten de grenzen van het gegevensmodel, anders een waarschuwing")
  func selfContradictingDocuments() throws {
    let bounds = try Self.run(
      ["evaluate", "--household", "-"],
      stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01", "aow_verzekerde_jaren": 70}], "woning": {"huurder": true, "zelfstandig": true, "rekenhuur": "-500"}}"#)
    #expect(bounds.status == 2)
    #expect(bounds.stderr.contains("personen[0].aow_verzekerde_jaren: ten hoogste 50, niet 70"))
    #expect(bounds.stderr.contains("woning.rekenhuur: ten minste € 0 per maand, niet -500"))
    // Beyond toets' own bound of 10¹⁸ a number is refused, not computed digit by digit.
    let huge = try Self.run(
      ["evaluate", "--household", "-"],
      stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01", "loon": "1e400", "vermogen": -1000000000000000001}]}"#)
    #expect(huge.status == 2, "\(huge.stderr)")
    #expect(huge.stderr.contains("personen[0].loon: een getal ligt tussen −10^18 en 10^18 (een grens van toets), niet 1e400"), "\(huge.stderr)")
    #expect(huge.stderr.contains("personen[0].vermogen: een getal ligt tussen"), "\(huge.stderr)")
    let largest = try Self.run(
      ["evaluate", "--household", "-"], stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01", "vermogen": "1000000000000000000"}]}"#)
    #expect(largest.status == 0, "\(largest.stderr)")
    let labels = try Self.run(
      ["evaluate", "--household", "-"],
      stdin: #"{"partnerschap": "gehuwd", "personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01"}, {"id": "k", "rol": "kind", "geboortedatum": "2027-03-01"}, {"id": "m", "rol": "kind", "geboortedatum": "2020-01-01", "kind_van": "medebewoner"}]}"#)
    #expect(labels.status == 0)
    #expect(labels.stderr.contains("partnerschap is 'gehuwd', maar het document noemt geen persoon met de rol partner"))
    #expect(labels.stderr.contains("personen[1] (k) wordt pas op 2027-03-01 geboren, na het berekeningsjaar 2026"))
    // Aanspraak op studiefinanciering exists only with education followed (Pw art. 13 lid 2 onder c).
    let study = try Self.run(
      ["evaluate", "--household", "-"],
      stdin: #"{"personen": [{"id": "s", "rol": "aanvrager", "geboortedatum": "2004-01-01", "studiefinanciering": true}, {"id": "t", "rol": "medebewoner", "geboortedatum": "2005-01-01", "studerend": true, "studiefinanciering": true}]}"#)
    #expect(study.status == 0, "\(study.stderr)")
    #expect(study.stderr.contains("personen[0] (s) heeft studiefinanciering: waar, maar studerend is niet waar"), "\(study.stderr)")
    #expect(!study.stderr.contains("personen[1]"), "\(study.stderr)")
    // A parent the document does not hold: the child is nobody's child in the rules (no combinatiekorting).
    #expect(labels.stderr.contains("personen[2] (m) is volgens kind_van een kind van 'medebewoner', maar het document noemt geen persoon met de rol medebewoner"))
  }

  @Test("Schrijven naar een koppeling of apparaat wordt geweigerd; een volle schijf is een melding, geen crash")
  func unwritableTargets() throws {
    let dir = try Scratch.directory("toets-doel")
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("uit.csv").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("elders.csv").path)
    for target in [link, "/dev/full", dir.path] {
      let r = try Self.run(["simulate", "--households", "50", "--csv", target])
      #expect(r.status != 0, "\(target)")
      #expect(r.stderr.contains("bestaat en is geen gewoon bestand"), "\(target)")
    }
    // The link still points where it did; nothing was written in its place.
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["uit.csv"])
  }

  @Test("Een reusachtig document wordt geweigerd voordat het tijd kost: te veel personen, te veel bytes")
  func hugeDocuments() throws {
    let kinderen = Array(repeating: #"{"rol": "kind", "geboortedatum": "2015-01-01"}"#, count: 20_000).joined(separator: ",")
    let many = try Self.run(["evaluate", "--household", "-"], stdin: #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01"}, \#(kinderen)]}"#)
    #expect(many.status == 2)
    #expect(many.stderr.contains("20001 personen: één huishoudendocument beschrijft één huishouden, met ten hoogste 100 personen"))
    // One problem, not one per person nor the aanvrager count after it (the excerpt of the line follows it).
    #expect(many.stderr.components(separatedBy: "error:").count == 2 && !many.stderr.contains("precies één persoon"))
    let file = try Scratch.file("groot", ext: "json", #"{"personen": [{"rol": "aanvrager", "geboortedatum": "1980-01-01"}]}"# + String(repeating: " ", count: 5 << 20))
    defer { try? FileManager.default.removeItem(at: file) }
    let large = try Self.run(["evaluate", "--household", file.path])
    #expect(large.status == 2 && large.stderr.contains("is groter dan 4 MiB"))
  }

  @Test("Een bevolking die niet in het geheugen past, wordt meteen geweigerd met wat zij zou vragen")
  func populationTooLarge() throws {
    for n in ["1000000000000", "9223372036854775807"] {
      let r = try Self.run(["simulate", "--households", n])
      #expect(r.status == 64, "\(n)")
      #expect(r.stderr.contains("--households \(n) vraagt") && r.stderr.contains("geheugen; deze machine heeft"))
    }
    let report = try Self.run(["report", "--households", "1000000000000", "--uit", "/tmp/niet-gemaakt"])
    #expect(report.status == 64 && report.stderr.contains("vraagt ongeveer"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/niet-gemaakt"))
    // Threads beyond any machine: refused before anything runs (the block arithmetic overflowed at Int.max).
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("toets-threads-\(UUID().uuidString)").path
    for command in [["simulate", "--households", "100"], ["validate", "--households", "1000", "--seeds", "1", "--output", dir]] {
      let r = try Self.run(command + ["--threads", "9223372036854775807"])
      #expect(r.status == 64 && r.stderr.contains("--threads is ten hoogste 1024"), "\(command[0]): \(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir))
  }

  @Test("Een bedrag dat niet in de 64 bits van de kernel past: onbepaald, met die reden (geen 'fout in de kernel')")
  func amountBeyondKernel() throws {
    let variant = try Scratch.file("reusachtig", ext: "yaml", """
      naam: Reusachtige standaardpremie
      beschrijving: een aanval op de kernel
      peildatum: 2026-01-01
      parameters:
        - parameter: zorgtoeslag.standaardpremie
          waarde: € 999.999.999.999.999.999.999
      """)
    defer { try? FileManager.default.removeItem(at: variant) }
    let r = try Self.run(["simulate", "--households", "200", "--variant", variant.path])
    #expect(r.status == 0, "\(r.stderr)")
    let zorgtoeslag = r.stdout.components(separatedBy: "\nzorgtoeslag.jaarbedrag\n").last ?? ""
    #expect(zorgtoeslag.contains("is groter dan de uitkomsten van de kernel in centen kunnen bevatten (64 bits"), "\(zorgtoeslag.prefix(1_500))")
    // One cause, one line: the sampled households counted together, not a line per amount.
    #expect(zorgtoeslag.contains("    100  het bedrag is groter dan"), "\(zorgtoeslag.prefix(1_500))")
    #expect(!r.stdout.contains("een fout in de kernel"))
  }

  @Test("Een huishouden dat de regels niet kunnen beslissen noemt het ontbrekende gegeven, exit 3")
  func undecided() throws {
    let json = #"{"partnerschap": "samenwonend", "personen": [{"rol": "aanvrager", "geboortedatum": "1990-01-01"}, {"rol": "partner", "geboortedatum": "1990-01-01"}]}"#
    let r = try Self.run(["evaluate", "--date", "2025-01-01", "--household", "-", "--format", "json"], stdin: json)
    #expect(r.status == 3)
    // Not a huurder and no children: huurtoeslag and kindgebonden budget are decided (€ 0) although the
    // toeslagpartner is not; AOW and bijstand have their own partner concepts and need no Awir facts. No
    // income at all: the bijstand is the gehuwdennorm, the tax nil; each partner's half grossed up with the
    // loonheffing (Pw art. 19 lid 4) is € 13.188 a year (worked examples in participatiewet/2025-01-01.md).
    #expect(r.stdout.contains("""
        "outputs": {
          "aow.bruto_maandbedrag": "0",
          "aow.vakantie_uitkering": "0",
          "bijstand.bruto_jaarbedrag": "26376",
          "bijstand.bruto_jaarbedrag_aanvrager": "13188",
          "bijstand.bruto_jaarbedrag_aio": "0",
          "bijstand.bruto_jaarbedrag_gemeente": "26376",
          "bijstand.maandbedrag": "1922.07",
          "bijstand.maandnorm": "1922.07",
          "bijstand.medebewoners_bruto_jaarbedrag_aio": "0",
          "bijstand.medebewoners_bruto_jaarbedrag_gemeente": "0",
          "bijstand.medebewoners_maandbedrag": "0",
          "huurtoeslag.maandbedrag": "0",
          "inkomstenbelasting.jaarbedrag": "0",
          "kindgebonden_budget.jaarbedrag": "0"
        }
      """))
    #expect(r.stdout.contains("\"zorgtoeslag.jaarbedrag\": {\n      \"code\": \"ontbrekend-gegeven\""))
    #expect(r.stdout.contains("\"code\": \"ontbrekend-gegeven\""))
    #expect(r.stderr.contains("relatie.gezamenlijk_kind"))
  }

  @Test("--help leert hoe het werkt")
  func help() throws {
    let r = try Self.run(["evaluate", "--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("--explain"))
    #expect(r.stdout.contains("Voorbeelden:"))
  }
}
