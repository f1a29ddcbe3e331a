import LegalSource

/// Where a person's income comes from, so that the income tax and the bijstand (which ask for loon,
/// uitkering and pensioen, not one total) can be computed on the synthetic population.
///
/// The scenario draws one personal income per adult (CBS 83931NED); this section splits it into the
/// components of the household document: below ``pensioenVanaf`` a share per age band (per mille) has it
/// as an uitkering and the others as loon; from ``pensioenVanaf`` on, the part above ``aowInInkomen`` is
/// an aanvullend pensioen (the AOW itself comes from the AOW rules, not from the scenario).
///
/// ``toetsingsinkomen`` says whether the drawn income is also given as the person's toetsingsinkomen
/// (`opgegeven`, the form of the Basisregistratie Inkomen) or left out so that the rules derive it from
/// the components, the AOW, the eigen woning, box 3 and the bijstand (`afgeleid`, Awir art. 8 and AWR
/// art. 21e as the regulations encode them).
extension Scenario {
  public struct IncomeSources: Sendable, Codable {
    /// `[van, tot, promille]`: persons of that age (tot exclusive) whose income is an uitkering.
    public var uitkeringPromille: [[Int64]]
    /// From this age on the income is AOW plus aanvullend pensioen.
    public var pensioenVanaf: Int64
    /// The yearly AOW contained in the personal income of a person from ``pensioenVanaf`` on, in euros.
    public var aowInInkomen: Int64
    /// `opgegeven` (the default) or `afgeleid`; see ``derivesToetsingsinkomen``.
    public var toetsingsinkomen: String?
    /// The werkgeversheffing Zvw to take out of loon and uitkering (``EmployerHealthLevy``), or `nil`.
    public var werkgeversheffingZvw: EmployerHealthLevy?

    /// The values ``toetsingsinkomen`` may have.
    public static let toetsingsinkomenValues = ["afgeleid", "opgegeven"]

    /// Whether the scenario leaves the toetsingsinkomen to the rules (`toetsingsinkomen: afgeleid`).
    /// Where the rules of the peildatum cannot derive it, the generator still gives it (see
    /// ``Generator/givesToetsingsinkomen``).
    public var derivesToetsingsinkomen: Bool { toetsingsinkomen == "afgeleid" }

    enum CodingKeys: String, CodingKey {
      case uitkeringPromille = "uitkering_promille"
      case pensioenVanaf = "pensioen_vanaf"
      case aowInInkomen = "aow_in_inkomen"
      case toetsingsinkomen
      case werkgeversheffingZvw = "werkgeversheffing_zvw"
    }

    static let shape = YAMLShape.mapping([
      "uitkering_promille": .value, "pensioen_vanaf": .value, "aow_in_inkomen": .value, "toetsingsinkomen": .value,
      "werkgeversheffing_zvw": EmployerHealthLevy.shape,
    ])

    func validate(_ fail: (String) -> ScenarioError) throws {
      for b in uitkeringPromille where b.count != 3 || b[0] < 0 || b[1] <= b[0] || b[1] > 131 || !(0...1000).contains(b[2]) {
        throw fail("inkomensbron.uitkering_promille: iedere band is [van, tot, aantal per duizend] met 0 ≤ van < tot ≤ 131 en een aantal van 0 tot en met 1000")
      }
      let sorted = uitkeringPromille.sorted { $0[0] < $1[0] }
      for (a, b) in zip(sorted, sorted.dropFirst()) where b[0] < a[1] {
        throw fail("inkomensbron.uitkering_promille: de banden [\(a[0]), \(a[1])) en [\(b[0]), \(b[1])) overlappen; iedere leeftijd hoort bij hoogstens één band")
      }
      guard (18...130).contains(pensioenVanaf) else { throw fail("inkomensbron.pensioen_vanaf: een leeftijd van 18 tot en met 130, niet \(pensioenVanaf)") }
      guard (0...1_000_000).contains(aowInInkomen) else { throw fail("inkomensbron.aow_in_inkomen: euro's per jaar van 0 tot en met 1.000.000, niet \(aowInInkomen)") }
      if let t = toetsingsinkomen, !Self.toetsingsinkomenValues.contains(t) {
        let hint = Spelling.suggestion(for: t, among: Self.toetsingsinkomenValues).map { "; bedoelt u '\($0)'?" } ?? ""
        // A long value is shown clipped: the message names the mistake, it does not echo a whole file.
        let shown = t.isEmpty ? "leeg" : "'\(t.count > 40 ? t.prefix(40) + "…" : Substring(t))'"
        throw fail("inkomensbron.toetsingsinkomen: 'afgeleid' of 'opgegeven', niet \(shown)\(hint)")
      }
      try werkgeversheffingZvw?.validate(fail)
    }
  }
}

