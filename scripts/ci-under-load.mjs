// Proof under load: runs the whole suite several times in a row while a CPU hog, started and
// stopped here, keeps every core busy. Passes only if every run passes.
//
//   node scripts/ci-under-load.mjs [--runs 3] [--command ci|test]
//
//   --command ci    bash .ci/run (installs, then npm test), the default
//   --command test  npm test only (dependencies already installed)
//
// The hog is one busy-looping Node process per core, at normal priority, stopped by its process
// id when the runs end (or on Ctrl+C). GLOSS_TIMEOUT_SCALE is passed through (.ci/run defaults
// it to 3; for --command test this script does the same). Prints each run's time and counts,
// and how many cores the hog actually kept busy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', 3));
const command = option('command', 'ci');
if (!['ci', 'test'].includes(command) || !(runs >= 1)) {
  console.error('usage: node scripts/ci-under-load.mjs [--runs N] [--command ci|test]');
  process.exit(2);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** CPU seconds a process has used so far (user + system), from /proc; 0 if unknown. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function startHog(n) {
  const hogs = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    hogs.push(child);
  }
  return hogs;
}

function stopHog(hogs) {
  for (const h of hogs) {
    if (h.exitCode === null && h.signalCode === null) {
      try {
        process.kill(h.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
}

/** The run in progress, in a process group of its own, so that Ctrl+C can end it with the hog. */
let current;

function runOnce() {
  return new Promise((resolve) => {
    const [cmd, cmdArgs] = command === 'ci' ? ['bash', ['.ci/run']] : ['npm', ['test']];
    const env = { ...process.env, GLOSS_TIMEOUT_SCALE: process.env.GLOSS_TIMEOUT_SCALE ?? '3' };
    const child = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    current = child;
    const tail = [];
    const tierLines = [];
    let buffered = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        if (/^(unit|integration|isolation|ui|packaged): \d+ passed, \d+ failed/.test(line)) tierLines.push(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    child.on('exit', (code) => {
      current = undefined;
      resolve({ code, tail, tierLines });
    });
  });
}

const cores = cpus().length;
const hogs = startHog(cores);
const stop = () => {
  stopHog(hogs);
  // the run's own group (the runner stops the VS Code servers it started when it ends)
  if (current) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  process.exit(130);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
console.log(`[under-load] ${cores} busy-looping processes (pids ${hogs.map((h) => h.pid).join(', ')}); ${runs} runs of ${command === 'ci' ? 'bash .ci/run' : 'npm test'}`);

const summary = [];
let allPassed = true;
const t0 = Date.now();
try {
  for (let i = 1; i <= runs; i++) {
    const start = Date.now();
    const hogBefore = hogs.reduce((s, h) => s + cpuSeconds(h.pid), 0);
    const r = await runOnce();
    const seconds = (Date.now() - start) / 1000;
    const hogCores = (hogs.reduce((s, h) => s + cpuSeconds(h.pid), 0) - hogBefore) / seconds;
    const totals = r.tail.filter((l) => /^\d+ passed, \d+ failed$/.test(l)).pop() ?? '(no totals line)';
    const timings = r.tail.filter((l) => l.startsWith('timings: ')).pop() ?? '';
    // the hog's share shrinks when others load the machine too: the load average says how busy it was
    const line = `run ${i}: exit ${r.code}, ${seconds.toFixed(0)} s, ${totals}; the hog used ${hogCores.toFixed(2)} cores, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) on ${cores} cores\n    ${r.tierLines.join('; ')}\n    ${timings}`;
    summary.push(line);
    console.log(`\n[under-load] ${line}`);
    if (r.code !== 0) {
      allPassed = false;
      break; // "three in a row": a failure ends the series
    }
  }
} finally {
  stopHog(hogs);
}
console.log(`\n[under-load] summary (${((Date.now() - t0) / 1000).toFixed(0)} s in all):\n${summary.join('\n')}`);
console.log(allPassed ? `[under-load] ${runs} of ${runs} runs passed under load` : '[under-load] FAILED under load');
process.exitCode = allPassed ? 0 : 1;
