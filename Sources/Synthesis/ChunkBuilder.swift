import Population

/// Collects the rows of one chunk of households into columns.
struct ChunkBuilder {
  var personStart: [Int32] = [0]
  var role: [UInt8] = []
  var type: [UInt8] = []
  var birth: [Int32] = []
  var income: [Int64] = []
  var loon: [Int64] = []
  var uitkering: [Int64] = []
  var pensioen: [Int64] = []
  /// Whether the population carries the income components (the scenario has `inkomensbron`).
  let withSources: Bool
  /// Whether the drawn income is the given toetsingsinkomen; otherwise it goes to
  /// ``PopulationData/personalIncomeColumn`` and the rules derive the toetsingsinkomen.
  var givesToetsingsinkomen = true
  /// Whether the scenario takes a werkgeversheffing Zvw out of loon and uitkering. A given
  /// toetsingsinkomen is then fiscal (``fiscalIncome``), and the drawn personal income is kept beside it
  /// in ``PopulationData/personalIncomeColumn`` for the deciles, margins and tenure calibration.
  var separatesLevy = false
  /// Per person the drawn income without the werkgeversheffing, when ``separatesLevy`` and
  /// ``givesToetsingsinkomen``.
  var fiscalIncome: [Int64] = []
  var vermogen: [Int64] = []
  var zorgverzekerd: [UInt8] = []
  var ingezetene: [UInt8] = []
  var ingeschreven: [UInt8] = []
  var insuredYears: [UInt8] = []
  var firstDegree: [UInt8] = []
  var kinship: [UInt8] = []
  var parentRole: [UInt8] = []
  var studerend: [UInt8] = []
  var studiefinanciering: [UInt8] = []
  var commercieel: [UInt8] = []
  var oudToeslagrecht: [UInt8] = []
  var partnerschap: [UInt8] = []
  var gezamenlijkKind: [UInt8] = []
  var erkendKind: [UInt8] = []
  var pensioenpartner: [UInt8] = []
  var eigenWoningSamen: [UInt8] = []
  var partnerVorigJaar: [UInt8] = []
  var samenlevingscontract: [UInt8] = []
  var zakelijk: [UInt8] = []
  var huurder: [UInt8] = []
  var zelfstandig: [UInt8] = []
  var rekenhuur: [Int64] = []
  /// Whether the population carries the owner's home (the scenario has `eigen_woning`).
  let withOwnerHomes: Bool
  var wozWaarde: [Int64] = []
  var eigenwoningrente: [Int64] = []
  var headIndex = 0
  /// Whether the population says per household who lives on the bijstand (the generator draws the
  /// bijstand units, `bijstand_naar_leefvorm`), and what it says (``PopulationData/assistanceUse``).
  var marksAssistance = false
  var assistanceUse: [UInt8] = []

  init(capacity: Int, withSources: Bool = false, withOwnerHomes: Bool = false) {
    self.withSources = withSources
    self.withOwnerHomes = withOwnerHomes
    personStart.reserveCapacity(capacity + 1)
    type.reserveCapacity(capacity)
    let persons = capacity * 9 / 4
    for p in [\ChunkBuilder.role, \.zorgverzekerd, \.ingezetene, \.ingeschreven, \.insuredYears, \.firstDegree, \.kinship, \.parentRole, \.studerend, \.studiefinanciering, \.commercieel] as [WritableKeyPath<ChunkBuilder, [UInt8]>] {
      self[keyPath: p].reserveCapacity(persons)
    }
    birth.reserveCapacity(persons)
    income.reserveCapacity(persons)
    if withSources { for p in [\ChunkBuilder.loon, \.uitkering, \.pensioen] as [WritableKeyPath<ChunkBuilder, [Int64]>] { self[keyPath: p].reserveCapacity(persons) } }
    vermogen.reserveCapacity(persons)
  }

  mutating func startHousehold(type t: UInt8) {
    type.append(t)
    headIndex = role.count
  }

  /// Records how the household just started was drawn with respect to the bijstand: its aanvrager's unit
  /// and the others who live there (adult children, housemates), ``AssistanceUse/packed(unit:members:)``.
  mutating func assistance(unit: AssistanceUse, members: AssistanceUse) {
    if marksAssistance { assistanceUse.append(AssistanceUse.packed(unit: unit, members: members)) }
  }

