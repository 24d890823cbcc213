import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { UserInputError, type FieldProblem } from './errors.js';

/**
 * Text PostgreSQL cannot store: NUL, and UTF-16 halves without their pair (stored as U+FFFD, so
 * two different values would become one, or refused by jsonb after other rows were written).
 */
const UNPAIRED_SURROGATE = /\p{Cs}/u;
const UNSTORABLE = { test: (text: string) => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text) };

/**
 * Where a variable holds unstorable text, in a string or an object key, named as the contract
 * names bad input: `field` is the top-level input field (`metadata` for anything inside it),
 * `index` the batch item. Pure, so it is unit-tested.
 */
export function unstorableTextIn(variables: Record<string, unknown> | undefined): FieldProblem | undefined {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const found = search(value, []);
    if (!found) continue;
    const index = typeof found[0] === 'number' ? found[0] : undefined;
    const field = found.find((segment): segment is string => typeof segment === 'string') ?? name;
    return {
      field,
      message: 'may not contain NUL characters or unpaired surrogates',
      ...(index === undefined ? {} : { index }),
    };
  }
  return undefined;
}

function search(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = search(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = search(child, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The same for string literals written into the operation text; names the argument or input field. */
export function unstorableLiteralIn(document: DocumentNode): FieldProblem | undefined {
  let problem: FieldProblem | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (problem || !UNSTORABLE.test(node.value)) return;
      // graphql-js passes the direct parent apart from the other ancestors.
      const chain = [...ancestors, parent].filter((a): a is ASTNode => a !== undefined && !Array.isArray(a));
      const argument = chain.findIndex((a) => a.kind === Kind.ARGUMENT);
      const named = chain.slice(argument + 1).find((a) => a.kind === Kind.OBJECT_FIELD) ?? chain[argument];
      const field = named && 'name' in named && named.name ? named.name.value : 'query';
      problem = { field, message: 'may not contain NUL characters or unpaired surrogates' };
    },
  });
  return problem;
}

/** Refuses unstorable text before anything executes, so a rejected write never half-happens. */
export function textInputGuardPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = unstorableTextIn(request.variables) ?? unstorableLiteralIn(document);
          if (!problem) return;
          const error = new UserInputError(problem);
          // Wrapped so formatError finds the DomainError (and its extensions) and Apollo answers 400.
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { ...error.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}
