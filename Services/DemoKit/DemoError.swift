/// Something in the demo went differently than a working installation would.
package struct DemoError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
