import 'dart:async';
import 'dart:convert';

import 'package:http/http.dart' as http;

/// A post from the blog's JSON feed.
class Post {
  final String title;
  final DateTime published;
  final List<String> tags;
  int views = 0;

  Post({required this.title, required this.published, this.tags = const []});

  factory Post.fromJson(Map<String, dynamic> json) => Post(
        title: json['title'] as String,
        published: DateTime.parse(json['date'] as String),
        tags: (json['tags'] as List?)?.cast<String>() ?? [],
      );

  bool get isRecent => DateTime.now().difference(published).inDays < 30;

  @override
  String toString() => 'Post($title, ${tags.length} tags)';
}

enum Sort { newest, popular }

Future<List<Post>> fetchPosts(Uri feed, {Sort sort = Sort.newest}) async {
  final response = await http.get(feed);
  if (response.statusCode != 200) {
    throw StateError('feed returned ${response.statusCode}');
  }
  final items = jsonDecode(response.body)['items'] as List<dynamic>;
  final posts = items.map((e) => Post.fromJson(e as Map<String, dynamic>)).toList();
  switch (sort) {
    case Sort.newest:
      posts.sort((a, b) => b.published.compareTo(a.published));
      break;
    case Sort.popular:
      posts.sort((a, b) => b.views - a.views);
  }
  return posts;
}

void main() async {
  var posts = await fetchPosts(Uri.parse('https://example.com/feed.json'));
  for (final post in posts.where((p) => p.isRecent)) {
    print(post);
  }
  const double ratio = 0.75;
  Stream<int>.periodic(const Duration(seconds: 1), (i) => i * 0x10).take(3).listen(print);
  assert(ratio > 0 && posts != null);
}
