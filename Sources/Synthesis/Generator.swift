import ExactArithmetic
import Foundation
import Population
import RuleIR

/// Generates a synthetic population from a scenario, in columns, deterministically.
///
/// Households are generated in chunks of ``chunkSize``; chunk *i* draws from its own random stream
/// (seed, *i*), chunks run in parallel and are joined in order. The same scenario, seed and date give
/// the same population on any number of threads.
public struct Generator: Sendable {
  public static let chunkSize = 16_384

  let scenario: Scenario
  let date: CivilDate
  let partnerschapCodes: [String: UInt8]
  /// Codes of `verwantschap` 'kind' and of `kind_van` 'aanvrager' and 'aanvrager en partner'.
  let childKinship: UInt8
  let parentIsHead: UInt8
  let parentIsCouple: UInt8
  var sampler: Sampler
  /// How the bijstand persons are spread over ages (`inkomen.bijstand_naar_leeftijd`), or `nil`.
  public var assistanceSpread: AssistanceByAge? { sampler.incomeZeroByAge }
  /// How the bijstand persons are spread over ages and leefvormen (`inkomen.bijstand_naar_leefvorm`), or `nil`.
  public var assistanceByHousehold: AssistanceSpread? { sampler.assistanceUnits }
  /// How income follows the place in the household (`inkomen.naar_leefvorm`) as one line: the calibrated
  /// weights, and a warning where the published ratio is not reached; `nil` without the section.
  public var incomeByPlaceNote: String? { sampler.incomeByPlace?.note }
  /// The equivalence scale the tenure profile ranks households by (`nil`: the couple's gross income).
  let tenureScale: EquivalenceScale?
  /// For every age 0…129: the earliest and latest birth day giving that age on the date.
  let birthRanges: [ClosedRange<Int64>]
  /// Aanvragers born before this day had the AOW before 2015 (scenario `partnertoeslag.geboren_voor`).
  let transitionalBirthLimit: Int32?
  let ageGaps: Sampler.Bands?
  /// Incomes of the table year brought to the date's year (scenario `indexering`).
  public let indexing: Indexing
  let indexFixedPoint: Int128
  /// Rents of the ranges' base years brought to the date (scenario `wonen.huurstijging`).
  public let rents: RentIndexing
  /// Kale huren of corporations and of other landlords, drawn and indexed to the date.
  let rentSamplers: (social: RentSampler, free: RentSampler)
  /// The chance to rent by household type and income (scenario `wonen.huur_naar_huishoudtype` and
  /// `wonen.huur_naar_inkomen`), calibrated on a pilot.
  public var tenure: TenureProfile? { tenureValue }
  var tenureValue: TenureProfile?
  /// How partners' incomes hang together (`inkomen.tweeverdieners`), or `nil`: drawn independently.
  public var partnerCoupling: PartnerIncomeCoupling? { couplingValue }
  /// The calibrated coupling of partners' incomes as one line (``PartnerIncomeCoupling/note``), or `nil`.
  public var partnerCouplingNote: String? { couplingValue?.note }
  /// How vermogen follows the aanvrager's age within each tenure as one line (``WealthByAge/note``), or `nil`.
  public var wealthByAgeNote: String? { sampler.wealthByAge?.note }
  var couplingValue: PartnerIncomeCoupling?
  /// Whether the population gives every person's toetsingsinkomen (the drawn income). False when the
  /// scenario says `inkomensbron.toetsingsinkomen: afgeleid` and a rule valid on the date derives it
  /// when absent (``Program/derivesWhenAbsent(field:on:)``); the Awir of 2024 does not, so a 2024
  /// population keeps giving it rather than fall back to the default € 0.
  public let givesToetsingsinkomen: Bool
  /// The WOZ value and mortgage interest of owners (scenario `eigen_woning`), or `nil`.
  let ownerHomes: OwnerHomeSampler?
  /// Owners' homes are drawn from stream (chunk stream + this), so the section moves no other draw.
  static let ownerHomeStreamOffset: UInt64 = 0x4000_0000_0000_0000
  /// Students among the aanvragers living alone (`studenten`) are drawn from stream (chunk stream + this),
  /// so the section changes who studies and nothing else.
  static let studentStreamOffset: UInt64 = 0x2000_0000_0000_0000
  /// Who lives on the bijstand by leefvorm (`inkomen.bijstand_naar_leefvorm`) is drawn from stream (chunk
  /// stream + this).
  static let assistanceStreamOffset: UInt64 = 0x1000_0000_0000_0000
  /// The vermogen of households on the bijstand (`vermogen_bijstand`) is drawn from stream (chunk stream +
  /// this), so the section changes their vermogen and nothing else.
  static let assistanceWealthStreamOffset: UInt64 = 0x0800_0000_0000_0000

