import type { AuthChecker } from 'type-graphql';
import type { ViewerKind } from '../viewer/viewer.js';
import type { GraphQLContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * `@Authorized()` = any signed-in viewer; `@Authorized('ADMIN')` etc. = those kinds only.
 * Throws our coded errors so clients always see UNAUTHENTICATED or FORBIDDEN.
 */
export const authChecker: AuthChecker<GraphQLContext, ViewerKind> = ({ context }, kinds) => {
  if (!context.viewer) throw unauthenticated();
  if (kinds.length > 0 && !kinds.includes(context.viewer.kind)) throw forbidden();
  return true;
};
