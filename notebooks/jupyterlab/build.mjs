// Bundles the page with esbuild:
//
//   node build.mjs NPM_DIR OUT_DIR
//
// NPM_DIR holds node_modules (`npm ci` of this folder's package.json and
// package-lock.json, done by the Makefile under build/ so the source tree
// stays clean); OUT_DIR gets index.html, lab.js, lab.css (JupyterLab's
// widget stylesheets) and the theme stylesheets light.css and dark.css,
// which the page picks by ?theme=.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv.length !== 4) {
  console.error('usage: node build.mjs NPM_DIR OUT_DIR');
  process.exit(2);
}
const npmDir = path.resolve(process.argv[2]);
const out = path.resolve(process.argv[3]);
const { build } = createRequire(path.join(npmDir, 'package.json'))('esbuild');

const common = {
  bundle: true,
  nodePaths: [path.join(npmDir, 'node_modules')],
  logLevel: 'warning',
  outdir: out,
  loader: {
    '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl',
    '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file'
  },
  // Some @jupyterlab packages read process.env at import time.
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  legalComments: 'none'
};

await mkdir(out, { recursive: true });
await build({
  ...common,
  entryPoints: { lab: path.join(here, 'src', 'index.js') },
  format: 'esm',
  target: 'es2020'
});
await build({
  ...common,
  entryPoints: {
    light: path.join(here, 'src', 'light.css'),
    dark: path.join(here, 'src', 'dark.css')
  }
});
await copyFile(path.join(here, 'src', 'index.html'), path.join(out, 'index.html'));
console.log('jupyterlab page built in ' + out);
