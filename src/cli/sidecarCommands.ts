/** `gloss check`, `gloss format`, `gloss export` and `gloss stats`: sidecars in git review, pre-commit and CI. */
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createAnchor } from '../core/sidecar/anchor';
import { reanchor, resolveAll } from '../core/sidecar/check';
import { EXPORT_FORMATS, toBrat, toCsv, toJsonl, toW3c, type ExportFormat, type ExportInput } from '../core/sidecar/export';
import { sidecarPathFor, type Sidecar } from '../core/sidecar/model';
import { readSidecarFile, rewriteSidecarFile } from '../core/sidecar/store';
import { lineOf, updateSidecarText, type LoadedSidecar } from '../core/sidecar/yamlIO';
import { readArticleText } from './articleInput';
import { terminalSafe } from './safeOutput';

import { UsageError } from './usageError';

export { UsageError };

const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Sidecar files named by the arguments: sidecars, articles (their sidecar) or folders (searched). */
export function sidecarPaths(args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (name.endsWith('.annotations.yaml')) out.push(p);
    }
  };
  for (const arg of args.length ? args : ['.']) {
    if (!existsSync(arg)) throw new UsageError(`${arg}: no such file or folder`);
    if (statSync(arg).isDirectory()) walk(arg);
    else if (arg.endsWith('.annotations.yaml')) out.push(arg);
    else if (arg.endsWith('.txt')) {
      const side = sidecarPathFor(arg);
      if (existsSync(side)) out.push(side);
    } else throw new UsageError(`${arg}: not a sidecar (*.annotations.yaml), an article (*.txt) or a folder`);
  }
  // an article and its sidecar both named (a pre-commit hook gets both when both are staged)
  return [...new Set(out)];
}

interface Opened {
  path: string;
  loaded: LoadedSidecar;
  articlePath: string;
  articleText: string;
}

type OpenResult = { ok: true; value: Opened } | { ok: false; line: string; unusable: boolean };

/** Whether `path` lies inside `folder` (after resolving symbolic links of what exists). */
export function inside(folder: string, path: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  for (const [f, p] of [[resolve(folder), resolve(path)], [real(folder), real(path)]] as const) {
    const rel = relative(f, p);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
  }
  return true;
}

function open(path: string): OpenResult {
  const r = readSidecarFile(path);
  if (r.state === 'missing') return { ok: false, line: `${path}: no such file`, unusable: true };
  if (r.state === 'unreadable') {
    const lines = r.error.problems.length
      ? r.error.problems.map((p) => `${path}:${p.line ?? 1}: ${p.message}`)
      : [`${path}:${r.error.line ?? 1}: ${r.error.message}`];
    return { ok: false, line: lines.join('\n'), unusable: false };
  }
  const article = r.loaded.sidecar.article;
  const articlePath = join(dirname(path), article);
  const line = lineOf(r.loaded, ['article']) ?? 1;
  // a sidecar names its article beside it: never a file elsewhere on the disk
  if (!inside(dirname(path), articlePath)) return { ok: false, line: `${path}:${line}: the article '${article}' is outside the sidecar's folder; refused`, unusable: true };
  if (!existsSync(articlePath)) return { ok: false, line: `${path}:${line}: the article ${article} is missing`, unusable: true };
  try {
    return { ok: true, value: { path, loaded: r.loaded, articlePath, articleText: readArticleText(articlePath) } };
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, line: `${path}:${line}: ${e.message}`, unusable: true };
    throw e;
  }
}

/**
 * Opens each sidecar and hands it to `use`; one that cannot be opened is reported with
 * `report`. Returns the exit status so far: 1 for an unreadable sidecar, 2 for unusable input.
 */
function eachSidecar(paths: string[], report: (line: string) => void, use: (o: Opened) => number): number {
  let status = 0;
  for (const path of paths) {
    const o = open(path);
    if (!o.ok) {
      report(o.line + '\n');
      status = Math.max(status, o.unusable ? 2 : 1);
      continue;
    }
    status = Math.max(status, use(o.value));
  }
  return status;
}

