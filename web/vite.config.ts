// Builds the web app into web/dist: static files the local runtime serves at / and the stack uploads to S3.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Preact's JSX runtime, without a preset plugin: Vite's own transformer does it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  logLevel: 'warn',
});
