/**
 * The CLI's conventions, as a user meets them through the bin: help on stdout with exit 0,
 * usage errors on stderr with exit 2 and a suggestion, never Node's own parser text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handbook } from './run.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { COMMON } from '../../src/cli/flags.js';

test('every way of asking for help prints it on stdout and exits 0', () => {
  const general = handbook(['--help']).stdout;
  for (const args of [['-h'], ['help'], ['--verbose', '--help']]) {
    const r = handbook(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.equal(r.stderr, '', args.join(' '));
    assert.equal(r.stdout, general, args.join(' '));
  }
  assert.match(general, /Commands:[\s\S]*build[\s\S]*check[\s\S]*release[\s\S]*verify/);
  assert.match(general, /_config\.yml/, 'the help says where the source comes from');
});

test('each command has its own help: every flag with its default, and an example', () => {
  for (const c of COMMANDS) {
    const variants = [
      [c.name, '--help'],
      [c.name, '-h'],
      ['help', c.name],
      ['--help', c.name],
    ];
    const texts = variants.map((args) => {
      const r = handbook(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      return r.stdout;
    });
    for (const t of texts) assert.equal(t, texts[0], `${c.name}: the same help every way`);
    const text = texts[0]!;
    assert.match(text, new RegExp(`^Usage: handbook ${c.name}\\b`));
    for (const f of [...c.flags, ...COMMON]) {
      const line = text.split('\n').findIndex((l) => l.includes(`--${f.name}`));
      assert.ok(line >= 0, `${c.name} help lists --${f.name}`);
      const entry = text
        .split('\n')
        .slice(line, line + 4)
        .join(' ');
      assert.match(entry, /\(default: /, `${c.name} --${f.name} states its default`);
    }
    assert.match(text, /Examples?:\n {2}handbook /);
  }
  assert.notEqual(handbook(['build', '--help']).stdout, handbook(['check', '--help']).stdout);
});

interface Misuse {
  args: string[];
  says: RegExp;
  suggests?: RegExp;
}

const MISUSES: Misuse[] = [
  { args: ['buidl'], says: /unknown command "buidl"/, suggests: /did you mean `handbook build`/ },
  { args: ['chekc'], says: /unknown command "chekc"/, suggests: /handbook check/ },
  { args: ['relase', '1.0.0'], says: /unknown command/, suggests: /handbook release/ },
  { args: ['help', 'verfy'], says: /unknown command "verfy"/, suggests: /handbook verify/ },
  { args: ['build', '--fromat', 'pdf'], says: /unknown flag --fromat/, suggests: /--format/ },
  { args: ['build', '--sorce=x'], says: /unknown flag --sorce/, suggests: /--source/ },
  { args: ['build', '--no-cach'], says: /unknown flag --no-cach\b/, suggests: /--no-cache/ },
  { args: ['check', '--jsno'], says: /unknown flag --jsno/, suggests: /--json/ },
  { args: ['check', '--format', 'pdf'], says: /unknown flag --format/, suggests: /handbook build/ },
  { args: ['--verbos', 'build'], says: /unknown flag --verbos/, suggests: /--verbose/ },
  { args: ['build', '-x'], says: /unknown flag -x/, suggests: /build --help/ },
  { args: ['build', 'extra-arg'], says: /build takes no arguments: unexpected "extra-arg"/ },
  { args: ['check', 'content'], says: /unexpected "content"/ },
  { args: ['verify', 'a', 'b'], says: /unexpected "b"/ },
  { args: ['release'], says: /release needs <version>/, suggests: /handbook release 1\.2\.0/ },
  { args: ['verify'], says: /verify needs <release-dir>/ },
  { args: ['build', '--format'], says: /--format needs a value/, suggests: /--format html,pdf/ },
  { args: ['build', '--out', '--no-cache'], says: /--out needs a value/ },
  { args: ['check', '--strict=yes'], says: /--strict takes no value/ },
  { args: ['build', '--quiet', '--verbose'], says: /cannot be used together/ },
  { args: [], says: /no command given/, suggests: /handbook build/ },
  { args: ['build', '--format', 'mobi'], says: /unknown format "mobi"/ },
];

for (const m of MISUSES) {
  test(`usage error: handbook ${m.args.join(' ')}`, () => {
    const r = handbook(m.args);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, m.says);
    if (m.suggests) assert.match(r.stderr, m.suggests);
    assert.match(r.stderr, /hint: /);
    // Node's parseArgs wording ("Unknown option '--x'. To specify a positional argument …").
    assert.doesNotMatch(r.stderr, /To specify a positional|Unknown option '|ERR_PARSE_ARGS/);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
  });
}

test('--version prints the version alone on stdout', () => {
  for (const flag of ['--version', '-v']) {
    const r = handbook([flag]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  }
});
