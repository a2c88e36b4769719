extension AvailabilityAnalysis {
    /// Every figure of `model`: components, objectives and the whole system, each with the method
    /// that computed it (`FigureMethod`). Never fails: a structure too large to compile exactly is
    /// bounded or estimated instead.
    public init(_ model: SystemModel) {
        self.init(model, structure: nil)
    }
}
