/**
 * List numbering. One abstract definition per kind of list; every numbered list of the
 * handbook gets its own `instance`, so each one starts again at 1 (Word would otherwise
 * continue the numbers of the previous list).
 */
import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';
import { LIST_INDENT } from './styles.js';

export const NUM = {
  bullet: 'hb-bullet',
  decimal: 'hb-decimal',
  steps: 'hb-steps',
  references: 'hb-references',
} as const;

export type NumberingKind = (typeof NUM)[keyof typeof NUM];

const BULLETS = ['\u2022', '\u25E6', '\u25AA'];
const ORDERED = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function levelIndent(level: number) {
  return { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: 360 } } };
}

function levels(kind: 'bullet' | 'ordered') {
  return Array.from({ length: 9 }, (_, level) =>
    kind === 'bullet'
      ? {
          level,
          format: LevelFormat.BULLET,
          text: BULLETS[level % BULLETS.length] ?? '\u2022',
          alignment: AlignmentType.LEFT,
          style: levelIndent(level),
        }
      : {
          level,
          format: ORDERED[level % ORDERED.length] ?? LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: levelIndent(level),
        },
  );
}

export function handbookNumbering(): INumberingOptions {
  return {
    config: [
      { reference: NUM.bullet, levels: levels('bullet') },
      { reference: NUM.decimal, levels: levels('ordered') },
      { reference: NUM.steps, levels: levels('ordered') },
      { reference: NUM.references, levels: levels('ordered') },
    ],
  };
}

/** Hands out a fresh instance per list, deterministically (in document order). */
export class NumberingPool {
  private next = 1;
  instance(): number {
    return this.next++;
  }
}
