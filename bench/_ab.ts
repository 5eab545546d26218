const neu = await import('../src/build.js');
const old = await import('./_build_old.js');
const opts = { formats: ['html', 'pdf', 'docx'] as ('html' | 'pdf' | 'docx')[], chrome: '/usr/bin/chromium', date: '2024-01-02' };
const res: Record<string, number[]> = { old: [], new: [] };
await neu.build(opts);
for (let i = 0; i < 4; i++) {
  for (const [k, m] of [['old', old], ['new', neu]] as const) {
    const t = performance.now();
    const r = await m.build(opts);
    res[k]!.push(Math.round(performance.now() - t));
    if (i === 3) console.log(k, r.timings.stages.map((s) => `${s.stage} ${Math.round(s.ms)}`).join(', '));
  }
}
console.log(res);
// failing sources with a PDF wanted: no Chromium left behind
const before = (await import('node:child_process')).execSync(`pgrep -P ${process.pid} | wc -l`).toString().trim();
await neu.build({ source: 'test/fixtures/cli-bad-config', formats: ['pdf'], chrome: '/usr/bin/chromium' }).then(() => console.log('unexpected ok'), (e) => console.log('rejected:', String(e.message).split('\n')[0]));
await new Promise((r) => setTimeout(r, 500));
const after = (await import('node:child_process')).execSync(`pgrep -P ${process.pid} | wc -l`).toString().trim();
console.log('children before', before, 'after', after);
