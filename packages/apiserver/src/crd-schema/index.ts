// CustomResourceDefinition structural schemas, as kube-apiserver applies them to custom resources.
// On create and update call prune, then applyDefaults, then validate(obj, old): causes come back
// as Kubernetes StatusCauses (type = reason), with Kubernetes' field paths and wording; the
// caller composes `<Kind>.<group> "<name>" is invalid: [<field>: <message>, ...]`. Root-level
// causes have the field `<nil>`, as Kubernetes prints a nil path.
export { compileSchema } from './compile.js';
export type { CompiledSchema } from './compile.js';
export { validateCrdDefinition } from './crd-definition.js';
export type { RuleProblem } from './cel-rules.js';
export type { FieldCause, Schema, ValidationRule } from './types.js';
