// Runs before content.js on the automatic sites: annotate once, never toggle off.
globalThis.zhupiExtensionRun = 'auto';
