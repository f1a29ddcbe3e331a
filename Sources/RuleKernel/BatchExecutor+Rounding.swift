import ExactArithmetic

extension BatchExecutor {
  /// `round(x × numerator / denominator)`, or `round(x × y × numerator / denominator)` when the
  /// instruction has a second operand, through a 128-bit intermediate. A row whose result does not fit
  /// 64 bits is marked for the reference evaluator.
  func roundDivide(_ ins: Instruction, _ n: Int, _ d: UnsafeMutablePointer<Int64>, _ ds: UnsafeMutablePointer<UInt8>?) {
    let dom = ins.domain
    let x = value(dom, ins.a)
    let sx = status(dom, ins.sa)
    let mode = ins.roundingMode
    let num = Int128(ins.k)
    let den = Int128(ins.k2)
    @inline(__always) func store(_ q: Int128?, _ i: Int, _ ok: UInt8) {
      if let q, q >= Int128(Int64.min), q <= Int128(Int64.max) {
        d[i] = Int64(q)
        ds?[i] = ok
      } else {
        d[i] = 0
        ds?[i] = RowStatus.exact.rawValue
      }
    }
    guard ins.b >= 0 else {
      for i in 0..<n { store(GraphBuilder.roundDivide(Int128(x[i]) * num, den, mode), i, sx?[i] ?? 0) }
      return
    }
    let y = value(dom, ins.b)
    let sy = status(dom, ins.sb)
    for i in 0..<n {
      let (p, overflow) = (Int128(x[i]) * Int128(y[i])).multipliedReportingOverflow(by: num)
      store(overflow ? nil : GraphBuilder.roundDivide(p, den, mode), i, Self.worst(sx, sy, i))
    }
  }
}
