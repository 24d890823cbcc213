import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { serverEndsSession } from './session-cookie';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  serverEndsSession();
});
