/**
 * Effective run properties of a Word document, read from its XML as Word resolves them:
 * direct run properties, then the run's character style, then the paragraph's style (each
 * with its basedOn chain), then the document defaults.
 */
import { strFromU8, unzipSync } from 'fflate';
import { child, descendants, parseXml, wText, type XmlElement } from '../docx/xml-walk.js';

export interface WordRun {
  part: string;
  text: string;
  /** Half-points. */
  size: number;
  italic: boolean;
  bold: boolean;
}

export interface WordFile {
  parts: Map<string, XmlElement>;
  styles: XmlElement;
  runs: WordRun[];
}

type Props = { size?: number; italic?: boolean; bold?: boolean };

function toggle(rPr: XmlElement | undefined, name: string): boolean | undefined {
  const el = rPr && child(rPr, name);
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}

function props(rPr: XmlElement | undefined): Props {
  const sz = rPr && child(rPr, 'w:sz')?.attrs['w:val'];
  return {
    ...(sz !== undefined ? { size: Number(sz) } : {}),
    ...(toggle(rPr, 'w:i') !== undefined ? { italic: toggle(rPr, 'w:i') } : {}),
    ...(toggle(rPr, 'w:b') !== undefined ? { bold: toggle(rPr, 'w:b') } : {}),
  };
}

export function openWord(bytes: Uint8Array): WordFile {
  const files = unzipSync(bytes);
  const parts = new Map<string, XmlElement>();
  for (const [name, data] of Object.entries(files))
    if (name.endsWith('.xml')) parts.set(name, parseXml(strFromU8(data)));
  const styles = parts.get('word/styles.xml')!;
  const byId = new Map(descendants(styles, 'w:style').map((s) => [s.attrs['w:styleId']!, s]));
  const styleProps = (id: string | undefined, seen = new Set<string>()): Props => {
    const s = id ? byId.get(id) : undefined;
    if (!s || seen.has(id!)) return {};
    seen.add(id!);
    const base = styleProps(child(s, 'w:basedOn')?.attrs['w:val'], seen);
    return { ...base, ...props(child(s, 'w:rPr')) };
  };
  const defaults = props(
    child(child(child(styles, 'w:docDefaults') ?? styles, 'w:rPrDefault') ?? styles, 'w:rPr'),
  );
  const runs: WordRun[] = [];
  for (const [part, root] of parts) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(part)) continue;
    for (const p of descendants(root, 'w:p')) {
      const pStyle = child(child(p, 'w:pPr') ?? p, 'w:pStyle')?.attrs['w:val'];
      const para = { ...defaults, ...styleProps(pStyle ?? 'Normal') };
      for (const r of descendants(p, 'w:r')) {
        const text = wText(r);
        if (text.trim() === '') continue;
        const rPr = child(r, 'w:rPr');
        const rStyle = rPr && child(rPr, 'w:rStyle')?.attrs['w:val'];
        const eff = { ...para, ...styleProps(rStyle), ...props(rPr) };
        runs.push({
          part,
          text,
          size: eff.size ?? 20,
          italic: eff.italic ?? false,
          bold: eff.bold ?? false,
        });
      }
    }
  }
  return { parts, styles, runs };
}
