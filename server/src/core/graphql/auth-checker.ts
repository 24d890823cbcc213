import type { AuthChecker } from 'type-graphql';
import { mayChange } from '../viewer/permissions.js';
import type { ViewerKind } from '../viewer/viewer.js';
import type { GraphQLContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * `OWN_ACCOUNT` marks a mutation that only touches the caller's own account (password,
 * sessions): read-only roles may run it too.
 */
export type AccessTag = ViewerKind | 'OWN_ACCOUNT';

/**
 * The one auth checker. `@Authorized()` = any signed-in viewer; `@Authorized('ADMIN', …)` = those
 * kinds only. On top of the kind, every mutation needs a role that may change things
 * (`mayChange`: admin OWNER or MANAGER, customer OWNER), unless tagged `OWN_ACCOUNT`; so an admin
 * VIEWER or a customer MEMBER can call no mutation beyond its own account, whichever resolver it
 * is. Rules that depend on the data (inviting an admin, removing the last OWNER) live in
 * `core/viewer/permissions.ts` and the services that call it.
 * Throws our coded errors so clients always see UNAUTHENTICATED or FORBIDDEN.
 */
export const authChecker: AuthChecker<GraphQLContext, AccessTag> = ({ context, info }, tags) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  const kinds = tags.filter((tag): tag is ViewerKind => tag !== 'OWN_ACCOUNT');
  if (kinds.length > 0 && !kinds.includes(viewer.kind)) throw forbidden();
  const isMutation = info.parentType.name === 'Mutation';
  if (isMutation && !tags.includes('OWN_ACCOUNT') && !mayChange(viewer)) {
    throw forbidden('Your role can only read: ask an owner for a role that may change this');
  }
  return true;
};
