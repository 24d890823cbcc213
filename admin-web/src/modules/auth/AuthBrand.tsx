import { Icon } from '../../shared/ui/Icon';

/** The console's mark on its signed-out pages. */
export function AuthBrand() {
  return (
    <>
      <Icon name="pulse" className="brand-icon" /> Usage Monitor
    </>
  );
}
