/** The command-line contract (docs/cli-contract.md), run as a real child process. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `ask` with the given arguments and standard input; never throws on a non-zero exit. */
function ask(args: string[], input = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('npm run ask', () => {
  it('answers one question as JSON with the contract shape', async () => {
    const { code, stdout, stderr } = await ask(['--json', 'search', 'Heal', 'Force', 'Bio-Meditech']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ command: 'search', query: 'Heal Force Bio-Meditech', suggestions: [] });
    const first = result.answers[0];
    expect(first.quote).toMatch(/investigated Heal Force Bio-Meditech Holdings Limited/);
    expect(first.article).toEqual({
      id: '004_8c6205f0469ee44b',
      title: 'USST Links Cooperation Agreement with Qingpu',
      published: '2020-06-06',
      source: null,
    });
    expect(typeof first.score).toBe('number');
  });

  it('prints an answer for a person: the quote, the article and its date', async () => {
    const { code, stdout } = await ask(['search', 'psychological', 'counseling']);
    expect(code).toBe(0);
    expect(stdout).toContain('> Shanghai General Hospital will provide psychological counseling services');
    expect(stdout).toContain('A Cooperation Agreement Signed between Shanghai General Hospital');
    expect(stdout).toContain('publication date not stated');
    expect(stdout).toContain('https://mp.weixin.qq.com/s/6ZmvafflXcZ_YffawXbJPg');
  });

  it('answers a batch line for line, in order, with an error line for a bad line', async () => {
    const lines = [
      '{"command": "search", "query": "suture needles"}',
      'not json',
      '{"command": "dance", "query": "x"}',
      '{"command": "search", "query": "   "}',
      '',
      '{"command": "who-signed", "query": "Qingpu"}',
      '{"command": "when", "query": "unveiling ceremony"}',
    ];
    const { code, stdout } = await ask(['--json', '--batch'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(lines.length);
    expect(out[0].answers[0].quote).toContain('suture needles');
    expect(out[1]).toEqual({ error: expect.stringMatching(/JSON/) });
    expect(out[2]).toEqual({ error: expect.stringMatching(/unknown command "dance"/) });
    expect(out[3]).toEqual({ error: expect.stringMatching(/empty/) });
    expect(out[4]).toEqual({ error: expect.any(String) });
    expect(out[5]).toMatchObject({ command: 'who-signed', query: 'Qingpu' });
    expect(out[6]).toMatchObject({ command: 'when', query: 'unveiling ceremony' });
  });

  it('exits 0 with no answers and suggestions when nothing matches', async () => {
    const { code, stdout } = await ask(['--json', 'search', 'Qinpgu']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      answers: [],
      suggestions: expect.arrayContaining(['Qingpu']),
    });
  });

  it.each([
    [['dance', 'x'], /unknown command "dance"/],
    [['search'], /empty/],
    [['search', '**'], /empty/],
    [[], /usage/],
    [['--corpus', 'no/such/folder', 'search', 'x'], /does not exist/],
    [['--bogus', 'search', 'x'], /unknown option --bogus/],
    [['search', 'Qingpu', '--jsno'], /unknown option --jsno/],
    [['ask', '?!'], /no words|empty/],
  ])('%j is a usage error: exit 2 and one line on stderr', async (args, message) => {
    const { code, stdout, stderr } = await ask(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('--help prints the usage with every command and an example to stdout, exit 0', async () => {
    const { code, stdout, stderr } = await ask(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const command of ['ask', 'who-signed', 'when', 'search']) expect(stdout).toContain(`  ${command} `);
    expect(stdout).toMatch(/npm run ask -- ask "/);
  });

  it('takes options after the command too', async () => {
    const { code, stdout } = await ask(['when', 'Innovation', 'Center', 'unveiled', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ command: 'when', query: 'Innovation Center unveiled' });
  });

  it('asks a question in words: the result names the kind that answered in "as", with its fields', async () => {
    const input = [
      { command: 'ask', query: 'who put pen to paper for the qingpu deal?' },
      { command: 'ask', query: 'what date was the high-end medical equipment innovation center unveiled' },
      { command: 'ask', query: 'how many postgraduates were trained under the cooperation program' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const { code, stdout } = await ask(['--json', '--batch'], input);
    expect(code).toBe(0);
    const [signed, dated, passages] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(signed).toMatchObject({ command: 'ask', as: 'who-signed' });
    expect(signed.answers[0].signers.map((s: { name: string }) => s.name)).toEqual([
      'Ding Xiaodong',
      'Yu Xufeng',
    ]);
    expect(signed.answers[0].date).toBe('2020-05-27');
    expect(dated).toMatchObject({ command: 'ask', as: 'when' });
    expect(dated.answers[0].date).toBe('2020-11-14');
    expect(passages).toMatchObject({ command: 'ask', as: 'search' });
    expect(passages.answers[0].quote).toMatch(/450 medical-engineering interdisciplinary postgraduates/);
  });

  it('answers from another folder with --corpus, and warns once for each broken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
    try {
      writeFileSync(
        join(dir, 'good.txt'),
        'Robotics Lab Opens\n\nMay 2, 2023\n\nThe robotics lab opened in Leeds on May 1.',
      );
      writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x00, 0x01, 0x02]));
      writeFileSync(join(dir, 'notes.pdf'), 'not an article');
      const { code, stdout, stderr } = await ask(['--corpus', dir, '--json', 'search', 'robotics', 'lab']);
      expect(code).toBe(0);
      expect(stderr.trim().split('\n')).toEqual(['Skipped broken.txt: the file is binary, not text.']);
      expect(JSON.parse(stdout).answers[0].article.id).toBe('good');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs through the npm script of the contract', async () => {
    const { stdout } = await run('npm', [
      'run',
      '--silent',
      'ask',
      '--',
      '--json',
      'search',
      'Water City Gate',
    ]);
    expect(JSON.parse(stdout).answers[0].article.id).toBe('004_8c6205f0469ee44b');
  });
});

describe('npm start without a token', () => {
  it('opens the local console over ./corpus and answers what is typed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.stdin.end('/search Water City Gate\n/quit\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Accord: 5 articles loaded/);
    expect(stdout).toContain('Qingpu Huancheng Water System Park (Water City Gate)');
  });

  it('with input that is not a terminal, echoes each line before its answer; a line without a slash is asked', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.stdin.end('who signed the agreement with Qingpu District?\n/about\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const question = lines.indexOf('accord> who signed the agreement with Qingpu District?');
    const about = lines.indexOf('accord> /about');
    expect(question).toBeGreaterThan(0);
    expect(about).toBeGreaterThan(question);
    expect(lines.slice(question + 1, about).join('\n')).toMatch(/Ding Xiaodong .* and Yu Xufeng .* signed/);
    expect(lines[about + 1]).toMatch(/^5 articles/);
  });
});
