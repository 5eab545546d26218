/**
 * Reading a .docx package for the checker: unzip (fflate), parse every XML part with the tiny
 * walker (a parse error is a finding), resolve relationships to part names or URLs.
 */
import { strFromU8, unzipSync } from 'fflate';
import { descendants, parseXml, type XmlElement } from './xml-walk.js';

export interface Pkg {
  files: Record<string, Uint8Array>;
  xml: Map<string, XmlElement>;
  part(name: string): XmlElement | undefined;
  /** Relationships of a part: id → {target (resolved part name or URL), external}. */
  rels(name: string): Map<string, { target: string; external: boolean; type: string }>;
}

function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

export function openPackage(bytes: Uint8Array): Pkg {
  const files = unzipSync(bytes);
  const xml = new Map<string, XmlElement>();
  for (const name of Object.keys(files))
    if (/\.(xml|rels)$/.test(name))
      xml.set(name, parseXml(strFromU8(files[name] ?? new Uint8Array())));
  const pkg: Pkg = {
    files,
    xml,
    part: (name) => xml.get(name),
    rels(name) {
      const map = new Map<string, { target: string; external: boolean; type: string }>();
      const root = xml.get(relsName(name));
      for (const r of root ? descendants(root, 'Relationship') : []) {
        const external = r.attrs.TargetMode === 'External';
        const target = r.attrs.Target ?? '';
        map.set(r.attrs.Id ?? '', {
          target: external ? target : resolveTarget(name, target),
          external,
          type: (r.attrs.Type ?? '').replace(/.*\//, ''),
        });
      }
      return map;
    },
  };
  return pkg;
}
