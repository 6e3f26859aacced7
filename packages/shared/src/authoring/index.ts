// Wire schemas of authoring (the write path, credentials, the project wizard). A subpath of its
// own so the first screen, which imports `@wharf/shared/api`, never carries them.
export * from './objects.js';
export * from './credentials.js';
export * from './wizard.js';
export * from './manifest-text.js';
