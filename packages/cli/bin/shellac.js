#!/usr/bin/env node
// Committed launcher: npm links the bin at install time, before the TypeScript is built, so the
// link must point at a file that exists in a fresh clone.
import('../dist/bin.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    console.error('shellac: @shellac/cli is not built. Run "npm run build" at the repository root.');
    process.exit(1);
  }
  throw error;
});