/** Rewrites sidecars canonically (re-anchored, sorted, current hash); with --check only reports. */
export function runFormat(args: string[], write: (s: string) => void): number {
  const checkOnly = args.includes('--check');
  const paths = sidecarPaths(args.filter((a) => a !== '--check'));
  return eachSidecar(paths, write, ({ path, loaded, articleText }) => {
    const context = (s: number, e: number) => {
      const a = createAnchor(articleText, s, e);
      return { prefix: a.prefix, suffix: a.suffix };
    };
    const formatted = (l: LoadedSidecar) => {
      const { sidecar, orphans } = reanchor(l.sidecar, articleText, context);
      return { text: updateSidecarText(l, sidecar), orphans };
    };
    if (checkOnly) {
      const { text, orphans } = formatted(loaded);
      for (const id of orphans) write(`${path}: annotation ${id} is orphaned; kept as it was\n`);
      if (text === loaded.source) return 0;
      write(`${path}: not in canonical form\n`);
      return 1;
    }
    // formatted from what is on disk at the moment of writing, under the sidecar's lock:
    // a save made since this command read the file is formatted too, never overwritten
    let orphans: string[] = [];
    const r = rewriteSidecarFile(path, (now) => {
      if (now.state !== 'ok') return undefined;
      const f = formatted(now.loaded);
      orphans = f.orphans;
      return f.text;
    });
    for (const id of orphans) write(`${path}: annotation ${id} is orphaned; kept as it was\n`);
    if (r.state === 'refused' || r.state === 'invalid') {
      write(`${path}:${r.error.line ?? 1}: ${r.error.message}; not formatted\n`);
      return 1;
    }
    if (r.state === 'written') write(`${path}: formatted\n`);
    return 0;
  });
}

export function runExport(args: string[], write: (s: string) => void): number {
  const i = args.indexOf('--format');
  const format = (i >= 0 ? args[i + 1] : 'jsonl') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const rest = args.filter((_, k) => k !== i && k !== i + 1 && k !== outIndex && k !== outIndex + 1);
  const items: Array<ExportInput & { path: string; articlePath: string }> = [];
  let status = eachSidecar(sidecarPaths(rest), (line) => process.stderr.write(terminalSafe(line)), ({ path, loaded, articleText, articlePath }) => {
    items.push({ sidecar: loaded.sidecar, articleText, path, articlePath });
    return 0;
  });
  if (format === 'brat') {
    // brat wants a .txt and an .ann side by side: write .ann files, or print them with headers
    for (const it of items) {
      const ann = toBrat(it.sidecar);
      if (outDir) {
        const base = it.sidecar.article.replace(/\.txt$/, '');
        const files = [join(outDir, `${base}.ann`), join(outDir, `${base}.txt`)];
        // every file lands inside --out, whatever the sidecar says its article is called
        const outside = files.find((f) => !inside(outDir, f));
        if (outside) {
          process.stderr.write(terminalSafe(`${it.path}: the export ${outside} would be outside ${outDir}; skipped\n`));
          status = Math.max(status, 2);
          continue;
        }
        writeFileSync(files[0]!, ann);
        writeFileSync(files[1]!, it.articleText);
      } else write(`# ${relative('.', it.articlePath)}\n${ann}`);
    }
    return status;
  }
  const text = format === 'jsonl' ? toJsonl(items) : format === 'csv' ? toCsv(items) : toW3c(items);
  if (outDir) writeFileSync(outDir, text);
  else write(text);
  return status;
}

export function runStats(args: string[], write: (s: string) => void): number {
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const byVerdict: Record<string, number> = {};
  let orphans = 0;
  const rows: string[] = [];
  const status = eachSidecar(sidecarPaths(args), write, ({ loaded, articleText }) => {
    const s: Sidecar = loaded.sidecar;
    const articleOrphans = resolveAll(s, articleText).filter((r) => r.status === 'orphan').length;
    orphans += articleOrphans;
    const kinds: Record<string, number> = {};
    for (const a of s.annotations) {
      byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
      kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
      byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      if (a.kind === 'claim') byVerdict[a.verdict ?? 'unreviewed'] = (byVerdict[a.verdict ?? 'unreviewed'] ?? 0) + 1;
    }
    rows.push(`  ${s.article}: ${s.annotations.length} annotations (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})${articleOrphans ? `, ${articleOrphans} orphaned` : ''}`);
    return 0;
  });
  const fmt = (r: Record<string, number>) => Object.entries(r).sort().map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  write(`articles:\n${rows.join('\n')}\n`);
  write(`by kind: ${fmt(byKind)}\nby status: ${fmt(byStatus)}\nclaims by verdict: ${fmt(byVerdict)}\norphans: ${orphans}\n`);
  return status;
}
