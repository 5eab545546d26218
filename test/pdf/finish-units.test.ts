/**
 * Pure parts of finishing: the PDF reader and writer, the content tokenizer, artifact
 * wrapping, ICC profile, dates, roles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument as PdfLibDocument, PDFName as PdfLibName } from 'pdf-lib';
import { pageNumbersOf } from '../../src/pdf/destinations.js';
import { wrapArtifacts } from '../../src/pdf/finish/artifacts.js';
import { operatorScanner, parseOperations } from '../../src/pdf/finish/content-tokens.js';
import { srgbIccProfile } from '../../src/pdf/finish/icc.js';
import { describeLink } from '../../src/pdf/finish/links.js';
import { normaliseDate, pdfDate } from '../../src/pdf/finish/metadata.js';
import { PdfDocument } from '../../src/pdf/finish/pdf-document.js';
import { usePdf } from '../../src/pdf/finish/pdf-load.js';
import {
  PdfArray,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from '../../src/pdf/finish/pdf-objects.js';
import { UnsupportedPdf, parsePdf } from '../../src/pdf/finish/pdf-parser.js';
import { writePdf } from '../../src/pdf/finish/pdf-writer.js';
import { addListBodies, roleFor, scopeOf } from '../../src/pdf/finish/structure.js';
import { readStructTree } from '../../src/pdf/finish/struct-tree.js';
import type { StructElem } from '../../src/pdf/finish/struct-tree.js';

const enc = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const dec = (b: Uint8Array): string => String.fromCharCode(...b);

/**
 * A PDF laid out as Chromium does it: objects 1…n in order, one cross-reference table (whose
 * entry for object `misplaced`, if given, points one byte past the object).
 */
