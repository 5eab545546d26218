/**
 * A PDF file as the finishing edits it: the indirect objects by number, the trailer, and,
 * for a file read by pdf-parser.ts, the source its objects are parsed from on first use.
 *
 * Saving copies an object that the finishing left alone byte for byte instead of writing it
 * again (most of the file: fonts, images, the structure elements nobody fixed). An object is
 * left alone when it was never looked up, or is still the value that was parsed and no array
 * or dictionary in it (directly, not through references) has changed: their `changed` flags
 * are set by every mutation, so no step has to remember to say what it touched.
 */
import { PdfArray, PdfDict, PdfName, PdfRef, PdfStream, type PdfValue } from './pdf-objects.js';

/** Where the objects of a file come from. */
export interface PdfSource {
  /** The object as parsed from the file (the same value every time), if there is one. */
  read(num: number): PdfValue | undefined;
  /** The object's source in the file, `N G obj … endobj`, one char per byte. */
  text(num: number): string;
}

export interface PdfPage {
  ref: PdfRef;
  dict: PdfDict;
}

const PAGE = PdfName.of('Page');

/** Whether `v` is an array or dictionary that changed (a quick test first: most values are not). */
const changedContainer = (v: PdfValue): boolean =>
  (v instanceof PdfDict || v instanceof PdfArray) && changed(v);

function changed(v: PdfValue): boolean {
  if (v instanceof PdfStream) return changed(v.dict);
  if (v instanceof PdfDict) return v.changed || v.values().some(changedContainer);
  if (v instanceof PdfArray) return v.changed || v.items.some(changedContainer);
  return false;
}

export class PdfDocument {
  /**
   * `refs` and `values` are indexed by object number (holes for numbers not in use, and in
   * `values` for objects not yet read from `source`); the trailer keeps /Root, /Info and /ID
   * (the writer adds /Size).
   */
  constructor(
    readonly trailer: PdfDict,
    private readonly refs: (PdfRef | undefined)[],
    private readonly values: (PdfValue | undefined)[],
    private readonly source?: PdfSource,
  ) {}

  private value(num: number): PdfValue | undefined {
    let v = this.values[num];
    if (v === undefined && this.source) {
      v = this.source.read(num);
      if (v !== undefined) this.values[num] = v;
    }
    return v;
  }

  /** One more than the highest object number in use or reserved. */
  get size(): number {
    return Math.max(this.refs.length, 1);
  }

  get catalog(): PdfDict {
    const root = this.dict(this.trailer.get('Root'));
    if (!root) throw new Error('the PDF has no document catalog');
    return root;
  }

  /** The object a reference points to (undefined for a dangling one); other values as they are. */
  lookup(v: PdfValue | undefined): PdfValue | undefined {
    if (!(v instanceof PdfRef)) return v;
    return this.refs[v.num] === v ? this.value(v.num) : undefined;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const o = this.lookup(v);
    return o instanceof PdfDict ? o : undefined;
  }

  array(v: PdfValue | undefined): PdfArray | undefined {
    const o = this.lookup(v);
    return o instanceof PdfArray ? o : undefined;
  }

  /** A new object number, for an object assigned later (objects that point at each other). */
  nextRef(): PdfRef {
    const ref = PdfRef.of(this.size);
    this.refs[ref.num] = ref;
    return ref;
  }

  assign(ref: PdfRef, value: PdfValue): void {
    this.refs[ref.num] = ref;
    this.values[ref.num] = value;
  }

  register(value: PdfValue): PdfRef {
    const ref = this.nextRef();
    this.values[ref.num] = value;
    return ref;
  }

  /** The object with this number, if any. */
  object(num: number): { ref: PdfRef; value: PdfValue } | undefined {
    const ref = this.refs[num];
    const value = ref ? this.value(num) : undefined;
    return ref && value !== undefined ? { ref, value } : undefined;
  }

  /** The object's source in the file it was read from (`N G obj … endobj`) if it is unchanged. */
  original(num: number): string | undefined {
    const parsed = this.source?.read(num);
    if (parsed === undefined) return undefined;
    const v = this.values[num];
    return v === undefined || (v === parsed && !changed(v)) ? this.source!.text(num) : undefined;
  }

  /** The pages in order (leaves of the page tree). */
  pages(): PdfPage[] {
    const out: PdfPage[] = [];
    const seen = new Set<PdfRef>();
    const stack: (PdfValue | undefined)[] = [this.catalog.get('Pages')];
    while (stack.length > 0) {
      const ref = stack.pop();
      if (!(ref instanceof PdfRef) || seen.has(ref)) continue;
      seen.add(ref);
      const node = this.dict(ref);
      if (!node) continue;
      const kids = this.array(node.get('Kids'));
      if (kids && node.get('Type') !== PAGE) {
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids.get(i));
      } else out.push({ ref, dict: node });
    }
    return out;
  }
}
