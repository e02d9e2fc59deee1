// Who may import whom (shared/design/programmes.md §1). Checked in `npm test` by src/boundaries.test.ts;
// run by hand with `npx depcruise src web/src --config .dependency-cruiser.cjs`.
const TEST = '(\\.test\\.ts$|/testing\\.ts$|^src/test/)';
const PUBLIC = '^src/modules/[^/]+/(index|contract)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'kernel-is-the-bottom',
      comment: 'The kernel imports nothing of the rest of src: no module, no database layer, no server.',
      severity: 'error',
      from: { path: '^src/kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'kernel-tests-below-modules',
      comment: 'Tests of the kernel may use the test databases, never a module.',
      severity: 'error',
      from: { path: '^src/kernel/.*\\.test\\.ts$' },
      to: { path: '^src/(modules|server|cli|programmes|workflow)/' },
    },
    {
      name: 'db-below-modules',
      comment: 'The database layer imports the kernel only (modules add their tables to DB by declaration merging).',
      severity: 'error',
      from: { path: '^src/db/', pathNot: TEST },
      to: { path: '^src/(modules|server|cli|programmes|workflow|portal)/' },
    },
    {
      name: 'policy-is-pure',
      comment: 'The policy core (parameters, formulas) reads nothing but the kernel.',
      severity: 'error',
      from: { path: '^src/policy/' },
      to: { path: '^src/(modules|db|server|cli|programmes|workflow)/' },
    },
    {
      name: 'workflow-below-programmes',
      comment: 'The workflow language knows no programme and no module.',
      severity: 'error',
      from: { path: '^src/workflow/' },
      to: { path: '^src/(modules|db|server|cli|programmes)/' },
    },
    {
      name: 'programmes-below-modules',
      comment: 'A programme plug-in is built from the kernel, the policy core and the workflow language only.',
      severity: 'error',
      from: { path: '^src/programmes/' },
      to: { path: '^src/(modules|db|server|cli)/' },
    },
    {
      name: 'module-through-its-index',
      comment: 'A module reaches another only through its public surface (index.ts, contract.ts); tests may also use its testing.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', PUBLIC] },
    },
    {
      name: 'tests-through-index-or-testing',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/.*\\.test\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', PUBLIC, '^src/modules/[^/]+/testing\\.ts$'] },
    },
    {
      name: 'server-and-cli-through-index',
      comment: 'The server, the CLI and the scenarios use the modules through their index.ts.',
      severity: 'error',
      from: { path: '^src/(server|cli|scenarios)/', pathNot: TEST },
      to: { path: '^src/modules/', pathNot: PUBLIC },
    },
    {
      name: 'portal-through-index',
      comment: 'The citizen portal uses the modules through their public surface only (design/programmes.md §5).',
      severity: 'error',
      from: { path: '^src/portal/', pathNot: TEST },
      to: { path: '^src/modules/', pathNot: PUBLIC },
    },
    {
      name: 'web-through-contract',
      comment: 'The web app shares only the kernel (pure parts) and the modules\' contract.ts with the server.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/kernel/', '^src/modules/[^/]+/contract\\.ts$'] },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // swc parses TypeScript without JSX: .tsx files are checked by src/boundaries.test.ts's own scan.
    exclude: { path: '(^|/)node_modules/|^web/dist/|\.tsx$' },
    includeOnly: '^(src|web/src)/',
  },
};
