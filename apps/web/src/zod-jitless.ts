// Wharf's Content-Security-Policy allows no eval. zod compiles fast parsers with `new Function`
// unless told not to, and merely probing for it shows up as a CSP violation. zod reads its
// settings from this global when its first module is evaluated, so this entry, which imports
// nothing, runs before the app's modules: a shared chunk that parses at load can't probe first.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
