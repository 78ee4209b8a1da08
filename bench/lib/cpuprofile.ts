import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  /** Self time by where the code lives: our src/, a package in node_modules, Node itself, GC, idle. */
  byPlace: { place: string; pct: number }[];
  /** The functions with the most self time. */
  topFunctions: { fn: string; pct: number }[];
}

function placeOf(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(gc)';
  if (fn === '(program)') return '(program: native, outside JS)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ours = /\/dist\/(src\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:') || !url) return 'node internals';
  return url;
}

/** Self time of a `node --cpu-prof` profile, grouped by package and by function. */
export function summarizeProfile(dir: string): ProfileSummary | null {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return null;
  const file = join(dir, files[0]);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
  };
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const busy = profile.nodes.filter((n) => n.callFrame.functionName !== '(idle)');
  const busyTotal = busy.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const places = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + hits);
    if (functionName === '(idle)') continue;
    const key = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + hits);
  }
  const pct = (h: number, of: number) => Math.round((1000 * h) / of) / 10;
  return {
    file,
    sampledMs: (profile.endTime - profile.startTime) / 1000,
    byPlace: [...places]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([place, h]) => ({ place, pct: pct(h, total) })),
    topFunctions: [...fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, h]) => ({ fn, pct: pct(h, busyTotal) })),
  };
}
