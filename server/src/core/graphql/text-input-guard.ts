import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../lib/storable-text.js';
import type { FieldProblem } from './errors.js';

/**
 * Where a variable holds unstorable text (core/lib/storable-text.ts), in a string or an object
 * key, named as the contract names bad input: `field` is the top-level input field (`metadata`
 * for anything inside it), `index` the batch item. Pure, so it is unit-tested.
 */
export function unstorableTextIn(variables: Record<string, unknown> | undefined): FieldProblem | undefined {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const found = findUnstorableText(value);
    if (!found) continue;
    const index = typeof found[0] === 'number' ? found[0] : undefined;
    const field = found.find((segment): segment is string => typeof segment === 'string') ?? name;
    return { field, message: UNSTORABLE_TEXT_MESSAGE, ...(index === undefined ? {} : { index }) };
  }
  return undefined;
}

/** The same for string literals written into the operation text; names the argument or input field. */
export function unstorableLiteralIn(document: DocumentNode): FieldProblem | undefined {
  // Apollo hands the same parsed document to every request with the same text: walk it once.
  if (literalProblems.has(document)) return literalProblems.get(document);
  const problem = findUnstorableLiteral(document);
  literalProblems.set(document, problem);
  return problem;
}

const literalProblems = new WeakMap<DocumentNode, FieldProblem | undefined>();

function findUnstorableLiteral(document: DocumentNode): FieldProblem | undefined {
  let problem: FieldProblem | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (problem || isStorableText(node.value)) return;
      // graphql-js passes the direct parent apart from the other ancestors.
      const chain = [...ancestors, parent].filter((a): a is ASTNode => a !== undefined && !Array.isArray(a));
      const argument = chain.findIndex((a) => a.kind === Kind.ARGUMENT);
      const named = chain.slice(argument + 1).find((a) => a.kind === Kind.OBJECT_FIELD) ?? chain[argument];
      const field = named && 'name' in named && named.name ? named.name.value : 'query';
      problem = { field, message: UNSTORABLE_TEXT_MESSAGE };
    },
  });
  return problem;
}
