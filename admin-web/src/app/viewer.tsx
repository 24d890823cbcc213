import { createContext, useContext } from 'react';
import type { MeQuery } from '../__generated__/graphql';

export type Viewer = NonNullable<MeQuery['me']>;

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}
