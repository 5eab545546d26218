/**
 * The trailer /ID, derived from the content so that identical input gives identical bytes:
 * the file is saved with a placeholder ID, hashed (SHA-256), and the placeholder is then
 * overwritten in place with the first 16 bytes of the hash (both halves of /ID equal, as for
 * a file that has never been modified). Same length, so no offset in the xref moves.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';

const PLACEHOLDER = '0'.repeat(32);

export function setPlaceholderId(doc: PDFDocument): void {
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of(PLACEHOLDER),
    PDFHexString.of(PLACEHOLDER),
  ]);
}

function lastIndexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Replaces the placeholder ID written by `setPlaceholderId` with the content hash. */
export function stampId(bytes: Uint8Array): { bytes: Uint8Array; id: string } {
  const needle = new TextEncoder().encode(`<${PLACEHOLDER}>`);
  const first = lastIndexOf(bytes, needle);
  const second = first < 0 ? -1 : lastIndexOf(bytes.subarray(0, first), needle);
  if (first < 0 || second < 0) throw new Error('trailer /ID placeholder not found');
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  const out = Uint8Array.from(bytes);
  const idBytes = new TextEncoder().encode(`<${id}>`);
  out.set(idBytes, first);
  out.set(idBytes, second);
  return { bytes: out, id };
}
