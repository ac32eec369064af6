/** Jest runs the TypeScript tests directly through ts-jest (type-checked against tsconfig.tools.json). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: { warnOnly: false } }],
  },
  testTimeout: 60000,
};
