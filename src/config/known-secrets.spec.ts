import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadEnv } from './env';

const ROOT = join(__dirname, '..', '..');
/** Not the repository's own text: installed packages, build output, git's store, local results. */
const SKIP = new Set(['node_modules', '.git', 'dist', '.kinship', 'coverage', 'results']);
const TEXT = /\.(ts|js|mjs|cjs|json|ya?ml|md|sh|env|example|txt|hbs|html|toml|conf)$|^(Dockerfile|\.env.*|run)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return files(path);
    return TEXT.test(name) ? [path] : [];
  });
}

/**
 * Every value given to JWT_SECRET in the text of the repository: a quoted literal after
 * `JWT_SECRET:`, `JWT_SECRET =` (`…_JWT_SECRET = '…'` too) or `jwtSecret:`; a compose default
 * `${JWT_SECRET:-value}`; and, outside code, a bare `JWT_SECRET=value` or `JWT_SECRET: value`
 * (shell, .env, YAML, docs). Constants' names and `${…}` references are not values.
 */
function secretsIn(text: string, code: boolean): string[] {
  const found: string[] = [];
  const patterns = [
    /JWT_SECRET\s*[:=]\s*(['"`])([^'"`\n]+)\1/g,
    /jwtSecret\s*[:=]\s*(['"`])([^'"`\n]+)\1/g,
    /\$\{JWT_SECRET:?-([^}]+)\}/g,
    ...(code ? [] : [/JWT_SECRET[:=][ \t]*([^\s'"`${}|,;)]+)/g]),
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const value = (m[2] ?? m[1]).trim();
      if (!value || /^[A-Z][A-Z0-9_]*$/.test(value) || /^[$?-]/.test(value)) continue;
      found.push(value);
    }
  }
  return found;
}

describe('secrets published in the repository', () => {
  // This file holds patterns, not secrets.
  const found = files(ROOT)
    .filter((path) => path !== __filename)
    .flatMap((path) =>
      secretsIn(readFileSync(path, 'utf8'), /\.(ts|js|mjs|cjs)$/.test(path)).map((secret) => ({
        file: relative(ROOT, path),
        secret,
      })),
    );

  it('should find the ones the repository is known to hold', () => {
    const secrets = found.map((f) => f.secret);
    // The development default (src/config/known-secrets.ts), the e2e tests' and the browser tests'.
    expect(secrets).toEqual(
      expect.arrayContaining([
        'kinship-development-secret-change-me',
        'kinship-test-secret-0123456789',
        'kinship-browser-tests-secret-0123456789',
      ]),
    );
  });

  it('should refuse every one of them as JWT_SECRET in production', () => {
    const accepted = found.filter(({ secret }) => {
      try {
        loadEnv({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:25', JWT_SECRET: secret });
        return true;
      } catch (e) {
        return !/^JWT_SECRET /.test((e as Error).message);
      }
    });
    expect(accepted).toEqual([]);
  });

  it('should accept a secret of its own', () => {
    // Made here, so that it appears nowhere in the repository.
    const own = randomBytes(24).toString('base64url');
    expect(
      loadEnv({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:25', JWT_SECRET: own }).JWT_SECRET,
    ).toBe(own);
  });
});
