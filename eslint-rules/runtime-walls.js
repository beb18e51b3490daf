// The runtime walls of docs/ARCHITECTURE.md, checked on resolved paths (a relative import string alone
// cannot tell `../main/x` in core from `../main/x` elsewhere). Bare package names are walled
// by `no-restricted-imports` in eslint.config.js.
import path from 'node:path';

const ZONES = [
  ['shared', 'shared'],
  ['core', 'electron/core'],
  ['main', 'electron/main'],
  ['preload', 'electron/preload'],
  ['host', 'electron/host'],
  ['cli', 'electron/cli'],
  ['renderer', 'renderer'],
  ['resources', 'resources'],
  ['manifest', 'package.json'],
];

/** Which zones each zone may import from (its own zone always included). */
const ALLOWED = {
  shared: ['shared'],
  core: ['core', 'shared', 'resources', 'manifest'],
  main: ['main', 'core', 'shared', 'resources', 'manifest'],
  preload: ['preload', 'shared'],
  host: ['host', 'core', 'shared', 'resources', 'manifest'],
  cli: ['cli', 'core', 'shared', 'resources', 'manifest'],
  renderer: ['renderer', 'shared'],
};

function zoneOf(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const found = ZONES.find(([, dir]) => rel === dir || rel.startsWith(`${dir}/`));
  return found ? found[0] : null;
}

export const runtimeWalls = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each runtime folder from importing another runtime it must not depend on.' },
    messages: { wall: '{{from}} may not import from {{to}} ({{spec}}): see docs/ARCHITECTURE.md, "Runtimes and their walls".' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const from = zoneOf(root, context.filename);
    if (!from || !ALLOWED[from]) return {};
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = zoneOf(root, path.resolve(path.dirname(context.filename), spec));
      if (to && !ALLOWED[from].includes(to)) context.report({ node, messageId: 'wall', data: { from, to, spec } });
      if (!to && from !== 'main') context.report({ node, messageId: 'wall', data: { from, to: 'outside the app folders', spec } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
