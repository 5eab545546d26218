/** Pure parts of finishing: the content tokenizer, artifact wrapping, ICC profile, dates, roles. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFArray, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { wrapArtifacts } from '../../src/pdf/finish/artifacts.js';
import { operatorScanner, parseOperations } from '../../src/pdf/finish/content-tokens.js';
import { OFF_PAGE_SHIFT, hiddenText } from '../../src/pdf/finish/hidden-text.js';
import { srgbIccProfile } from '../../src/pdf/finish/icc.js';
import { describeLink } from '../../src/pdf/finish/links.js';
import { normaliseDate, pdfDate } from '../../src/pdf/finish/metadata.js';
import { addListBodies, roleFor, scopeOf } from '../../src/pdf/finish/structure.js';
import { readStructTree } from '../../src/pdf/finish/struct-tree.js';
import type { StructElem } from '../../src/pdf/finish/struct-tree.js';
import { decodeHex, parseToUnicode } from '../../src/pdf/finish/to-unicode.js';

const enc = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const dec = (b: Uint8Array): string => String.fromCharCode(...b);

describe('content tokenizer', () => {
  it('splits operations and keeps operators inside strings, hex strings and dicts as operands', () => {
    const src =
      '/P <</MCID 3 /Alt (a \\) BT EMC) /E (x)>> BDC BT /F1 12 Tf (q (nested) Q \\(ET) Tj <4554> Tj ET EMC % EMC BT\n1 0 0 1 0 0 cm';
    const ops = parseOperations(enc(src)).map((o) => o.op);
    assert.deepEqual(ops, ['BDC', 'BT', 'Tf', 'Tj', 'Tj', 'ET', 'EMC', 'cm']);
  });

  it('treats an inline image as one operation, even when its data contains operators', () => {
    const src = 'q BI /W 2 /H 1 /CS /G /BPC 8 ID \x00EMC BT\xff EI Q';
    const ops = parseOperations(enc(src));
    assert.deepEqual(
      ops.map((o) => o.op),
      ['q', 'BI', 'Q'],
    );
    assert.equal(dec(enc(src).subarray(ops[1]!.start, ops[1]!.end)).endsWith('EI'), true);
  });

  it('keeps TJ arrays and operand byte ranges intact', () => {
    const src = '[(A) -120 (B)] TJ';
    const [op] = parseOperations(enc(src));
    assert.equal(op?.op, 'TJ');
    assert.equal(dec(enc(src).subarray(op!.start, op!.end)), src);
    assert.deepEqual(op?.operands, ['[', '(A)', '-120', '(B)', ']']);
  });
});

describe('content scanner', () => {
  it('tells operators from numbers and keywords', () => {
    const src = '-.5 +3 true null 0 d0 T* (a) \' 1 2 (b) " /N1 gs [1 2] 0 d';
    const ops = parseOperations(enc(src));
    assert.deepEqual(
      ops.map((o) => o.op),
      ['d0', 'T*', "'", '"', 'gs', 'd'],
    );
    assert.deepEqual(ops[0]!.operands, ['-.5', '+3', 'true', 'null', '0']);
  });

  it('reports only the operators asked for, with the same ranges as the full parse', () => {
    const src =
      '% a comment BT\n-.5 +3 true null 0 d0 q T* (a) \' 1 2 (b (c)) " /N1 gs [1 2] 0 d\n' +
      '/P <</MCID 3 /E (x) /A [<4254>]>> BDC BI /W 1 ID \x00BT) EI EMC 1 0 0 1 0 0 cm Q 7';
    const ops = parseOperations(enc(src));
    const wanted = ["'", 'BDC', 'BI', 'EMC', 'Q', 'T*', 'd'];
    const seen: [string, number, number, number][] = [];
    const last = operatorScanner(wanted)(enc(src), (op, start, end, prevEnd) => {
      seen.push([op, start, end, prevEnd]);
      return true;
    });
    const expected = ops.flatMap((o, i) =>
      wanted.includes(o.op) ? [[o.op, o.start, o.end, i > 0 ? ops[i - 1]!.end : 0]] : [],
    );
    assert.deepEqual(seen, expected);
    assert.equal(last, ops.at(-1)!.end);
  });
});

describe('artifact wrapping', () => {
  it('wraps untagged drawing runs, cuts at q/Q and leaves tagged content alone', () => {
    const src =
      'q 1 0 0 1 0 0 cm BT /F1 9 Tf (Page 1 of 2) Tj ET 0 0 m 10 0 l S Q\n' +
      '/P <</MCID 0>> BDC BT (Body) Tj ET EMC\n/Im1 Do';
    const out = dec(wrapArtifacts(enc(src))!);
    assert.equal(
      out,
      'q 1 0 0 1 0 0 cm /Artifact <</Type /Pagination>> BDC\nBT /F1 9 Tf (Page 1 of 2) Tj ET 0 0 m 10 0 l S\nEMC\n Q\n' +
        '/P <</MCID 0>> BDC BT (Body) Tj ET EMC\n/Artifact <</Type /Pagination>> BDC\n/Im1 Do\nEMC\n',
    );
    // Every text-showing operator is now inside marked content.
    let depth = 0;
    for (const o of parseOperations(enc(out))) {
      if (o.op === 'BDC' || o.op === 'BMC') depth++;
      else if (o.op === 'EMC') depth--;
      else if (o.op === 'Tj' || o.op === 'Do') assert.ok(depth > 0, o.op);
    }
    assert.equal(depth, 0);
  });

  it('returns undefined when everything is already marked', () => {
    assert.equal(wrapArtifacts(enc('/Artifact BMC BT (x) Tj ET EMC q Q')), undefined);
  });
});

describe('sRGB ICC profile', () => {
  const icc = srgbIccProfile();
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const sig = (at: number): string => dec(icc.subarray(at, at + 4));

  it('has a valid v2 display header and is deterministic', () => {
    assert.equal(view.getUint32(0), icc.length);
    assert.equal(view.getUint32(8), 0x02100000);
    assert.deepEqual([sig(12), sig(16), sig(20), sig(36)], ['mntr', 'RGB ', 'XYZ ', 'acsp']);
    assert.deepEqual(srgbIccProfile(), icc);
  });

  it('has the tags a display profile needs, inside the file and 4-byte aligned', () => {
    const count = view.getUint32(128);
    const tags = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const at = 132 + i * 12;
      const offset = view.getUint32(at + 4);
      const size = view.getUint32(at + 8);
      assert.ok(offset % 4 === 0 && offset + size <= icc.length, sig(at));
      tags.set(sig(at), offset);
    }
    for (const t of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC'])
      assert.ok(tags.has(t), t);
    assert.equal(sig(tags.get('rTRC')!), 'curv');
    assert.equal(sig(tags.get('wtpt')!), 'XYZ ');
  });
});

describe('metadata and structure helpers', () => {
  it('turns release dates into PDF and XMP dates without the clock', () => {
    assert.equal(normaliseDate('2024-03-01'), '2024-03-01T00:00:00Z');
    assert.equal(normaliseDate('2024-03-01T10:20:30.123Z'), '2024-03-01T10:20:30Z');
    assert.equal(pdfDate('2024-03-01T10:20:30Z'), 'D:20240301102030Z');
    assert.throws(() => normaliseDate('1 March'));
  });

  it('maps PDF 2.0 types to PDF 1.7 ones', () => {
    assert.equal(roleFor('Strong', 'P'), 'Span');
    assert.equal(roleFor('Aside', 'Div'), 'Div');
    assert.equal(roleFor('Whatever', 'P'), 'Span');
    assert.equal(roleFor('Whatever', 'Sect'), 'Div');
  });

  it('scopes a leading TH in a body row as Row, others as Column', () => {
    const elem = (type: string, parent?: StructElem): StructElem => {
      const e = { type, parent, children: [], dict: undefined as never } as StructElem;
      parent?.children.push(e);
      return e;
    };
    const head = elem('TR', elem('THead'));
    const colTh = elem('TH', head);
    const row = elem('TR', elem('TBody'));
    const rowTh = elem('TH', row);
    elem('TD', row);
    assert.equal(scopeOf(colTh), 'Column');
    assert.equal(scopeOf(rowTh), 'Row');
  });

  it('wraps list item content in an LBody, keeping the label in the LI', async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const [rootRef, lRef, liRef, lblRef, pRef, li2Ref, bodyRef] = Array.from({ length: 7 }, () =>
      ctx.nextRef(),
    );
    ctx.assign(lblRef!, ctx.obj({ Type: 'StructElem', S: 'Lbl', P: liRef!, K: 0 }));
    ctx.assign(pRef!, ctx.obj({ Type: 'StructElem', S: 'P', P: liRef!, K: 1 }));
    ctx.assign(liRef!, ctx.obj({ Type: 'StructElem', S: 'LI', P: lRef!, K: [lblRef!, pRef!] }));
    ctx.assign(bodyRef!, ctx.obj({ Type: 'StructElem', S: 'LBody', P: li2Ref!, K: 2 }));
    ctx.assign(li2Ref!, ctx.obj({ Type: 'StructElem', S: 'LI', P: lRef!, K: [bodyRef!] }));
    ctx.assign(lRef!, ctx.obj({ Type: 'StructElem', S: 'L', P: rootRef!, K: [liRef!, li2Ref!] }));
    ctx.assign(rootRef!, ctx.obj({ Type: 'StructTreeRoot', K: [lRef!] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef!);

    assert.equal(addListBodies(doc, readStructTree(doc)), 1, 'only the item without LBody');
    const tree = readStructTree(doc);
    const li = tree.find((e) => e.type === 'LI')!;
    assert.deepEqual(
      li.children.map((c) => c.type),
      ['Lbl', 'LBody'],
    );
    const body = li.children[1]!;
    assert.deepEqual(
      body.children.map((c) => c.type),
      ['P'],
    );
    // Parent links agree with the new nesting: LBody → LI, P → LBody.
    assert.equal(body.dict.get(PDFName.of('P')), liRef);
    const newBodyRef = li.dict.lookup(PDFName.of('K'), PDFArray).get(1);
    assert.equal(body.children[0]!.dict.get(PDFName.of('P')), newBodyRef);
    assert.equal(ctx.lookup(newBodyRef), body.dict);
  });

  it('describes links from the handbook', async () => {
    const doc = await PDFDocument.create();
    const texts = {
      headings: new Map([
        ['kick-off', 'Kick-off meeting'],
        ['café-plan', 'Café plan'],
      ]),
      links: new Map([['https://x.example/', 'The programme']]),
      notes: new Map([['intro-link-2', 'Link note 2: NHS Data Dictionary (https://d.example/)']]),
    };
    const internal = doc.context.obj({ Subtype: 'Link', Dest: PDFName.of('kick-off') });
    // Chromium writes the fragment percent-encoded.
    const accented = doc.context.obj({ Subtype: 'Link', Dest: PDFString.of('caf%C3%A9-plan') });
    const external = doc.context.obj({
      Subtype: 'Link',
      A: { S: 'URI', URI: PDFString.of('https://x.example/') },
    });
    assert.equal(describeLink(internal, texts), 'Go to Kick-off meeting');
    assert.equal(describeLink(accented, texts), 'Go to Café plan');
    assert.equal(describeLink(external, texts), 'The programme (https://x.example/)');
    // A note marker names the note's link and URL, also with uniqueId's suffix.
    for (const id of ['intro-link-2', 'intro-link-2-2'])
      assert.equal(
        describeLink(doc.context.obj({ Subtype: 'Link', Dest: PDFName.of(id) }), texts),
        'Link note 2: NHS Data Dictionary (https://d.example/)',
      );
    // Any other internal target: its page, never a vague "another place".
    const other = doc.context.obj({ Subtype: 'Link', Dest: PDFName.of('somewhere') });
    assert.equal(describeLink(other, texts), 'Go to a place in this handbook');
  });
});

describe('hidden labels', () => {
  const cmap =
    '1 beginbfchar\n<0001> <0020>\nendbfchar\n1 beginbfrange\n<0002> <0004> <0041>\nendbfrange';

  it('reads a ToUnicode CMap: single codes and ranges', () => {
    const map = parseToUnicode(cmap);
    assert.equal(decodeHex('<0002000300040001>', map), 'ABC ');
    assert.equal(decodeHex('<0009>', map), undefined);
  });

  it('moves only text drawn in a transparent state off the page, and reads its words', () => {
    const src =
      '/P <</MCID 1>> BDC BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0002> Tj ET EMC\n' +
      'q /G0 gs /Span <</MCID 2>> BDC BT /F1 1 Tf 1 0 0 -1 10 30 Tm [<0003> -5 <0004>] TJ ET EMC Q\n' +
      '/P <</MCID 3>> BDC BT 1 0 0 -1 10 40 Tm <0002> Tj ET EMC';
    const { edits, words } = hiddenText(
      enc(src),
      new Set(['/G0']),
      new Map([['/F1', parseToUnicode(cmap)]]),
    );
    assert.deepEqual([...words], [[2, 'BC']]);
    // One Tm inserted after the hidden BT, its own Tm shifted; the visible text untouched.
    assert.deepEqual(
      edits.map((e) => e.text.trim()),
      [`1 0 0 1 -${OFF_PAGE_SHIFT} 0 Tm`, `1 0 0 -1 ${10 - OFF_PAGE_SHIFT} 30 Tm`],
    );
    assert.ok(edits.every((e) => e.start > src.indexOf('/G0') && e.end < src.indexOf('MCID 3')));
  });
});
