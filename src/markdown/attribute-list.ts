/**
 * kramdown attribute lists: `{: .class #id key="value"}` (IAL) and `{#id}` (header id).
 * Parsed into hast property names so remark-rehype can carry them (`data.hProperties`).
 */

export interface AttributeList {
  id?: string;
  classes: string[];
  /** Other attributes, keyed by hast property name (`title`, `dataRole`, …). */
  properties: Record<string, string>;
  /** Bare names: references to attribute list definitions, or `toc`. */
  references: string[];
}

/** A whole line that is a block IAL: `{: …}`. ALDs (`{:name: …}`) and extension tags
 * (`{::x}`, `{:/x}`) are not IALs. */
export const IAL_LINE = /^ {0,3}\{:(?![\w-]+:|[:/])([^}]*)\}[ \t]*$/;
/** An ALD line `{:name: …}`: kramdown defines a reusable attribute list; it is not text. */
export const ALD_LINE = /^ {0,3}\{:[\w-]+:[^}]*\}[ \t]*$/;

const TOKEN = /([.#])([^\s.#"'=]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|([\w-]+)/g;

export function parseAttributeList(body: string): AttributeList {
  const list: AttributeList = { classes: [], properties: {}, references: [] };
  for (const m of body.matchAll(TOKEN)) {
    if (m[1] === '.' && m[2]) list.classes.push(m[2]);
    else if (m[1] === '#' && m[2]) list.id = m[2];
    else if (m[3]) {
      const value = m[4] ?? m[5] ?? m[6] ?? '';
      if (m[3] === 'class') list.classes.push(...value.split(/\s+/).filter(Boolean));
      else if (m[3] === 'id') list.id = value;
      else list.properties[propertyName(m[3])] = value;
    } else if (m[7]) list.references.push(m[7]);
  }
  return list;
}

/** `data-hb-role` → `dataHbRole`, as hast names data attributes. */
function propertyName(attribute: string): string {
  const name = attribute.toLowerCase();
  if (!name.startsWith('data-')) return name;
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

interface WithData {
  data?: object;
}

/** Merges an attribute list into an mdast node's `data.hProperties` (classes add up). */
export function applyAttributes(node: WithData, list: AttributeList): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  const props = (data.hProperties ??= {});
  if (list.id) props.id = list.id;
  if (list.classes.length > 0) {
    const existing = Array.isArray(props.className) ? (props.className as string[]) : [];
    props.className = [...existing, ...list.classes];
  }
  Object.assign(props, list.properties);
}
