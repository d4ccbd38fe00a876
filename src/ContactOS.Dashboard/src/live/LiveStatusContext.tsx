import { createContext, useContext } from 'react';
import type { ConnectionState } from './connectionState';

export interface LiveStatus {
  state: ConnectionState;
  /** True until the first connection attempt settles, so the indicator can say "connecting" rather than "reconnecting". */
  firstAttempt: boolean;
}

export const LiveStatusContext = createContext<LiveStatus>({ state: 'polling', firstAttempt: false });

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}
