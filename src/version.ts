import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** The toolchain's own version, from its package.json. */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

export const PRODUCER = `handbook-press ${TOOL_VERSION}`;