extension Scenario.IncomeSources {
  /// Decodes the section; `toetsingsinkomen:` without a value is kept as an empty text, so that
  /// validation refuses it rather than reading it as absent (and silently `opgegeven`); an empty
  /// `werkgeversheffing_zvw:` is refused here.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    uitkeringPromille = try c.decode([[Int64]].self, forKey: .uitkeringPromille)
    pensioenVanaf = try c.decode(Int64.self, forKey: .pensioenVanaf)
    aowInInkomen = try c.decode(Int64.self, forKey: .aowInInkomen)
    if c.contains(.toetsingsinkomen) {
      toetsingsinkomen = try c.decodeNil(forKey: .toetsingsinkomen) ? "" : c.decode(String.self, forKey: .toetsingsinkomen)
    }
    // `werkgeversheffing_zvw:` without a block is refused, not read as absent (and silently no levy).
    if c.contains(.werkgeversheffingZvw), try c.decodeNil(forKey: .werkgeversheffingZvw) {
      throw DecodingError.valueNotFound(
        Scenario.EmployerHealthLevy.self, .init(codingPath: c.codingPath + [CodingKeys.werkgeversheffingZvw], debugDescription: "leeg"))
    }
    werkgeversheffingZvw = try c.decodeIfPresent(Scenario.EmployerHealthLevy.self, forKey: .werkgeversheffingZvw)
  }
}

/// One person's yearly income in cents: the inkomensgegeven and its components.
struct PersonIncome: Sendable {
  /// The drawn personal income (CBS's concept, with a werkgeversheffing Zvw in it).
  var inkomensgegeven: Int64 = 0
  /// The werkgeversheffing Zvw taken out of loon or uitkering (``Scenario/EmployerHealthLevy``).
  var werkgeversheffing: Int64 = 0
  var loon: Int64 = 0
  var uitkering: Int64 = 0
  var pensioen: Int64 = 0

  /// `income` split by the scenario's sources for a person of `age` (one draw for the uitkering share);
  /// `indexed` brings the scenario's AOW part and maximum bijdrage-inkomen to the same year as the income.
  static func split(
    _ income: Int64, age: Int64, sources: Scenario.IncomeSources?, _ r: inout RandomSource, indexed: (Int64) -> Int64 = { $0 }
  ) -> PersonIncome {
    var p = PersonIncome(inkomensgegeven: income)
    guard let sources, income > 0 else { return p }
    if age >= sources.pensioenVanaf {
      p.pensioen = max(0, income - indexed(sources.aowInInkomen * 100))
      return p
    }
    let isUitkering = sources.uitkeringPromille.first(where: { (($0[0])..<($0[1])).contains(age) }).map { r.chance(UInt64($0[2]), in: 1000) } ?? false
    let wage = sources.werkgeversheffingZvw.map { $0.wage(inPersonalIncome: income, maximum: indexed($0.maximumBijdrageInkomen * 100)) } ?? income
    p.werkgeversheffing = income - wage
    if isUitkering { p.uitkering = wage } else { p.loon = wage }
    return p
  }
}
