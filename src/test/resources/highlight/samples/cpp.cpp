#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace blog {

template <typename T>
class Counter {
public:
    void add(const T& key, int n = 1) { counts_[key] += n; }

    std::vector<std::pair<T, int>> top(std::size_t k) const {
        std::vector<std::pair<T, int>> items(counts_.begin(), counts_.end());
        std::sort(items.begin(), items.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second; });
        if (items.size() > k) {
            items.resize(k);
        }
        return items;
    }

private:
    std::map<T, int> counts_;
};

struct Post {
    std::string title;
    std::vector<std::string> tags;
    bool draft = false;
};

}  // namespace blog

int main() {
    using blog::Post;
    std::vector<Post> posts{
        {"Hello", {"cpp", "intro"}},
        {"Templates", {"cpp", "generic"}, true},
    };
    blog::Counter<std::string> tags;
    for (const auto& post : posts) {
        if (post.draft) continue;
        for (const auto& tag : post.tags) tags.add(tag);
    }
    for (auto [tag, n] : tags.top(3)) {
        std::cout << tag << ": " << n << '\n';
    }
    auto* ptr = new int(0x2A);
    delete ptr;
    constexpr double kRatio = 0.5;
    static_assert(sizeof(int) >= 4, "int too small");
    return nullptr == ptr ? 1 : static_cast<int>(kRatio);
}
