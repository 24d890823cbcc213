export * from './AcceptInvitationForm';
export * from './InviteForm';
export * from './PendingInvitations';
export * from './roles';
export * from './team-types';
export * from './TeamMembersTable';
export * from './TeamPanel';
