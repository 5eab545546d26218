/**
 * The handbook's character styles. Every one is based on DefaultParagraphFont (defined in
 * styles-xml.ts); Strong and Emphasis are Word's built-in names for <strong> and <em>. The
 * appendix's parts look as in the HTML and PDF (styles/components.css): the note in the
 * secondary colour, the printed URL smaller and secondary, "(no link available)" italic.
 */
import type { IStylesOptions } from 'docx';
import { BLUE, MONO, S, SECONDARY } from './styles.js';
import type { WordProfile } from './profile.js';

type CharacterStyle = NonNullable<IStylesOptions['characterStyles']>[number];

const based = (id: string, name: string, run: CharacterStyle['run']): CharacterStyle => ({
  id,
  name,
  basedOn: 'DefaultParagraphFont',
  run,
});

export function characterStyles(p: WordProfile): CharacterStyle[] {
  return [
    based(S.hyperlink, 'Hyperlink', { color: BLUE, underline: { type: 'single' } }),
    based(S.codeChar, 'Code Char', { font: MONO, size: p.size(10) }),
    based(S.strong, 'Strong', { bold: true }),
    based(S.emphasis, 'Emphasis', { ...p.emphasis }),
    based(S.refNote, 'Reference Note', { color: SECONDARY }),
    based(S.refUrl, 'Reference URL', { color: SECONDARY, size: p.size(9.5) }),
    based(S.refMissing, 'Reference Missing', { color: SECONDARY, ...p.slant }),
  ];
}
