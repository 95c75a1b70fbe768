// esbuild's `inject` (scripts/build.mjs): the browser build's `Buffer` wherever src/ledger names it as a global
export { Buffer } from 'buffer';
