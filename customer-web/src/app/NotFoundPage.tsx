import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="panel empty-state" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/usage">Go to your usage</Link>
      </p>
    </section>
  );
}
