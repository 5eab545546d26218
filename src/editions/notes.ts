/** The release notes' "Editions" section: what each edition adds to the guide and leaves out. */
import type { Handbook } from '../model.js';

export function editionNotes(editions: { id: string; handbook: Handbook }[]): string {
  const out = ['## Editions', ''];
  for (const { id, handbook } of editions) {
    const e = handbook.meta.edition;
    const who = handbook.meta.organisation ? ` (${handbook.meta.organisation})` : '';
    out.push(`### ${id}${who}`, '');
    if (!e) {
      out.push('The main guide: every chapter, nothing added.', '');
      continue;
    }
    out.push(`Adds: ${e.adds.length ? e.adds.join('; ') : 'nothing'}.`);
    out.push(`Leaves out: ${e.leavesOut.length ? e.leavesOut.join('; ') : 'nothing'}.`);
    if (e.largePrintPt) out.push(`Large print: body text at ${e.largePrintPt} pt.`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
