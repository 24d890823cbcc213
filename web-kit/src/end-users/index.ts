export * from './end-user-rules';
export * from './end-user-types';
export * from './EndUserDetails';
export * from './EndUserFilter';
export * from './EndUsersPanel';
export * from './EndUserTable';
export * from './TopEndUsersTable';
export * from './useEndUserList';
