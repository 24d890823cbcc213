export function Skeleton({ width, height = '1rem' }: { width?: string; height?: string }) {
  return <span className="skeleton" style={{ width: width ?? '100%', height }} aria-hidden="true" />;
}

export function SkeletonCards({ count, label = 'Loading' }: { count: number; label?: string }) {
  return (
    <div className="card-grid" aria-busy="true" role="status" aria-label={label}>
      {Array.from({ length: count }, (_, i) => (
        <div className="card" key={i}>
          <Skeleton width="40%" />
          <Skeleton width="70%" height="1.75rem" />
          <Skeleton width="30%" />
        </div>
      ))}
    </div>
  );
}

export function SkeletonRows({ rows = 5, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton-rows" aria-busy="true" role="status" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height="2.25rem" />
      ))}
    </div>
  );
}
