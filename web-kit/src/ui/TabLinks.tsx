import { Link, useLocation, useSearchParams } from 'react-router';
import { withParams } from '../url/search-params';

export interface TabDef<T extends string = string> {
  id: T;
  label: string;
}

/**
 * Tabs as links on a search param, so each tab has its own URL and the back button walks them.
 * Other params of the previous tab are dropped (filters belong to the tab that set them) except
 * those named in `keep`. For in-page panels with arrow-key navigation use Tabs instead.
 */
export function TabLinks({
  tabs,
  param = 'tab',
  current,
  label,
  keep = [],
}: {
  tabs: readonly TabDef[];
  param?: string;
  current: string;
  label: string;
  keep?: readonly string[];
}) {
  const [params] = useSearchParams();
  const location = useLocation();
  const hrefFor = (id: string) => {
    const base = new URLSearchParams();
    for (const key of keep) {
      const value = params.get(key);
      if (value) base.set(key, value);
    }
    return `${location.pathname}?${withParams(base, { [param]: id === tabs[0].id ? undefined : id }).toString()}`;
  };
  return (
    <nav className="tab-list" aria-label={label}>
      {tabs.map((t) => (
        <Link
          key={t.id}
          to={hrefFor(t.id)}
          className="tab"
          aria-current={t.id === current ? 'page' : undefined}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