  /// - Parameters:
  ///   - program: supplies the order of the `partnerschap`, `verwantschap` and `ouderrol` enumerations,
  ///     so codes match the rules.
  ///   - date: ages are drawn relative to this date.
  public init(scenario: Scenario, program: Program, date: CivilDate) {
    var uncalibrated = Generator(scenario: scenario, program: program, date: date, tenure: nil)
    // Who lives on the bijstand by age first: it moves who has income, which the rest is calibrated on.
    if scenario.inkomen.bijstandNaarLeefvorm == nil { uncalibrated.sampler.incomeZeroByAge = uncalibrated.assistanceByAge() }
    uncalibrated.sampler.assistanceUnits = uncalibrated.assistanceSpreadByHousehold()
    // Then income by place in the household, counted on who has income.
    uncalibrated.sampler.incomeByPlace = uncalibrated.calibratedIncomeByPlace()
    // First who lives with whom (it moves household incomes), then who rents by household income.
    uncalibrated.couplingValue = uncalibrated.calibratedCoupling()
    if scenario.wonen.huurNaarInkomen != nil || scenario.wonen.huurNaarHuishoudtype != nil {
      let pilot = uncalibrated.pilotSample()
      uncalibrated.tenureValue = TenureProfile(
        pilot: Self.householdIncomes(pilot, scale: scenario.wonen.huurNaarInkomen?.scale), types: pilot.householdType,
        groups: scenario.tenureGroups,
        fallback: Rational(Int(scenario.wonen.huurPromille)) / 1000, target: scenario.wonen.huurNaarInkomen?.target)
    }
    // Last, vermogen by age within each tenure: who rents is known now.
    uncalibrated.sampler.wealthByAge = uncalibrated.calibratedWealthByAge()
    self = uncalibrated
  }

  init(scenario: Scenario, program: Program, date: CivilDate, tenure: TenureProfile?) {
    self.tenureValue = tenure
    self.scenario = scenario
    self.date = date
    var codes: [String: UInt8] = [:]
    for (i, v) in (program.enumerations["partnerschap"] ?? []).enumerated() { codes[v] = UInt8(i) }
    partnerschapCodes = codes
    childKinship = Self.code(of: "kind", in: program.enumerations["verwantschap"])
    parentIsHead = Self.code(of: "aanvrager", in: program.enumerations["ouderrol"])
    parentIsCouple = Self.code(of: "aanvrager en partner", in: program.enumerations["ouderrol"])
    sampler = Sampler(scenario)
    tenureScale = scenario.wonen.huurNaarInkomen?.scale
    transitionalBirthLimit = scenario.partnertoeslag.flatMap { CivilDate(iso: $0.geborenVoor) }.map { Int32($0.dayNumber) }
    ageGaps = scenario.partnertoeslag.map { Sampler.Bands($0.leeftijdsverschil) }
    indexing = Indexing(scenario.indexering, year: Int64(date.year))
    indexFixedPoint = indexing.fixedPoint
    rents = RentIndexing(scenario.wonen.huurstijging, date: date)
    rentSamplers = (RentSampler(scenario.wonen.huurSociaal, index: rents.social), RentSampler(scenario.wonen.huurVrij, index: rents.free))
    ownerHomes = OwnerHomeSampler(scenario.eigenWoning)
    givesToetsingsinkomen = !(scenario.inkomensbron?.derivesToetsingsinkomen ?? false)
      || !program.derivesWhenAbsent(field: "toetsingsinkomen", on: date)
    birthRanges = (0..<130).map { age in
      Int64(date.adding(years: -age - 1).adding(days: 1).dayNumber)...Int64(date.adding(years: -age).dayNumber)
    }
  }

