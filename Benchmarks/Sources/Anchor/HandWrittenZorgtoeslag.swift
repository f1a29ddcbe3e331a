import ExactArithmetic
import Population

/// The zorgtoeslag 2025 written by hand in plain Swift over the same columns: the physical-limit
/// anchor the compiled kernel is measured against.
///
/// It computes exactly what the rules in `Regulations/zorgtoeslag/2025-01-01.md` and
/// `Regulations/awir/2025-01-01.md` compute (the benchmark checks every household against the
/// kernel before timing): toeslagpartner (Awir art. 3 lid 1 with AWR 5a, lid 2 on the facts whatever
/// partnership is declared, lid 4, lid 5 a and b with lid 9), verzekerde per month (Wzt art. 1
/// c), normpremie, the 50% rule, the vermogenstoets, the monthly sum, rounding and the € 24 minimum.
/// Amounts are integers in units of 10⁻⁸ euro, which hold every intermediate exactly. Of the engine
/// it uses only the population's columns and `CivilDate`'s day-number conversions.
public struct HandWrittenZorgtoeslag: Sendable {
  let personStart: [Int32]
  let role: [UInt8]
  let birth: [Int32]
  let income: [Int64]
  let vermogen: [Int64]
  let insured: [UInt8]
  let resident: [UInt8]
  /// Registered at the address in the BRP (`ingeschreven_op_adres`, Awir art. 3 lid 2 aanhef).
  let registered: [UInt8]
  let firstDegree: [UInt8]
  /// `verwantschap` as the index of its enumeration value (0 = 'geen').
  let kinship: [UInt8]
  /// `relatie.verzoek_geen_partners` (Awir art. 3 lid 5 b, lid 9); absent means false.
  let request: [UInt8]
  let partnerschap: [UInt8]
  let relation: [[UInt8]]

  // 2025 values (Wzt art. 2 lid 3 and art. 3, Regeling standaardpremie 2025, WML): units of 10⁻⁸ euro.
  static let unit: Int64 = 100_000_000
  static let standaardpremie: Int64 = 2_112 * unit
  static let drempel: Int64 = 2_840_572_800_000  // 1,08 × 12 × 2.191,80 = 28.405,728
  // percentages in units of 10⁻⁵: 4,273% = 4273, 1,896% = 1896, 13,7% = 13700
  static let pctPartners: Int64 = 4273
  static let pctSingle: Int64 = 1896
  static let pctIncome: Int64 = 13700
  static let limitSingle: Int64 = 141_896_00  // cents
  static let limitPartners: Int64 = 179_429_00

  public init(_ p: PopulationData) {
    func bytes(_ c: ColumnData?) -> [UInt8] {
      if case .uint8(let a)? = c { return a }
      return []
    }
    personStart = p.personStart
    role = p.role
    if case .int32(let b)? = p.personColumns["geboortedatum"] { birth = b } else { birth = [] }
    if case .int64(let i)? = p.personColumns["toetsingsinkomen"] { income = i } else { income = [] }
    if case .int64(let v)? = p.personColumns["vermogen"] { vermogen = v } else { vermogen = [] }
    insured = bytes(p.personColumns["zorgverzekerd"])
    resident = bytes(p.personColumns["ingezetene"])
    firstDegree = bytes(p.personColumns["eerstegraads_verwant"])
    registered = bytes(p.personColumns["ingeschreven_op_adres"])
    kinship = bytes(p.personColumns["verwantschap"])
    request = bytes(p.householdColumns["relatie.verzoek_geen_partners"])
    partnerschap = bytes(p.householdColumns["partnerschap"])
    relation = ["gezamenlijk_kind", "erkend_kind", "pensioenpartner", "gezamenlijke_eigen_woning", "partner_vorig_jaar", "zakelijke_huurovereenkomst", "samenlevingscontract"]
      .map { bytes(p.householdColumns["relatie." + $0]) }
  }

  /// For a birth date: the first month of 2025 (0…12) on whose first day the person is 18, and the
  /// first month after the month of the 18th birthday. Pure arithmetic on year, month and day.
  @inline(__always) static func eighteen(_ birth: Int32) -> (Int, Int) {
    var (y, m, d) = CivilDate.civil(fromDays: Int(birth))
    y += 18
    if m == 2 && d == 29 && !CivilDate.isLeap(y) {
      m = 3
      d = 1
    }
    // Months since January 2025 of the birthday; the first of a month counts from that month.
    let index = (y - 2025) * 12 + (m - 1)
    let adult = min(12, max(0, d == 1 ? index : index + 1))
    let verzekerde = min(12, max(0, index + 1))
    return (adult, verzekerde)
  }

