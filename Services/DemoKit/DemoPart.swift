/// One service's part of the main job: it plays its service's share of the year through that
/// service's public interfaces and checks the events the service emitted against what its
/// actions should have caused. `stride-demo` runs the parts in order, goals first.
package protocol DemoPart: Sendable {
    /// The service the part exercises, for headings and errors.
    var service: String { get }
    /// Plays the part; throws when the service behaved differently than a working one would.
    func run() async throws
}
