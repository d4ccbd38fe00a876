import type { AgentSort } from '../api/types';

export type HeatmapMode = 'conversations' | 'occupancy';

/** The texts of the agent leaderboard, heatmap and activity timeline (Operations) and the journey lookup (Quality). */
export interface AgentViewsText {
  leaderboard: {
    title: string;
    caption: string;
    sortLabel: string;
    sorts: Record<AgentSort, string>;
    /** The bar chart's text alternative, given the sort's name. */
    chartDescription: (sort: string) => string;
    columns: {
      rank: string;
      agent: string;
      handled: string;
      resolutions: string;
      handleP50: string;
      handleP90: string;
      csat: string;
      occupancy: string;
      utilization: string;
    };
    /** A CSAT mean with its number of responses: "4.3 (12)". */
    csatWithResponses: (mean: string, responses: string) => string;
    /** The label of the button on an agent's name that shows their day below. */
    showDay: (name: string) => string;
    empty: string;
  };
  heatmap: {
    title: string;
    caption: string;
    modeLabel: string;
    modes: Record<HeatmapMode, string>;
    descriptions: Record<HeatmapMode, string>;
    /** The text alternative's figure: the busiest hour, or the highest occupancy. */
    peak: Record<HeatmapMode, (when: string, value: string) => string>;
    /** Said in occupancy mode, where blank cells are hours without any agent online or busy. */
    noOccupancy: string;
    noData: string;
  };
  activity: {
    title: string;
    caption: string;
    agentLabel: string;
    dateLabel: string;
    chooseAgent: string;
    notFound: string;
    description: (name: string, date: string) => string;
    empty: string;
    intervals: string;
    columns: { status: string; from: string; to: string; duration: string };
  };
  journey: {
    title: string;
    caption: string;
    inputLabel: string;
    submit: string;
    notFound: (id: string) => string;
    badId: string;
    empty: string;
    /** "8 events from 10:15 to 10:27". */
    summary: (count: string) => string;
    columns: { time: string; type: string; details: string; sentiment: string };
    types: Readonly<Record<string, string>>;
    roles: Readonly<Record<string, string>>;
    resolvedBy: Readonly<Record<string, string>>;
    channel: string;
    confidence: string;
    tokens: string;
    succeeded: string;
    failed: string;
    agent: string;
    /** The hint on a sentiment the silo scored from the message's text, not one the platform sent. */
    scored: string;
  };
}

