import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { applyLiveMessage, refreshPeriodAnalytics } from '../api/queries';
import type { LiveMessage, Period } from '../api/types';
import type { LiveStatus } from './LiveStatusContext';
import { throttle } from './throttle';

const hubPath = '/hubs/analytics';
const chartRefreshIntervalMs = 2_000;
/** Delays between attempts to start a fresh connection once automatic reconnection has given up or never connected. */
const restartDelaysMs = [5_000, 15_000, 30_000, 60_000];

/**
 * Keeps a SignalR connection to the analytics hub for the signed-in tenant and watches the selected period.
 * Pushed KPIs and roster go straight into the query cache; the period's charts are refreshed at most every 2 s.
 */
export function useLiveConnection(token: string, period: Period): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>({ state: 'reconnecting', firstAttempt: true });
  const periodRef = useRef(period);
  const connectionRef = useRef<HubConnection | null>(null);

  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl(new URL(hubPath, window.location.href).href, { accessTokenFactory: () => token })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    connectionRef.current = connection;

    let disposed = false;
    let failedStarts = 0;
    let restartTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshCharts = throttle(
      () => void refreshPeriodAnalytics(queryClient, periodRef.current),
      chartRefreshIntervalMs,
    );

    const onUpdate = (message: LiveMessage) => {
      applyLiveMessage(queryClient, message);
      refreshCharts();
    };
    // A snapshot starts (or, after a reconnect, resumes) the stream: charts drawn from a fetch in the last interval
    // are current already; older ones, as after a reconnect, are fetched again.
    const onSnapshot = (message: LiveMessage) => {
      applyLiveMessage(queryClient, message);
      void refreshPeriodAnalytics(queryClient, periodRef.current, chartRefreshIntervalMs);
    };
    connection.on('snapshot', onSnapshot);
    connection.on('update', onUpdate);

    // Live means watched: if the hub refuses the watch, drop the connection and fall back to polling.
    const watch = async () => {
      try {
        await connection.invoke('Watch', periodRef.current);
        failedStarts = 0;
        setStatus({ state: 'live', firstAttempt: false });
      } catch {
        await connection.stop();
      }
    };

    const scheduleRestart = () => {
      const delay = restartDelaysMs[Math.min(failedStarts, restartDelaysMs.length - 1)];
      failedStarts += 1;
      restartTimer = setTimeout(() => void start(), delay);
    };

    const start = async () => {
      try {
        await connection.start();
      } catch {
        if (!disposed) {
          setStatus({ state: 'polling', firstAttempt: false });
          scheduleRestart();
        }
        return;
      }
      await watch();
    };

    connection.onreconnecting(() => setStatus({ state: 'reconnecting', firstAttempt: false }));
    connection.onreconnected(() => void watch());
    connection.onclose(() => {
      if (!disposed) {
        setStatus({ state: 'polling', firstAttempt: false });
        scheduleRestart();
      }
    });

    void start();
    return () => {
      disposed = true;
      clearTimeout(restartTimer);
      refreshCharts.cancel();
      connectionRef.current = null;
      void connection.stop();
    };
  }, [token, queryClient]);

  useEffect(() => {
    periodRef.current = period;
    const connection = connectionRef.current;
    if (connection?.state === HubConnectionState.Connected) {
      connection.invoke('Watch', period).catch(() => connection.stop());
    }
  }, [period]);

  return status;
}
