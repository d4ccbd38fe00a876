import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './vite-plugins/precompress.ts';

const silo = 'http://localhost:5080';

export default defineConfig({
  plugins: [react(), precompress()],
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
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
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
