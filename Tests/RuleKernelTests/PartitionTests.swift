import ExactArithmetic
import Population
import Synthesis
import TestSupport
import Testing
import Toetssteen

/// `--partition i/n`: the parts of a population, generated and computed apart, are exactly the
/// population of one run — households, numbers, outcomes and non-take-up — so a cluster can generate
/// it in parallel.
@Suite("Delen van een bevolking")
struct PartitionTests {
  static let engine = Repository.engine
  static let scenario = DifferentialTests.scenario

  @Test("De delen liggen aaneen, zonder gat of overlap, van huishouden 0 tot N")
  func rangesCoverThePopulation() throws {
    for households in [1, 16_383, 16_384, 16_385, 100_000, 1_000_003] {
      let chunks = Partition.chunkCount(households: households)
      for count in 1...min(chunks, 9) {
        var next = 0
        for index in 1...count {
          let range = try Partition(index: index, count: count).households(of: households)
          #expect(range.lowerBound == next && !range.isEmpty, "\(index)/\(count) van \(households): \(range)")
          #expect(range.lowerBound % Generator.chunkSize == 0, "een deel begint aan het begin van een blok")
          next = range.upperBound
        }
        #expect(next == households, "\(count) delen van \(households)")
      }
      #expect(throws: PartitionError.self) { try Partition(index: 1, count: chunks + 1).chunks(households: households) }
    }
  }

  @Test("Absurd grote bevolkingen rekenen zonder overloop: de laatste delen eindigen op N")
  func noOverflow() throws {
    for households in [Int.max, Int.max - 16_383, 4_000_000_000_000_000_000] {
      let last = try Partition(index: 100_000, count: 100_000).households(of: households)
      #expect(last.upperBound == households && !last.isEmpty)
      let first = try Partition(index: 1, count: 100_000).households(of: households)
      #expect(first.lowerBound == 0 && first.count % Generator.chunkSize == 0)
    }
  }

  @Test("i/n wordt gelezen; alles wat geen deel is wordt geweigerd", arguments: ["0/8", "9/8", "3/0", "a/b", "3", "3/8/1", "", "/", "-1/2", "1/100001"])
  func refusesWhatIsNoPart(_ text: String) {
    #expect(throws: PartitionError.self) { try Partition(parsing: text) }
  }

  @Test("Bestandsnamen sorteren in volgorde van de delen")
  func fileNames() throws {
    #expect(try Partition(parsing: "3/8") == Partition(index: 3, count: 8))
    #expect(Partition(index: 3, count: 8).fileName(extension: "csv") == "deel-3-van-8.csv")
    #expect(Partition(index: 3, count: 12).fileName(extension: "parquet") == "deel-03-van-12.parquet")
    #expect(Partition(index: 100, count: 100).fileName(extension: "csv") == "deel-100-van-100.csv")
  }

  @Test("Drie delen samen zijn de bevolking van één run: dezelfde huishoudens, uitkomsten en niet-gebruik")
  func partsMakeTheWhole() throws {
    let day = CivilDate(iso: "2025-07-01")!
    let households = 40_000
    let whole = try Self.engine.simulate(date: day, households: households, seed: 11, scenario: Self.scenario, threads: 2)
    let parts = try (1...3).map {
      try Self.engine.simulate(date: day, households: households, seed: 11, scenario: Self.scenario, threads: 1, partition: Partition(index: $0, count: 3))
    }
    #expect(parts.map(\.firstHousehold) == [0, 16_384, 32_768])
    #expect(parts.map(\.population.householdCount) == [16_384, 16_384, 7_232])
    #expect(parts.allSatisfy { $0.populationHouseholds == households })
    let joined = PopulationData.concatenate(parts.map(\.population))
    #expect(joined.personStart == whole.population.personStart)
    #expect(joined.role == whole.population.role)
    func values(_ c: ColumnData?) -> [Int64] { c.map { c in (0..<c.count).map { c[$0] } } ?? [] }
    for (field, column) in whole.population.personColumns {
      #expect(values(joined.personColumns[field]) == values(column), "personen: \(field)")
    }
    for (field, column) in whole.population.householdColumns {
      #expect(values(joined.householdColumns[field]) == values(column), "huishoudens: \(field)")
    }
    for o in whole.results.outputIDs.indices {
      #expect(parts.flatMap { Array($0.results.cents[o]) } == Array(whole.results.cents[o]), "\(whole.results.outputIDs[o])")
      #expect(parts.flatMap { Array($0.results.status[o]) } == Array(whole.results.status[o]), "\(whole.results.outputIDs[o])")
    }
    // Non-take-up is drawn per household number: the parts' spending adds up to the whole's.
    let summaries = parts.map(SimulationSummary.init)
    for output in SimulationSummary(whole).outputs where output.claimed != nil {
      let claimed = summaries.compactMap { $0.outputs.first { $0.id == output.id }?.claimed }
      #expect(claimed.map(\.recipients).reduce(0, +) == output.claimed!.recipients, "\(output.id)")
      #expect(claimed.map(\.totalCents).reduce(0, +) == output.claimed!.totalCents, "\(output.id)")
    }
  }
}
