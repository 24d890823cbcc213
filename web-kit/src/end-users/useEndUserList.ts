import { useState } from 'react';
import { usePatchParams, withParams } from '../url/search-params';
import { parseEndUserOrder, parseEndUserRange, type EndUserOrderName, type EndUserRange } from './end-user-rules';

export interface EndUserList {
  search: string;
  order: EndUserOrderName;
  days: EndUserRange;
  /** The cursor of the page shown (undefined on the first). */
  after: string | undefined;
  /** 0 on the first page. */
  pageIndex: number;
  setSearch: (search: string) => void;
  setOrder: (order: EndUserOrderName) => void;
  setDays: (days: EndUserRange) => void;
  next: (endCursor: string) => void;
  previous: () => void;
}

/**
 * Search, order and range live in the URL (`q`, `sort`, `range`) so a list can be linked and
 * reloaded; the keyset cursors of the pages walked so far are a stack in state. Cursors are bound
 * to order, range, search and tenant on the server, so any change of those (or of `scope`) starts
 * again from the first page.
 */
export function useEndUserList(scope = ''): EndUserList {
  const [params, patch] = usePatchParams();
  const search = params.get('q')?.trim() ?? '';
  const order = parseEndUserOrder(params.get('sort'));
  const days = parseEndUserRange(params.get('range'));
  const key = [scope, search, order, days].join('\u0000');
  const [pages, setPages] = useState<{ key: string; cursors: readonly string[] }>({ key, cursors: [] });
  const cursors = pages.key === key ? pages.cursors : [];

  return {
    search,
    order,
    days,
    after: cursors.at(-1),
    pageIndex: cursors.length,
    setSearch: (q) => patch((current) => withParams(current, { q })),
    setOrder: (sort) => patch((current) => withParams(current, { sort: sort === 'COST_DESC' ? undefined : sort })),
    setDays: (range) => patch((current) => withParams(current, { range: range === 30 ? undefined : range })),
    next: (endCursor) => setPages({ key, cursors: [...cursors, endCursor] }),
    previous: () => setPages({ key, cursors: cursors.slice(0, -1) }),
  };
}
