/** What the review commands share: opening sidecars as check inputs, the report root, the tool's name. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer } from '../core/analysis/analyze';
import { Lexicon } from '../core/entities/lexicon';
import { repoRoot } from '../core/git/git';
import type { SidecarInput } from '../core/review/findings';
import type { Sidecar } from '../core/sidecar/model';
import type { ToolInfo } from '../core/review/sarif';
import { readSidecarFile } from '../core/sidecar/store';
import { stripBom } from '../core/text/offsets';
import { lineOf, SidecarError } from '../core/sidecar/yamlIO';
import { inside } from './sidecarCommands';

/** Opens a sidecar and its article; `null` when the sidecar file does not exist. */
export function openSidecar(path: string): SidecarInput | null {
  const r = readSidecarFile(path);
  if (r.state === 'missing') return null;
  if (r.state === 'unreadable') return { state: 'unreadable', sidecarPath: path, error: r.error };
  const articlePath = join(dirname(path), r.loaded.sidecar.article);
  // a sidecar names its article beside it: never a file elsewhere on the disk
  if (!inside(dirname(path), articlePath)) {
    const message = `the article '${r.loaded.sidecar.article}' is outside the sidecar's folder; refused`;
    return { state: 'unreadable', sidecarPath: path, error: new SidecarError('schema', message, lineOf(r.loaded, ['article'])) };
  }
  if (!existsSync(articlePath)) return { state: 'missing-article', sidecarPath: path, loaded: r.loaded };
  return { state: 'ok', sidecarPath: path, loaded: r.loaded, articlePath, articleText: stripBom(readFileSync(articlePath, 'utf8')) };
}

/**
 * Where report paths are relative to: the repository's root when there is one (what GitHub
 * code scanning and workflow annotations expect), otherwise the current folder.
 */
export function reportRoot(cwd = process.cwd()): { root: string; uri: string; rel: (p: string) => string } {
  const root = repoRoot(cwd) ?? resolve(cwd);
  const uri = pathToFileURL(root + sep).href;
  return { root, uri, rel: (p: string) => relative(root, resolve(cwd, p)).split(sep).join('/') };
}

/** The tool as SARIF names it, from the package.json beside the bundle. */
export function toolInfo(): ToolInfo {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string; homepage?: string; repository?: { url?: string } };
    const uri = pkg.homepage ?? pkg.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
    return { name: 'Gloss', version: pkg.version ?? '0.0.0', informationUri: uri ?? 'https://example.invalid/gloss' };
  } catch {
    return { name: 'Gloss', version: '0.0.0', informationUri: 'https://example.invalid/gloss' };
  }
}

/**
 * The analyzer for open failed checks: figures and claims without entities, which the
 * arithmetic checks do not use and whose dictionaries cost seconds to load in every
 * pre-commit run. Every claim is kept whatever its check-worthiness: without entities the
 * scores run lower, and a check that fails or is unclear is worth a look on any claim.
 */
export function checksAnalyzer(): Analyzer {
  const analyzer = new Analyzer(new Lexicon([]), undefined, { entities: false });
  analyzer.minCheckWorthiness = 0;
  return analyzer;
}

/** The analysis options of an article: its date from the sidecar, for relative dates. */
export function dateOf(sidecar: Sidecar): { date?: string } {
  return sidecar.date !== undefined ? { date: sidecar.date } : {};
}
