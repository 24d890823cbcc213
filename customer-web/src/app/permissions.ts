import { customerMayManage } from '@usage-monitor/web-kit/team';
import { useViewer } from '../modules/auth/session-context';

// The one place the portal decides which controls to offer (the rule is the web kit's): every
// team and API key control asks useCanManage(); the server refuses the rest regardless.

/** May the signed-in customer manage its tenant's users and API keys (an OWNER)? A MEMBER only reads. */
export function useCanManage(): boolean {
  return customerMayManage(useViewer().customerRole);
}
