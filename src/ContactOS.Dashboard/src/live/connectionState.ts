/** live: the hub pushes updates. reconnecting: the hub connection is being (re)established. polling: no hub; queries poll. */
export type ConnectionState = 'live' | 'reconnecting' | 'polling';
