/**
 * `npm run build:admin`: builds the back-office into admin/dist (or ADMIN_OUT_DIR) and prints
 * the size of each chunk, raw and gzipped, with the total the browser loads before sign-in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { buildAdmin, outDirFromEnv } from '../admin/build/build.js';
import { chunkReport, formatReport } from '../admin/build/chunk-report.js';

const config = loadConfig();
const result = await buildAdmin({ outDir: outDirFromEnv(), disabledModules: config.disabledModules, plugins: config.plugins });
console.log(`Built the back-office in ${(result.ms / 1000).toFixed(1)} s into ${path.relative(process.cwd(), result.outDir) || '.'}; module screens: ${result.modules.join(', ') || 'none'}`);
const report = chunkReport(result.outDir);
console.log(formatReport(report));
if (process.argv.includes('--json')) fs.writeFileSync(path.join(result.outDir, 'chunk-report.json'), JSON.stringify(report, null, 2));
