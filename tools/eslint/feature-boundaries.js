// ESLint rule: a file under apps/web/src/features/<name>/ may not import from another feature.
// Features share code through apps/web/src/lib or packages/shared, so each can change alone.
import { dirname, resolve, sep } from 'node:path';

const FEATURES = `${sep}apps${sep}web${sep}src${sep}features${sep}`;

function featureOf(file) {
  const at = file.indexOf(FEATURES);
  if (at < 0) return undefined;
  return file.slice(at + FEATURES.length).split(sep)[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Web features must not import each other' },
    messages: {
      cross:
        "Feature '{{from}}' imports from feature '{{to}}'. Move the shared code to apps/web/src/lib or packages/shared.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = featureOf(file);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      let target;
      if (spec.startsWith('.')) target = resolve(dirname(file), spec);
      else if (spec.startsWith('@/'))
        target = resolve(file.slice(0, file.indexOf(FEATURES)), 'apps/web/src', spec.slice(2));
      else return;
      const to = featureOf(target + sep);
      if (to && to !== from) context.report({ node, messageId: 'cross', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'no-cross-feature-imports': noCrossFeatureImports } };
