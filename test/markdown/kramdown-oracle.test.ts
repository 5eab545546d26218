/**
 * The Markdown stage against real kramdown (Ruby, GFM parser, Jekyll's options), run at test
 * time: each case must give the same elements in the same order with the same visible text.
 * Skipped only where Ruby's kramdown is not installed (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slug } from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { kramdownOptions } from '../../src/markdown/index.js';
import {
  firstDifference,
  htmlStructure,
  kramdownAvailable,
  kramdownHtml,
  ourTree,
  structure,
} from './oracle/oracle.js';

const CASES: Record<string, string> = {
  typography:
    'Plan the "go-live" date -- it\'s the practice\'s call... Weeks 1--2, not 3---4.\n\n' +
    "# As a priority...\n\nRock 'n' roll in the '80s, << quoted >> and <<this>>.\n",
  'quotes around emphasis and links':
    'A "*quoted*" word, a \'[linked](/x)\' one and "**strong**".\n',
  'escaped quotes stay straight': 'Say \\"this\\" and \\-- that.\n',
  'raw mailto link keeps its text':
    'Email <a href="mailto:team@nhs.net?subject=Migration">team@nhs.net</a> or www.nhs.uk today.\n',
  'span IALs': 'Read [the guide](/guide){:target="_blank"} and **this**{: .note} now.\n',
  'block IALs': 'A lead paragraph.\n{: .lead #intro}\n\n* one\n* two\n{: .checklist}\n',
  'list paragraphs per item': '* a\n* b\n\n* c\n\npara\n\n1. one\n2. two\n\n   more\n3. three\n',
  'tight nested list': '* a\n  * b\n  * c\n* d\n',
  'task list': '* [ ] to do\n* [x] done\n',
  footnotes:
    'A claim[^1] and another[^note], again[^1].\n\n[^1]: The source.\n[^note]: A *note*.\n',
  abbreviations:
    'The ICB and the CSU agree.\n\n*[ICB]: Integrated Care Board\n*[CSU]: Commissioning Support Unit\n',
  'definition lists': 'DMI\n: Data Migration Item\n\nSLA\n: Service Level Agreement\n',
  'definition with a paragraph': 'Term\n\n: A definition in a paragraph.\n',
  'kramdown table without a header': '| Role | Owner |\n| Practice manager | *Local* |\n',
  'kramdown table with bodies': '| a | b\n|---\n| 1 | 2\n| 3\n|---\n| 4 | `x \\| y`\n',
  'GFM table': '| a | b |\n|---|:-:|\n| 1 | 2 |\n',
  'fenced and indented code': '```ruby\nputs "hi" -- 1\n```\n\n    indented "code"\n\npara\n',
  'header ids': '# Data checking {#data-checking}\n\n## Step 1: "Agree" the plan\n',
  strikethrough: 'This is ~~gone~~ now.\n',
  'hard line break': 'line one\\\nline two\nline three\n',
  'comment and options extensions':
    'Para one.\n\n{::comment}\nhidden *text*\n{:/comment}\n\nVisible {::comment}gone{:/} text.\n\n{::options auto_ids="true" /}\n\nEnd.\n',
  'end-of-block marker': '* a\n^\n* b\n',
  'markdown attribute on HTML blocks':
    '<div markdown="1">\n*block* "text"\n</div>\n\n<div markdown="span">\n*span*\n</div>\n\n' +
    '<p markdown="1">\n*inline* text\n</p>\n\n<div markdown="0">\n*raw*\n</div>\n',
  'markdown attribute on a one-line element':
    '<div markdown="span" class="alert"><b>Note:</b> reset **every night** at 02:00.</div>\n\n' +
    '<div markdown="0">*raw* one line</div>\n',
  'an IAL line ends its paragraph': 'First part.\n{:.note}\nSecond part.\n{:/comment}\nsame.\n',
  'IAL after a list, then code': '* item\n{: .x}\n\n    code\n',
  'backslash kept where kramdown does not escape':
    'A \\& B, a\\/b, 50\\%, \\*star\\*, \\~tilde\\~ and `\\&`.\n',
  'emphasis nesting': '***both*** and *a _b_ c* and **a __b__ c** and *a **b** c*.\n',
  'a rule under a paragraph line': 'Text\n***\n\nMore\n___\n\nAnd\n* * *\n\n---\n___\n',
  'definition opened by an IAL': 'Term\n: {:.note} the definition\n: another\n',
  'text after an HTML block closes': '<div>\nblock\n</div> after it\n\nNext.\n',
  'autolinks as kramdown reads them':
    'See <http://x.org/?a&amp;b=&quot;c> or write <übung@macht.de>.\n',
  'reference link with a space before its id':
    'Read [the guide] [g] and [the list]\n[g] now.\n\n[g]: /guide\n',
  'one list across changing bullets': '* one\n- two\n+ three\n\n* * *\n\n1.     wide\n2. next\n',
  'separator line over a table': '|:-:|:-:|\n| a | b\n|---|---|\n| 1 | 2\n',
  'mailto autolink': 'Write to <mailto:team@nhs.net> or <team@nhs.net>.\n',
  'a lone backtick is text': 'This is a ` literal one.\nAs \\`are\\` these, and `in\\` code.\n',
  'an indented line after link definitions is code':
    '[1]: /one\n  [2]: /two\n    [3]: /three\n\nSee [1] and [2] but not [3].\n',
  'an item of the other kind nests in the item':
    'I read the book\n1984. It was great\n- others say so\n- too\n2. next\n',
  'markdown="0" on a span keeps its text':
    'A <span markdown="0">*raw* <b markdown="1">to **fear**</b></span> and ' +
    '<span markdown="0"><http://x.org></span>.\n',
  'end-of-block marker in a definition': 'item\n: text\n  ^\n  more\n',
  'a table needs a block boundary after it': 'Rows\n\n| a | b\n+ a list item\n',
  'lazy lines of quotes and code':
    '> quote\n### heading in it\n\npara\n\n    code\nlazy\n\n> Quote.\nTwo lines\n-\n',
  'setext header only under one line': 'One\nTwo\n=====\n\nHead\n----\n\nThree\nlines\n---\n',
  'header ids need a space, closing hashes go': '### A{#x}\n\n### B ## {#b}\n\n### C ##{#c}\n\n#\n',
  'code in a definition opened by an IAL':
    'item\n: {:.class}\n        code\n: {:.x}\n      text\n:   {:.y}\n         more code\n',
  'html block left raw': '<div class="x">\n  <p>Some "raw" -- text</p>\n</div>\n\nAfter.\n',
};

const available = kramdownAvailable();

test(
  "the Markdown stage reads as kramdown does with Jekyll's options",
  { skip: !available && 'ruby kramdown not installed' },
  () => {
    const names = Object.keys(CASES);
    const expected = kramdownHtml(names.map((n) => CASES[n] ?? ''));
    const failures: string[] = [];
    names.forEach((name, i) => {
      const ours = structure(ourTree(CASES[name] ?? ''));
      const diff = firstDifference(htmlStructure(expected[i] ?? ''), ours);
      if (diff) failures.push(`${name}: ${diff}`);
    });
    assert.deepEqual(failures, []);
  },
);

test(
  "kramdown options come from _config.yml over Jekyll's defaults",
  { skip: !available && 'ruby kramdown not installed' },
  () => {
    const site = { kramdown: { smart_quotes: ['apos', 'apos', 'quot', 'quot'], auto_ids: true } };
    const text = 'It\'s "straight" -- as configured...\n';
    const [html] = kramdownHtml([text], { smart_quotes: ['apos', 'apos', 'quot', 'quot'] });
    const ours = structure(ourTree(text, kramdownOptions(site)));
    assert.equal(firstDifference(htmlStructure(html ?? ''), ours), undefined);
    assert.match(toHtml(ourTree(text, kramdownOptions(site))), /It's "straight" – as configured…/);
  },
);

test("footnote ids and back links are kramdown's", () => {
  const html = toHtml(ourTree(CASES.footnotes ?? ''));
  assert.match(
    html,
    /<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1<\/a><\/sup>/,
  );
  assert.match(html, /<sup id="fnref:1:1"/);
  assert.match(html, /<li id="fn:note" role="doc-endnote">/);
  assert.match(html, /href="#fnref:1:1" class="reversefootnote"/);
});

test('a raw mailto link is never auto-linked again', () => {
  const html = toHtml(ourTree(CASES['raw mailto link keeps its text'] ?? ''));
  assert.match(html, /<a href="mailto:team@nhs.net\?subject=Migration">team@nhs.net<\/a>/);
  assert.equal(html.match(/<a /g)?.length, 1);
});

test(
  'the website ids the transform maps from are the ids kramdown gives headings',
  {
    skip: !available && 'ruby kramdown not installed',
  },
  () => {
    // The transform remembers slug(heading text) as the id a link written against the website
    // used (transform/ids.ts); kramdown's GFM auto ids are made from the typeset text.
    const heads = [
      'Weeks 1--2: "agree" the plan',
      "It's the practice's call...",
      'A + B = C | D',
      'Über `code` *em*',
      'Transliterated: Đây-là-ví-dụ',
      'x_y_z',
    ];
    const md = heads.map((h) => `## ${h}\n`).join('\n');
    const [html] = kramdownHtml([md]);
    const theirs = [...(html ?? '').matchAll(/id="([^"]*)"/g)].map((m) => m[1]);
    const ours = ourTree(md)
      .children.filter((c) => c.type === 'element')
      .map((h) => slug(toText(h)));
    assert.deepEqual(ours, theirs);
  },
);