  /// The zorgtoeslag in cents for households `range`, written to `out`; returns the total.
  public func run(_ range: Range<Int>, into out: UnsafeMutablePointer<Int64>) -> Int64 {
    var total: Int64 = 0
    for h in range {
      let a = Int(personStart[h])
      let end = Int(personStart[h + 1])
      let hasPartner = end - a > 1 && role[a + 1] == 1
      let p = a + 1
      if resident[a] == 0 {
        out[h] = -1  // undecided: not formalised (Wzt art. 4a)
        continue
      }
      // Month index (0…12) from which each person is 18 (toeslagpartner), is verzekerde (Wzt art. 1 c:
      // from the month after the 18th birthday), and until which some child is under 18.
      let (adultA, verzA0) = Self.eighteen(birth[a])
      let verzA = insured[a] != 0 ? verzA0 : 12
      var adultP = 12
      var verzP = 12
      if hasPartner {
        let (ad, vz) = Self.eighteen(birth[p])
        adultP = ad
        verzP = insured[p] != 0 ? vz : 12
      }
      var minorUntil = -1
      for k in a..<end where role[k] == 2 { minorUntil = max(minorUntil, Self.eighteen(birth[k]).0 - 1) }
      var sum: Int64 = 0  // Σ over months of twice the yearly aanspraak, in 10⁻⁸ euro (twice: the 50% rule stays exact)
      let status = Int(partnerschap[h])
      // Awir art. 3 lid 5 a (with lid 9) and b: who cannot be a toeslagpartner. Enumeration indices of
      // `verwantschap`: 1 kind, 2 ouder (bloedverwant in de eerste graad); 3 stiefkind, 4 stiefouder,
      // 5 schoonkind, 6 schoonouder (aanverwant); 7 pleegkind, 8 pleegouder.
      var excluded = false
      if hasPartner {
        let k = kinship.isEmpty ? 0 : kinship[p]
        let asked = !request.isEmpty && request[h] != 0
        excluded = firstDegree[p] != 0 || k == 1 || k == 2 || (asked && (3...8).contains(k))
      }
      let registeredP = hasPartner && (registered.isEmpty || registered[p] != 0)
      for month in 0..<12 {
        var partner = false
        if hasPartner && !excluded {
          // Lid 1 (AWR 5a): married, registered, or a notarial cohabitation contract between adults.
          let fiscal = status == 1 || status == 2 || (status == 3 && relation[6][h] != 0 && month >= adultA && month >= adultP)
          // Lid 2 on the facts, whatever partnership is declared (keuze partnerschap-feiten-beslissen).
          let lid2 = !fiscal && registeredP
            && (relation[0][h] != 0 || relation[1][h] != 0 || relation[2][h] != 0 || relation[3][h] != 0
              || (month >= adultA && month >= adultP && month <= minorUntil && relation[5][h] == 0) || relation[4][h] != 0)
          partner = fiscal || lid2
        }
        let verzekerdeA = month >= verzA
        let verzekerdeP = partner && month >= verzP
        guard verzekerdeA || verzekerdeP else { continue }
        let wealth = partner ? vermogen[a] + vermogen[p] : vermogen[a]
        if wealth > (partner ? Self.limitPartners : Self.limitSingle) { continue }
        let premieInkomen = (partner ? income[a] + income[p] : income[a]) * 1_000_000  // cents → 10⁻⁸ euro
        let meer = max(0, premieInkomen - Self.drempel)
        let norm = ((partner ? Self.pctPartners : Self.pctSingle) * Self.drempel + Self.pctIncome * meer) / 100_000
        let standaard = partner ? 2 * Self.standaardpremie : Self.standaardpremie
        let aanspraak = max(0, standaard - norm)
        sum += partner && verzekerdeA != verzekerdeP ? aanspraak : 2 * aanspraak
      }
      // Σ (aanspraak / 12), rounded to whole euros (Awir art. 14 lid 4), € 24 minimum (lid 5).
      let denominator = 24 * Self.unit
      let euros = (2 * sum + denominator) / (2 * denominator)
      let cents = euros < 24 ? 0 : euros * 100
      out[h] = cents
      total += cents
    }
    return total
  }
}
