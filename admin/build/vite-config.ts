/**
 * The one Vite configuration of the back-office, used by the build (`npm run build:admin`,
 * `npm start`, browser tests) and by `npm run dev`.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';

export const ADMIN_DIR = path.resolve(import.meta.dirname, '..');
export const ROOT_DIR = path.resolve(ADMIN_DIR, '..');

export function adminViteConfig(opts: { outDir?: string; mode: 'production' | 'development' }): InlineConfig {
  return {
    configFile: false,
    root: ADMIN_DIR,
    base: '/',
    mode: opts.mode,
    logLevel: 'warn',
    plugins: [react()],
    // The app reads no environment: nothing about the server leaks into the bundle.
    envPrefix: 'HIS_ADMIN_PUBLIC_',
    server: { fs: { allow: [ROOT_DIR] } },
    build: {
      outDir: opts.outDir ?? path.join(ADMIN_DIR, 'dist'),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 2000,
      reportCompressedSize: false,
      rollupOptions: {
        output: {
          // `module-patients-<hash>.js` rather than `index-<hash>.js`: the report names each module's chunk.
          chunkFileNames: (chunk: { facadeModuleId?: string | null; name: string }) => {
            const m = /[/\\](?:modules|server)[/\\]([^/\\]+)[/\\]admin[/\\]index\.[jt]sx?$/.exec(chunk.facadeModuleId ?? '');
            return m ? `assets/module-${m[1]}-[hash].js` : 'assets/[name]-[hash].js';
          },
        },
      },
    },
  };
}
