/**
 * The architecture rule, checked by `npm run lint` (so in CI): imports point one way, down the layers
 * below, with no circle. Layers, lowest first; a layer may import its own files and the layers under it.
 * cli and bot are two edges side by side: neither imports the other.
 *
 * commands/ (the slash commands) is imported only by the entry points that hand the list to the bot
 * and to the deploy script. A new folder under src/ must be given a layer here.
 */
const LAYERS = [
  ['program', '^src/program/'],
  ['text', '^src/text/'],
  ['corpus', '^src/corpus/'],
  ['facts', '^src/facts/'],
  ['index', '^src/index/'],
  ['answers', '^src/answers/'],
  ['eval', '^src/eval/'],
  ['cli', '^src/cli/'],
  ['bot', '^src/bot/'],
  ['commands', '^commands/'],
  ['bench', '^src/bench/'],
];

/** Files run as programs: they may import any layer. */
const ENTRY_POINTS =
  '^(src/main\\.ts|src/shard\\.ts|src/cli/ask\\.ts|src/bench/measure\\.ts|scripts/[^/]+\\.ts)$';

/** Who may import commands/: the entry points that give the list to the bot and the deploy script. */
const COMMAND_LIST_USERS = '^(src/main\\.ts|src/shard\\.ts|scripts/deploy-commands\\.ts|commands/|test/)';

const upward = LAYERS.flatMap(([layer, path], i) => {
  const above = LAYERS.slice(i + 1);
  if (above.length === 0) return [];
  return [
    {
      name: `no-import-up-from-${layer}`,
      comment: `${layer} may import only the layers under it (${LAYERS.slice(0, i)
        .map(([l]) => l)
        .join(', ')}), not ${above.map(([l]) => l).join(', ')}.`,
      severity: 'error',
      from: { path, pathNot: ENTRY_POINTS },
      to: { path: above.map(([, p]) => p) },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-import-from-bot-to-cli',
      comment:
        'cli and bot are two edges side by side: the layer rule keeps cli from bot, this bot from cli.',
      severity: 'error',
      from: { path: '^src/bot/', pathNot: ENTRY_POINTS },
      to: { path: '^src/cli/' },
    },
    {
      name: 'commands-only-from-entry-points',
      comment:
        'commands/ is imported only by the entry points that hand the list to the bot (src/main.ts, src/shard.ts) and the deploy script.',
      severity: 'error',
      from: { pathNot: COMMAND_LIST_USERS },
      to: { path: '^commands/' },
    },
    {
      name: 'src-not-on-tools-or-tests',
      comment: 'The product does not import the tools (scripts/) or the tests.',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { path: '^(scripts|test)/' },
    },
    {
      name: 'every-src-folder-has-a-layer',
      comment:
        'Each folder under src/ is a layer of LAYERS in .dependency-cruiser.cjs: add a new one there, in its place.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [...LAYERS.map(([, p]) => p), ENTRY_POINTS],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|coverage|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