  /// Generates `count` households on `threads` threads; `progress` hears the number of households
  /// generated so far (from any thread).
  public func generate(count: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) -> PopulationData {
    generate(count: count, chunks: 0..<Partition.chunkCount(households: count), threads: threads, progress: progress)
  }

  /// Generates the chunks `chunks` of a population of `count` households (one ``Partition`` of it):
  /// exactly the households those chunks hold when the whole population is generated.
  public func generate(count: Int, chunks: Range<Int>, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) -> PopulationData {
    let results = ChunkResults(count: chunks.count)
    let done = ProgressCounter()
    let perThread = (chunks.count + max(1, threads) - 1) / max(1, threads)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, chunks.count))) { t in
      for slot in (t * perThread)..<min(chunks.count, (t + 1) * perThread) {
        let c = chunks.lowerBound + slot
        let n = min(Self.chunkSize, count - c * Self.chunkSize)
        results.store(generateChunk(index: c, households: n), at: slot)
        let total = done.add(n)
        progress?(total)
      }
    }
    return PopulationData.concatenate((0..<max(1, chunks.count)).map { results.take($0) })
  }

  /// One chunk, drawn from random stream `index`.
  /// The column code of an enumeration value (its index in the declaration), 0 when absent.
  static func code(of value: String, in values: [String]?) -> UInt8 {
    UInt8((values ?? []).firstIndex(of: value) ?? 0)
  }

  public func generateChunk(index: Int, households: Int) -> PopulationData {
    generateChunk(stream: UInt64(index), households: households)
  }

  func generateChunk(stream: UInt64, households: Int) -> PopulationData {
    var random = RandomSource(seed: scenario.zaad, stream: stream)
    var homes = RandomSource(seed: scenario.zaad, stream: stream &+ Self.ownerHomeStreamOffset)
    var students = RandomSource(seed: scenario.zaad, stream: stream &+ Self.studentStreamOffset)
    var assistance = RandomSource(seed: scenario.zaad, stream: stream &+ Self.assistanceStreamOffset)
    var assistanceWealth = RandomSource(seed: scenario.zaad, stream: stream &+ Self.assistanceWealthStreamOffset)
    var b = ChunkBuilder(capacity: households, withSources: scenario.inkomensbron != nil, withOwnerHomes: ownerHomes != nil)
    b.givesToetsingsinkomen = givesToetsingsinkomen
    b.separatesLevy = scenario.inkomensbron?.werkgeversheffingZvw != nil
    b.marksAssistance = sampler.assistanceUnits != nil
    for _ in 0..<households {
      household(&random, homes: &homes, students: &students, assistance: &assistance, assistanceWealth: &assistanceWealth, &b)
    }
    return b.build()
  }

  /// Draws one household and appends its rows.
  func household(
    _ r: inout RandomSource, homes: inout RandomSource, students: inout RandomSource, assistance: inout RandomSource,
    assistanceWealth: inout RandomSource, _ b: inout ChunkBuilder
  ) {
    let kind = sampler.composition.pick(&r)
    // kind: 0 alleenstaand, 1/2 paar zonder kinderen gehuwd/samenwonend, 3/4 paar met kinderen, 5 eenouder, 6 medebewoners
    let type: HouseholdType
    switch kind {
    case 0: type = .alleenstaand
    case 1, 2: type = .paarZonderKinderen
    case 3, 4: type = .paarMetKinderen
    case 5: type = .eenouder
    default: type = .metMedebewoners
    }
    let couple = (1...4).contains(kind)
    let married = kind == 1 || kind == 3
    b.startHousehold(type: type.rawValue)
    let headAge = sampler.age[type]!.pick(&r)
    let headBirth = birthDate(age: headAge, &r)
    // A couple the partner coupling picks draws the aanvrager's income by rank, for the partner to share.
    let coupled = couple && couplingValue.map { r.chance($0.perMillion, in: 1_000_000) } ?? false
    let headStudent = kind == 0 && isStudentAlone(age: headAge, &students)
    // With bijstand_naar_leefvorm: the aanvrager's unit (a couple together) lives on the bijstand.
    let onAssistance = !headStudent && livesOnAssistance(.head(of: type), age: headAge, &assistance)
    // AOW art. 8 (oud): an aanvrager who was a pensioner before 2015 may have a much younger partner.
    let transitional = transitionalBirthLimit.map { headBirth < $0 } ?? false
    var oudToeslagrecht = false
    var partnerAge: Int64 = 0
    if couple {
      partnerAge = Self.partnerAge(head: headAge, offset: r.integer(in: Self.partnerAgeOffsets))
      if transitional, let p = scenario.partnertoeslag, let ageGaps, !(3...4).contains(kind),
        r.chance(UInt64(p.jongePartnerPromille), in: 1000)
      {
        partnerAge = Self.partnerAge(head: headAge, offset: -ageGaps.sample(&r))
      }
      if transitional, let p = scenario.partnertoeslag {
        oudToeslagrecht = r.chance(UInt64(p.samenVoor2015Promille), in: 1000)
      }
    }
    // The children's ages come before the incomes: whether one is 18 or over sets the parents' place.
    let childAges = drawChildAges(kind: kind, couple: couple, headAge: headAge, partnerAge: partnerAge, &r)
    // The place in the household the income classes follow (`inkomen.naar_leefvorm`), for both partners.
    let place = IncomePlace(type, adultChild: childAges.contains { $0 >= 18 })
    let (headCents, headRank) =
      onAssistance ? (0, 0) : coupled ? sampler.incomeByRank(age: headAge, place: place, &r) : (sampler.income(age: headAge, place: place, &r), 0)
    let headIncome = income(headCents, age: headAge, &r)
    var householdIncome = headIncome.inkomensgegeven
    b.person(role: 0, birth: headBirth, income: headIncome, vermogen: 0, &r, sampler, student: headStudent, grant: headStudent)
    var partnerStatus: String = "geen"
    if couple {
      let partnerIncome = income(
        onAssistance ? 0 : partnerCents(age: partnerAge, place: place, atRank: coupled && headCents > 0 ? headRank : nil, &r), age: partnerAge, &r)
      householdIncome += partnerIncome.inkomensgegeven
      b.person(
        role: 1, birth: birthDate(age: partnerAge, &r), income: partnerIncome, vermogen: 0, &r, sampler,
        unregistered: isUnregistered(&r))
      if married {
        partnerStatus = r.chance(UInt64(scenario.samenstelling.geregistreerdPartnerschapPromille), in: 1000) ? "geregistreerd partnerschap" : "gehuwd"
      } else {
        partnerStatus = "samenwonend"
      }
    }
    var minorChild = false
    // Whether one of the others drawn below lives on the bijstand, or could (of the draw's ages).
    var members = (drawn: false, ofAges: false)
    // Every member's income and the count of adults and minors, for a standardised household income.
    var membersIncome = householdIncome
    var (adults, minors) = (couple ? 2 : 1, 0)
    for age in childAges {
      if age < 18 { minorChild = true }
      // Children of 18 and over who live at home are medebewoners in the sense of the Awir; every child
      // is the aanvrager's child, and in a couple the partner's too.
      // The birth date is drawn before the income, as before the incomes were summed here.
      let birth = birthDate(age: age, &r)
      let adultOnAssistance = age >= 18 && livesOnAssistance(.overig, age: age, &assistance)
      let childIncome = income(age < 18 || adultOnAssistance ? 0 : childIncome(age: age, place: place?.adultChildren, &r), age: age, &r)
      membersIncome += childIncome.inkomensgegeven
      if age < 18 { minors += 1 } else { adults += 1 }
      if age >= 18 { mark(&members, drawn: adultOnAssistance, age: age) }
      // A student (with studiefinanciering, scenario `medebewoners`) is not one who lives on the bijstand.
      let studying = age >= 18 && isStudent(age: age, &r) && !adultOnAssistance
      b.person(
        role: age < 18 ? 2 : 3, birth: birth, income: childIncome, vermogen: 0,
        &r, sampler, kinship: childKinship, parentRole: couple ? parentIsCouple : parentIsHead,
        student: studying, grant: studying, unregistered: age >= 18 && isUnregistered(&r))
    }
    if kind == 6 {
      let others = Int(r.integer(in: 1...2))
      for _ in 0..<others {
        let age = r.integer(in: 18...80)
        let lodger = scenario.medebewoners.map { r.chance(UInt64($0.commercieleHuurderPromille), in: 1000) } ?? false
        let birth = birthDate(age: age, &r)
        let onAssistance = livesOnAssistance(.overig, age: age, &assistance)
        let housemateIncome = income(onAssistance ? 0 : sampler.income(age: age, &r), age: age, &r)
        membersIncome += housemateIncome.inkomensgegeven
        adults += 1
        // A lodger is a household of his own (Awir art. 2 lid 1 onder e): the rules give him no claim here.
        if !lodger { mark(&members, drawn: onAssistance, age: age) }
        let studying = isStudent(age: age, &r) && !onAssistance
        b.person(
          role: 3, birth: birth, income: housemateIncome, vermogen: 0, &r, sampler,
          student: studying, grant: studying, lodger: lodger, unregistered: isUnregistered(&r))
      }
    }
    b.assistance(
      unit: assistanceUse(onAssistance: onAssistance, headAge: headAge, partnerAge: couple ? partnerAge : nil),
      members: members.drawn ? .user : members.ofAges ? .nonUser : .unknown)
    let rel = scenario.relatie
    let samen = partnerStatus == "samenwonend"
    let huurder =
      tenureValue.map { r.chance($0.perMillion(income: tenureIncome(couple: householdIncome, members: membersIncome, adults: adults, minors: minors), type: type.rawValue), in: 1_000_000) }
      ?? r.chance(UInt64(scenario.wonen.huurPromille), in: 1000)
    let social = r.chance(UInt64(scenario.wonen.sociaalPromille), in: 1000)
    let rent = huurder ? (social ? rentSamplers.social : rentSamplers.free).draw(&r) : 0
    // Vermogen belongs to the household (by its tenure when the scenario says so); it is put on the
    // aanvrager and split with a partner.
    let wealthTable = sampler.wealthByAge?.draw(renter: huurder, age: headAge) ?? (huurder ? sampler.wealth.renters : sampler.wealth.owners)
    let drawnVermogen = wealthTable.sample(&r) * 100
    // Who lives on the bijstand passed its vermogenstoets: with `vermogen_bijstand` their vermogen comes
    // from those classes, on a stream of its own (the draw above is kept, so every other draw stays).
    let vermogen = onAssistance ? sampler.wealthOnAssistance.map { $0.sample(&assistanceWealth) * 100 } ?? drawnVermogen : drawnVermogen
    b.setVermogen(head: couple ? vermogen / 2 : vermogen, partner: couple ? vermogen - vermogen / 2 : 0)
    b.householdFacts(
      partnerschap: partnerschapCodes[partnerStatus] ?? 0,
      gezamenlijkKind: samen && kind == 4 && r.chance(900, in: 1000),
      erkendKind: samen && kind == 4 && r.chance(950, in: 1000),
      pensioenpartner: samen && r.chance(UInt64(rel.pensioenpartnerPromille), in: 1000),
      eigenWoningSamen: samen && !huurder && r.chance(UInt64(rel.eigenWoningSamenPromille), in: 1000),
      partnerVorigJaar: samen && r.chance(UInt64(rel.partnerVorigJaarPromille), in: 1000),
      samenlevingscontract: samen && r.chance(UInt64(rel.samenlevingscontractPromille), in: 1000),
      oudToeslagrecht: oudToeslagrecht,
      huurder: huurder, zelfstandig: !(huurder && kind == 0 && isRoom(headAge: headAge, &r)), rekenhuur: rent, minorChild: minorChild)
    if let ownerHomes {
      let home = huurder ? OwnerHomeSampler.Home(wozCents: 0, debtCents: 0, interestCents: 0) : ownerHomes.draw(age: headAge, &homes)
      b.ownerHome(wozCents: home.wozCents, interestCents: home.interestCents)
    }
  }

  /// The personal income of a child of 18 or over living at home: from its age band (and its `place`,
  /// `inkomen.naar_leefvorm`) when the scenario has `inkomen.naar_leeftijd`; without it a third of a
  /// national draw (an assumption of earlier scenarios, kept for them).
  func childIncome(age: Int64, place: IncomePlace?, _ r: inout RandomSource) -> Int64 {
    let drawn = sampler.income(age: age, place: place, &r)
    return scenario.inkomen.naarLeeftijd == nil ? drawn / 3 : drawn
  }

  /// The income the tenure profile ranks a household by (see ``householdIncomes(_:scale:)``).
  func tenureIncome(couple: Int64, members: Int64, adults: Int, minors: Int) -> Int64 {
    guard let scale = tenureScale else { return couple }
    return scale.standardised(members, adults: adults, minors: minors)
  }

  /// Whether a partner or adult housemate lives at the address without being registered there
  /// (scenario `woonsituatie`).
  func isUnregistered(_ r: inout RandomSource) -> Bool {
    guard let w = scenario.woonsituatie else { return false }
    return r.chance(UInt64(w.nietIngeschrevenPromille), in: 1000)
  }

  /// Whether a renting single-person household lives in an onzelfstandige woonruimte (scenario `woonsituatie`).
  func isRoom(headAge: Int64, _ r: inout RandomSource) -> Bool {
    guard let w = scenario.woonsituatie, headAge < w.onzelfstandigTot else { return false }
    return r.chance(UInt64(w.onzelfstandigPromille), in: 1000)
  }

  /// Whether an adult housemate of `age` follows education with studiefinanciering (scenario `medebewoners`).
  func isStudent(age: Int64, _ r: inout RandomSource) -> Bool {
    guard let m = scenario.medebewoners, age < m.studieTot else { return false }
    return r.chance(UInt64(m.studerendPromille), in: 1000)
  }

  /// How a household stands to the bijstand's users (``AssistanceUse``): drawn on it; of the ages of the
  /// draw and not drawn (aanvrager, and a partner, below the draw's upper age: a couple with a partner
  /// past it is an AIO case); or outside the draw (also without `bijstand_naar_leefvorm`).
  func assistanceUse(onAssistance: Bool, headAge: Int64, partnerAge: Int64?) -> AssistanceUse {
    guard !onAssistance else { return .user }
    guard let ages = sampler.assistanceUnits?.ages, ages.contains(headAge), (partnerAge ?? headAge) < ages.upperBound else { return .unknown }
    return .nonUser
  }

  /// Notes one of the others in the household (an adult child, a housemate) for the members' mark: drawn
  /// on the bijstand, or of the draw's ages without being drawn.
  func mark(_ members: inout (drawn: Bool, ofAges: Bool), drawn: Bool, age: Int64) {
    if drawn { members.drawn = true } else if sampler.assistanceUnits?.ages.contains(age) ?? false { members.ofAges = true }
  }

  /// Whether a unit of `age` (a couple by its aanvrager's) is drawn on the bijstand; always false without
  /// `bijstand_naar_leefvorm` (no draw is made then).
  func livesOnAssistance(_ unit: AssistanceUnit, age: Int64, _ r: inout RandomSource) -> Bool {
    sampler.assistanceUnits?.draws(unit, age: age, &r) ?? false
  }

  /// Whether the aanvrager of a one-person household, of `age`, follows education with aanspraak op
  /// studiefinanciering (scenario `studenten`; without it no one, and no draw is made), from the students'
  /// own random stream.
  func isStudentAlone(age: Int64, _ r: inout RandomSource) -> Bool {
    guard let share = scenario.studenten?.promille(alone: age), share > 0 else { return false }
    return r.chance(UInt64(share), in: 1000)
  }

  /// A drawn personal income with its components (loon, uitkering, pensioen) when the scenario has them.
  func income(_ cents: Int64, age: Int64, _ r: inout RandomSource) -> PersonIncome {
    PersonIncome.split(indexing.apply(cents, fixedPoint: indexFixedPoint), age: age, sources: scenario.inkomensbron, &r) {
      indexing.apply($0, fixedPoint: indexFixedPoint)
    }
  }

  /// A birth date such that the person has `age` completed years on the simulation date.
  func birthDate(age: Int64, _ r: inout RandomSource) -> Int32 {
    Int32(r.integer(in: birthRanges[Int(min(max(age, 0), 129))]))
  }
}

/// Per-chunk results written from several threads, one slot each.
final class ChunkResults: @unchecked Sendable {
  private var slots: [PopulationData?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: max(1, count)) }

  func store(_ p: PopulationData, at i: Int) {
    lock.lock()
    slots[i] = p
    lock.unlock()
  }

  func take(_ i: Int) -> PopulationData {
    lock.lock()
    defer { lock.unlock() }
    let p = slots[i] ?? ChunkBuilder(capacity: 0).build()
    slots[i] = nil
    return p
  }
}
