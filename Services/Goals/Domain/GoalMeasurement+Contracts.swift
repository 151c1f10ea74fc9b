import Foundation
import StrideContracts

extension KPIMeasurement {
    /// The measurement of an agreed KPI measure (as published in ``GoalDefinition/measure``) with
    /// its latest reading, so the store and the event handlers score exactly what was agreed.
    /// - Parameters:
    ///   - measure: the agreed measure.
    ///   - currentValue: the latest reading, `nil` for none yet.
    public init(_ measure: GoalMeasure, currentValue: Decimal?) {
        self.init(
            direction: measure.direction, startValue: measure.startValue, targetValue: measure.targetValue,
            lowerBound: measure.lowerBound, upperBound: measure.upperBound, currentValue: currentValue)
    }
}

extension KeyResultMeasurement {
    /// The measurement of an agreed key result with its latest reading.
    /// - Parameters:
    ///   - keyResult: the agreed key result.
    ///   - currentValue: the latest reading, `nil` for none yet.
    public init(_ keyResult: KeyResult, currentValue: Decimal?) {
        self.init(
            keyResultID: keyResult.keyResultID, startValue: keyResult.startValue, targetValue: keyResult.targetValue,
            weight: keyResult.weight, currentValue: currentValue)
    }
}