function classicPdf(objects: string[], misplaced?: number): string {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return i + 1 === misplaced ? at + 1 : at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  return `${out}trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
}

/** A catalog, a page tree of two pages, named destinations (a name tree) and odd syntax. */
const SAMPLE = [
  '<</Type /Catalog /Pages 2 0 R /Names <</Dests 6 0 R>> /Odd 7 0 R>>',
  '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>',
  '<</Type /Page /Parent 2 0 R /Contents 5 0 R /MediaBox [0 0 595.28 841.89]>>',
  '<</Type /Page /Parent 2 0 R>>',
  '<</Length 8 0 R>> stream\nq 1 0 0 RG Q\nendstream',
  '<</Names [(intro) [3 0 R /XYZ 0 700 null] <6C617465> [4 0 R /XYZ 0 -.5 null]]>>',
  '<</S (a \\) b (c) \\\\ \\101\\\r\nd\re) /H <48 65 6C6> /N /A#20B /T true /F false /Z null ' +
    '/R [-.5 +3 4. 1 0 R 2] /D <</E []>>>>',
  '12',
];

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

  it('wraps list item content in an LBody, keeping the label in the LI', () => {
    const doc = new PdfDocument(new PdfDict(), [], []);
    const catalogRef = doc.register(new PdfDict());
    doc.trailer.set('Root', catalogRef);
    const [rootRef, lRef, liRef, lblRef, pRef, li2Ref, bodyRef] = Array.from({ length: 7 }, () =>
      doc.nextRef(),
    );
    const elem = (S: string, P: PdfValue, K: PdfValue): PdfDict =>
      PdfDict.of({ Type: PdfName.of('StructElem'), S: PdfName.of(S), P, K });
    doc.assign(lblRef!, elem('Lbl', liRef!, 0));
    doc.assign(pRef!, elem('P', liRef!, 1));
    doc.assign(liRef!, elem('LI', lRef!, new PdfArray([lblRef!, pRef!])));
    doc.assign(bodyRef!, elem('LBody', li2Ref!, 2));
    doc.assign(li2Ref!, elem('LI', lRef!, new PdfArray([bodyRef!])));
    doc.assign(lRef!, elem('L', rootRef!, new PdfArray([liRef!, li2Ref!])));
    doc.assign(
      rootRef!,
      PdfDict.of({ Type: PdfName.of('StructTreeRoot'), K: new PdfArray([lRef!]) }),
    );
    doc.catalog.set('StructTreeRoot', rootRef!);

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
    assert.equal(body.dict.get('P'), liRef);
    const newBodyRef = doc.array(li.dict.get('K'))!.get(1);
    assert.equal(body.children[0]!.dict.get('P'), newBodyRef);
    assert.equal(doc.lookup(newBodyRef), body.dict);
  });

  it('describes links from the handbook', () => {
    const doc = new PdfDocument(new PdfDict(), [], []);
    const texts = {
      headings: new Map([['kick-off', 'Kick-off meeting']]),
      links: new Map([['https://x.example/', 'The programme']]),
    };
    const link = PdfName.of('Link');
    const internal = PdfDict.of({ Subtype: link, Dest: PdfName.of('kick-off') });
    const action = PdfDict.of({ S: PdfName.of('URI'), URI: new PdfString('https://x.example/') });
    const external = PdfDict.of({ Subtype: link, A: doc.register(action) });
    assert.equal(describeLink(doc, internal, texts), 'Go to Kick-off meeting');
    assert.equal(describeLink(doc, external, texts), 'The programme (https://x.example/)');
  });
});

describe('PDF reading and writing', () => {
  it('reads names, strings, numbers, references, nested objects and streams', () => {
    const doc = parsePdf(enc(classicPdf(SAMPLE)));
    const odd = doc.dict(doc.catalog.get('Odd'))!;
    assert.equal((odd.get('S') as PdfString).bytes, 'a ) b (c) \\ Ad\ne');
    assert.deepEqual(odd.get('H'), new PdfString('Hel`', true));
    assert.equal(odd.get('N'), PdfName.of('A B'));
    assert.deepEqual([odd.get('T'), odd.get('F'), odd.get('Z')], [true, false, null]);
    assert.deepEqual(doc.array(odd.get('R'))!.items, [-0.5, 3, 4, PdfRef.of(1), 2]);
    assert.equal(doc.array(doc.dict(odd.get('D'))!.get('E'))!.length, 0);
    const content = doc.lookup(doc.pages()[0]!.dict.get('Contents')) as PdfStream;
    assert.equal(dec(content.contents), 'q 1 0 0 RG Q');
  });

  it('copies unchanged objects as they are and writes changed ones again', () => {
    const src = classicPdf(SAMPLE);
    const doc = parsePdf(enc(src));
    doc.pages()[1]!.dict.set('Rotate', 90);
    doc.dict(doc.dict(doc.catalog.get('Odd'))!.get('D'))!.set('X', new PdfString('(x)'));
    const out = dec(writePdf(doc));
    assert.ok(out.includes(`2 0 obj\n${SAMPLE[1]}\nendobj`), 'unchanged: byte for byte');
    assert.ok(!out.includes(SAMPLE[3]!) && !out.includes(SAMPLE[6]!.slice(0, 20)), 'changed');
    const again = parsePdf(enc(out));
    assert.equal(again.pages()[1]!.dict.get('Rotate'), 90);
    const odd = again.dict(again.catalog.get('Odd'))!;
    assert.equal((again.dict(odd.get('D'))!.get('X') as PdfString).bytes, '(x)');
    assert.equal((odd.get('S') as PdfString).bytes, 'a ) b (c) \\ Ad\ne');
    assert.equal(odd.get('N'), PdfName.of('A B'));
  });

  it('writes a file that another reader reads, with a correct cross-reference table', async () => {
    const doc = parsePdf(enc(classicPdf(SAMPLE)));
    doc.catalog.set('Lang', PdfString.fromText('en-GB'));
    const content = new PdfStream(new PdfDict(), enc('BT ET'));
    doc.pages()[1]!.dict.set('Contents', doc.register(content));
    const lib = await PdfLibDocument.load(writePdf(doc), { updateMetadata: false });
    assert.equal(lib.getPageCount(), 2);
    assert.equal(lib.catalog.get(PdfLibName.of('Lang'))?.toString(), '(en-GB)');
    assert.equal(
      lib.getPages()[1]!.node.Contents()?.toString(),
      `<<\n/Length 5\n>>\nstream\nBT ET\nendstream`,
    );
  });

  it('reads page numbers of destinations, with pdf-lib when the file is not Chromium-like', async () => {
    const classic = enc(classicPdf(SAMPLE));
    assert.deepEqual((await pageNumbersOf(classic)).pageOf, { intro: 1, late: 2 });
    const lib = await PdfLibDocument.load(classic, { updateMetadata: false });
    const streams = await lib.save({ useObjectStreams: true });
    assert.throws(() => parsePdf(streams), UnsupportedPdf);
    assert.deepEqual((await pageNumbersOf(streams)).pageOf, { intro: 1, late: 2 });
  });

  it('starts over with pdf-lib when an object turns out unreadable only once it is used', async () => {
    // The table points one byte past object 6 (the destinations), which only reading it shows.
    const bad = enc(classicPdf(SAMPLE, 6));
    const tried: boolean[] = [];
    const names = await usePdf(bad, (doc) => {
      tried.push(true);
      const tree = doc.dict(doc.dict(doc.catalog.get('Names'))!.get('Dests'))!;
      return doc.array(tree.get('Names'))!.length;
    });
    assert.equal(names, 4);
    assert.equal(tried.length, 2);
  });
});
