import Foundation

/// A post as the feed lists it.
@MainActor
struct Post: Codable, Identifiable {
    let id: UUID
    var title: String
    var tags: [String] = []
    private(set) var views: Int = 0x10

    var summary: String {
        "\(title) (\(views) views)"
    }

    mutating func open(from url: URL?) async throws -> Bool {
        guard let url = url, url.isFileURL else { return false }
        #if DEBUG
        print("Opening \(url.path)")
        #endif
        views += 1
        return try await load(url) != nil
    }
}

enum FeedError: Error {
    case empty
    case invalid(reason: String)
}

protocol FeedSource {
    func posts() async throws -> [Post]
}

final class Feed<Source: FeedSource> {
    private let source: Source
    weak var delegate: AnyObject?
    static let limit = 20

    init(source: Source) {
        self.source = source
    }

    func newest(_ count: Int = Feed.limit) async throws -> [Post] {
        let posts = try await source.posts()
        if posts.isEmpty { throw FeedError.empty }
        return Array(posts.sorted { $0.views > $1.views }.prefix(count))
    }
}

let ratio: Double = 0.5
let names = ["a", "b"].map { $0.uppercased() }
print(names, ratio, nil as Int?)
