// A build plugin that minifies the markup and CSS inside Lit's `html`, `svg` and `css` template literals
// (about a fifth of the kit's code is template text), for the library build (vite.config.ts), the
// no-build browser files and the size budgets' portal bundle (scripts/size.mjs).
//
// Conservatively: runs of whitespace become one space, never none, so inline spacing renders as in the
// sources the tests run on; attributes, entities and empty `alt`s stay as written; CSS goes through
// Lightning CSS. A template the minifier cannot give back with its expressions intact ships as written.
import { minifyHTMLLiterals } from 'minify-literals';

const html = {
  caseSensitive: true,
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  decodeEntities: false,
  removeEmptyAttributes: false,
  removeAttributeQuotes: false,
  minifyJS: false,
  minifyCSS: false,
};

/** @returns {import('vite').Plugin} */
export function minifyTemplateLiterals() {
  return {
    name: 'helpdesk:minify-template-literals',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !/(html|svg|css)`/.test(code)) return null;
      try {
        const result = await minifyHTMLLiterals(code, { fileName: id, html });
        return result && { code: result.code, map: result.map };
      } catch (error) {
        this.info(`${id}: templates left as written (${String(error)})`);
        return null;
      }
    },
  };
}
