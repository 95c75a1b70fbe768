// The part of js-yaml (no type definitions installed) that the tests use: YAML text to plain data.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
