import Testing
import HummingbirdTesting
@testable import StrideRuntimeHTTP
@Test func stub() {}
