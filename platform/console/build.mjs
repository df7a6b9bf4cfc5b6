// Bundles src/ into the output folder given as the first argument (default target/classes/console):
// index.html, app.js and app.css (bpmn-js, diagram-js and uPlot styles with the BPMN font inlined).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'target/classes/console');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  outdir: out,
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'linked',
  logLevel: 'warning',
});
cpSync('src/index.html', resolve(out, 'index.html'));
console.log(`[console] built into ${out}`);
