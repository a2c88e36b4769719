/// Where each node of a diagram (`BDD.nodes(below:)`, descending refs) sits in that list. A
/// diagram that fills most of its ref range gets a table indexed by ref, a sparse one a
/// dictionary: hashing every lookup was an eighth of a large fault tree's importance pass.
struct DiagramPositions {
    private let lowest: Int
    private let table: [Int32]
    private let sparse: [BDD.Ref: Int]

    init(_ diagram: [BDD.Ref]) {
        guard let highest = diagram.first, let last = diagram.last else {
            (lowest, table, sparse) = (0, [], [:])
            return
        }
        lowest = Int(last)
        let range = Int(highest) - lowest + 1
        if range <= 8 * diagram.count && diagram.count < Int(Int32.max) {
            var table = [Int32](repeating: -1, count: range)
            for (index, node) in diagram.enumerated() { table[Int(node) - lowest] = Int32(index) }
            (self.table, sparse) = (table, [:])
        } else {
            var sparse: [BDD.Ref: Int] = [:]
            sparse.reserveCapacity(diagram.count)
            for (index, node) in diagram.enumerated() { sparse[node] = index }
            (table, self.sparse) = ([], sparse)
        }
    }

    /// The position of `node`, which must be in the diagram.
    subscript(node: BDD.Ref) -> Int {
        table.isEmpty ? sparse[node]! : Int(table[Int(node) - lowest])
    }
}
