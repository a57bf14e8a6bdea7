import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateGloss, DEFAULT_WAIT_MS, EXTENSION_ID, timeoutFor, waitFor } from './helpers';


interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

const STEPS = ['open', 'hover', 'queue', 'verdict', 'sidecar', 'teach'];

describe('the walkthrough "Get started with Gloss"', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('has its six steps, each completed by a Gloss command or context key, in three languages', async () => {
    await activateGloss();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const raw = JSON.parse(readFileSync(join(ext.extensionPath, 'package.json'), 'utf8'));
    const walkthrough = raw.contributes.walkthroughs.find((w: { id: string }) => w.id === 'gloss.start');
    assert.ok(walkthrough, 'contributes.walkthroughs has gloss.start');
    const steps = walkthrough.steps as Step[];
    assert.deepEqual(steps.map((s) => s.id), STEPS);
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = new Set((raw.contributes.commands as Array<{ command: string }>).map((c) => c.command));
    const expected: Record<string, string> = {
      open: 'onContext:gloss.articleOpen',
      hover: 'onContext:gloss.hoverShown',
      queue: 'onCommand:gloss.nextUnreviewed',
      verdict: 'onCommand:gloss.setVerdict',
      sidecar: 'onCommand:gloss.openSidecar',
      teach: 'onCommand:gloss.teachEntity',
    };
    for (const step of steps) {
      assert.deepEqual(step.completionEvents, [expected[step.id]]);
      for (const event of step.completionEvents.filter((e) => e.startsWith('onCommand:'))) {
        const command = event.slice('onCommand:'.length);
        assert.ok(registered.has(command) && contributed.has(command), `${command} is registered and in the palette`);
      }
    }
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const strings = JSON.parse(readFileSync(join(ext.extensionPath, nls), 'utf8')) as Record<string, string>;
      const key = (s: string) => s.replace(/^%|%$/g, '');
      assert.ok(strings[key(walkthrough.title)], `${nls}: the title`);
      const medias = new Set<string>();
      for (const step of steps) {
        for (const field of [step.title, step.description]) assert.ok(strings[key(field)], `${nls}: ${field}`);
        const media = strings[key(step.media.markdown)]!;
        assert.ok(media && existsSync(join(ext.extensionPath, media)), `${nls}: ${step.id}'s page ${media} exists`);
        medias.add(media);
        const page = readFileSync(join(ext.extensionPath, media), 'utf8');
        if (nls !== 'package.nls.json') assert.match(page, /[\u4e00-\u9fff]/, `${media} is in Chinese`);
        if (nls === 'package.nls.zh-tw.json') assert.match(page, /[開標實審這與們]/, `${media} is in Traditional script`);
        if (nls === 'package.nls.zh-cn.json') assert.match(page, /[开标实审这与们]/, `${media} is in Simplified script`);
      }
      assert.equal(medias.size, STEPS.length, `${nls}: one page per step`);
      // each step links to the command that completes it
      for (const step of steps.filter((s) => s.completionEvents[0]!.startsWith('onCommand:'))) {
        assert.ok(strings[key(step.description)]!.includes(`(command:${step.completionEvents[0]!.slice('onCommand:'.length)})`), `${nls}: ${step.id} links its command`);
      }
    }
  });

  it('Gloss: Get Started opens it', async function () {
    this.timeout(timeoutFor(60_000, DEFAULT_WAIT_MS));
    await activateGloss();
    // Gloss: Get Started asks until VS Code shows Gloss's page, not one of its own (at most a minute)
    await vscode.commands.executeCommand('gloss.getStarted');
    // the page is VS Code's Welcome editor, named after the walkthrough's extension; what it
    // shows is checked with Chromium (test/runner/uiWayfinding.mjs)
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label}${t.input instanceof vscode.TabInputText ? ' (text)' : ''}`);
    // (or a Welcome page that was open already, which VS Code reuses under its name)
    await waitFor(() => labels().some((l) => /^(Welcome|Walkthrough: Gloss)$/.test(l)), 'a tab with Gloss’s walkthrough').catch((e: Error) => {
      throw new Error(`${e.message}; tabs now: ${JSON.stringify(labels())}`);
    });
  });
});
