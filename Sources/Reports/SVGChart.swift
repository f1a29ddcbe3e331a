import Foundation
import Toetssteen

/// Charts as inline SVG: no script, no network, readable when printed. Bars for categories
/// (negative values to the left of the axis), a line for values over years.
enum SVGChart {
  static func render(_ chart: Report.Chart) -> String {
    chart.kind == "lijn" ? line(chart) : bars(chart)
  }

  static func bars(_ c: Report.Chart) -> String {
    let labelWidth = 290.0
    let valueWidth = 150.0
    let plot = 420.0
    let row = 24.0
    let height = Double(c.values.count) * row + 20
    let lo = min(0, c.values.min() ?? 0)
    let hi = max(0, c.values.max() ?? 0)
    let span = hi - lo == 0 ? 1 : hi - lo
    let zero = labelWidth + (0 - lo) / span * plot
    var out = "<svg class=\"grafiek\" role=\"img\" aria-labelledby=\"\(c.id)-titel\" viewBox=\"0 0 \(Int(labelWidth + plot + valueWidth)) \(Int(height))\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
    out += "<title id=\"\(c.id)-titel\">\(HTMLText.escape(c.title)) (\(HTMLText.escape(c.unit)))</title>"
    for (i, v) in c.values.enumerated() {
      let y = Double(i) * row + 10
      let x0 = v >= 0 ? zero : zero - (-v) / span * plot
      let w = max(v == 0 ? 0 : 1, abs(v) / span * plot)
      out += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(y + 16)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(c.labels[i]))</text>"
      out += "<rect x=\"\(fmt(x0))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(w))\" height=\"\(fmt(row - 8))\" class=\"\(v < 0 ? "neg" : "pos")\"><title>\(HTMLText.escape(c.labels[i])): \(HTMLText.escape(c.valueLabels[i]))</title></rect>"
      out += "<text x=\"\(Int(labelWidth + plot + 6))\" y=\"\(y + 16)\" class=\"waarde\">\(HTMLText.escape(c.valueLabels[i]))</text>"
    }
    out += "<line x1=\"\(fmt(zero))\" x2=\"\(fmt(zero))\" y1=\"4\" y2=\"\(fmt(height - 6))\" class=\"as\"/></svg>"
    return out
  }

  static func line(_ c: Report.Chart) -> String {
    let width = 860.0
    let height = 280.0
    let left = 110.0
    let bottom = 40.0
    let top = 16.0
    let plotW = width - left - 20
    let plotH = height - bottom - top
    let hi = max(1, c.values.max() ?? 1)
    let n = max(1, c.values.count - 1)
    func x(_ i: Int) -> Double { left + Double(i) / Double(n) * plotW }
    func y(_ v: Double) -> Double { top + plotH - v / hi * plotH }
    var out = "<svg class=\"grafiek\" role=\"img\" aria-labelledby=\"\(c.id)-titel\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
    out += "<title id=\"\(c.id)-titel\">\(HTMLText.escape(c.title)) (\(HTMLText.escape(c.unit)))</title>"
    out += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(top + plotH)\" class=\"as\"/>"
    out += "<line x1=\"\(left)\" x2=\"\(left + plotW)\" y1=\"\(top + plotH)\" y2=\"\(top + plotH)\" class=\"as\"/>"
    if let maxLabel = c.valueLabels.indices.max(by: { c.values[$0] < c.values[$1] }) {
      out += "<text x=\"\(Int(left - 6))\" y=\"\(Int(top + 4))\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(c.valueLabels[maxLabel]))</text>"
    }
    out += "<text x=\"\(Int(left - 6))\" y=\"\(Int(top + plotH))\" text-anchor=\"end\" class=\"label\">0</text>"
    let points = c.values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y($0.element)))" }.joined(separator: " ")
    out += "<polyline points=\"\(points)\" class=\"lijn\"/>"
    for (i, v) in c.values.enumerated() {
      out += "<circle cx=\"\(fmt(x(i)))\" cy=\"\(fmt(y(v)))\" r=\"3\" class=\"punt\"><title>\(HTMLText.escape(c.labels[i])): \(HTMLText.escape(c.valueLabels[i]))</title></circle>"
    }
    let step = max(1, c.labels.count / 10)
    for i in Swift.stride(from: 0, to: c.labels.count, by: step) {
      out += "<text x=\"\(fmt(x(i)))\" y=\"\(Int(height - 14))\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(c.labels[i]))</text>"
    }
    if let last = c.labels.last, (c.labels.count - 1) % step != 0 {
      out += "<text x=\"\(fmt(x(c.labels.count - 1)))\" y=\"\(Int(height - 14))\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(last))</text>"
    }
    return out + "</svg>"
  }

  /// A coordinate with one decimal (drawing only).
  static func fmt(_ v: Double) -> String { String(format: "%.1f", v.isFinite ? v : 0) }
}
