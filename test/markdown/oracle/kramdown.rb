# Renders Markdown files with real kramdown as Jekyll configures it (GFM input; Jekyll's
# default kramdown options, then the JSON options given in KRAMDOWN_OPTIONS). Code is left
# unhighlighted: the handbook renders code plain on purpose. Prints {path: html} as JSON.
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'

options = {
  input: 'GFM', auto_ids: true, toc_levels: (1..6).to_a, entity_output: :as_char,
  smart_quotes: %w[lsquo rsquo ldquo rdquo], hard_wrap: false, footnote_nr: 1,
  syntax_highlighter: nil, show_warnings: false
}
extra = ENV['KRAMDOWN_OPTIONS']
JSON.parse(extra).each { |k, v| options[k.to_sym] = v } if extra && !extra.empty?

out = {}
ARGV.each do |path|
  out[path] = Kramdown::Document.new(File.read(path, encoding: 'UTF-8'), options).to_html
end
puts JSON.generate(out)
