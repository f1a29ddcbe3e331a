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
    if ins.c >= 0 {
      // A per-row divisor: round(x × y × num / (den × z)); z = 0 goes to the reference evaluator.
      let z = value(dom, ins.c)
      let sz = status(dom, ins.sc)
      for i in 0..<n {
        let (p, o1) = (Int128(x[i]) * Int128(y[i])).multipliedReportingOverflow(by: num)
        let (q, o2) = den.multipliedReportingOverflow(by: Int128(z[i]))
        let worst = max(Self.worst(sx, sy, i), sz?[i] ?? 0)
        store(o1 || o2 || z[i] == 0 ? nil : GraphBuilder.roundDivide(p, q, mode), i, worst)
      }
      return
    }
    for i in 0..<n {
      let (p, overflow) = (Int128(x[i]) * Int128(y[i])).multipliedReportingOverflow(by: num)
      store(overflow ? nil : GraphBuilder.roundDivide(p, den, mode), i, Self.worst(sx, sy, i))
    }
  }
}