  /// Appends one person. `kinship`: the code of `verwantschap` (what the person is of the aanvrager,
  /// 0 = 'geen'); `parentRole`: the code of `kind_van` (the role of the person's parent in the household,
  /// 0 = 'niemand'); `student` (`studerend`: follows education, Pw art. 19a lid 1 onder d), `grant`
  /// (`studiefinanciering`: has aanspraak op studiefinanciering, art. 13 lid 2 onder c) and `lodger` (art. 19a);
  /// `unregistered`: lives at the address without being registered there (Wet op de huurtoeslag art. 9).
  mutating func person(
    role r: UInt8, birth b: Int32, income i: PersonIncome, vermogen v: Int64, _ random: inout RandomSource, _ s: Sampler,
    kinship k: UInt8 = 0, parentRole pr: UInt8 = 0, student: Bool = false, grant: Bool = false, lodger: Bool = false,
    unregistered: Bool = false
  ) {
    role.append(r)
    birth.append(b)
    income.append(i.inkomensgegeven)
    if separatesLevy && givesToetsingsinkomen { fiscalIncome.append(i.inkomensgegeven - i.werkgeversheffing) }
    if withSources {
      loon.append(i.loon)
      uitkering.append(i.uitkering)
      pensioen.append(i.pensioen)
    }
    vermogen.append(v)
    zorgverzekerd.append(random.chance(999, in: 1000) ? 1 : 0)
    ingezetene.append(1)
    ingeschreven.append(unregistered ? 0 : 1)
    insuredYears.append(random.chance(s.insuredFullPromille, in: 1000) ? 50 : UInt8(random.integer(in: s.insuredOther)))
    firstDegree.append(0)
    kinship.append(k)
    parentRole.append(pr)
    studerend.append(student ? 1 : 0)
    studiefinanciering.append(grant ? 1 : 0)
    commercieel.append(lodger ? 1 : 0)
  }

  mutating func setVermogen(head: Int64, partner: Int64) {
    vermogen[headIndex] = head
    if headIndex + 1 < role.count, role[headIndex + 1] == 1 { vermogen[headIndex + 1] = partner }
  }

  mutating func householdFacts(
    partnerschap p: UInt8, gezamenlijkKind: Bool, erkendKind: Bool, pensioenpartner: Bool, eigenWoningSamen: Bool,
    partnerVorigJaar: Bool, samenlevingscontract: Bool, oudToeslagrecht oud: Bool, huurder h: Bool, zelfstandig z: Bool, rekenhuur rent: Int64, minorChild: Bool
  ) {
    partnerschap.append(p)
    self.gezamenlijkKind.append(gezamenlijkKind ? 1 : 0)
    self.erkendKind.append(erkendKind ? 1 : 0)
    self.pensioenpartner.append(pensioenpartner ? 1 : 0)
    self.eigenWoningSamen.append(eigenWoningSamen ? 1 : 0)
    self.partnerVorigJaar.append(partnerVorigJaar ? 1 : 0)
    self.samenlevingscontract.append(samenlevingscontract ? 1 : 0)
    zakelijk.append(0)
    oudToeslagrecht.append(oud ? 1 : 0)
    huurder.append(h ? 1 : 0)
    zelfstandig.append(z ? 1 : 0)
    rekenhuur.append(rent)
    personStart.append(Int32(role.count))
  }

  /// The owner's home of the household just finished (zero for a renter), when the population carries it.
  mutating func ownerHome(wozCents: Int64, interestCents: Int64) {
    guard withOwnerHomes else { return }
    wozWaarde.append(wozCents)
    eigenwoningrente.append(interestCents)
  }

  func build() -> PopulationData {
    var persons: [String: ColumnData] = [
      "geboortedatum": .int32(birth), "vermogen": .int64(vermogen),
      "zorgverzekerd": .uint8(zorgverzekerd), "ingezetene": .uint8(ingezetene), "ingeschreven_op_adres": .uint8(ingeschreven), "aow_verzekerde_jaren": .uint8(insuredYears),
      "eerstegraads_verwant": .uint8(firstDegree), "verwantschap": .uint8(kinship), "kind_van": .uint8(parentRole), "studerend": .uint8(studerend), "studiefinanciering": .uint8(studiefinanciering), "commerciele_huurder": .uint8(commercieel),
    ]
    // The drawn income is kept whenever it is not itself the given toetsingsinkomen.
    if givesToetsingsinkomen { persons["toetsingsinkomen"] = .int64(separatesLevy ? fiscalIncome : income) }
    if !givesToetsingsinkomen || separatesLevy { persons[PopulationData.personalIncomeColumn] = .int64(income) }
    if withSources {
      persons["loon"] = .int64(loon)
      persons["uitkering"] = .int64(uitkering)
      persons["pensioen"] = .int64(pensioen)
    }
    var households: [String: ColumnData] = [
        "partnerschap": .uint8(partnerschap), "relatie.gezamenlijk_kind": .uint8(gezamenlijkKind),
        "relatie.erkend_kind": .uint8(erkendKind), "relatie.pensioenpartner": .uint8(pensioenpartner),
        "relatie.gezamenlijke_eigen_woning": .uint8(eigenWoningSamen), "relatie.partner_vorig_jaar": .uint8(partnerVorigJaar),
        "relatie.samenlevingscontract": .uint8(samenlevingscontract), "relatie.zakelijke_huurovereenkomst": .uint8(zakelijk),
        "relatie.aow_toeslag_voor_2015": .uint8(oudToeslagrecht),
        "woning.huurder": .uint8(huurder), "woning.zelfstandig": .uint8(zelfstandig), "woning.rekenhuur": .int64(rekenhuur),
      ]
    if withOwnerHomes {
      households["woning.woz_waarde"] = .int64(wozWaarde)
      households["woning.eigenwoningrente"] = .int64(eigenwoningrente)
    }
    return PopulationData(
      householdCount: type.count, personStart: personStart, role: role,
      householdColumns: households,
      personColumns: persons,
      householdType: type, assistanceUse: assistanceUse)
  }
}
