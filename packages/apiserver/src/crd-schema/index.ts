// CustomResourceDefinition structural schemas: pruning, defaulting, OpenAPI v3 and CEL validation.
export { compileSchema } from './compile.js';
export type { CompiledSchema } from './compile.js';
export { validateCrdDefinition } from './crd-definition.js';
export type { FieldCause, Schema, ValidationRule } from './types.js';
