/**
 * A tiny XML reader for tests: enough of XML to walk WordprocessingML parts (elements,
 * attributes, text; comments, processing instructions and CDATA skipped). Malformed
 * nesting throws, so a parse doubles as a well-formedness check. No dependencies.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
}
export type XmlNode = XmlElement | string;

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses `xml` into a root element; throws on mismatched or unclosed tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  let current = root;
  let consumed = 0;
  for (const m of xml.matchAll(TOKEN)) {
    if (m.index !== consumed) throw new Error(`XML: unexpected markup at offset ${consumed}`);
    consumed = m.index + m[0].length;
    const [, cdata, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      current.children.push(unescapeXml(text));
    } else if (cdata !== undefined) {
      current.children.push(cdata);
    } else if (name !== undefined) {
      if (closing) {
        if (current.name !== name || !current.parent)
          throw new Error(`XML: </${name}> closes <${current.name}>`);
        current = current.parent;
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) {
        attrs[a[1] ?? ''] = unescapeXml(a[2] ?? a[3] ?? '');
      }
      const el: XmlElement = { name, attrs, children: [], parent: current };
      current.children.push(el);
      if (!selfClosing) current = el;
    }
  }
  if (consumed !== xml.length) throw new Error(`XML: unexpected markup at offset ${consumed}`);
  if (current !== root) throw new Error(`XML: <${current.name}> is never closed`);
  return root;
}

export function isEl(n: XmlNode | undefined): n is XmlElement {
  return typeof n === 'object';
}

/** Element children, optionally of one name. */
export function kids(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isEl(c) && (!name || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? kids(el, name)[0] : undefined;
}

/** Descendants named `name`, in document order; `stop` names are not descended into. */
export function descendants(el: XmlElement, name: string, stop: string[] = []): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of kids(e)) {
      if (c.name === name) out.push(c);
      if (!stop.includes(c.name)) walk(c);
    }
  };
  walk(el);
  return out;
}

export function first(el: XmlElement, name: string): XmlElement | undefined {
  return descendants(el, name)[0];
}

export function hasAncestor(el: XmlElement, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.name === name) return true;
  return false;
}

/** The visible text of a WordprocessingML fragment: w:t, tabs and breaks (no field codes). */
export function wText(el: XmlElement): string {
  let out = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (!isEl(c) || c.name === 'w:pPr' || c.name === 'w:rPr') continue;
      if (c.name === 'w:t') out += c.children.filter((x) => !isEl(x)).join('');
      else if (c.name === 'w:tab') out += '\t';
      else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
      else walk(c);
    }
  };
  walk(el);
  return out;
}
