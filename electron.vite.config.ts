import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Custom folders: electron/ holds the thin shell (main window + backend utility process + preload),
// renderer/ the React app. better-sqlite3 and pdfmake stay external (node_modules) in the main bundles.
/** node_modules → a vendor chunk by library family; app code is left to Rollup (and React.lazy). */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'vendor-react';
  if (/node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/.test(id)) return 'vendor-antd';
  if (/node_modules[\\/](pdfmake|pdfjs-dist|pdf-lib)[\\/]/.test(id)) return 'vendor-pdf';
  return 'vendor';
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JS libraries every start needs go into the bundle (resolved and tree-shaken once at build time instead of
      // at every start: issue 14); native and large lazily loaded ones (better-sqlite3, pdfmake, pg) stay in node_modules.
      externalizeDeps: { exclude: ['kysely', 'zod', 'decimal.js', 'dayjs'] },
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          backend: resolve(__dirname, 'electron/backend.ts'),
          // The batch worker thread the backend starts for 年终结息 (services/batch/runner.ts).
          batchWorker: resolve(__dirname, 'services/batch/worker.ts'),
          // gjj check's second thread (services/integrity/parallelCheck.ts).
          checkWorker: resolve(__dirname, 'services/integrity/checkWorker.ts'),
          // 年终结息's second thread for the 积数 read (services/interest/yearEndSums.ts).
          yearEndWorker: resolve(__dirname, 'services/interest/yearEndWorker.ts'),
          // The command line and `npm run web`, prebuilt so they start without compiling TypeScript (scripts/run-built.cjs).
          gjj: resolve(__dirname, 'cli/gjj.ts'),
          web: resolve(__dirname, 'services/http/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { preload: resolve(__dirname, 'electron/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      // The clerk's first screen: minified code is about a third of the unminified bundle.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        // Libraries in chunks of their own: they change less often than the app, so the browser keeps them cached
        // (hashed names, immutable) across app updates; pages are split by React.lazy in the route tables.
        output: { manualChunks: vendorChunk },
      },
    },
  },
});
