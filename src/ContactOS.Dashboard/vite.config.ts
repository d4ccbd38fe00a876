import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite-plugins/precompress.ts';
import { preloadDynamicImports } from './vite-plugins/preloadDynamicImports.ts';

const silo = 'http://localhost:5080';

export default defineConfig({
  plugins: [react(), preloadDynamicImports(), precompress()],
  server: {
    proxy: {
      '/api': silo,
      '/hubs': { target: silo, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts (with zrender) is most of the bundle and changes less often than the app, so it gets its own chunk.
    // With the heatmap, the custom series (the activity timeline) and the visual map it is just over 600 kB.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        // The explicit compile hint, read by Chromium-based browsers and ignored by others: the page runs nearly all
        // of its code at load, so the browser compiles each chunk's functions eagerly on the background thread that
        // streams it, instead of one by one on the main thread the first time each is called, while the charts draw.
        postBanner: '//# allFunctionsCalledOnLoad',
        codeSplitting: {
          groups: [
            // The page's own ECharts set-up (src/charts/echarts.ts) goes with the library: the charts load it on their own.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]|src[\\/]charts[\\/]echarts\.ts$/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
