using ContactOS.Analytics.Events;

namespace ContactOS.Benchmarks.Query;

/// <summary>
/// Small conversations of one tenant, started at random over the 100 days before <paramref name="now"/>, the same for
/// the same seed so that they can be produced twice (once for HTTP, once for the raw table) without being kept in
/// memory. Each is a start, an intent with its confidence, a customer message with its sentiment given, the AI's answer
/// with its tokens and cost, often a tool call, and one of the outcomes: resolved by the AI, handed off, assigned to an
/// agent who answers and resolves it, handed off and then closed by the AI (a human resolution by the "no handoff ever"
/// rule), handed off and still pending, or still active. Most resolutions are followed by a close, some by feedback.
/// Every event lies at least a quarter of an hour before <paramref name="now"/>.
/// </summary>
internal sealed class KpiTraffic(int conversations, DateTimeOffset now, int seed = 7)
{
    public const string TenantId = "bench-kpis";

    private static readonly string[] s_intents =
        ["billing_question", "order_status", "technical_support", "cancel", "password_reset", "refund_request", "modify_plan", "store_hours"];

    private static readonly int[] s_moodWeights = [8, 17, 45, 20, 10];
    private static readonly string[] s_tools = ["lookup_order", "get_invoice", "reset_password", "run_line_diagnostics"];

    public int Conversations { get; } = conversations;

    /// <summary>Whole seconds: timestamps then mean the same instant in .NET, in JSON and in PostgreSQL.</summary>
    public DateTimeOffset Now { get; } = new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public IEnumerable<IReadOnlyList<ContactEvent>> Generate()
    {
        var random = new Random(seed);
        var first = Now - TimeSpan.FromDays(100);
        var span = (int)(TimeSpan.FromDays(100) - TimeSpan.FromHours(2)).TotalSeconds;
        for (var index = 0; index < Conversations; index++)
        {
            var conversation = new Conversation($"c{index}", first + TimeSpan.FromSeconds(random.Next(span)));
            conversation.Add(EventTypes.ConversationStarted, 0);
            conversation.Add(EventTypes.IntentDetected, 2, intent: s_intents[random.Next(s_intents.Length)], confidence: random.Next(50, 100) / 100.0);
            conversation.Add(EventTypes.Message, 5, sentiment: Mood(random));
            var tokens = random.Next(50, 600);
            conversation.Add(EventTypes.Message, random.Next(1, 12), role: "ai", tokens: tokens, model: random.Next(4) == 0 ? "gpt-4o" : "gpt-4o-mini");
            if (random.Next(10) < 6)
            {
                conversation.Add(EventTypes.ToolCalled, random.Next(1, 5), tool: s_tools[random.Next(s_tools.Length)], success: random.Next(10) > 0, latencyMs: random.Next(80, 2500));
            }

            var outcome = random.NextDouble();
            if (outcome < 0.62)
            {
                conversation.Add(EventTypes.ConversationResolved, random.Next(60, 600), by: "ai");
                CloseMostly(conversation, random, 0.9);
            }
            else if (outcome < 0.83)
            {
                conversation.Add(EventTypes.HandoffRequested, random.Next(30, 120), reason: Reason(random));
                if (outcome < 0.80)
                {
                    conversation.Add(EventTypes.AgentAssigned, random.Next(30, 240), agent: $"agent-{random.Next(40)}");
                    conversation.Add(EventTypes.Message, random.Next(10, 90), role: "agent");
                }

                conversation.Add(EventTypes.ConversationResolved, random.Next(300, 1800), by: outcome < 0.80 ? "human" : "ai");
                CloseMostly(conversation, random, 0.85);
            }
            else if (outcome < 0.92)
            {
                conversation.Add(EventTypes.HandoffRequested, random.Next(30, 120), reason: Reason(random));
            }
            else
            {
                conversation.Add(EventTypes.Message, random.Next(10, 60), sentiment: Mood(random));
            }

            yield return conversation.Events;
        }
    }

    private static void CloseMostly(Conversation conversation, Random random, double share)
    {
        if (random.NextDouble() < share)
        {
            conversation.Add(EventTypes.ConversationClosed, random.Next(30, 600));
        }

        if (random.NextDouble() < 0.3)
        {
            conversation.Add(EventTypes.Feedback, random.Next(30, 600), csat: random.Next(1, 6), nps: random.Next(0, 11));
        }
    }

    private static int Mood(Random random)
    {
        var draw = random.Next(100);
        for (var mood = 0; mood < s_moodWeights.Length; mood++)
        {
            draw -= s_moodWeights[mood];
            if (draw < 0)
            {
                return mood + 1;
            }
        }

        return 3;
    }

    private static string Reason(Random random) => EventVocabulary.HandoffReasons[random.Next(EventVocabulary.HandoffReasons.Count)];

    /// <summary>One conversation's events, each some seconds after the one before.</summary>
    private sealed class Conversation(string id, DateTimeOffset start)
    {
        private DateTimeOffset _at = start;

        public List<ContactEvent> Events { get; } = new(6);

        public void Add(
            string type, int secondsLater, string? intent = null, int? sentiment = null, string? reason = null, string? by = null,
            string role = "customer", int? tokens = null, string? model = null, double? confidence = null, string? tool = null,
            bool? success = null, int? latencyMs = null, string? agent = null, int? csat = null, int? nps = null)
        {
            _at += TimeSpan.FromSeconds(secondsLater);
            Events.Add(new ContactEvent
            {
                Id = $"{id}-{Events.Count}",
                Type = type,
                Timestamp = _at,
                ConversationId = id,
                Channel = type == EventTypes.ConversationStarted ? "web" : null,
                Role = type == EventTypes.Message ? role : null,
                Intent = intent,
                Confidence = confidence,
                Sentiment = sentiment,
                Tokens = tokens,
                Cost = tokens * (model == "gpt-4o" ? 0.00001m : 0.000002m),
                Model = model,
                Tool = tool,
                Success = success,
                LatencyMs = latencyMs,
                AgentId = agent,
                Csat = csat,
                Nps = nps,
                Reason = reason,
                By = by,
            });
        }
    }
}
