import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? '1') || 1;

/**
 * Runs detectFigures over each text in a child process with a time limit: a hang or a
 * quadratic blow-up fails the test instead of stalling the suite. Each text is about 200k
 * characters, so quadratic work would take minutes, linear work well under a second.
 */
function runsLinear(texts: Record<string, string>): void {
  const script = `const { detectFigures } = require(${JSON.stringify(require.resolve('../../src/core/figures/detect'))});
    const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const out = {};
    for (const [name, text] of Object.entries(texts)) {
      const figures = detectFigures(text);
      out[name] = { count: figures.length, longest: figures.reduce((m, f) => Math.max(m, f.end - f.start), 0) };
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(texts), timeout: 30_000 * scale, encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(run.error, undefined, `timed out or failed: ${run.error}`);
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as Record<string, { count: number; longest: number }>;
  // every figure stays short: no look-ahead ran away with the run
  for (const [name, r] of Object.entries(out)) assert.ok(r.longest <= 80, `${name}: a figure of ${r.longest} characters`);
}

const N = 200_000;
const run = (piece: string) => piece.repeat(Math.ceil(N / piece.length));

describe('figures: hostile input stays linear (child process, time limit)', function () {
  this.timeout(40_000 * scale);
  it('long runs of 点, 角 and 分, and of their amounts', () => {
    runsLinear({
      points: run('三点'), pointDigits: run('点五'), pointRun: `三${run('点')}`, spacedPoints: run('四 点 '),
      jiao: run('角'), fen: run('分'), yuanTails: run('1元2角3分'), formalTails: run('壹佰元伍角'), zeros: run('零'), yuanZheng: run('元整'),
    });
  });
  it('long runs of range dashes and connectors', () => {
    runsLinear({
      dashes: run('1-'), spacedDashes: run('1 - '), emDashes: run('1万元—'), waves: run('3～'), toRun: run('三到'), chinese: run('五至'),
      pairs: run('六七'), pairsWithUnit: run('二三十'), mixed: run('1万元-3万元-'),
    });
  });
  it('long runs of the other new shapes', () => {
    runsLinear({
      currencies: run('人民幣'), currencyNumbers: run('港幣5'), geYi: run('两个'), durations: run('三年零'), half: run('个半'), seconds: run('两分三十'),
      relative: run('去年'), relativeTail: run('去年年'), top: run('前'), topNumbers: run('排名前五'), da: run('六大'), qualitative: run('个位数'),
      powers: run('2^'), slashes: run('1/'), degrees: run('摄氏'), approxAfter: run('左右'), liang: run('两两'),
    });
  });
});
