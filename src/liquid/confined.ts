/**
 * liquidjs's own file tags read from the working directory (`{% render package.json %}`
 * printed it). A Jekyll site has `include` (src/liquid/tags.ts, confined to `_includes/`);
 * `render` and `layout` are refused with a clear error, and liquidjs gets a file system that
 * holds no file at all, so no other path of its can read the disk either.
 */
import { Tag, type FS, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { TagFailure } from './failure.js';
import type { TagCtor } from './tags.js';

const nothing = (file: string): Error =>
  new Error(`${file}: Liquid reads no files; use {% include %} with a file in _includes/`);

/** A file system with no files: every lookup fails, nothing is read. */
export const NO_FILES: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file) => Promise.reject(nothing(file)),
  readFileSync: (file) => {
    throw nothing(file);
  },
  resolve: (_dir, file) => file,
  contains: () => Promise.resolve(false),
  containsSync: () => false,
  sep: '/',
};

export function refusedTag(name: string): TagCtor {
  return class RefusedTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
    }

    render(): void {
      throw new TagFailure(
        'LIQUID',
        `{% ${name} %} is not available: the handbook reads templates from _includes/ only`,
        this.token,
        `use {% include file.html %} with the file in _includes/ (Jekyll does the same)`,
      );
    }
  };
}
