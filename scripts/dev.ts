/**
 * `npm run dev`: the back-office from its sources with hot reload (Vite), proxying /api,
 * /health and /display to the API server on PORT (start it with `npm start`). New module
 * screens (modules/<id>/admin/index.tsx) are picked up when they appear.
 */
import path from 'node:path';
import { createServer } from 'vite';
import { loadConfig } from '../config/index.js';
import { writeGeneratedModules } from '../admin/build/discover.js';
import { adminViteConfig, ROOT_DIR } from '../admin/build/vite-config.js';

const config = loadConfig();
const target = `http://127.0.0.1:${config.port}`;
const discovery = { rootDir: ROOT_DIR, disabledModules: config.disabledModules, plugins: config.plugins };
writeGeneratedModules(discovery);

const base = adminViteConfig({ mode: 'development' });
const server = await createServer({
  ...base,
  logLevel: 'info',
  server: {
    ...base.server,
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    strictPort: false,
    proxy: Object.fromEntries(['/api', '/health', '/display'].map((p) => [p, { target, changeOrigin: false, ws: p === '/display' }])),
  },
});

// A module folder gaining or losing its admin entry rewrites the generated list; Vite reloads.
const modulesDir = path.join(ROOT_DIR, 'modules');
server.watcher.add(path.join(modulesDir, '*/admin/index.*'));
const rediscover = (file: string) => {
  if (file.startsWith(modulesDir) && /[/\\]admin[/\\]index\.[jt]sx?$/.test(file)) writeGeneratedModules(discovery);
};
server.watcher.on('add', rediscover);
server.watcher.on('unlink', rediscover);

await server.listen();
server.printUrls();
console.log(`  API proxied to ${target} (start it with \`npm start\`)`);
