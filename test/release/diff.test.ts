import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSnapshots, isEmpty, type SectionChange } from '../../src/release/diff.js';
import { renderNotes, notesSummary } from '../../src/release/notes.js';
import { takeSnapshot } from '../../src/release/snapshot.js';
import type { Finding } from '../../src/diagnostics.js';
import { chapter, handbook } from './helpers.js';

const gap = (line: number, message: string): Finding => ({
  file: 'guide/index.md',
  line,
  severity: 'note',
  code: 'gap-note',
  message,
});

const OLD = handbook(
  [
    chapter(
      'intro',
      'Introduction',
      `<p>This guide helps practices.</p>
     <h2 id="how-long">How long does a migration take?</h2>
     <p>Migrations on average take between 12-16 weeks from registering intent on the Catalogue.</p>
     <p>See <a href="https://old.example/catalogue">the Catalogue</a>.</p>
     <h2 id="overview-of-phases">Overview of phases</h2>
     <p>Migrations require a lot of planning and effort from practice staff and partners alike.</p>
     <h2 id="retired">Retired section</h2><p>Gone soon.</p>`,
    ),
    chapter('kick-off', 'Kick-off', '<p>Meet everyone.</p>'),
    chapter('dropped', 'Dropped chapter', '<p>Old.</p>'),
  ],
  '1.0',
);

const NEW = handbook(
  [
    chapter(
      'intro',
      'Introduction',
      `<p>This guide helps practices.</p>
     <h2 id="information-governance">Information Governance</h2>
     <p>All parties must follow the <a href="https://ig.example/gdpr">GDPR</a>.</p>
     <h2 id="how-long">How long does a migration take?</h2>
     <p>The end to end migration process takes between 12-16 weeks from placing the order.</p>
     <h2 id="overview-of-key-phases">Overview of key phases</h2>
     <p>Migrations require a lot of planning and effort from practice staff and partners alike.</p>
     <p>Go to <a href="#kick-off">Kick-off meeting</a>.</p>`,
    ),
    chapter('kick-off', 'Kick-off meeting', '<p>Meet everyone.</p>'),
    chapter('training', 'Training', '<p>Train staff.</p>'),
  ],
  '1.1',
);

const prev = takeSnapshot(OLD, [
  gap(30, 'Need details on registering intent'),
  gap(40, 'still open'),
]);
const next = takeSnapshot(NEW, [
  gap(12, 'link missing for encryption guidance'),
  gap(44, 'still open'),
]);
const changes = diffSnapshots(prev, next);

function find(kind: SectionChange['kind'], title: string): SectionChange | undefined {
  return changes.sections
    .flatMap((s) => s.changes)
    .find((c) => c.kind === kind && c.title === title);
}

test('chapters added, removed and renamed (same id, new title)', () => {
  assert.deepEqual(
    changes.chapters.added.map((c) => c.title),
    ['Training'],
  );
  assert.deepEqual(
    changes.chapters.removed.map((c) => c.title),
    ['Dropped chapter'],
  );
  assert.deepEqual(
    changes.chapters.renamed.map((c) => [c.from, c.title]),
    [['Kick-off', 'Kick-off meeting']],
  );
});

test('sections added, removed, changed, and renamed by text similarity', () => {
  assert.ok(find('added', 'Information Governance'));
  assert.ok(find('removed', 'Retired section'));
  const changed = find('changed', 'How long does a migration take?');
  assert.ok(changed && changed.kind === 'changed');
  assert.ok(changed.added > 0 && changed.removed > 0);
  assert.match(changed.summary, /placing the order/);
  assert.match(changed.summary, /registering intent on the Catalogue/);
  const renamed = find('renamed', 'Overview of key phases');
  assert.ok(renamed && renamed.kind === 'renamed');
  assert.equal(renamed.from, 'Overview of phases');
  // Unchanged opening text is not reported.
  assert.equal(changes.sections.flatMap((s) => s.changes).filter((c) => c.level === 1).length, 0);
});

test('links added and removed, GAP notes opened and closed (line moves do not count)', () => {
  assert.deepEqual(changes.links.added.map((l) => l.href).sort(), [
    '#kick-off',
    'https://ig.example/gdpr',
  ]);
  assert.deepEqual(
    changes.links.removed.map((l) => l.href),
    ['https://old.example/catalogue'],
  );
  assert.deepEqual(
    changes.gaps.opened.map((g) => g.message),
    ['link missing for encryption guidance'],
  );
  assert.deepEqual(
    changes.gaps.closed.map((g) => g.message),
    ['Need details on registering intent'],
  );
});

test('a snapshot compared with itself has no changes', () => {
  const same = diffSnapshots(next, next);
  assert.ok(isEmpty(same));
  assert.match(
    renderNotes({
      version: '1.2',
      date: '2026-02-01',
      snapshot: next,
      previous: { snapshot: next, commit: null },
      changes: same,
    }),
    /No changes to the content\./,
  );
});

test('CHANGES.md names what changed, with the editor’s notes on top', () => {
  const md = renderNotes({
    version: '1.1',
    date: '2026-03-01',
    snapshot: next,
    notes: '# Release 1.1\n\nAdds Information Governance.\n',
    previous: { snapshot: prev, commit: 'abcdef0123456789abcdef0123456789abcdef01' },
    changes,
  });
  assert.ok(
    md.startsWith('# Test Guide 1.1 (2026-03-01)\n\n# Release 1.1\n\nAdds Information Governance.'),
    md,
  );
  assert.match(md, /Compared with release 1\.0 \(2026-01-01, commit abcdef012345\)/);
  assert.match(md, /- Added “Training” \(\/guide\/training\)/);
  assert.match(md, /- Renamed “Kick-off” to “Kick-off meeting”/);
  assert.match(md, /#### Introduction[\s\S]*- Added “Information Governance” \(\d+ words\)/);
  assert.match(
    md,
    /- Changed “How long does a migration take\?”: \+\d+ words?, −\d+ words?; added ‘/,
  );
  assert.match(md, /“GDPR” → <https:\/\/ig\.example\/gdpr> \(in “Introduction”\)/);
  assert.match(md, /“Kick-off meeting” → “Kick-off meeting” \(#kick-off\)/);
  assert.match(md, /Opened:\n\n- guide\/index\.md:12: link missing for encryption guidance/);
  assert.match(md, /## Open GAP notes\n\n2 GAP note\(s\) remain:/);
  assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
});

test('the first release summarises the contents', () => {
  const md = renderNotes({ version: '1.0', date: '2026-01-01', snapshot: prev });
  assert.match(md, /First release\./);
  assert.match(md, /Contents: 3 chapters, 0 appendices, 3 sections, 1 distinct links\./);
  assert.match(md, /- Dropped chapter \(\/guide\/dropped\)/);
});

test('the document-control summary is the first paragraph of the notes, not a lone heading', () => {
  assert.equal(
    notesSummary('# Release 1.1\n\nAdds the\nIG section.\n\nMore.'),
    'Adds the IG section.',
  );
  assert.equal(notesSummary('Just one line'), 'Just one line');
  assert.equal(notesSummary('## Only a heading'), 'Only a heading');
  assert.equal(notesSummary('   \n'), undefined);
  assert.equal(notesSummary(undefined), undefined);
});
