export const WRONG_ROLE_MESSAGE = 'This console is for platform admins; customers use the Customer Portal at /portal/';

export function WrongRoleNotice() {
  return (
    <div className="banner banner-warning" role="alert">
      <span>
        This console is for platform admins; customers use the Customer Portal at <a href="/portal/">/portal/</a>
      </span>
    </div>
  );
}