export const agentViewsText: Record<'en' | 'es', AgentViewsText> = {
  en: {
    leaderboard: {
      title: 'Agent leaderboard',
      caption: 'Conversations started in the period; status time within it. Select a name to see the agent’s day',
      sortLabel: 'Rank by',
      sorts: {
        resolutions: 'Resolutions',
        handled: 'Handled',
        csat: 'CSAT',
        handleTime: 'Handle time (p50, shortest first)',
        occupancy: 'Occupancy',
      },
      chartDescription: (sort) => `Bar chart of the top agents by ${sort}.`,
      columns: {
        rank: '#',
        agent: 'Agent',
        handled: 'Handled',
        resolutions: 'Resolutions',
        handleP50: 'Handle time p50',
        handleP90: 'Handle time p90',
        csat: 'CSAT (responses)',
        occupancy: 'Occupancy',
        utilization: 'Utilization',
      },
      csatWithResponses: (mean, responses) => `${mean} (${responses})`,
      showDay: (name) => `Show ${name}’s day`,
      empty: 'No agent was active or handled a conversation in this period',
    },
    heatmap: {
      title: 'Busiest hours',
      caption: 'By weekday and hour in the organisation’s time zone',
      modeLabel: 'Show',
      modes: { conversations: 'Conversations', occupancy: 'Occupancy' },
      descriptions: {
        conversations: 'Heatmap of conversations started by weekday and hour.',
        occupancy: 'Heatmap of agent occupancy (busy time of online and busy time) by weekday and hour.',
      },
      peak: {
        conversations: (when, value) => `Busiest hour: ${when}, ${value} conversations started.`,
        occupancy: (when, value) => `Highest occupancy: ${when}, ${value}.`,
      },
      noOccupancy: 'Blank cells: no agent online or busy',
      noData: 'No data',
    },
    activity: {
      title: 'Agent activity',
      caption: 'Online, busy and offline over one day in the organisation’s time zone',
      agentLabel: 'Agent',
      dateLabel: 'Day',
      chooseAgent: 'Choose an agent',
      notFound: 'This agent has not reported a status yet.',
      description: (name, date) => `Timeline of ${name}’s statuses on ${date}.`,
      empty: 'No status reported on this day',
      intervals: 'Status changes',
      columns: { status: 'Status', from: 'From', to: 'To', duration: 'Duration' },
    },
    journey: {
      title: 'Conversation journey',
      caption: 'Every event of one conversation in order, with the sentiment it counts with',
      inputLabel: 'Conversation ID',
      submit: 'Look up',
      notFound: (id) => `No conversation with the ID “${id}” was found.`,
      badId: 'Enter a conversation ID of up to 128 characters, without line breaks or control characters.',
      empty: 'Enter a conversation ID to see its events.',
      summary: (count) => `${count} events`,
      columns: { time: 'Time', type: 'Event', details: 'Details', sentiment: 'Sentiment' },
      types: {
        'conversation.started': 'Started',
        message: 'Message',
        'intent.detected': 'Intent detected',
        'tool.called': 'Tool called',
        'handoff.requested': 'Handoff requested',
        'agent.assigned': 'Agent assigned',
        'conversation.resolved': 'Resolved',
        'conversation.closed': 'Closed',
        feedback: 'Feedback',
        'agent.status': 'Agent status',
      },
      roles: { customer: 'Customer', ai: 'AI', agent: 'Agent' },
      resolvedBy: { ai: 'By AI', human: 'By a human agent' },
      channel: 'Channel',
      confidence: 'confidence',
      tokens: 'tokens',
      succeeded: 'succeeded',
      failed: 'failed',
      agent: 'Agent',
      scored: 'Scored from the message text',
    },
  },
  es: {
    leaderboard: {
      title: 'Ranking de agentes',
      caption:
        'Conversaciones iniciadas en el periodo; tiempo en cada estado dentro de él. Selecciona un nombre para ver la jornada del agente',
      sortLabel: 'Ordenar por',
      sorts: {
        resolutions: 'Resoluciones',
        handled: 'Atendidas',
        csat: 'CSAT',
        handleTime: 'Tiempo de gestión (p50, menor primero)',
        occupancy: 'Ocupación',
      },
      chartDescription: (sort) => `Gráfico de barras de los mejores agentes por ${sort}.`,
      columns: {
        rank: '#',
        agent: 'Agente',
        handled: 'Atendidas',
        resolutions: 'Resoluciones',
        handleP50: 'Tiempo de gestión p50',
        handleP90: 'Tiempo de gestión p90',
        csat: 'CSAT (respuestas)',
        occupancy: 'Ocupación',
        utilization: 'Utilización',
      },
      csatWithResponses: (mean, responses) => `${mean} (${responses})`,
      showDay: (name) => `Ver la jornada de ${name}`,
      empty: 'Ningún agente estuvo activo ni atendió conversaciones en este periodo',
    },
    heatmap: {
      title: 'Horas de más actividad',
      caption: 'Por día de la semana y hora, en la zona horaria de la organización',
      modeLabel: 'Mostrar',
      modes: { conversations: 'Conversaciones', occupancy: 'Ocupación' },
      descriptions: {
        conversations: 'Mapa de calor de conversaciones iniciadas por día de la semana y hora.',
        occupancy:
          'Mapa de calor de la ocupación de los agentes (tiempo ocupado sobre el tiempo conectado u ocupado) por día de la semana y hora.',
      },
      peak: {
        conversations: (when, value) => `Hora punta: ${when}, ${value} conversaciones iniciadas.`,
        occupancy: (when, value) => `Ocupación más alta: ${when}, ${value}.`,
      },
      noOccupancy: 'Celdas en blanco: ningún agente conectado ni ocupado',
      noData: 'Sin datos',
    },
    activity: {
      title: 'Actividad del agente',
      caption: 'Conectado, ocupado y desconectado a lo largo de un día, en la zona horaria de la organización',
      agentLabel: 'Agente',
      dateLabel: 'Día',
      chooseAgent: 'Elige un agente',
      notFound: 'Este agente aún no ha informado de su estado.',
      description: (name, date) => `Cronología de los estados de ${name} el ${date}.`,
      empty: 'Sin cambios de estado este día',
      intervals: 'Cambios de estado',
      columns: { status: 'Estado', from: 'Desde', to: 'Hasta', duration: 'Duración' },
    },
    journey: {
      title: 'Recorrido de la conversación',
      caption: 'Todos los eventos de una conversación en orden, con el sentimiento con el que cuentan',
      inputLabel: 'ID de la conversación',
      submit: 'Buscar',
      notFound: (id) => `No se encontró ninguna conversación con el ID «${id}».`,
      badId: 'Introduce un ID de conversación de hasta 128 caracteres, sin saltos de línea ni caracteres de control.',
      empty: 'Introduce un ID de conversación para ver sus eventos.',
      summary: (count) => `${count} eventos`,
      columns: { time: 'Hora', type: 'Evento', details: 'Detalles', sentiment: 'Sentimiento' },
      types: {
        'conversation.started': 'Inicio',
        message: 'Mensaje',
        'intent.detected': 'Intención detectada',
        'tool.called': 'Llamada a herramienta',
        'handoff.requested': 'Derivación solicitada',
        'agent.assigned': 'Agente asignado',
        'conversation.resolved': 'Resuelta',
        'conversation.closed': 'Cerrada',
        feedback: 'Valoración',
        'agent.status': 'Estado del agente',
      },
      roles: { customer: 'Cliente', ai: 'IA', agent: 'Agente' },
      resolvedBy: { ai: 'Por la IA', human: 'Por un agente' },
      channel: 'Canal',
      confidence: 'confianza',
      tokens: 'tokens',
      succeeded: 'correcta',
      failed: 'fallida',
      agent: 'Agente',
      scored: 'Puntuado a partir del texto del mensaje',
    },
  },
};
