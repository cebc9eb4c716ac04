using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Blog.Feed
{
    /// <summary>A post as the feed shows it.</summary>
    public sealed record Post(string Title, DateTimeOffset Published, IReadOnlyList<string> Tags);

    public interface IFeedSource
    {
        Task<IEnumerable<Post>> LoadAsync(int limit = 20);
    }

    [Serializable]
    public class FeedBuilder
    {
        private const int MaxItems = 50;
        private readonly IFeedSource _source;
        public string Title { get; init; } = "Untitled";

        public FeedBuilder(IFeedSource source) => _source = source ?? throw new ArgumentNullException(nameof(source));

        public async Task<string> BuildAsync()
        {
            var posts = (await _source.LoadAsync(MaxItems)).ToList();
            if (posts.Count == 0)
            {
                return string.Empty;
            }
            var lines = from p in posts
                        where !p.Tags.Contains("draft")
                        orderby p.Published descending
                        select $"{p.Published:yyyy-MM-dd} {p.Title}";
            return string.Join(Environment.NewLine, lines);
        }

        public static double Ratio(int a, int b)
        {
            if (b == 0) return 0.0;
            checked
            {
                return (double)a / b * 100.5;
            }
        }
    }

    internal static class Program
    {
        private static async Task Main(string[] args)
        {
            foreach (var arg in args) Console.WriteLine(@"arg: " + arg);
            object o = 0x1F;
            if (o is int n && n > 10) Console.WriteLine($"big {n}");
            await Task.Delay(100);
            char c = 'x'; bool ok = true; Post? none = null;
        }
    }
}
