export function WrongRoleMessage() {
  return (
    <span>
      This console is for platform admins; customers use the Customer Portal at{' '}
      <a href="/portal/">/portal/</a>
    </span>
  );
}

export function WrongRoleNotice() {
  return (
    <div className="banner banner-warning" role="alert">
      <WrongRoleMessage />
    </div>
  );
}
