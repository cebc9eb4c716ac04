#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Writes Rouge's token classification of every sample in src/test/resources/highlight/samples/
# to src/test/resources/highlight/rouge/<language>.tokens, which RougeComparisonTest compares
# Kiln's highlighting with. Regenerate, from the repository root, after changing a sample:
#
#   apt-get install ruby-rouge      # Debian's Rouge (3.30.0 when these were made)
#   ruby src/test/scripts/rouge-tokens.rb
#
# A sample's language is its file name before the dot (the word an author writes after the
# fence). Each line of a .tokens file is one run of text Rouge gives one token: its short class
# (Rouge's CSS class, "" for plain text), its length in UTF-16 code units (Java's String
# length), and the text, as Ruby's String#inspect prints it, for the reader only.
require 'rouge'

root = File.expand_path('../resources/highlight', __dir__)
# Rouge has no Less lexer: its CSS lexer reads Less as CSS with unknown parts left plain.
LEXER_FOR = { 'less' => 'css' }.freeze

Dir.glob(File.join(root, 'samples', '*')).sort.each do |sample|
  language = File.basename(sample).split('.').first
  lexer_name = LEXER_FOR.fetch(language, language)
  lexer = Rouge::Lexer.find(lexer_name) or abort "Rouge has no lexer for #{lexer_name}"
  text = File.read(sample, encoding: 'UTF-8')
  runs = []
  lexer.lex(text).each do |token, value|
    next if value.empty?

    short = token.shortname
    if !runs.empty? && runs.last[0] == short
      runs.last[1] << value
    else
      runs << [short, +value]
    end
  end
  raise "#{sample}: Rouge lost text" unless runs.map(&:last).join == text

  File.open(File.join(root, 'rouge', "#{language}.tokens"), 'w') do |out|
    out.puts "# Rouge #{Rouge.version}, lexer #{lexer.tag}, sample #{File.basename(sample)}; " \
             'regenerate with: ruby src/test/scripts/rouge-tokens.rb'
    runs.each do |short, value|
      out.puts "#{short}\t#{value.encode('UTF-16LE').bytesize / 2}\t#{value.inspect}"
    end
  end
end
