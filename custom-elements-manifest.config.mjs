// Custom Elements Manifest analyzer config: `cem analyze` reads this file from the project root.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.spec.ts', 'src/localization/generated/**'],
  outdir: '.',
  litelement: true,
  dev: false,
  packagejson: true,
};
