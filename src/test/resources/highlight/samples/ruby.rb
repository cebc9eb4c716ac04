# frozen_string_literal: true

require 'yaml'
require_relative 'post'

module Blog
  # Reads posts and groups them by tag.
  class Archive
    include Enumerable

    attr_reader :posts

    DEFAULT_OPTIONS = { drafts: false, per_page: 10 }.freeze

    def initialize(folder, **options)
      @folder = folder
      @options = DEFAULT_OPTIONS.merge(options)
      @posts = []
      @@instances ||= 0
      @@instances += 1
    end

    def load!
      Dir.glob(File.join(@folder, '*.md')).sort.each do |path|
        front, body = File.read(path).split(/^---\s*$/, 3).drop(1)
        data = YAML.safe_load(front, permitted_classes: [Date])
        next if data['draft'] && !@options[:drafts]

        @posts << Post.new(path: path, title: data.fetch('title'), body: body)
      end
      self
    end

    def each(&block)
      @posts.each(&block)
    end

    def by_tag
      group_by { |post| post.tags.first || :untagged }
        .transform_values(&:size)
        .sort_by { |_tag, count| -count }
    end

    def to_s
      "#<Archive #{@folder} (#{@posts.size} posts)>"
    end
  end
end

archive = Blog::Archive.new('content/posts', drafts: true).load!
puts archive.by_tag.map { |tag, n| format('%-12s %3d', tag, n) }
raise ArgumentError, 'empty archive' unless archive.any?
$stdout.puts 1_000 * 0.5 if defined?(Blog) && archive.count > 0x10
