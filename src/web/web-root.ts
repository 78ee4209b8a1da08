import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built web app lives: `dist/web` at the repository root, found from this file whether it
 * runs compiled (dist/src/web, .kinship/test-build/src/web) or as TypeScript (src/web under Jest).
 */
export function defaultWebDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, '..', '..', 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}
