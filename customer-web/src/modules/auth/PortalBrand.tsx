/** The portal's mark on its signed-out pages. */
export function PortalBrand() {
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        ◔
      </span>{' '}
      Usage Monitor
    </>
  );
}
