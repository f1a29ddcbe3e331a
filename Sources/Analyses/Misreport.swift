import ExactArithmetic
import Population
import RuleIR

/// One way a household could misreport a fact it declares itself, as an edit of the population.
///
/// Each misreport names the fact (by its field in the household document) and what is reported
/// instead; ``apply(to:program:)`` gives the population as the rules would then see it, and for every
/// household there the household it stands for in the truthful population.
public struct Misreport: Sendable {
  public let id: String
  /// What the household reports instead of the truth, in plain Dutch.
  public let label: String
  /// The household-document field the misreport changes.
  public let field: String
  /// When the gain is only temporary (a later check against a registry recovers it), why.
  public let recovery: String?
  /// Households the model cannot show the misreport for, given the truthful outcomes: they leave
  /// `applies` (nil: none).
  var excluded: (@Sendable (PopulationData, Outcomes) -> [Bool])? = nil
  let edit: @Sendable (PopulationData, Program) -> (PopulationData, origin: [Int32]?, applies: [Bool])

  /// The misreports the model simulates, for the facts whose herkomst is `opgave` (and the income
  /// estimate the toeslagen advance is based on).
  public static let catalogue: [Misreport] = [
    Misreport(
      id: "leefvorm", label: "samenwonenden melden dat zij apart wonen (partner op een ander adres)", field: "partnerschap",
      recovery: nil
    ) { p, program in
      let (applies, none) = cohabiting(p, program)
      let (split, origin) = p.splittingPartners(where: { applies[$0] }, none: none)
      return (split, origin, applies)
    },
    Misreport(
      id: "partnerschap-label", label: "samenwonenden geven als partnerschap 'geen' op; de partner blijft op het adres, met dezelfde feiten",
      field: "partnerschap", recovery: nil
    ) { p, program in
      // The label against the facts: Awir art. 3 lid 2 and Pw art. 3 lid 4 decide on the facts, so what
      // this gains shows where a law still follows the label.
      let (applies, none) = cohabiting(p, program)
      return (p.editingHouseholds("partnerschap") { h, v in applies[h] ? none : v }, nil, applies)
    },
    Misreport(
      id: "inkomen-partner", label: "het inkomen van de partner wordt bij de aanvraag op nihil geschat", field: "toetsingsinkomen",
      recovery: "het toetsingsinkomen komt uit de BRI: bij de definitieve berekening wordt het voorschot herzien en teruggevorderd (Awir art. 16 en 26)",
      excluded: { p, truth in
        // With a derived toetsingsinkomen, the partner's opgegeven € 0 makes the others' toetsingsinkomen
        // their verzamelinkomen without their bruto bijstand (keuze toetsingsinkomen-met-bruto-bijstand):
        // for a household with bijstand the gain would include that, so it is left out.
        guard p.derivesToetsingsinkomen, let o = truth.index(of: "bijstand.bruto_jaarbedrag") else { return Array(repeating: false, count: p.householdCount) }
        return (0..<p.householdCount).map { truth.undecided[o][$0] || truth.yearly[o][$0] != 0 }
      }
    ) { p, _ in
      let income = p.personalIncome
      let applies = p.households { row, role in role == 1 && (income?[row] ?? 0) > 0 }
      guard p.derivesToetsingsinkomen else {
        return (p.editingPersons("toetsingsinkomen") { _, role, v in role == 1 ? 0 : v }, nil, applies)
      }
      // The rules derive everyone's toetsingsinkomen: the estimate is an opgegeven € 0 for the partner
      // alone (a presence column), the others keep theirs derived.
      var edited = p.editingPersons("toetsingsinkomen") { _, _, _ in 0 }
      edited.personColumns[PopulationData.presenceColumn(for: "toetsingsinkomen")] = .uint8(p.role.map { $0 == 1 ? 1 : 0 })
      return (edited, nil, applies)
    },
    Misreport(
      id: "huur", label: "de huur wordt € 50 per maand te hoog opgegeven", field: "woning.rekenhuur", recovery: nil
    ) { p, _ in
      let tenant = p.householdColumns["woning.huurder"]
      let applies = (0..<p.householdCount).map { (tenant?[$0] ?? 0) != 0 }
      return (p.editingHouseholds("woning.rekenhuur") { h, v in applies[h] ? v + 5_000 : v }, nil, applies)
    },
    Misreport(
      id: "vermogen", label: "het vermogen (box 3) wordt niet opgegeven", field: "vermogen",
      recovery: "de rendementsgrondslag staat in de aangifte inkomstenbelasting; een latere vergelijking kan het voorschot herzien (Awir art. 16 en 26)"
    ) { p, _ in
      let wealth = p.personColumns["vermogen"]
      let applies = p.households { row, _ in (wealth?[row] ?? 0) > 0 }
      return (p.editingPersons("vermogen") { _, _, _ in 0 }, nil, applies)
    },
    Misreport(
      id: "handicap", label: "een handicap wordt opgegeven zonder indicatie", field: "handicap", recovery: nil
    ) { p, _ in
      let applies = [Bool](repeating: true, count: p.householdCount)
      return (p.editingPersons("handicap") { _, role, v in role == 0 ? 1 : v }, nil, applies)
    },
  ]

  /// Which households declare `samenwonend`, and the code of `geen` in the program's enumeration.
  static func cohabiting(_ p: PopulationData, _ program: Program) -> (applies: [Bool], none: Int64) {
    let codes = program.enumerations["partnerschap"] ?? []
    let together = Int64(codes.firstIndex(of: "samenwonend") ?? -1)
    let none = Int64(codes.firstIndex(of: "geen") ?? 0)
    let column = p.householdColumns["partnerschap"]
    return ((0..<p.householdCount).map { h in column.map { $0[h] == together } ?? false }, none)
  }

  /// The population as the rules see it after the misreport, for every household there the household
  /// it stands for, and which truthful households the misreport applies to (without those ``excluded``
  /// leaves out, given the truthful outcomes `baseline`).
  public func apply(to population: PopulationData, program: Program, baseline: Outcomes? = nil) -> (PopulationData, origin: [Int32]?, applies: [Bool]) {
    let (edited, origin, applies) = edit(population, program)
    guard let excluded, let baseline else { return (edited, origin, applies) }
    let out = excluded(population, baseline)
    return (edited, origin, zip(applies, out).map { $0 && !$1 })
  }
}
