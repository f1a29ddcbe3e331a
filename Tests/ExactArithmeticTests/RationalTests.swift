import ExactArithmetic
import Testing

@Suite("Exacte rationale getallen (GMP)")
struct RationalTests {
  @Test("Decimalen uit JSON worden exact gelezen", arguments: [
    ("1573.42", "157342/100"), ("30000.5", "60001/2"), ("0.1", "1/10"), ("-12", "-12"), ("1.5e3", "1500"), ("007", "7"),
  ])
  func decimal(text: String, fraction: String) {
    #expect(Rational(decimal: text)?.description == Rational(numeratorDigits: fraction.split(separator: "/").map(String.init)[0], denominatorDigits: fraction.contains("/") ? String(fraction.split(separator: "/")[1]) : "1")?.description)
  }

  @Test("Geen getal is geen getal", arguments: ["", ".", "1.", "1,5", "1.573,42", "NaN", "1e", "--1", "1.2.3"])
  func invalidDecimal(text: String) {
    #expect(Rational(decimal: text) == nil)
  }

  @Test("Nederlandse notatie", arguments: [("1.580,92", "1580.92"), ("4,273", "4.273"), ("24", "24"), ("141.896", "141896")])
  func dutch(text: String, plain: String) {
    #expect(Rational(dutch: text) == Rational(decimal: plain))
  }

  @Test("Ongeldige Nederlandse notatie", arguments: ["1.58,92", "1,", ",5", "12.3456"])
  func invalidDutch(text: String) {
    #expect(Rational(dutch: text) == nil)
  }

  @Test("Rekenkundig afronden gaat bij de helft van nul af")
  func rekenkundig() {
    func r(_ s: String) -> String { Rational(decimal: s)!.rounded(to: .one, mode: .rekenkundig).description }
    #expect(r("23.5") == "24")
    #expect(r("23.49999") == "23")
    #expect(r("-23.5") == "-24")
    #expect(r("1421.807") == "1422")
  }

  @Test("Naar boven en naar beneden afronden")
  func directed() {
    let cent = Rational(numerator: 1, denominator: 100)
    #expect(Rational(decimal: "226.671")!.rounded(to: cent, mode: .naarBoven) == Rational(decimal: "226.68")!)
    #expect(Rational(decimal: "-0.011")!.rounded(to: cent, mode: .naarBeneden) == Rational(decimal: "-0.02")!)
  }

  @Test("Afronden op een veelvoud van € 0,60 (WML art. 14 lid 9): een rest van € 0,30 gaat naar boven")
  func multipleOfSixtyCents() {
    let unit = Rational(decimal: "0.60")!
    #expect(Rational(decimal: "2191.50")!.rounded(to: unit, mode: .rekenkundig) == Rational(decimal: "2191.80")!)
    #expect(Rational(decimal: "2191.49")!.rounded(to: unit, mode: .rekenkundig) == Rational(decimal: "2191.20")!)
  }

  @Test("Delen door nul geeft geen waarde")
  func divisionByZero() {
    #expect(Rational(5).dividedBy(.zero) == nil)
  }

  @Test("Grote getallen lopen niet over")
  func big() {
    let big = Rational(decimal: "92233720368547758070")!
    #expect((big * big).description == "8507059173023461584739690778423250124900")
    #expect(big.int64Parts == nil)
  }

  @Test("Exacte weergave en Nederlandse weergave")
  func formatting() {
    #expect(Rational(decimal: "1573.40")!.exactString == "1573.4")
    #expect(Rational(numerator: 1, denominator: 3).exactString == "1/3")
    #expect(DutchFormat.euro(Rational(decimal: "1573.4")!) == "€ 1.573,40")
    #expect(DutchFormat.euro(Rational(2112)) == "€ 2.112")
    #expect(DutchFormat.euro(Rational(decimal: "1421.80797856")!) == "≈ € 1.421,8080")
    #expect(DutchFormat.percentage(Rational(decimal: "0.04273")!) == "4,273%")
  }
}
