// Plain JS so jest needs no ts-node to read it.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.node.json' }];

/**
 * Two projects: Node for the functions, domain and local cloud (real SDKs over HTTP), and jsdom
 * for the mini-program under miniprogram-simulate. Type-checking is `npm run typecheck`'s job, so
 * ts-jest only transpiles (about 3× faster).
 */
/** @type {import('jest').Config} */
const config = {
  maxWorkers: 2,
  // Rendering a page compiles its WXML with wcc and starts workers in the local cloud: generous
  // per-test time keeps a busy two-core machine from failing correct tests.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/miniprogram/'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/miniprogram/setup.ts'],
      // tsconfig's isolatedModules makes ts-jest transpile only. TDesign ships ES modules inside miniprogram_npm: transform .js there too.
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
        '^.+\\.js$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
      },
      transformIgnorePatterns: ['/node_modules/'],
    },
  ],
};

module.exports = config;
