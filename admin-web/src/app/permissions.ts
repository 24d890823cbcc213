import { adminMayChange, adminMayManageAdmins } from '@usage-monitor/web-kit/team';
import { useViewer } from './viewer';

// The one place the console decides which controls to offer (CONVENTIONS 17: the rules are the
// web kit's). Every edit control asks useCanChange(); the server refuses the rest regardless.

/** May the signed-in admin change anything (an OWNER or MANAGER)? A VIEWER only reads. */
export function useCanChange(): boolean {
  return adminMayChange(useViewer()?.adminRole);
}

/** May the signed-in admin see and manage the admin team (an OWNER)? */
export function useCanManageAdmins(): boolean {
  return adminMayManageAdmins(useViewer()?.adminRole);
}
