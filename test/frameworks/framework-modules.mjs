// A web-test-runner plugin that serves React 19, React 18 (the `react-18` / `react-dom-18` aliases) and
// Vue 3 to the browser tests as ES modules. React ships CommonJS only, and
// `fromRollup(@rollup/plugin-commonjs)` cannot give it named exports in the dev server (they come from
// `module.exports = require(...)`, which needs Rollup's syntheticNamedExports), and Vue's npm build reads
// `process.env`. So each is bundled once with Vite (as a host's bundler would) when the server starts, and
// each bare specifier is answered by a small module that re-exports the bundle's names.
import { createRequire } from 'node:module';

import { build } from 'vite';

const PREFIX = '/__framework-modules__/';
const require = createRequire(import.meta.url);
/** React's export names, read from its production build (the development one logs through the console). */
const reactKeys = (pkg, file) =>
  Object.keys(require(require.resolve(`${pkg}/package.json`).replace(/package\.json$/, `cjs/${file}`)));

/** What each bare specifier the tests and examples import becomes. */
const specifiers = {
  react: { bundle: 'react19', name: 'react', keys: () => reactKeys('react', 'react.production.js') },
  'react-dom/client': {
    bundle: 'react19',
    name: 'reactDomClient',
    keys: () => ['createRoot', 'hydrateRoot', 'version'],
  },
  'react-18': {
    bundle: 'react18',
    name: 'react',
    keys: () => reactKeys('react-18', 'react.production.min.js'),
  },
  'react-dom-18/client': {
    bundle: 'react18',
    name: 'reactDomClient',
    keys: () => ['createRoot', 'hydrateRoot'],
  },
  vue: { bundle: 'vue', name: 'vue', keys: null },
};

const entries = {
  react19: {
    code: `export * as react from 'react'; export * as reactDomClient from 'react-dom/client';`,
    alias: [],
  },
  // Inside react-dom-18, `require('react')` must reach React 18 too, never the page's React 19.
  react18: {
    code: `export * as react from 'react'; export * as reactDomClient from 'react-dom/client';`,
    alias: [
      { find: /^react$/, replacement: 'react-18' },
      { find: /^react-dom\/client$/, replacement: 'react-dom-18/client' },
    ],
  },
  vue: { code: `export * from 'vue';`, alias: [] },
};

async function bundle(id) {
  const { code, alias } = entries[id];
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    define: {
      'process.env.NODE_ENV': JSON.stringify('development'),
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [
      {
        name: 'framework-entry',
        enforce: 'pre',
        // Library mode makes the entry an absolute path under the root.
        resolveId: (source) => (source.endsWith('framework-entry') ? '\0framework-entry' : undefined),
        load: (loaded) => (loaded === '\0framework-entry' ? code : undefined),
      },
    ],
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: 'framework-entry', formats: ['es'], fileName: id },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return output.find((item) => item.type === 'chunk' && item.isEntry).code;
}

function facade({ bundle: id, name, keys }) {
  if (!keys) return `export * from './${id}.bundle.js';`;
  const names = keys().filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
  return [
    `import { ${name} as ns } from './${id}.bundle.js';`,
    `const cjs = ns.default ?? ns;`,
    `export default cjs;`,
    `export const { ${names.join(', ')} } = cjs;`,
  ].join('\n');
}

export function frameworkModules() {
  const bundles = new Map();
  return {
    name: 'framework-modules',
    resolveImport({ source }) {
      if (source in specifiers) return `${PREFIX}${source.replace('/', '__')}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      const bundled = /^(\w+)\.bundle\.js$/.exec(file);
      if (bundled) {
        const id = bundled[1];
        if (!bundles.has(id)) bundles.set(id, bundle(id));
        return { body: await bundles.get(id), type: 'js' };
      }
      const specifier = file.replace(/\.js$/, '').replace('__', '/');
      if (specifier in specifiers) return { body: facade(specifiers[specifier]), type: 'js' };
      return undefined;
    },
  };
}
