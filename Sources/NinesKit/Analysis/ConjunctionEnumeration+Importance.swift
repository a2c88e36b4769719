import Foundation

/// Birnbaum importance from the weights a `ConjunctionEnumeration` gathered while it walked.
extension ConjunctionEnumeration {
    /// Importance weights of every group member's factors in this state: ∂A/∂P(f) =
    /// A(s) without the group · ∂P(group)/∂P(member) · P(member)/P(f), where ∂P(group)/∂P(member)
    /// is the chance that exactly k − 1 of the other members are up.
    mutating func gatherMemberWeights(_ probability: Double) {
        for group in groups.groupNeeds.indices {
            let own = groups.groupLog[group]
            if zeros - (own == -.infinity ? 1 : 0) > 0 { continue }
            let outside = probability * exp(logUp - (own == -.infinity ? 0 : own))
            for member in groups.groupMemberStart[group]..<groups.groupMemberStart[group + 1] {
                let slope = groups.distribution(group, excluding: member).oneShort
                guard slope > 0 else { continue }
                let zerosInMember = groups.memberZeros[member]
                for index in conjunction.memberFactorStart[member]..<conjunction.memberFactorStart[member + 1] {
                    let factor = Int(conjunction.memberFactors[index])
                    let current = factorState[factor].figure
                    guard zerosInMember - (current.isZero ? 1 : 0) == 0 else { continue }
                    let rest = exp(groups.memberLog[member] - (current.isZero ? 0 : current.log))
                    entryWeight[Int(current.entry)] += outside * slope * rest
                    work += 1
                }
            }
        }
    }

    /// Π over every factor but `factor` of its current figure.
    func othersUp(_ factor: Int) -> Double {
        let own = factorState[factor].figure
        if zeros - (own.isZero ? 1 : 0) > 0 { return 0 }
        return exp(logUp - (own.isZero ? 0 : own.log))
    }

    /// ∂A/∂p of every variable, by level, from the gathered weights.
    mutating func birnbaum() -> [Double] {
        var result = [Double](repeating: 0, count: variables.count)
        var settledAbove = 0.0
        for index in candidates.indices {
            settledAbove += laterDownWeight[index]
            downWhenDown[index] += settledAbove * q[index]
        }
        for (index, position) in candidates.enumerated() {
            let v = variables[Int(conjunction.conditioned[position])]
            // I_B = Q(v down) − Q(v up), each a conditional mean over the enumerated states.
            let whenDown = downWhenDown[index] / v.down
            let whenUp = v.up > 0 ? (downSum - downWhenDown[index]) / v.up : 0
            // A difference within the rounding of its terms is no difference: a component the
            // figure does not depend on must not show up as important (nor need a failure rate).
            let difference = whenDown - whenUp
            let noise = 16 * Double.ulpOfOne * max(abs(whenDown), abs(whenUp))
            result[Int(conjunction.conditioned[position])] = abs(difference) <= noise ? 0 : difference
        }
        for factor in conjunction.factors.indices where conjunction.unit[factor] < 0 {
            // States where none of this factor's conditioned variables failed: everything not touched.
            let baseEntry = lookup(factor, mask: baseMask[factor])
            if entryUp[Int(baseEntry)] > 0 {
                entryWeight[Int(baseEntry)] += (importanceUpSum.value - touchedUp[factor]) / entryUp[Int(baseEntry)]
            } else {
                entryWeight[Int(baseEntry)] += aloneDownUp[factor]
            }
        }
        // The factors read in place (see `figure(of:mask:)`).
        conjunction.factors.withUnsafeBufferPointer { factors in
            for entry in entryWeight.indices where entryWeight[entry] != 0 {   // in creation order: deterministic
                factors[Int(entryFactor[entry])].addBirnbaum(mask: entryMask[entry], variables: variables,
                                                             weight: entryWeight[entry], into: &result)
            }
        }
        return result
    }
}
