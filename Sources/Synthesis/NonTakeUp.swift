import ExactArithmetic
import LegalSource
import Population

/// Who does not claim what they are entitled to: a deterministic draw per household and regeling.
///
/// The scenario gives a rate per regeling (`niet_gebruik`, per mille of those entitled). Whether
/// household *h* leaves regeling *r* unclaimed depends only on the seed, *r* and *h*, so the figure is
/// the same on any thread count, in any pass of a report, and independent across regelingen (an
/// assumption: published rates come per regeling, not jointly). The draw ignores the amount, though
/// non-take-up is known to be higher where the amount is small, unless the scenario splits the regeling
/// by the amount against a norm (`niet_gebruik_naar_aanvulling`, ``Scenario/NonTakeUpByTopUp``): then
/// the same draw meets the rate of the household's side of the boundary. For the regeling the scenario
/// names as the bijstand's (`inkomen.bijstand_regeling`) the generator's draw of who lives on it decides
/// first (``AssistanceUse``): a drawn user claims, an entitled household of the same ages does not, and
/// only the others draw. An output named `<regeling>.medebewoners_…` holds the own claims of the others
/// who live in the household (adult children, housemates, as `zorgtoeslag.medebewoners_jaarbedrag`);
/// for the bijstand's regeling the draw of those members decides there, not the aanvrager's.
public struct NonTakeUp: Sendable {
  /// Per regeling code: the rate per mille.
  public let promille: [String: Int64]
  /// Per regeling code: the rates by the amount against a norm, where the scenario gives them.
  public let byTopUp: [String: Scenario.NonTakeUpByTopUp]
  /// The regeling whose users the generator draws (`inkomen.bijstand_regeling`), and in words how.
  public let drawnUsers: (code: String, note: String, membersNote: String)?
  let seed: UInt64

  public init(scenario: Scenario, seed: UInt64) {
    promille = scenario.nietGebruik ?? [:]
    byTopUp = scenario.nietGebruikNaarAanvulling ?? [:]
    drawnUsers = scenario.inkomen.bijstandRegeling.flatMap { code in
      scenario.assistanceUseNote(for: code).map { (code, $0, scenario.assistanceUseNote(for: code, members: true) ?? $0) }
    }
    self.seed = seed
  }

  /// The regeling an output belongs to: `zorgtoeslag` for `zorgtoeslag.jaarbedrag`.
  public static func regeling(ofOutput id: String) -> String { String(id.prefix { $0 != "." }) }

  /// The rate for the regeling an output belongs to, if the scenario gives one.
  public func rate(forOutput id: String) -> Int64? { promille[Self.regeling(ofOutput: id)] }

  /// The draw for one output's regeling, with its stream computed once (for loops over households);
  /// nil when the scenario gives the regeling no rate.
  public func draw(forOutput id: String) -> Draw? {
    let code = Self.regeling(ofOutput: id)
    guard let rate = promille[code] else { return nil }
    let members = Self.isMembersOutput(id)
    let users = drawnUsers.flatMap { $0.code == code ? (members ? $0.membersNote : $0.note) : nil }
    // The members of the bijstand's regeling draw on a stream of their own, apart from their aanvrager.
    let own = members && users != nil
    return Draw(rate: rate, seed: seed ^ Self.stream(own ? code + ".medebewoners" : code), byTopUp: byTopUp[code], drawnUsers: users, members: own)
  }

  /// Whether an output holds the own claims of the others in the household: `<regeling>.medebewoners_…`.
  public static func isMembersOutput(_ id: String) -> Bool {
    id.drop { $0 != "." }.dropFirst().hasPrefix("medebewoners_")
  }

  /// Whether household `h` leaves regeling `code` unclaimed.
  public func declines(_ code: String, household h: Int) -> Bool {
    guard let rate = promille[code] else { return false }
    return Draw(rate: rate, seed: seed ^ Self.stream(code)).declines(h)
  }

  /// The non-take-up of one regeling.
  public struct Draw: Sendable {
    /// The rate per mille (`niet_gebruik`): for every household, or with ``byTopUp`` for those whose
    /// amount or norm the rules leave undecided.
    public let rate: Int64
    let seed: UInt64
    /// The rates by the amount against a norm, or nil: one rate for all.
    public var byTopUp: Scenario.NonTakeUpByTopUp? = nil
    /// When the generator draws this regeling's users (`inkomen.bijstand_regeling`): how, in words.
    public var drawnUsers: String? = nil
    /// Whether the output holds the own claims of the others in the household (`<regeling>.medebewoners_…`),
    /// whose own draw decides (``AssistanceUse/init(packed:members:)``) where ``drawnUsers`` is set.
    public var members = false

    /// The rates in words, for a summary: "12 %", or by the amount against a norm, with the drawn users
    /// first where the generator draws them.
    public var note: String {
      let flat = DutchFormat.number(Rational(Int(rate)) / 10, maxFractionDigits: 1, minFractionDigits: 0) + " %"
      let rates = byTopUp?.note(otherwise: flat) ?? flat
      let others = members ? "overige medebewoners" : "overige aanvragers"
      return drawnUsers.map { "\($0); \(others) (zoals de AIO) \(rates)" } ?? rates
    }

    /// Whether household `h` leaves the regeling unclaimed, knowing how the generator drew it with respect
    /// to the bijstand (`use`; only for the regeling of `inkomen.bijstand_regeling`), else as
    /// ``declines(_:amount:norm:)``.
    public func declines(_ h: Int, use: AssistanceUse, amount: Int64?, norm: Int64?) -> Bool {
      if drawnUsers != nil {
        switch use {
        case .user: return false
        case .nonUser: return true
        case .unknown: break
        }
      }
      return declines(h, amount: amount, norm: norm)
    }

    /// Whether household `h` leaves the regeling unclaimed at the flat rate.
    @inline(__always)
    public func declines(_ h: Int) -> Bool { declines(h, promille: rate) }

    /// Whether household `h` leaves the regeling unclaimed, given its amount and norm (the outputs of
    /// ``byTopUp``, in the same unit; nil where the rules leave one undecided). Without ``byTopUp`` the
    /// flat rate.
    public func declines(_ h: Int, amount: Int64?, norm: Int64?) -> Bool {
      guard let split = byTopUp else { return declines(h, promille: rate) }
      guard let amount, let norm, norm > 0 else { return declines(h, promille: rate) }
      // amount / norm ≥ grens / 100, in 128-bit integers: no product of two Int64 values overflows.
      let full = Int128(amount) * 100 >= Int128(norm) * Int128(split.grensProcent)
      return declines(h, promille: full ? split.vanafGrens : split.onderGrens)
    }

    /// The one draw of household `h` for this regeling, against `promille`.
    @inline(__always)
    func declines(_ h: Int, promille: Int64) -> Bool {
      guard promille > 0 else { return false }
      var random = RandomSource(seed: seed, stream: UInt64(h))
      return random.below(1000) < UInt64(promille)
    }
  }

  /// A stable 64-bit number for a regeling code (FNV-1a), so each regeling has its own draw.
  static func stream(_ code: String) -> UInt64 {
    var hash = FNV1a()
    hash.add(code.utf8)
    return hash.value
  }
}
