import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { CorpusIndex, Mention } from './corpusIndex';
import { onDidChangeUiLanguage, t, tn } from './l10n';
import { registerCheckedCommand } from './checkedCommand';
import { VERDICT_ICONS, verdictLabel } from './verdicts';
import type { Verdict } from '../core/sidecar/model';

/** A node of the corpus view; `children` are computed when the node is expanded. */
export interface CorpusNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  children?: () => CorpusNode[];
  open?: { uri: vscode.Uri; offset: number };
}

const TYPE_LABELS: Record<string, string> = { person: 'People', org: 'Organisations', product: 'Products', place: 'Places', work: 'Works' };
const TYPE_ICONS: Record<string, string> = { person: 'person', org: 'organization', product: 'package', place: 'location', work: 'book' };

/** The corpus as a tree: entities by type, name and article; claims by verdict; articles with progress. */
export function corpusTree(index: CorpusIndex): CorpusNode[] {
  if (!index.ready) return [{ label: t('Indexing articles…'), icon: 'loading~spin' }];
  const { entities, articles } = index.snapshot();
  const byType = new Map<string, Array<[string, Mention[]]>>();
  for (const [id, mentions] of entities) {
    const type = id.split(':')[0]!;
    byType.set(type, [...(byType.get(type) ?? []), [id, mentions]]);
  }
  const mentionNodes = (mentions: Mention[]): CorpusNode[] => {
    const byArticle = new Map<string, Mention[]>();
    for (const m of mentions) byArticle.set(m.uri.toString(), [...(byArticle.get(m.uri.toString()) ?? []), m]);
    return [...byArticle.values()].map((list) => ({
      label: basename(list[0]!.uri.fsPath),
      description: `${list.length}`,
      icon: 'file',
      children: () => list.map((m) => ({ label: m.context, description: m.text, tooltip: m.context, icon: 'arrow-right', open: { uri: m.uri, offset: m.start } })),
    }));
  };
  const entityRoot: CorpusNode = {
    label: t('Entities'),
    icon: 'symbol-class',
    children: () =>
      ['person', 'org', 'product', 'place', 'work']
        .filter((type) => byType.has(type))
        .map((type) => {
          const list = byType.get(type)!.sort((a, b) => b[1].length - a[1].length);
          return {
            label: t(TYPE_LABELS[type]!),
            description: `${list.length}`,
            icon: TYPE_ICONS[type],
            children: () =>
              list.map(([id, mentions]) => ({
                label: id.slice(id.indexOf(':') + 1),
                description: `${tn(mentions.length, '{0} mention', '{0} mentions')} · ${tn(new Set(mentions.map((m) => m.uri.toString())).size, '{0} article', '{0} articles')}`,
                icon: TYPE_ICONS[type],
                children: () => mentionNodes(mentions),
              })),
          };
        }),
  };
  const claims = articles.flatMap((a) => a.claims.map((c) => ({ ...c, uri: a.uri })));
  const claimRoot: CorpusNode = {
    label: t('Claims by verdict'),
    icon: 'law',
    children: () =>
      (['false', 'disputed', 'unverifiable', 'supported', 'unreviewed'] as Verdict[])
        .map((v) => [v, claims.filter((c) => c.verdict === v)] as const)
        .filter(([, list]) => list.length)
        .map(([v, list]) => ({
          label: verdictLabel(v),
          description: `${list.length}`,
          icon: VERDICT_ICONS[v],
          // the whole claim: the view shortens what does not fit its width, and the tooltip shows it all
          children: () =>
            list.map((c) => ({
              label: c.text,
              description: c.orphan ? `${basename(c.uri.fsPath)} · ${t('orphaned')}` : basename(c.uri.fsPath),
              tooltip: `${c.text}\n${vscode.workspace.asRelativePath(c.uri)}`,
              icon: c.orphan ? 'debug-disconnect' : VERDICT_ICONS[v],
              open: { uri: c.uri, offset: c.start },
            })),
        })),
  };
  const articleRoot: CorpusNode = {
    label: t('Articles'),
    icon: 'files',
    children: () =>
      articles.map((a) => ({
        label: basename(a.uri.fsPath),
        description: t('{0}/{1} reviewed', a.reviewed, a.findings),
        tooltip: `${vscode.workspace.asRelativePath(a.uri)}\n${t('{0}/{1} reviewed', a.reviewed, a.findings)}`,
        icon: a.findings && a.reviewed >= a.findings ? 'pass-filled' : 'file',
        open: { uri: a.uri, offset: 0 },
      })),
  };
  return [articleRoot, claimRoot, entityRoot];
}

class Provider implements vscode.TreeDataProvider<CorpusNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  constructor(private readonly index: CorpusIndex) {}
  refresh(): void {
    this.changed.fire();
  }
  getTreeItem(node: CorpusNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.open) item.command = { command: 'gloss.openLocation', title: t('Open'), arguments: [node.open.uri.toString(), node.open.offset] };
    return item;
  }
  getChildren(node?: CorpusNode): CorpusNode[] {
    return node ? (node.children?.() ?? []) : corpusTree(this.index);
  }
}

/**
 * The corpus view in its own view container; it updates when the background index does. Not
 * needed for an article's first paint, so activation registers it a turn later.
 */
export function registerCorpusView(index: CorpusIndex): vscode.Disposable[] {
  const provider = new Provider(index);
  return [
    vscode.window.registerTreeDataProvider('gloss.corpus', provider),
    index.onDidChange(() => provider.refresh()),
    onDidChangeUiLanguage(() => provider.refresh()),
  ];
}

/** The corpus view's commands, registered within activation: a command may come at once. */
export function registerCorpusCommands(index: CorpusIndex): vscode.Disposable[] {
  return [
    registerCheckedCommand('gloss.openLocation', async (uri: string, offset: number) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const editor = await vscode.window.showTextDocument(doc);
      const pos = doc.positionAt(offset);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    }),
    registerCheckedCommand('gloss.corpusTree', async () => {
      // a plain copy of the tree, and which articles the last update indexed, for tests and other extensions
      await index.mentions('');
      const plain = (n: CorpusNode): unknown => ({ label: n.label, description: n.description, children: n.children?.().map(plain) });
      return { tree: corpusTree(index).map(plain), lastIndexed: index.lastIndexed };
    }),
  ];
}
